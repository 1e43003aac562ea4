import Foundation
import NaraLayout
import NaraLoader
import NaraModel
import NaraPageTree
import TestSupport
import Testing

/// A shaper with arithmetic you can do in your head: every character advances half the font
/// size, ascent is 0.8 × size and descent 0.2 × size. Lines break greedily at spaces and after
/// soft hyphens (drawing a hyphen), and at U+2028. A line's `text` is its slice of the
/// paragraph, as Pango gives it (trailing space and soft hyphen included); its runs' text is
/// what is drawn. (NIO's `EmbeddedChannel`, for text.)
final class FixedAdvanceShaper: TextShaper {
  /// Every paragraph asked for, with the width it was set at.
  private(set) var requests: [(text: String, width: Double)] = []

  static func fontName(_ f: FontSpec) -> String {
    f.family + (f.weight >= 700 ? " Bold" : "") + (f.italic ? " Italic" : "")
  }


  func shape(_ paragraph: StyledParagraph, width: Double) throws -> ShapedParagraph {
    requests.append((paragraph.text, width))
    // Characters with their span; segments end after a break opportunity.
    var chars: [(c: Character, span: Int)] = []
    for (i, s) in paragraph.spans.enumerated() { for c in s.text { chars.append((c, i)) } }
    var segments: [[(c: Character, span: Int)]] = [[]]
    var forced: Set<Int> = []  // segment indices that end with a forced break
    for ch in chars {
      segments[segments.count - 1].append(ch)
      if ch.c == "\u{2028}" { forced.insert(segments.count - 1); segments.append([]); continue }
      if ch.c == " " || ch.c == "\u{00AD}" { segments.append([]) }
    }
    let size = { (span: Int) in paragraph.spans[span].font.size }
    func measure(_ line: [(c: Character, span: Int)]) -> Double {
      var l = line
      while l.last?.c == " " || l.last?.c == "\u{2028}" { l.removeLast() }
      return l.enumerated().reduce(0) { sum, e in
        e.element.c == "\u{00AD}" ? sum + (e.offset == l.count - 1 ? 0.5 * size(e.element.span) : 0) : sum + 0.5 * size(e.element.span)
      }
    }
    var lines: [[(c: Character, span: Int)]] = []
    var current: [(c: Character, span: Int)] = []
    for (i, seg) in segments.enumerated() {
      if !current.isEmpty, measure(current + seg) > width + 0.001 { lines.append(current); current = [] }
      current += seg
      if forced.contains(i) { lines.append(current); current = [] }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return ShapedParagraph(lines: lines.map { makeLine($0, paragraph: paragraph, width: width) })
  }

  private func makeLine(_ raw: [(c: Character, span: Int)], paragraph: StyledParagraph, width: Double) -> ShapedLine {
    var chars = raw
    while chars.last?.c == " " || chars.last?.c == "\u{2028}" { chars.removeLast() }
    let hyphenated = chars.last?.c == "\u{00AD}"
    if hyphenated { chars[chars.count - 1].c = "-" }
    chars.removeAll { $0.c == "\u{00AD}" }
    let lineWidth = chars.reduce(0) { $0 + 0.5 * paragraph.spans[$1.span].font.size }
    let rtl = paragraph.direction == .rtl
    var x: Double
    switch paragraph.alignment {
    case .start, .justify: x = rtl ? width - lineWidth : 0
    case .end: x = rtl ? 0 : width - lineWidth
    case .center: x = (width - lineWidth) / 2
    }
    var runs: [GlyphRun] = []
    var i = 0
    while i < chars.count {
      let span = paragraph.spans[chars[i].span]
      var j = i
      while j < chars.count && chars[j].span == chars[i].span { j += 1 }
      let text = String(chars[i..<j].map(\.c))
      let advance = 0.5 * span.font.size
      let glyphs = chars[i..<j].enumerated().map { k, _ in Glyph(id: UInt32(k + 1), advance: advance, cluster: k) }
      runs.append(GlyphRun(
        font: FontFace(name: Self.fontName(span.font), size: span.font.size), origin: Point(x: x, y: 0), glyphs: glyphs,
        text: text, colour: span.colour, underline: span.underline, link: span.link, bidiLevel: rtl ? 1 : 0))
      x += advance * Double(j - i)
      i = j
    }
    let sizes = Set(chars.map(\.span)).map { paragraph.spans[$0].font.size }
    let biggest = sizes.max() ?? paragraph.spans.first?.font.size ?? 0
    return ShapedLine(runs: runs, width: lineWidth, ascent: 0.8 * biggest, descent: 0.2 * biggest,
                      hyphenated: hyphenated, text: String(raw.map(\.c)))
  }
}

/// Every image is 100 × 50 pt.
final class FakeImages: ImageInspector {
  func naturalSize(ofImageAt path: String) throws -> Size { Size(width: 100, height: 50) }
}

/// Size 10pt, leading 1.2: a line is 12 pt high and its baseline 9 pt below its top
/// ((12 − 10) / 2 + 8).
let layoutTheme = """
  colours:
    svart: "#000000"
    röd: "#ff0000"
  fonts:
    body: Test Sans
  default-style: bröd
  styles:
    bröd: { font: body, size: 10pt, leading: 1.2, colour: svart, hyphenate: false }
    luft: { based-on: bröd, space-before: 6pt, space-after: 4pt }
    stor: { based-on: bröd, size: 20pt, leading: 1.5 }
    rubrik: { based-on: bröd, weight: bold, size: 20pt, leading: 1.0 }
    punkt: { based-on: bröd, list-indent: 10pt }
  markup:
    heading-1: rubrik
    list-item: punkt
  """

/// A 400 × 300 pt page with 20 pt margins around `items` (indented under `- items:`).
func page(_ items: String, document: String = "size: [400pt, 300pt]\n  margins: 20pt", after: String = "") -> String {
  let indented = items.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }
  return "document:\n  \(document)\ntheme: theme.yaml\npages:\n  - items:\n" + indented.joined(separator: "\n") + "\n" + after
}

struct LaidOut {
  let document: PagedDocument
  let diagnostics: [Diagnostic]
  let shaper: FixedAdvanceShaper
  var nodes: [Node] { document.pages.flatMap(\.nodes) }
}

/// Loads the layout (with the test theme and a placeholder `bild.png`) from a fresh temporary
/// directory and lays it out with the fake shaper and images.
func layOut(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> LaidOut {
  let dir = URL(fileURLWithPath: try tempDirectory(prefix: "nara-layout"))
  defer { try? FileManager.default.removeItem(at: dir) }
  try Data(layoutTheme.utf8).write(to: dir.appendingPathComponent("theme.yaml"))
  try Data(yaml.utf8).write(to: dir.appendingPathComponent("layout.yaml"))
  try Data([0x89, 0x50, 0x4E, 0x47]).write(to: dir.appendingPathComponent("bild.png"))
  let loaded: LoadedLayout
  do { loaded = try LayoutLoader().load(path: dir.appendingPathComponent("layout.yaml").path) } catch {
    Issue.record(Comment(rawValue: "the layout does not load:\n\(error)"), sourceLocation: sourceLocation)
    throw error
  }
  let shaper = FixedAdvanceShaper()
  let result = try LayoutEngine(shaper: shaper, images: FakeImages(), preparer: VerbatimPreparer()).layout(loaded.document)
  return LaidOut(document: result.document, diagnostics: result.diagnostics, shaper: shaper)
}

// MARK: Finding marks

/// Nodes in page coordinates, groups' transforms applied to translations only (enough for
/// the untransformed layouts these tests look into).
func flatten(_ nodes: [Node], dx: Double = 0, dy: Double = 0) -> [Node] {
  nodes.flatMap { n -> [Node] in
    if case .group(let g) = n, g.transform.a == 1, g.transform.b == 0, g.transform.c == 0, g.transform.d == 1 {
      return flatten(g.children, dx: dx + g.transform.tx, dy: dy + g.transform.ty)
    }
    return [moved(n, dx: dx, dy: dy)]
  }
}

private func moved(_ n: Node, dx: Double, dy: Double) -> Node {
  switch n {
  case .path(var p): p.path = p.path.translated(dx: dx, dy: dy); return .path(p)
  case .text(var t):
    for i in t.runs.indices { t.runs[i].origin.x += dx; t.runs[i].origin.y += dy }
    return .text(t)
  case .image(var i): i.rect.origin.x += dx; i.rect.origin.y += dy; return .image(i)
  case .group(var g): g.transform.tx += dx; g.transform.ty += dy; return .group(g)
  }
}

extension LaidOut {
  /// Bounds of every path, in drawing order.
  var paths: [Rect] { flatten(nodes).compactMap { if case .path(let p) = $0 { p.path.bounds } else { nil } } }
  /// Every glyph run, in drawing order.
  var runs: [GlyphRun] { flatten(nodes).flatMap { n -> [GlyphRun] in if case .text(let t) = n { t.runs } else { [] } } }
  func runs(of id: String) -> [GlyphRun] {
    flatten(nodes).flatMap { n -> [GlyphRun] in if case .text(let t) = n, t.id.hasPrefix(id + "#") { t.runs } else { [] } }
  }
  var groups: [GroupNode] { nodes.compactMap { if case .group(let g) = $0 { g } else { nil } } }
}

/// `[x, y, width, height]`, rounded to 0.01 pt, for comparing rectangles.
func box(_ r: Rect?) -> [Double]? {
  r.map { [$0.minX, $0.minY, $0.width, $0.height].map { ($0 * 100).rounded() / 100 } }
}

func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
