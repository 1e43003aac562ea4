import NaraModel
import NaraPageTree

/// What a print shop's preflight finds in the artwork itself (`check --print`): hairlines too
/// thin to print, and backgrounds that reach for the page edge but stop short of the bleed.
public enum PrintCheck {
  /// The thinnest line a press holds (0.25 pt).
  public static let thinnestLine = 0.25

  public static func findings(in document: PagedDocument) -> [Finding] {
    var out: [Finding] = []
    for (i, page) in document.pages.enumerated() { out += findings(on: page, number: i + 1) }
    return out
  }

  public static func findings(on page: RenderedPage, number: Int) -> [Finding] {
    var out: [Finding] = []
    var reported = Set<String>()
    let trim = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
    func visit(_ nodes: [Node], _ t: Transform) {
      for n in nodes {
        switch n {
        case .group(let g): visit(g.children, g.transform.then(t))
        case .path(let p):
          let id = p.owners.last ?? "page"
          let scale = t.scaleFactor
          if let s = p.stroke, s.colour.alpha > 0, s.width.points * scale < thinnestLine - 0.001, reported.insert("line " + id).inserted {
            out.append(Finding(kind: .hairline, severity: .warning, page: number, id: id, location: p.sources.last,
                               message: "page \(number): the line `\(id)` is \(formatNumber(s.width.points * scale)) pt wide; a press needs at least \(formatNumber(thinnestLine)) pt",
                               hints: ["make the stroke at least 0.25pt wide"]))
          }
          guard p.owners.count > 0, let fill = p.fill, fill.alpha > 0, let b = p.path.bounds else { continue }
          let box = t.apply(b)
          if let side = shortOfBleed(box, trim: trim, bleed: page.bleed), reported.insert("bleed " + id).inserted {
            out.append(Finding(kind: .shortOfBleed, severity: .warning, page: number, id: id, location: p.sources.last,
                               message: "page \(number): the shape `\(id)` reaches for the \(side) edge but stops short of the \(formatNumber((Length(points: page.bleed).millimetres * 10).rounded() / 10)) mm bleed; after trimming a white sliver may show",
                               hints: ["run it past the trim edge by the bleed (\(formatNumber(Length(points: page.bleed).millimetres)) mm), or keep it at least 3 mm inside"]))
          }
        default: continue
        }
      }
    }
    visit(page.nodes, .identity)
    return out
  }

  /// The side where a filled box comes within 2 mm of the trim edge or passes it without
  /// filling the bleed; nil when it bleeds fully or keeps clear.
  static func shortOfBleed(_ box: Rect, trim: Rect, bleed: Double) -> String? {
    let near = Length.mm(2).points
    let sides: [(String, Double)] = [
      ("top", trim.minY - box.minY), ("bottom", box.maxY - trim.maxY), ("start", trim.minX - box.minX), ("end", box.maxX - trim.maxX),
    ]
    for (name, past) in sides {
      // past < 0: inside the trim by -past; 0 ≤ past < bleed: in the bleed but not through it.
      if (past > -near && past < -0.01) || (bleed > 0 && past > 0.01 && past < bleed - 0.3) { return name }
    }
    return nil
  }
}

