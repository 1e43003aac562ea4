import NaraModel
import Yams

/// What each kind of item becomes in the model: one exhaustive switch, so a new kind in
/// `ItemKindName` does not compile until it is read here.
extension Reader {
  func itemKind(_ kind: ItemKindName, _ f: Fields, main: Node?, at kindNode: Node, item: Item, mode: PlacementMode,
                context: inout LoadContext) -> ItemKind? {
    let id = item.id, theme = context.theme
    switch kind {
    case .text:
      return textFrame(f, main: main, at: kindNode, itemID: id, context: &context).map { .text($0) }
    case .rect, .ellipse, .bubble, .line, .arrow, .path:
      guard let s = shape(kind, f, main: main, at: kindNode, theme: theme) else { return nil }
      if case .absolute = mode {} else if case .line = s.geometry {
        error("lines go in groups or on the page, not in stacks", at: item.location)
      }
      return .shape(s)
    case .image:
      guard let img = image(f, main: main, at: kindNode, theme: theme) else { return nil }
      if case .content = item.role {
        error("an image needs `alt:` text for screen readers, or `alt: \"\"` if it is decoration", at: kindNode)
      }
      return .image(img)
    case .group:
      return .group(Group(items: children(f["items"], of: id, context: &context, mode: .absolute, at: kindNode)))
    case .stack, .row:
      return .stack(stack(f, axis: kind == .row ? .horizontal : .vertical, at: kindNode, id: id, context: &context))
    case .grid:
      return .grid(grid(f, at: kindNode, id: id, context: &context))
    case .use:
      return use(f, main: main, at: kindNode, id: id, context: &context).map { .group($0) }
    case .qr:
      return qrCode(f, main: main, at: kindNode, theme: theme).map { .shape($0) }
    case .lines: return buildingBlock(.lines, f, main: main, at: kindNode, id: id, theme: theme)
    case .checkbox: return buildingBlock(.checkbox, f, main: main, at: kindNode, id: id, theme: theme)
    case .rating: return buildingBlock(.rating, f, main: main, at: kindNode, id: id, theme: theme)
    case .table: return buildingBlock(.table, f, main: main, at: kindNode, id: id, theme: theme)
    }
  }

  func stack(_ f: Fields, axis: Stack.Axis, at kindNode: Node, id: String, context: inout LoadContext) -> Stack {
    var s = Stack(axis: axis, items: children(f["items"], of: id, context: &context, mode: .flow, at: kindNode))
    if let n = f["direction"], let d = rawScalar(n, what: "direction") {
      switch d {
      case "vertical", "column": s.axis = .vertical
      case "horizontal", "row": s.axis = .horizontal
      default: error("direction cannot be `\(d)`", at: n, hints: ["use vertical or horizontal"])
      }
    }
    if let n = f["gap"] { s.gap = length(n, what: "gap") ?? .zero }
    if let n = f["align"] { s.alignment = choice(n, what: "align", as: CrossAlignment.self, aliases: ["centre": .center]) ?? .stretch }
    if let n = f["justify"] { s.justify = choice(n, what: "justify", as: Stack.Justify.self, aliases: ["centre": .center]) ?? .start }
    if let n = f["padding"] { s.padding = insets(n, what: "padding") ?? .zero }
    if let n = f["overflow"] { s.overflow = choice(n, what: "overflow", as: OverflowPolicy.self) ?? .warn }
    if f.has("fill") || f.has("stroke") {
      var bf = f
      bf.entries = bf.entries.filter { ["fill", "stroke", "radius", "tail"].contains($0.key) }
      s.background = shape(f.has("tail") ? .bubble : .rect, bf, main: nil, at: kindNode, theme: context.theme, sizedByContainer: true)
    } else if let n = f["radius"] ?? f["tail"] {
      error("`radius` and `tail` shape the stack's background; add a `fill` or `stroke`", at: n)
    }
    return s
  }

  func grid(_ f: Fields, at kindNode: Node, id: String, context: inout LoadContext) -> Grid {
    var columns: [Extent] = [.fraction(1), .fraction(1)]
    if let n = f["columns"] {
      if case .sequence(let seq) = n { columns = seq.compactMap { dimension($0, what: "column width") } }
      else if let c = integer(n, what: "columns", range: 1...24) { columns = Array(repeating: .fraction(1), count: c) }
    }
    var g = Grid(columns: columns, items: children(f["items"], of: id, context: &context, mode: .flow, at: kindNode))
    if let n = f["gap"], let l = length(n, what: "gap") { g.rowGap = l; g.columnGap = l }
    if let n = f["row-gap"] { g.rowGap = length(n, what: "row-gap") ?? .zero }
    if let n = f["column-gap"] { g.columnGap = length(n, what: "column-gap") ?? .zero }
    if let n = f["align"] { g.alignment = choice(n, what: "align", as: CrossAlignment.self) ?? .stretch }
    return g
  }
}
