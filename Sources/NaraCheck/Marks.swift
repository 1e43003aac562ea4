import Foundation
import NaraModel
import NaraPageTree

/// A page flattened for checking: every text and every drawn shape or image in page
/// coordinates (transforms applied), in drawing order. Pure geometry, no C.
struct PageMarks {
  var texts: [TextMark] = []
  var shapes: [ShapeMark] = []

  init(_ page: RenderedPage) {
    var order = 0
    visit(page.nodes, .identity, opaque: true, order: &order)
  }

  private mutating func visit(_ nodes: [Node], _ t: Transform, opaque: Bool, order: inout Int) {
    for node in nodes {
      order += 1
      switch node {
      case .text(let text):
        if let mark = TextMark(text, t, order: order) { texts.append(mark) }
      case .path(let p):
        shapes.append(ShapeMark(p, t, opaque: opaque, order: order))
      case .image(let i):
        shapes.append(ShapeMark(i, t, order: order))
      case .group(let g):
        visit(g.children, g.transform.then(t), opaque: opaque && g.opacity >= 0.999, order: &order)
      }
    }
  }
}

/// One text block's ink: a box per word, and per line its baseline and extent.
struct TextMark {
  struct Line { var baseline: Double; var minX: Double; var maxX: Double; var size: Double; var words: [Rect] }
  var id: String
  var owners: [String]
  var sources: [SourceLocation]
  var grounds: Set<String>
  var forcedBreaks: [String]
  var placedBy: SourceLocation?
  var words: [Rect]
  var lines: [Line]
  var bounds: Rect
  var text: String
  var size: Double
  var order: Int

  init?(_ node: TextNode, _ t: Transform, order: Int) {
    let scale = t.scaleFactor
    var words: [Rect] = []
    var lines: [Line] = []
    var size = 0.0
    for run in node.runs {
      let boxes = run.inkBoxes.map { t.apply(Rect(x: $0.minX + run.origin.x, y: $0.minY + run.origin.y, width: $0.width, height: $0.height)) }
      guard !boxes.isEmpty else { continue }
      words += boxes
      let s = run.font.size * scale
      size = max(size, s)
      let baseline = t.apply(run.origin).y
      let minX = boxes.map(\.minX).min() ?? 0, maxX = boxes.map(\.maxX).max() ?? 0
      // Runs of one line of one block merge into one line.
      if let i = lines.firstIndex(where: { abs($0.baseline - baseline) < 0.5 }) {
        lines[i].minX = min(lines[i].minX, minX); lines[i].maxX = max(lines[i].maxX, maxX); lines[i].size = max(lines[i].size, s)
        lines[i].words += boxes
      } else {
        lines.append(Line(baseline: baseline, minX: minX, maxX: maxX, size: s, words: boxes))
      }
    }
    guard var bounds = words.first else { return nil }
    for w in words { bounds = bounds.union(w) }
    id = node.id; owners = node.owners; sources = node.sources; grounds = Set(node.grounds)
    forcedBreaks = node.forcedBreaks
    placedBy = node.placedBy
    self.words = words; self.lines = lines; self.bounds = bounds; self.size = size; self.order = order
    text = node.runs.map(\.text).joined().replacingOccurrences(of: "\u{00AD}", with: "")
  }

  /// The item that wrote the text (`p1.3`, not `p1.3#2`).
  var itemID: String { owners.last ?? String(id.split(separator: "#").first ?? "") }
  var snippet: String {
    let flat = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{2066}" || $0 == "\u{2069}" }).joined(separator: " ")
    return flat.count > 40 ? String(flat.prefix(38)) + "…" : flat
  }
}

/// A drawn shape or image: its filled outline (polygons), its stroked outline (polylines with
/// half the stroke width) and whether it hides what lies under it.
struct ShapeMark {
  var owners: [String]
  var sources: [SourceLocation]
  var fills: [[Point]] = []
  var strokes: [[Point]] = []
  var halfStroke = 0.0
  var opaqueFill: Bool
  var isImage: Bool
  var isPageBackground: Bool
  var bounds: Rect
  var order: Int

  init(_ p: PathNode, _ t: Transform, opaque: Bool, order: Int) {
    owners = p.owners; sources = p.sources; isImage = false; self.order = order
    isPageBackground = p.owners.isEmpty
    // 16 pieces a curve: within a fraction of a point for the curves of a poster.
    let subpaths = p.path.subpaths(piecesPerCurve: 16).map { $0.map { t.apply($0) } }
    if let fill = p.fill, fill.alpha > 0 { fills = subpaths.filter { $0.count > 2 } }
    if let s = p.stroke, s.width.points > 0, s.colour.alpha > 0 {
      strokes = subpaths
      halfStroke = s.width.points / 2 * t.scaleFactor
    }
    opaqueFill = opaque && (p.fill?.alpha ?? 0) >= 0.999
    let pts = subpaths.flatMap { $0 }
    var b = Rect(x: pts.first?.x ?? 0, y: pts.first?.y ?? 0, width: 0, height: 0)
    for q in pts { b = b.union(Rect(x: q.x, y: q.y, width: 0, height: 0)) }
    bounds = Rect(x: b.minX - halfStroke, y: b.minY - halfStroke, width: b.width + 2 * halfStroke, height: b.height + 2 * halfStroke)
  }

  init(_ i: ImageNode, _ t: Transform, order: Int) {
    owners = i.owners; sources = i.sources; isImage = true; opaqueFill = false; isPageBackground = false; self.order = order
    // What shows: the drawn image within its clip.
    let x0 = max(i.rect.minX, i.clip.minX), y0 = max(i.rect.minY, i.clip.minY)
    let x1 = min(i.rect.maxX, i.clip.maxX), y1 = min(i.rect.maxY, i.clip.maxY)
    let corners = [Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1)].map { t.apply($0) }
    fills = [corners]
    bounds = t.apply(Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0)))
  }

  var itemID: String { owners.last ?? "page background" }
  var noun: String { isImage ? "the image" : (fills.isEmpty ? "the line" : "the shape") }
}
