import Foundation
import NaraModel

/// Looks at laid-out pages the way a preflight check does: what colour lies under each text,
/// where each image ends up. Boxes, not exact outlines – enough to judge contrast and size.
public enum PageInspection {
  /// A glyph run with the colour beneath it: the fill of the topmost shape drawn before it
  /// under its start, or the white of the paper.
  public struct TextOnBackground: Sendable {
    public var run: GlyphRun
    public var background: Colour
    /// Where the text's item was written.
    public var source: SourceLocation?
  }

  public static func textOverBackgrounds(_ page: RenderedPage) -> [TextOnBackground] {
    var shapes: [(Rect, Colour)] = []
    var out: [TextOnBackground] = []
    func visit(_ nodes: [Node], _ t: Transform) {
      for n in nodes {
        switch n {
        case .path(let p):
          if let fill = p.fill, fill.alpha > 0, let b = p.path.bounds { shapes.append((apply(t, b), fill)) }
        case .text(let text):
          for run in text.runs {
            // A point inside the first letter, a third of the size above the baseline.
            let x = t.a * (run.origin.x + 1) + t.c * (run.origin.y - run.font.size * 0.3) + t.tx
            let y = t.b * (run.origin.x + 1) + t.d * (run.origin.y - run.font.size * 0.3) + t.ty
            let bg = shapes.last { $0.0.minX <= x && x <= $0.0.maxX && $0.0.minY <= y && y <= $0.0.maxY }?.1 ?? .white
            if run.text.contains(where: { !$0.isWhitespace }) {
              out.append(TextOnBackground(run: run, background: bg.over(.white), source: text.sources.last))
            }
          }
        case .image: break
        case .group(let g): visit(g.children, g.transform.then(t))
        }
      }
    }
    visit(page.nodes, .identity)
    return out
  }

  /// Each image with the box it is drawn into on the page (transforms applied); an image
  /// wrapped in a figure group takes the group's owners.
  public static func images(_ page: RenderedPage) -> [(ImageNode, Rect)] {
    var out: [(ImageNode, Rect)] = []
    func visit(_ nodes: [Node], _ t: Transform, _ owners: [String]) {
      for n in nodes {
        if case .image(var i) = n {
          if i.owners.isEmpty { i.owners = owners }
          out.append((i, apply(t, i.rect)))
        }
        if case .group(let g) = n { visit(g.children, g.transform.then(t), g.owners.isEmpty ? owners : g.owners) }
      }
    }
    visit(page.nodes, .identity, [])
    return out
  }

  /// The bounding box of a rectangle after a transform.
  public static func apply(_ t: Transform, _ r: Rect) -> Rect {
    let corners = [(r.minX, r.minY), (r.maxX, r.minY), (r.minX, r.maxY), (r.maxX, r.maxY)]
      .map { (t.a * $0.0 + t.c * $0.1 + t.tx, t.b * $0.0 + t.d * $0.1 + t.ty) }
    let xs = corners.map(\.0), ys = corners.map(\.1)
    return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
  }

  /// WCAG 2: large text is 18 pt, or 14 pt bold; it needs 3:1, other text 4.5:1.
  public static func requiredContrast(for run: GlyphRun) -> Double {
    let bold = run.font.name.contains("Bold") || run.font.name.contains("Black") || run.font.name.contains("Heavy")
    return run.font.size >= 18 || (bold && run.font.size >= 14) ? 3 : 4.5
  }
}
