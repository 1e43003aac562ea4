import NaraModel
import NaraPageTree

extension LayoutEngine {
  /// Lays out one item. `width`/`height` are what the parent gives (nil: the item decides
  /// from its own size or its content).
  func layout(_ item: Item, width proposedWidth: Double?, height proposedHeight: Double?, parentHeight: Double?) throws -> Laid {
    itemPath.append(item.id)
    itemSources.append(item.location)
    let groundCount = groundPath.count
    groundPath += item.grounds.flatMap { groundCandidates($0, of: item.id) }
    let isUse: Bool = { if case .group(let g) = item.kind { return g.component != nil }; return false }()
    if isUse { usePath.append(item.location) }
    defer {
      itemPath.removeLast(); itemSources.removeLast(); groundPath.removeSubrange(groundCount...)
      if isUse { usePath.removeLast() }
    }
    let p = item.placement
    // Parents resolve relative extents (`50%`, `1fr`) before they propose a size, so only a
    // fixed length is the item's own business here.
    let width: Double?
    if case .fixed(let l) = p.width { width = l.points } else { width = proposedWidth }
    let height: Double?
    switch p.height {
    case .fixed(let l): height = l.points
    case .percent(let f): height = proposedHeight ?? parentHeight.map { $0 * f }
    case .fraction, .auto: height = proposedHeight
    }
    var laid: Laid
    switch item.kind {
    case .text(let frame):
      laid = try layoutText(frame, item: item, width: width, height: height)
    case .shape(let shape):
      laid = layoutShape(shape, item: item, width: width, height: height)
    case .image(let image):
      laid = try layoutImage(image, item: item, width: width, height: height)
    case .group(let group):
      laid = try layoutGroup(group, item: item, width: width, height: height)
    case .stack(let stack):
      laid = try stack.axis == .vertical
        ? layoutColumn(stack, width: width, height: height, item: item)
        : layoutRow(stack, width: width, height: height)
    case .grid(let grid):
      laid = try layoutGrid(grid, width: width, height: height)
    }
    if let min = p.minHeight?.points, laid.size.height < min - 0.01, case .auto = p.height {
      return try layout(item.withHeight(min), width: proposedWidth, height: min, parentHeight: parentHeight)
    }
    let role: StructureRole
    switch item.role {
    case .artifact: role = .artifact
    case .figure(let alt): role = .figure(alt: alt)
    case .content: role = .group
    }
    if case .figure = role, !(p.rotation != 0 || p.scale != 1 || p.opacity != 1) {
      laid.nodes = [.group(GroupNode(transform: .identity, children: laid.nodes, role: role))]
    } else if case .artifact = role, case .group = item.kind {
      laid.nodes = [.group(GroupNode(transform: .identity, children: laid.nodes, role: role))]
    } else {
      laid.nodes = transformed(laid.nodes, size: laid.size, placement: p, role: role)
    }
    if p.scale != 1 { laid.size = Size(width: laid.size.width * p.scale, height: laid.size.height * p.scale) }
    laid.nodes = laid.nodes.map { $0.owned(by: itemPath, sources: itemSources, grounds: groundPath, placedBy: usePath.last) }
    return laid
  }

  func layoutShape(_ shape: Shape, item: Item, width: Double?, height: Double?) -> Laid {
    let role: StructureRole = { if case .figure(let a) = item.role { return .figure(alt: a) }; return .artifact }()
    func node(_ path: PathData, fill: Colour?, stroke: Stroke?) -> Node {
      .path(PathNode(path: path, fill: fill, stroke: stroke, role: role))
    }
    switch shape.geometry {
    case .rect(let radius):
      let r = Rect(x: 0, y: 0, width: width ?? 0, height: height ?? 0)
      return Laid(size: r.size, nodes: [node(Shapes.rect(r, radius: radius.points), fill: shape.fill, stroke: shape.stroke)])
    case .ellipse:
      let r = Rect(x: 0, y: 0, width: width ?? 0, height: height ?? 0)
      return Laid(size: r.size, nodes: [node(Shapes.ellipse(r), fill: shape.fill, stroke: shape.stroke)])
    case .bubble(let radius, let tail):
      let r = Rect(x: 0, y: 0, width: width ?? 0, height: height ?? 0)
      let path = Shapes.bubble(r, radius: radius.points, tail: tail, rtl: isRTL)
      return Laid(size: r.size, nodes: [node(path, fill: shape.fill, stroke: shape.stroke)])
    case .line(let a, let b):
      let path = PathData([.move(a), .line(b)])
      return Laid(size: Size(width: max(a.x, b.x), height: max(a.y, b.y)), nodes: [node(path, fill: nil, stroke: shape.stroke)])
    case .arrow(let points, let head, let both):
      guard let stroke = shape.stroke else { return Laid(size: .zero, nodes: []) }
      let (line, heads) = Shapes.arrow(points: points, head: head.points, both: both)
      var nodes = [node(line, fill: nil, stroke: stroke)]
      for h in heads { nodes.append(node(h, fill: stroke.colour, stroke: nil)) }
      let maxX = points.map(\.x).max() ?? 0, maxY = points.map(\.y).max() ?? 0
      return Laid(size: Size(width: maxX, height: maxY), nodes: nodes)
    case .path(let data):
      let b = data.bounds ?? Rect(x: 0, y: 0, width: 0, height: 0)
      return Laid(size: Size(width: b.maxX, height: b.maxY), nodes: [node(data, fill: shape.fill, stroke: shape.stroke)])
    case .ruledLines(let spacing, let count):
      // The first line sits one spacing down: room to write above every line.
      let w = width ?? 0
      let n = count ?? max(1, Int(((height ?? spacing.points) / spacing.points + 0.001).rounded(.down)))
      let h = height ?? Double(n) * spacing.points
      var commands: [PathData.Command] = []
      for i in 1...max(1, n) {
        let y = Double(i) * spacing.points
        commands += [.move(Point(x: 0, y: y)), .line(Point(x: w, y: y))]
      }
      return Laid(size: Size(width: w, height: h), nodes: [node(PathData(commands), fill: nil, stroke: shape.stroke)])
    case .qr(let data, let level, let background):
      return layoutQR(data, level: level, background: background, colour: shape.fill ?? .black, item: item, width: width, height: height)
    }
  }

  /// A QR code in a square of the item's width (or height), its quiet zone inside: one path of
  /// squares, a row's neighbouring dark modules joined into one rectangle.
  func layoutQR(_ data: String, level: QRLevel, background: Colour?, colour: Colour, item: Item, width: Double?, height: Double?) -> Laid {
    let side = [width, height].compactMap { $0 }.min() ?? Length.mm(30).points
    let empty = Laid(size: Size(width: side, height: side), nodes: [])
    guard let codes else {
      diagnostics.append(.error(.renderFailure, "QR codes cannot be drawn here (no encoder)", at: item.location, itemID: item.id)); return empty
    }
    let modules: [[Bool]]
    do { modules = try codes.qrModules(data, level: level) } catch {
      diagnostics.append(.error(.qrCode, "cannot make a QR code of this text: \(error)", at: item.location,
                                hints: ["QR codes hold at most about 2,300 characters at level M; shorten the address"], itemID: item.id))
      return empty
    }
    let quiet = 4
    let count = modules.count + 2 * quiet
    let module = side / Double(count)
    if module < Length.mm(0.4).points {
      diagnostics.append(.warning(.qrCode,
        "the QR code's modules are \(formatNumber(Length(points: module).millimetres)) mm: too small for a phone to read in print",
        at: item.location, hints: ["make it at least \(Int((Length.mm(0.4).points * Double(count) / Length.mm(1).points).rounded(.up))) mm wide, or shorten its text"], itemID: item.id))
    }
    var commands: [PathData.Command] = []
    for (r, row) in modules.enumerated() {
      var c = 0
      while c < row.count {
        guard row[c] else { c += 1; continue }
        var end = c
        while end < row.count, row[end] { end += 1 }
        let x0 = Double(c + quiet) * module, x1 = Double(end + quiet) * module
        let y0 = Double(r + quiet) * module, y1 = y0 + module
        commands += [.move(Point(x: x0, y: y0)), .line(Point(x: x1, y: y0)), .line(Point(x: x1, y: y1)), .line(Point(x: x0, y: y1)), .close]
        c = end
      }
    }
    let role: StructureRole = { if case .figure(let a) = item.role { return .figure(alt: a) }; return .artifact }()
    var nodes: [Node] = []
    if let background {
      nodes.append(.path(PathNode(path: Shapes.rect(Rect(x: 0, y: 0, width: side, height: side), radius: 0), fill: background, stroke: nil, role: .artifact)))
    }
    nodes.append(.path(PathNode(path: PathData(commands), fill: colour, stroke: nil, role: role)))
    return Laid(size: Size(width: side, height: side), nodes: nodes)
  }

  func layoutImage(_ image: ImageItem, item: Item, width: Double?, height: Double?) throws -> Laid {
    let natural: Size
    do { natural = try images.naturalSize(ofImageAt: image.path) } catch {
      let hinted = error as? HintedError
      diagnostics.append(.error(.imageUnreadable, "cannot read the image: \(hinted?.message ?? "\(error)")", at: item.location,
                                hints: hinted.map { $0.hints.isEmpty ? ["check that the file is a valid PNG, JPEG or SVG"] : $0.hints }
                                  ?? ["check that the file is a valid PNG, JPEG or SVG"], itemID: item.id))
      return Laid(size: Size(width: width ?? 0, height: height ?? 0), nodes: [])
    }
    let aspect = natural.height > 0 ? natural.width / natural.height : 1
    // An explicit width or height wins; the other follows the image's proportions.
    let fixedW = resolve(item.placement.width, available: width), fixedH = resolve(item.placement.height, available: height)
    let w = fixedW ?? (fixedH.map { $0 * aspect } ?? width ?? natural.width)
    let h = fixedH ?? (fixedW.map { $0 / aspect } ?? height ?? w / aspect)
    let box = Rect(x: 0, y: 0, width: w, height: h)
    var drawn = box
    switch image.fit {
    case .fill: break
    case .contain, .cover:
      let s = image.fit == .contain ? min(w / natural.width, h / natural.height) : max(w / natural.width, h / natural.height)
      let dw = natural.width * s, dh = natural.height * s
      drawn = Rect(x: (w - dw) / 2, y: (h - dh) / 2, width: dw, height: dh)
    }
    let role: StructureRole
    switch item.role {
    case .figure(let alt): role = .figure(alt: alt)
    default: role = .artifact
    }
    return Laid(size: box.size, nodes: [.image(ImageNode(path: image.path, rect: drawn, clip: box, tint: image.tint, role: role))])
  }

  /// Children placed freely. A placed component scales its design to the size asked for.
  func layoutGroup(_ group: Group, item: Item, width: Double?, height: Double?) throws -> Laid {
    if let design = group.designSize {
      let fixedW = resolve(item.placement.width, available: width), fixedH = resolve(item.placement.height, available: height)
      var scale = 1.0
      if let w = fixedW, let h = fixedH { scale = min(w / design.width, h / design.height) }
      else if let w = fixedW { scale = w / design.width }
      else if let h = fixedH { scale = h / design.height }
      let frame = Rect(x: 0, y: 0, width: design.width, height: design.height)
      var nodes: [Node] = []
      var siblings = PlacedSiblings()
      for child in group.items { nodes += try placeAbsolute(child, in: frame, defaultArea: frame, siblings: &siblings) }
      let size = Size(width: design.width * scale, height: design.height * scale)
      if scale != 1 { nodes = [.group(GroupNode(transform: .scale(scale), children: nodes))] }
      return Laid(size: size, nodes: nodes)
    }
    let w = width ?? 0, h = height ?? 0
    let frame = Rect(x: 0, y: 0, width: w, height: h)
    var nodes: [Node] = []
    var bounds = Rect(x: 0, y: 0, width: w, height: h)
    var siblings = PlacedSiblings()
    for child in group.items {
      let placed = try placeAbsolute(child, in: frame, defaultArea: frame, siblings: &siblings)
      nodes += placed
      if let b = Shapes.bounds(of: placed) { bounds = bounds.union(b) }
    }
    return Laid(size: Size(width: width ?? bounds.maxX, height: height ?? bounds.maxY), nodes: nodes)
  }
}

extension LayoutEngine {
  /// The full ids an `on:` name can mean, seen from the item that wrote it: a sibling inside
  /// the same component first, then each enclosing scope, then the page (`himmel` written in
  /// `malbild.station-1` may mean `malbild.station-1.himmel`, `malbild.himmel` or `himmel`).
  func groundCandidates(_ name: String, of itemID: String) -> [String] {
    var out: [String] = []
    var prefix = Substring(itemID)
    while let dot = prefix.lastIndex(of: ".") {
      prefix = prefix[..<dot]
      out.append("\(prefix).\(name)")
    }
    out.append(name)
    return out
  }
}

extension Item {
  /// The item with a fixed height (used to honour `min-height`).
  func withHeight(_ h: Double) -> Item {
    var copy = self
    copy.placement.height = .fixed(.pt(h))
    copy.placement.minHeight = nil
    return copy
  }
}
