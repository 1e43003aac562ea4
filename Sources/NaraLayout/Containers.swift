import NaraModel
import NaraPageTree

extension LayoutEngine {
  /// A vertical stack: children one under another, `gap` apart. Children with a fractional
  /// height (`1fr`) share what is left when the stack's height is fixed.
  func layoutColumn(_ stack: Stack, width: Double?, height: Double?, item: Item? = nil) throws -> Laid {
    let pad = stack.padding
    let innerW = width.map { $0 - pad.start.points - pad.end.points }
    let innerH = height.map { $0 - pad.top.points - pad.bottom.points }
    var (nodes, used, contentW) = try columnContent(stack, innerW: innerW, innerH: innerH)
    if let innerH, let item, used > innerH + 0.5 {
      if stack.overflow == .shrink || (shrinkToFit && stack.overflow == .warn) {
        // Set the content wider and taller by 1/scale, then scale it down: the text keeps
        // its measure and shrinks as a whole (not below 80 %).
        var scale = 1.0
        for _ in 0..<6 where used * scale > innerH + 0.5 && scale > 0.8 {
          scale = max(0.8, scale * innerH / (used * scale))
          (nodes, used, contentW) = try columnContent(stack, innerW: innerW.map { $0 / scale }, innerH: innerH / scale)
        }
        nodes = [.group(GroupNode(transform: Transform.scale(scale).then(.translation(pad.start.points * (1 - scale), pad.top.points * (1 - scale))),
                                  children: nodes))]
        diagnostics.append(Diagnostic(stack.overflow == .shrink ? .note : .warning, .shrunk, "stack `\(item.id)` was shrunk to \(Int((scale * 100).rounded())) % to fit its height on page \(pageNumber)",
                                    at: item.location, itemID: item.id))
        used *= scale
      }
      if used > innerH + 0.5 {
        // Content taller than the stack: what follows it on the page would be covered.
        let mm = Length(points: used - innerH).millimetres
        let d = Diagnostic.warning(.overflow,
          "stack `\(item.id)` is \(formatNumber(mm)) mm too tall for its \(formatNumber(Length(points: innerH).millimetres)) mm on page \(pageNumber)",
          at: item.location, hints: ["shorten its texts, give it more room, or let it grow (remove its height)",
                                     "or render with --fit shrink (or give the stack `overflow: shrink`)"], itemID: item.id)
        diagnostics.append(d)
      }
    }
    let totalH = height ?? (used + pad.top.points + pad.bottom.points)
    let size = Size(width: width ?? contentW + pad.start.points + pad.end.points, height: totalH)
    return Laid(size: size, nodes: background(stack, size: size) + nodes)
  }

  /// A vertical stack's children placed in `innerW` × `innerH`: the marks, the height they
  /// take and their width.
  func columnContent(_ stack: Stack, innerW: Double?, innerH: Double?) throws -> ([Node], Double, Double) {
    let pad = stack.padding
    let gaps = stack.gap.points * Double(max(0, stack.items.count - 1))
    // First the children whose height does not depend on leftover space.
    var laid: [Laid?] = Array(repeating: nil, count: stack.items.count)
    var used = gaps
    var fractions = 0.0
    for (i, child) in stack.items.enumerated() {
      if case .fraction(let f) = child.placement.height, innerH != nil { fractions += f; continue }
      let childW = childWidth(child, available: innerW, stretch: stack.alignment == .stretch)
      laid[i] = try layout(child, width: childW, height: nil, parentHeight: innerH)
      used += laid[i]!.size.height
    }
    if let innerH, fractions > 0 {
      let share = max(0, innerH - used) / fractions
      for (i, child) in stack.items.enumerated() where laid[i] == nil {
        guard case .fraction(let f) = child.placement.height else { continue }
        let childW = childWidth(child, available: innerW, stretch: stack.alignment == .stretch)
        laid[i] = try layout(child, width: childW, height: share * f, parentHeight: innerH)
        used += laid[i]!.size.height
      }
    }
    let contentW = innerW ?? laid.compactMap { $0?.size.width }.max() ?? 0
    let (start, between) = justify(stack.justify, free: (innerH ?? used) - used, count: stack.items.count)
    var y = pad.top.points + start
    var nodes: [Node] = []
    let total = (innerW.map { $0 + pad.start.points + pad.end.points }) ?? contentW
    for l in laid {
      guard let l else { continue }
      let x = pad.start.points + crossOffset(stack.alignment, free: contentW - l.size.width)
      nodes += l.nodes.map { $0.offset(dx: mirrorX(x, width: l.size.width, in: total), dy: y) }
      y += l.size.height + stack.gap.points + between
    }
    return (nodes, used, contentW)
  }

  /// A horizontal stack (`row`): children side by side. Fixed widths first; `auto` and `fr`
  /// children share the rest (auto counts as `1fr`), so a longer translation wraps instead of
  /// overlapping. With `align: stretch` every child is as tall as the tallest.
  func layoutRow(_ stack: Stack, width: Double?, height: Double?) throws -> Laid {
    let pad = stack.padding
    let innerW = (width ?? 0) - pad.start.points - pad.end.points
    let innerH = height.map { $0 - pad.top.points - pad.bottom.points }
    let widths = distribute(stack.items.map(\.placement.width), total: innerW, gap: stack.gap.points)
    var laid: [Laid] = []
    for (child, w) in zip(stack.items, widths) {
      laid.append(try layout(child, width: w, height: nil, parentHeight: innerH))
    }
    let rowH = innerH ?? laid.map(\.size.height).max() ?? 0
    if stack.alignment == .stretch {
      for (i, child) in stack.items.enumerated() where laid[i].size.height < rowH && stretchable(child) {
        laid[i] = try layout(child, width: widths[i], height: rowH, parentHeight: innerH)
      }
    }
    let usedW = laid.map(\.size.width).reduce(0, +) + stack.gap.points * Double(max(0, laid.count - 1))
    let (start, between) = justify(stack.justify, free: innerW - usedW, count: laid.count)
    var x = pad.start.points + start
    var nodes: [Node] = []
    let total = width ?? usedW + pad.start.points + pad.end.points
    for l in laid {
      let y = pad.top.points + crossOffset(stack.alignment, free: rowH - l.size.height)
      nodes += l.nodes.map { $0.offset(dx: mirrorX(x, width: l.size.width, in: total), dy: y) }
      x += l.size.width + stack.gap.points + between
    }
    let size = Size(width: total, height: height ?? rowH + pad.top.points + pad.bottom.points)
    return Laid(size: size, nodes: background(stack, size: size) + nodes)
  }

  /// A grid: columns as given (`[1fr, 2fr]`, `[40mm, 1fr]`, or a count), rows as tall as their
  /// tallest cell; cells stretch to the row's height.
  func layoutGrid(_ grid: Grid, width: Double?, height: Double?) throws -> Laid {
    let total = width ?? 0
    let widths = distribute(grid.columns, total: total, gap: grid.columnGap.points)
    let cols = max(1, widths.count)
    var nodes: [Node] = []
    var y = 0.0
    var index = 0
    while index < grid.items.count {
      let row = Array(grid.items[index..<min(index + cols, grid.items.count)])
      var laid = try zip(row, widths).map { try layout($0, width: $1, height: nil, parentHeight: height) }
      let rowH = laid.map(\.size.height).max() ?? 0
      if grid.alignment == .stretch {
        for (i, child) in row.enumerated() where laid[i].size.height < rowH && stretchable(child) {
          laid[i] = try layout(child, width: widths[i], height: rowH, parentHeight: height)
        }
      }
      var x = 0.0
      for (i, l) in laid.enumerated() {
        let dy = crossOffset(grid.alignment, free: rowH - l.size.height)
        nodes += l.nodes.map { $0.offset(dx: mirrorX(x, width: l.size.width, in: total), dy: y + dy) }
        x += widths[i] + grid.columnGap.points
      }
      y += rowH + grid.rowGap.points
      index += cols
    }
    if !grid.items.isEmpty { y -= grid.rowGap.points }
    return Laid(size: Size(width: total, height: height ?? y), nodes: nodes)
  }

  // MARK: Helpers

  /// The stack's background shape, sized to the stack.
  func background(_ stack: Stack, size: Size) -> [Node] {
    guard let bg = stack.background else { return [] }
    let box = Rect(x: 0, y: 0, width: size.width, height: size.height)
    let path: PathData
    switch bg.geometry {
    case .bubble(let radius, let tail): path = Shapes.bubble(box, radius: radius.points, tail: tail, rtl: isRTL)
    case .rect(let radius): path = Shapes.rect(box, radius: radius.points)
    default: path = Shapes.rect(box, radius: 0)
    }
    return [.path(PathNode(path: path, fill: bg.fill, stroke: bg.stroke, role: .artifact))]
  }

  func childWidth(_ child: Item, available: Double?, stretch: Bool) -> Double? {
    if let w = resolve(child.placement.width, available: available) { return w }
    return stretch ? available : nil
  }

  /// Widths for fixed, percentage and fractional extents; `auto` counts as `1fr`.
  func distribute(_ extents: [Extent], total: Double, gap: Double) -> [Double] {
    let available = total - gap * Double(max(0, extents.count - 1))
    var fixed = 0.0, fractions = 0.0
    for e in extents {
      switch e {
      case .fixed(let l): fixed += l.points
      case .percent(let p): fixed += p * available
      case .fraction(let f): fractions += f
      case .auto: fractions += 1
      }
    }
    let share = fractions > 0 ? max(0, available - fixed) / fractions : 0
    return extents.map {
      switch $0 {
      case .fixed(let l): l.points
      case .percent(let p): p * available
      case .fraction(let f): share * f
      case .auto: share
      }
    }
  }

  func stretchable(_ item: Item) -> Bool {
    if case .auto = item.placement.height { return true }
    if case .fraction = item.placement.height { return true }
    return false
  }

  func crossOffset(_ a: CrossAlignment, free: Double) -> Double {
    switch a {
    case .start, .stretch: 0
    case .center: free / 2
    case .end: free
    }
  }

  func justify(_ j: Stack.Justify, free: Double, count: Int) -> (Double, Double) {
    let f = max(0, free)
    switch j {
    case .start: return (0, 0)
    case .center: return (f / 2, 0)
    case .end: return (f, 0)
    case .spaceBetween: return (0, count > 1 ? f / Double(count - 1) : 0)
    }
  }

  /// In a right-to-left document, children run from the right edge.
  func mirrorX(_ x: Double, width: Double, in total: Double) -> Double {
    isRTL ? total - x - width : x
  }
}
