import Foundation
import NaraCairo
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// Every phrase of Fixtures/content/malbild.md (a copy of ../shared/content/), the poster's words, exactly.
func malbildPhrases() throws -> [String] {
  let text = try String(contentsOfFile: repoRoot + "/Tests/IntegrationTests/Fixtures/content/malbild.md", encoding: .utf8)
  var phrases: [String] = []
  var section = ""
  for raw in text.split(separator: "\n") {
    let line = raw.trimmingCharacters(in: .whitespaces)
    if line.hasPrefix("## ") {
      section = String(line.dropFirst(3))
      // Swedish headings are poster words; English ones describe a section.
      let heading = section.components(separatedBy: " (").first!
      if heading.contains("Principer") || heading.contains("färdriktning") { phrases.append(heading) }
      continue
    }
    if line.hasPrefix("- Title: ") || line.hasPrefix("- Subtitle: ") {
      phrases.append(String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces))
    } else if line.hasPrefix("- ") {
      phrases.append(String(line.dropFirst(2)))
    } else if let dot = line.firstIndex(of: "."), Int(line[..<dot]) != nil {
      phrases.append(String(line[line.index(after: dot)...]).trimmingCharacters(in: .whitespaces))
    } else if line.hasPrefix("|"), !line.contains("---") {
      phrases += line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    } else if section.hasPrefix("The goal"), !line.isEmpty {
      phrases.append(line)
    }
  }
  return phrases
}

@Suite(.serialized) struct PosterTests {
  static let layout = repoRoot + "/layouts/malbild-poster.yaml"

  func renderPoster(format: OutputFormat = .pdf, dpi: Double = 150, name: String = "poster.pdf") throws -> (String, RenderReport) {
    let dir = try tempDirectory()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var options = RenderOptions()
    options.format = format
    options.dpi = dpi
    let out = dir + "/" + name
    return (out, try pipeline.render(Self.layout, to: out, options: options))
  }

  @Test func contentHasAllSections() throws {
    let phrases = try malbildPhrases()
    // Title, subtitle, 5 values, 8 shift cells + Från/Till header, 5 principles + heading,
    // journey heading + 5 stations, goal.
    #expect(phrases.count >= 30, "parsed only \(phrases)")
    #expect(phrases.contains("”Jag får rätt hjälp och stöd i rätt tid”"))
    #expect(phrases.contains("Proaktivt och hälsofrämjande arbete"))
  }

  @Test func pdfIsA3WithOnePage() throws {
    let (pdf, report) = try renderPoster()
    #expect(report.pageCount == 1)
    let info = try run("pdfinfo", [pdf]).out
    #expect(info.contains("Page size:       841.89 x 1190.55 pts (A3)"), "\(info)")
    #expect(info.contains("Pages:           1"))
    #expect(info.contains("Title:           Framtidens Värmland – målbild för nära vård"))
  }

  @Test func everyFontIsEmbeddedAndSubset() throws {
    let (pdf, _) = try renderPoster()
    let lines = try run("pdffonts", [pdf]).out.split(separator: "\n").dropFirst(2)
    #expect(!lines.isEmpty)
    for line in lines {
      let cols = line.split(separator: " ", omittingEmptySubsequences: true)
      // name type [type…] encoding emb sub uni id gen
      let emb = cols[cols.count - 5], sub = cols[cols.count - 4]
      #expect(emb == "yes" && sub == "yes", "not embedded and subset: \(line)")
      #expect(line.contains("Noto"), "a font from outside fonts/fonts.conf: \(line)")
    }
  }

  @Test func everyPhraseOfTheContentIsInThePDF() throws {
    let (pdf, _) = try renderPoster()
    let text = try pdfText(pdf, raw: true)
    for phrase in try malbildPhrases() {
      #expect(text.contains(foldSpace(phrase)), "missing from the poster: \(phrase)")
    }
    // Typed straight quotes came out Swedish.
    #expect(!text.contains("\""))
  }

  /// The sizes a poster read from two metres needs (design.md): the title at least 72 pt,
  /// headings 32 pt, the quotes, shifts, principles and stations 20 pt; nothing below 12 pt
  /// (the sender, read up close).
  @Test func textMeetsPosterSizes() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(Self.layout).document).document
    var sizes: [(id: String, role: String, size: Double, text: String)] = []
    var id = "", role = ""
    for line in doc.dump().split(separator: "\n") {
      let parts = line.split(separator: " ")
      if parts.first == "text", parts.count >= 3 { id = String(parts[1].split(separator: "#")[0]); role = String(parts[2]); continue }
      // run x y w=… Family Style SIZE #colour "text"
      guard parts.first == "run", let hash = parts.firstIndex(where: { $0.hasPrefix("#") }), let size = Double(parts[hash - 1]) else { continue }
      sizes.append((id, role, size, line.split(separator: "\"", maxSplits: 1).last.map(String.init) ?? ""))
    }
    #expect(sizes.contains { $0.id == "malbild.titel" && $0.size >= 72 }, "the title is at least 72 pt")
    let headings = sizes.filter { $0.role == "H2" }
    #expect(Set(headings.map(\.id)) == ["malbild.värden-rubrik", "malbild.principer", "malbild.färdriktning", "malbild.förflyttningar-rubrik"])
    for h in headings { #expect(h.size >= 32, "heading below 32 pt: \(h.text) \(h.size)") }
    let body = sizes.filter { s in ["citat", "skifte-", "principer", "station-", "malbild.mål"].contains { s.id.contains($0) } }
    #expect(body.count > 40)
    for b in body { #expect(b.size >= 20, "body text below 20 pt: \(b.id) \(b.text) \(b.size)") }
    for s in sizes where s.text.count > 3 { #expect(s.size >= 12, "text below 12 pt on the A3 poster: \(s.text) \(s.size)") }
    // The goal is the largest thing after the title: its circle, and its words next to the title's.
    let goal = try #require(sizes.first { $0.id == "malbild.mål" })
    #expect(goal.size > headings.map(\.size).max() ?? 0)
  }

  /// One column grid for the whole sheet (six columns, 9 mm gutters, 18 mm margins): every
  /// block's outer edges on it.
  @Test func blocksSitOnTheGrid() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(Self.layout).document).document
    let mm = 72 / 25.4
    let edges = [18.0, 54, 63, 99, 108, 144, 153, 189, 198, 234, 243, 279]
    func onGrid(_ v: Double) -> Bool { edges.contains { abs($0 - v / mm) < 0.3 } }
    var panels: [(x: Double, w: Double, fill: String)] = []
    for line in doc.dump().split(separator: "\n") where line.hasPrefix("  path ") {
      let parts = line.split(separator: " ")
      guard parts.count >= 6, let x = Double(parts[1]), let w = Double(parts[3]), let fill = parts.first(where: { $0.hasPrefix("fill=") }) else { continue }
      panels.append((x, w, String(fill.dropFirst(5))))
    }
    let quotes = panels.filter { $0.fill == "#e3efe9" }, from = panels.filter { $0.fill == "#dce9f3" }, to = panels.filter { $0.fill == "#2b5f8a" }
    #expect(quotes.count == 5 && from.count == 4 && to.count == 4, "\(panels)")
    for q in quotes { #expect(onGrid(q.x) && onGrid(q.x + q.w), "quote panel \(q.x / mm)–\((q.x + q.w) / mm) mm") }
    for f in from { #expect(onGrid(f.x), "Från cell starts at \(f.x / mm) mm") }
    for t in to { #expect(onGrid(t.x + t.w), "Till cell ends at \((t.x + t.w) / mm) mm") }
    // The principles start on column 4 and end inside column 6.
    var inPrinciples = false
    var starts: [Double] = [], ends: [Double] = []
    for line in doc.dump().split(separator: "\n") {
      let parts = line.split(separator: " ")
      if parts.first == "text" { inPrinciples = parts.count > 1 && parts[1].hasPrefix("malbild.principer#"); continue }
      guard inPrinciples, parts.first == "run", parts.count > 3, let x = Double(parts[1]), let w = Double(parts[3].dropFirst(2)) else { continue }
      starts.append(x); ends.append(x + w)
    }
    #expect(starts.count > 10 && onGrid(starts.min() ?? 0), "principles start at \((starts.min() ?? 0) / mm) mm")
    #expect((ends.max() ?? .infinity) <= 279 * mm + 0.5)
  }

  @Test func pageTreeMatchesGolden() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(Self.layout).document).document
    // Paths are machine-independent; keep the dump free of the checkout's location.
    try Golden.assertText(doc.dump().replacingOccurrences(of: repoRoot, with: "<repo>"), named: "malbild-poster.tree.txt")
  }

  @Test func smallPNGMatchesGolden() throws {
    let (png, report) = try renderPoster(format: .png, dpi: 24, name: "poster.png")
    #expect(report.files == [png])
    let pixels = try PNGPixels(contentsOf: png)
    #expect(pixels.width == 281 && pixels.height == 397)
    try Golden.assertPNG(pixels, named: "malbild-poster-24dpi.png")
  }

  @Test func sameInputGivesSameBytes() throws {
    let (a, _) = try renderPoster(name: "a.pdf")
    let (b, _) = try renderPoster(name: "b.pdf")
    #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
  }
}
