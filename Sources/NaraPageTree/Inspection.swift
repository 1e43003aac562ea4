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
    /// The text's item (`p1.3`).
    public var owner: String?
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
            let probe = t.apply(Point(x: run.origin.x + 1, y: run.origin.y - run.font.size * 0.3))
            let x = probe.x, y = probe.y
            let bg = shapes.last { $0.0.minX <= x && x <= $0.0.maxX && $0.0.minY <= y && y <= $0.0.maxY }?.1 ?? .white
            if run.text.contains(where: { !$0.isWhitespace }) {
              out.append(TextOnBackground(run: run, background: bg.over(.white), source: text.sources.last, owner: text.owners.last))
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

  /// A glyph run's box on the page: its advance across, a size's height up from the baseline
  /// to a fifth below it, through every group's transform.
  public struct TextBox: Sendable {
    public var text: String
    public var box: Rect
    public var minX: Double { box.minX }
    public var maxX: Double { box.maxX }
    public var minY: Double { box.minY }
    public var maxY: Double { box.maxY }
  }

  /// Every run with visible text, boxed in page coordinates.
  public static func textBoxes(_ page: RenderedPage) -> [TextBox] {
    var out: [TextBox] = []
    func visit(_ nodes: [Node], _ t: Transform) {
      for n in nodes {
        switch n {
        case .text(let text):
          for run in text.runs where run.text.contains(where: { !$0.isWhitespace && $0 != "\u{AD}" }) {
            let r = Rect(x: run.origin.x, y: run.origin.y - run.font.size * 0.8, width: run.width, height: run.font.size)
            out.append(TextBox(text: run.text, box: t.apply(r)))
          }
        case .group(let g): visit(g.children, g.transform.then(t))
        case .path, .image: break
        }
      }
    }
    visit(page.nodes, .identity)
    return out
  }

  /// A block of text (a paragraph, heading, list item) as a reader points at it: its box on
  /// the page, the item it belongs to and where that item was written.
  public struct TextBlock: Sendable {
    /// The block's stable id (`p1.3#2`).
    public var id: String
    /// The text item's id and the items around it, outermost first.
    public var owners: [String]
    /// Where the innermost item was written.
    public var source: SourceLocation?
    /// Where the component around it was placed (`use:`), if any.
    public var placedBy: SourceLocation?
    /// Where its words are written (a story's paragraph), when known.
    public var written: SourceLocation?
    public var text: String
    /// The union of its lines' boxes, in page coordinates.
    public var box: Rect
  }

  /// Every text block with visible text, in drawing order (the topmost last).
  public static func textBlocks(_ page: RenderedPage) -> [TextBlock] {
    var out: [TextBlock] = []
    func visit(_ nodes: [Node], _ t: Transform) {
      for n in nodes {
        switch n {
        case .text(let text):
          var box: Rect?
          var words = ""
          var baseline: Double?
          for run in text.runs where run.text.contains(where: { !$0.isWhitespace && $0 != "\u{AD}" }) {
            let r = t.apply(Rect(x: run.origin.x, y: run.origin.y - run.font.size * 0.8, width: run.width, height: run.font.size))
            box = box.map { $0.union(r) } ?? r
            // Runs on one line join as they are; a new line joins with a space, or directly
            // after a hyphenation point (its soft hyphen dropped) or a hyphen.
            if baseline == run.origin.y || words.isEmpty || words.hasSuffix(" ") || words.hasSuffix("-") || words.hasSuffix("\u{2010}") {
              words += run.text
            } else if words.hasSuffix("\u{AD}") {
              words.removeLast()
              words += run.text
            } else {
              words += " " + run.text
            }
            baseline = run.origin.y
          }
          if let box {
            out.append(TextBlock(id: text.id, owners: text.owners, source: text.sources.last, placedBy: text.placedBy,
                                 written: text.written, text: words.replacingOccurrences(of: "\u{AD}", with: ""), box: box))
          }
        case .group(let g): visit(g.children, g.transform.then(t))
        case .path, .image: break
        }
      }
    }
    visit(page.nodes, .identity)
    return out
  }

  /// A colour drawn on a page and the item that drew it.
  public struct DrawnColour: Sendable {
    public var colour: Colour
    public var owner: String?
    public var source: SourceLocation?
  }

  /// Every colour drawn on a page – fills, strokes, text, SVG tints – in drawing order.
  public static func colours(_ page: RenderedPage) -> [DrawnColour] {
    var out: [DrawnColour] = []
    func note(_ c: Colour?, _ owners: [String], _ sources: [SourceLocation]) {
      if let c { out.append(DrawnColour(colour: c, owner: owners.last, source: sources.last)) }
    }
    func visit(_ nodes: [Node]) {
      for n in nodes {
        switch n {
        case .path(let p): note(p.fill, p.owners, p.sources); note(p.stroke?.colour, p.owners, p.sources)
        case .text(let t): for r in t.runs { note(r.colour, t.owners, t.sources) }
        case .image(let i): note(i.tint, i.owners, i.sources)
        case .group(let g): visit(g.children)
        }
      }
    }
    visit(page.nodes)
    return out
  }

  /// Each image with the box it is drawn into on the page (transforms applied); an image
  /// wrapped in a figure group takes the group's owners.
  public static func images(_ page: RenderedPage) -> [(ImageNode, Rect)] {
    var out: [(ImageNode, Rect)] = []
    func visit(_ nodes: [Node], _ t: Transform, _ owners: [String], _ sources: [SourceLocation]) {
      for n in nodes {
        if case .image(var i) = n {
          if i.owners.isEmpty { i.owners = owners }
          if i.sources.isEmpty { i.sources = sources }
          out.append((i, apply(t, i.rect)))
        }
        if case .group(let g) = n {
          visit(g.children, g.transform.then(t), g.owners.isEmpty ? owners : g.owners, g.owners.isEmpty ? sources : g.sources)
        }
      }
    }
    visit(page.nodes, .identity, [], [])
    return out
  }

  /// The bounding box of a rectangle after a transform.
  public static func apply(_ t: Transform, _ r: Rect) -> Rect { t.apply(r) }

  /// WCAG 2: large text is 18 pt, or 14 pt bold; it needs 3:1, other text 4.5:1.
  public static func requiredContrast(for run: GlyphRun) -> Double {
    let bold = run.font.name.contains("Bold") || run.font.name.contains("Black") || run.font.name.contains("Heavy")
    return run.font.size >= 18 || (bold && run.font.size >= 14) ? 3 : 4.5
  }
}
