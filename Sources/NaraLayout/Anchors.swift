import Foundation
import NaraModel
import NaraPageTree

/// What siblings placed so far in one page, group or component look like, so a later item
/// can hang from one of them (`anchor:`): each item's box, and for lines and paths the
/// drawn path, in the parent's coordinates after right-to-left mirroring.
struct PlacedSiblings {
  struct Entry {
    var box: Rect
    /// The path as drawn and half its stroke width (paths, lines and arrows).
    var path: PathData?
    var halfStroke: Double
  }
  private(set) var entries: [String: Entry] = [:]
  private(set) var order: [String] = []

  /// Records a placed item; for a line, arrow or path also the path as drawn (through any
  /// group its opacity, rotation or scale wrapped it in), so later items can hang from a
  /// point along it.
  mutating func record(_ item: Item, box: Rect, nodes: [Node]) {
    var entry = Entry(box: box, path: nil, halfStroke: 0)
    if case .shape(let shape) = item.kind, shape.geometry.isFreeform, let (path, half) = Self.firstPath(in: nodes, .identity) {
      entry.path = path
      entry.halfStroke = half
    }
    if entries[item.id] == nil { order.append(item.id) }
    entries[item.id] = entry
  }

  static func firstPath(in nodes: [Node], _ t: Transform) -> (PathData, Double)? {
    for n in nodes {
      switch n {
      case .path(let p):
        let path = t.isIdentity ? p.path : p.path.mapPoints(t.apply)
        return (path, (p.stroke?.width.points ?? 0) / 2 * t.scaleFactor)
      case .group(let g):
        if let found = firstPath(in: g.children, g.transform.then(t)) { return found }
      case .text, .image: continue
      }
    }
    return nil
  }

  subscript(id: String) -> Entry? { entries[id] }
}

extension LayoutEngine {
  /// Places an anchored item: its box is laid out at its own size, then moved so that its
  /// `self` point meets the target's point (or, along a path, so it stands clear of the
  /// stroke on the side asked for). Returns the item's nodes and box in `frame`'s coordinates.
  func placeAnchored(_ item: Item, anchor: Anchor, in frame: Rect, defaultArea: Rect,
                     siblings: PlacedSiblings) throws -> (nodes: [Node], box: Rect)? {
    guard let target = siblings[anchor.target] else {
      let known = siblings.order.suffix(8).map { "`\($0)`" }.joined(separator: ", ")
      diagnostics.append(.error(.anchor,
        "`\(item.id)` is anchored to `\(anchor.target)`, which is not an item placed before it on the same page or in the same group",
        at: anchor.location,
        hints: [known.isEmpty ? "place the target first, in the same `items:` list" : "items placed before it here: \(known)",
                "an anchor can only name an earlier sibling: move the item after its target"], itemID: item.id, subject: anchor.target))
      return nil
    }
    let width = resolve(item.placement.width, available: defaultArea.width) ?? defaultArea.width
    var height = resolve(item.placement.height, available: frame.height)
    let rtl = isRTL
    if case .fraction = item.placement.height, anchor.along == nil, (anchor.selfPoint ?? .topStart).fractions.y == 0 {
      // `height: 1fr` under an anchor: from where the item starts down to the bottom margin,
      // so content that a growing header pushes down gets less room instead of running off.
      let top = target.box.minY + anchor.targetPoint.fractions.y * target.box.height + anchor.offset.y
      height = max(0, defaultArea.maxY - top)
    }
    let laid = try layout(item, width: width, height: height, parentHeight: frame.height)
    let size = laid.size
    // Logical offsets: x towards the end edge.
    let dx = rtl ? -anchor.offset.x : anchor.offset.x, dy = anchor.offset.y
    func point(of box: Rect, _ p: BoxPoint) -> Point {
      let f = p.fractions
      let fx = rtl ? 1 - f.x : f.x
      return Point(x: box.minX + fx * box.width, y: box.minY + f.y * box.height)
    }
    var topLeft: Point
    if let along = anchor.along {
      guard let path = target.path, let (p, tangent) = PathGeometry.point(on: path, at: along) else {
        diagnostics.append(.error(.anchor, "`along:` needs a path, line or arrow to measure along, and `\(anchor.target)` is not one",
                                  at: anchor.location, hints: ["anchor to the path's id, or remove `along:` to anchor to the item's box"],
                                  itemID: item.id, subject: anchor.target))
        return nil
      }
      if let s = anchor.selfPoint {
        let own = point(of: Rect(x: 0, y: 0, width: size.width, height: size.height), s)
        topLeft = Point(x: p.x - own.x + dx, y: p.y - own.y + dy)
      } else {
        // The normal on the side asked for; the box's nearest edge or corner stands
        // `distance` clear of the stroke, centred on the normal.
        var n = Point(x: -tangent.y, y: tangent.x)
        switch anchor.side {
        case .above: if n.y > 0 || (n.y == 0 && n.x != 0) { n = Point(x: -n.x, y: -n.y) }
        case .below: if n.y < 0 { n = Point(x: -n.x, y: -n.y) }
        case .start: if (rtl ? -n.x : n.x) > 0 { n = Point(x: -n.x, y: -n.y) }
        case .end: if (rtl ? -n.x : n.x) < 0 { n = Point(x: -n.x, y: -n.y) }
        }
        let reach = anchor.distance.points + target.halfStroke + size.width / 2 * abs(n.x) + size.height / 2 * abs(n.y)
        let centre = Point(x: p.x + n.x * reach, y: p.y + n.y * reach)
        topLeft = Point(x: centre.x - size.width / 2 + dx, y: centre.y - size.height / 2 + dy)
      }
    } else {
      let there = point(of: target.box, anchor.targetPoint)
      let own = point(of: Rect(x: 0, y: 0, width: size.width, height: size.height), anchor.selfPoint ?? .topStart)
      topLeft = Point(x: there.x - own.x + dx, y: there.y - own.y + dy)
    }
    var own = laid.nodes
    if rtl, case .shape(let shape) = item.kind, shape.geometry.isFreeform {
      // A line or arrow runs the other way in a right-to-left layout, within its own box.
      own = own.map { $0.mirrored(width: size.width) }
    }
    let nodes = own.map { $0.offset(dx: topLeft.x, dy: topLeft.y) }
    return (nodes, Rect(x: topLeft.x, y: topLeft.y, width: size.width, height: size.height))
  }
}

/// Points along a path, by the share of its length (paths flattened into short segments).
enum PathGeometry {
  /// The point `fraction` (0…1) along the path's length and the unit tangent there.
  static func point(on path: PathData, at fraction: Double) -> (Point, Point)? {
    let segments = flatten(path)
    let total = segments.reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
    guard total > 0 else { return nil }
    var remaining = min(max(fraction, 0), 1) * total
    for (i, (a, b)) in segments.enumerated() {
      let len = hypot(b.x - a.x, b.y - a.y)
      guard len > 0 else { continue }
      if remaining <= len || i == segments.count - 1 {
        let t = min(1, remaining / len)
        return (Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t), Point(x: (b.x - a.x) / len, y: (b.y - a.y) / len))
      }
      remaining -= len
    }
    return nil
  }

  /// Straight segments of the path's first subpath (curves split into 24 pieces each).
  static func flatten(_ path: PathData) -> [(Point, Point)] {
    guard let first = path.subpaths(piecesPerCurve: 24).first else { return [] }
    return Array(zip(first, first.dropFirst()))
  }
}
