import NaraModel
import NaraPageTree

/// Paths for the shapes the format offers, built from lines and cubic Béziers.
enum Shapes {
  /// Control-point distance for a quarter circle of radius 1.
  static let kappa = 0.5522847498

  static func rect(_ r: Rect, radius: Double) -> PathData {
    let rad = max(0, min(radius, r.width / 2, r.height / 2))
    if rad == 0 {
      return PathData([.move(Point(x: r.minX, y: r.minY)), .line(Point(x: r.maxX, y: r.minY)),
                       .line(Point(x: r.maxX, y: r.maxY)), .line(Point(x: r.minX, y: r.maxY)), .close])
    }
    return bubble(r, radius: rad, tail: nil, rtl: false)
  }

  static func ellipse(_ r: Rect) -> PathData {
    let cx = r.minX + r.width / 2, cy = r.minY + r.height / 2, rx = r.width / 2, ry = r.height / 2
    let kx = rx * kappa, ky = ry * kappa
    return PathData([
      .move(Point(x: cx + rx, y: cy)),
      .cubic(Point(x: cx + rx, y: cy + ky), Point(x: cx + kx, y: cy + ry), Point(x: cx, y: cy + ry)),
      .cubic(Point(x: cx - kx, y: cy + ry), Point(x: cx - rx, y: cy + ky), Point(x: cx - rx, y: cy)),
      .cubic(Point(x: cx - rx, y: cy - ky), Point(x: cx - kx, y: cy - ry), Point(x: cx, y: cy - ry)),
      .cubic(Point(x: cx + kx, y: cy - ry), Point(x: cx + rx, y: cy - ky), Point(x: cx + rx, y: cy)),
      .close,
    ])
  }

  /// A rounded rectangle, with a pointed tail on one side when `tail` is given (a speech
  /// bubble). The tail sits outside the box, so the box stays the text's area.
  static func bubble(_ r: Rect, radius: Double, tail: BubbleTail?, rtl: Bool) -> PathData {
    let rad = max(0, min(radius, r.width / 2, r.height / 2))
    let k = rad * kappa
    var c: [PathData.Command] = [.move(Point(x: r.minX + rad, y: r.minY))]
    var side = tail?.side
    if rtl, let s = side { side = s == .start ? .end : s == .end ? .start : s }
    let tw = tail?.width.points ?? 0, tl = tail?.length.points ?? 0
    let pos = tail.map { rtl && ($0.side == .top || $0.side == .bottom) ? 1 - $0.position : $0.position } ?? 0

    func tailAlong(from a: Double, to b: Double, fixed: Double, horizontal: Bool, outward: Double) {
      // The tail's base centre lies `pos` along the straight part of the side.
      let span = b - a
      let centre = a + span * pos
      let half = min(tw / 2, abs(span) / 2)
      let dir: Double = span >= 0 ? 1 : -1
      let p1 = centre - dir * half, p2 = centre + dir * half
      // The tip leans toward the side's start, as a speech bubble's does.
      let tip = centre - dir * half * 0.6
      func pt(_ along: Double, _ across: Double) -> Point { horizontal ? Point(x: along, y: across) : Point(x: across, y: along) }
      c.append(.line(pt(p1, fixed)))
      c.append(.line(pt(tip, fixed + outward * tl)))
      c.append(.line(pt(p2, fixed)))
    }
    // Top edge, left → right.
    if side == .top { tailAlong(from: r.minX + rad, to: r.maxX - rad, fixed: r.minY, horizontal: true, outward: -1) }
    c.append(.line(Point(x: r.maxX - rad, y: r.minY)))
    c.append(.cubic(Point(x: r.maxX - rad + k, y: r.minY), Point(x: r.maxX, y: r.minY + rad - k), Point(x: r.maxX, y: r.minY + rad)))
    // Right edge, top → bottom.
    if side == .end { tailAlong(from: r.minY + rad, to: r.maxY - rad, fixed: r.maxX, horizontal: false, outward: 1) }
    c.append(.line(Point(x: r.maxX, y: r.maxY - rad)))
    c.append(.cubic(Point(x: r.maxX, y: r.maxY - rad + k), Point(x: r.maxX - rad + k, y: r.maxY), Point(x: r.maxX - rad, y: r.maxY)))
    // Bottom edge, right → left.
    if side == .bottom { tailAlong(from: r.maxX - rad, to: r.minX + rad, fixed: r.maxY, horizontal: true, outward: 1) }
    c.append(.line(Point(x: r.minX + rad, y: r.maxY)))
    c.append(.cubic(Point(x: r.minX + rad - k, y: r.maxY), Point(x: r.minX, y: r.maxY - rad + k), Point(x: r.minX, y: r.maxY - rad)))
    // Left edge, bottom → top.
    if side == .start { tailAlong(from: r.maxY - rad, to: r.minY + rad, fixed: r.minX, horizontal: false, outward: -1) }
    c.append(.line(Point(x: r.minX, y: r.minY + rad)))
    c.append(.cubic(Point(x: r.minX, y: r.minY + rad - k), Point(x: r.minX + rad - k, y: r.minY), Point(x: r.minX + rad, y: r.minY)))
    c.append(.close)
    return PathData(c)
  }

  /// A polyline shortened where the head begins, and a filled triangular head (two if `both`).
  static func arrow(points: [Point], head: Double, both: Bool) -> (PathData, [PathData]) {
    var pts = points
    var heads: [PathData] = []
    func makeHead(tip: Point, from: Point) -> (PathData, Point) {
      let dx = tip.x - from.x, dy = tip.y - from.y
      let len = max(0.0001, (dx * dx + dy * dy).squareRoot())
      let ux = dx / len, uy = dy / len
      let base = Point(x: tip.x - ux * head, y: tip.y - uy * head)
      let half = head * 0.55
      let l = Point(x: base.x - uy * half, y: base.y + ux * half), r = Point(x: base.x + uy * half, y: base.y - ux * half)
      // The shaft stops inside the head so its cap does not poke out at the tip.
      let shaftEnd = Point(x: tip.x - ux * head * 0.7, y: tip.y - uy * head * 0.7)
      return (PathData([.move(tip), .line(l), .line(r), .close]), shaftEnd)
    }
    let (h1, end) = makeHead(tip: pts[pts.count - 1], from: pts[pts.count - 2])
    heads.append(h1); pts[pts.count - 1] = end
    if both {
      let (h2, start) = makeHead(tip: points[0], from: points[1])
      heads.append(h2); pts[0] = start
    }
    var cmds: [PathData.Command] = [.move(pts[0])]
    for p in pts.dropFirst() { cmds.append(.line(p)) }
    return (PathData(cmds), heads)
  }

  /// The bounding box of some nodes (untransformed groups only; enough for sizing groups).
  static func bounds(of nodes: [Node]) -> Rect? {
    var r: Rect?
    func add(_ b: Rect) { r = r.map { $0.union(b) } ?? b }
    for n in nodes {
      switch n {
      case .path(let p): if let b = p.path.bounds { add(b) }
      case .text(let t):
        for run in t.runs {
          add(Rect(x: run.origin.x, y: run.origin.y - run.font.size, width: run.width, height: run.font.size * 1.3))
        }
      case .image(let i): add(i.clip)
      case .group(let g):
        if let b = bounds(of: g.children) { add(g.transform.apply(b)) }
      }
    }
    return r
  }
}
