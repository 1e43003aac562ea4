import Foundation
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Optimal line breaking (Knuth–Plass over Pango's widths) with the real shaper, the real
/// Swedish hyphenation and the leaflet's own paragraphs.
@Suite struct LineBreakingTests {
  /// A text frame `width` wide in a style of the theme, its lines (runs on one baseline
  /// joined) with their widths.
  func lines(_ body: String, width: String, style: String = "brödtext", breaking: String? = nil) throws -> [(text: String, width: Double)] {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let local = breaking.map { "styles:\n  \(style): { line-breaking: \($0) }\n" } ?? ""
    let yaml = "document: { size: A4 }\ntheme: theme.yaml\n\(local)pages:\n  - items:\n      - text: \"\(body)\"\n        width: \(width)\n        style: \(style)\n"
    try yaml.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(dir + "/t.yaml").document).document
    return Self.lines(doc.pages[0].nodes)
  }

  static func lines(_ nodes: [Node]) -> [(text: String, width: Double)] {
    var out: [(y: Double, text: String, minX: Double, maxX: Double)] = []
    func visit(_ nodes: [Node]) {
      for n in nodes {
        if case .text(let t) = n {
          for r in t.runs {
            if let i = out.firstIndex(where: { abs($0.y - r.origin.y) < 0.01 }) {
              out[i].text += r.text
              out[i].minX = min(out[i].minX, r.origin.x)
              out[i].maxX = max(out[i].maxX, r.origin.x + r.width)
            } else {
              out.append((r.origin.y, r.text, r.origin.x, r.origin.x + r.width))
            }
          }
        }
        if case .group(let g) = n { visit(g.children) }
      }
    }
    visit(nodes)
    return out.sorted { $0.y < $1.y }.map { ($0.text, $0.maxX - $0.minX) }
  }

  /// Wherever `kompetensförsörjning` is split, it is split at its joint
  /// (typography-sv.md: `kompetens-försörjning`), at every width from 32 to 70 mm; greedy
  /// breaking splits it inside a part at some of them (so the test can fail). At 30 mm (some
  /// fourteen letters a line) `kompetens-` would stand alone on a line, and a split part is
  /// the lesser evil.
  @Test func aCompoundIsSplitAtItsJoint() throws {
    let text = "Det innebär utmaningar för såväl ekonomin som för vår kompetensförsörjning och för civilsamhället i hela länet."
    var greedyInside = 0
    for mm in stride(from: 32, through: 70, by: 2) {
      for (mode, isOptimal) in [("optimal", true), ("greedy", false)] {
        let result = try lines(text, width: "\(mm)mm", breaking: mode)
        for line in result where line.text.hasSuffix("\u{00AD}") {
          let last = line.text.split(separator: " ").last.map(String.init) ?? ""
          let word = last.replacingOccurrences(of: "\u{00AD}", with: "")
          let joints = ["kompetens": true, "civil": true, "kompetensför": false, "civilsam": false]
          guard let atJoint = joints[word] else { continue }
          if isOptimal {
            #expect(atJoint, "\(mm) mm: `\(word)-` breaks inside a part: \(result.map(\.text))")
          } else if !atJoint {
            greedyInside += 1
          }
        }
      }
    }
    #expect(greedyInside > 0, "greedy breaking never split a part: the test shows nothing")
  }

  /// The leaflet as shipped: no three hyphenated lines in a row, no hyphen in the lead's
  /// first two lines, and a more even ragged edge than greedy breaking gives.
  @Test func theLeafletBreaksBetterThanGreedy() throws {
    let dir = try tempDirectory()
    for sub in ["layouts", "assets"] { try FileManager.default.copyItem(atPath: repoRoot + "/" + sub, toPath: dir + "/" + sub) }
    let leaflet = dir + "/layouts/vad-ar-nara-vard.yaml"
    let original = try String(contentsOfFile: leaflet, encoding: .utf8)
    let greedy = original.replacingOccurrences(of: "\nstories:", with: "\nstyles:\n  blad-text: { line-breaking: greedy }\n  blad-ingress: { line-breaking: greedy }\n  blad-fråga: { line-breaking: greedy }\nstories:")
    #expect(greedy != original)
    try greedy.write(toFile: dir + "/layouts/greedy.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    func paragraphs(_ path: String) throws -> [(id: String, lines: [(text: String, width: Double)])] {
      let page = try pipeline.layout(try pipeline.load(path).document).document.pages[0]
      var out: [(String, [(text: String, width: Double)])] = []
      func visit(_ nodes: [Node]) {
        for n in nodes {
          if case .text(let t) = n, t.id.hasPrefix("text#") { out.append((t.id, Self.lines([n]))) }
          if case .group(let g) = n { visit(g.children) }
        }
      }
      visit(page.nodes)
      return out
    }
    let optimal = try paragraphs(leaflet), plain = try paragraphs(dir + "/layouts/greedy.yaml")
    #expect(optimal.count >= 10, "the leaflet's paragraphs: \(optimal.map(\.id))")
    for p in optimal {
      var run = 0
      for line in p.lines {
        run = line.text.hasSuffix("\u{00AD}") ? run + 1 : 0
        #expect(run <= 2, "\(p.id): three hyphens in a row")
      }
    }
    let lead = try #require(optimal.first { $0.id == "text#1" })
    #expect(!lead.lines.prefix(2).contains { $0.text.hasSuffix("\u{00AD}") }, "a hyphen in the lead's first two lines: \(lead.lines.map(\.text))")
    // The ragged edge: how much line lengths vary within each paragraph (last lines aside).
    func raggedness(_ ps: [(id: String, lines: [(text: String, width: Double)])]) -> Double {
      ps.reduce(0) { total, p in
        let widths = p.lines.dropLast().map(\.width)
        guard widths.count >= 2 else { return total }
        let mean = widths.reduce(0, +) / Double(widths.count)
        return total + widths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(widths.count)
      }
    }
    if ProcessInfo.processInfo.environment["NARA_DEBUG_BREAKS"] != nil {
      for (o, g) in zip(optimal, plain) {
        print("== \(o.id)")
        for l in o.lines { print(String(format: "  O %6.1f ", l.width) + l.text) }
        for l in g.lines { print(String(format: "  G %6.1f ", l.width) + l.text) }
      }
    }
    let a = raggedness(optimal), b = raggedness(plain)
    #expect(a < b, "ragged-edge variance: optimal \(a), greedy \(b)")
    print("ragged-edge variance (sum over the leaflet's paragraphs, pt²): optimal \(Int(a)), greedy \(Int(b))")
  }
}
