import Foundation
import NaraModel

/// Distances between a text's ink boxes and shapes' outlines, in points. Zero means they
/// touch or overlap.
enum Geometry {
  static func contains(_ r: Rect, _ p: Point) -> Bool {
    p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY
  }

  static func intersects(_ a: Rect, _ b: Rect, by margin: Double = 0) -> Bool {
    a.minX < b.maxX + margin && b.minX < a.maxX + margin && a.minY < b.maxY + margin && b.minY < a.maxY + margin
  }

  static func pointSegmentDistance(_ p: Point, _ a: Point, _ b: Point) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    let len2 = dx * dx + dy * dy
    var t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0
    t = min(1, max(0, t))
    return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
  }

  static func segmentsCross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
    func cross(_ o: Point, _ p: Point, _ q: Point) -> Double { (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x) }
    let d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d)
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
  }

  /// The shortest distance between a box and a straight segment (0 when they meet).
  static func distance(_ r: Rect, _ a: Point, _ b: Point) -> Double {
    if contains(r, a) || contains(r, b) { return 0 }
    let corners = [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.maxX, y: r.maxY), Point(x: r.minX, y: r.maxY)]
    for i in 0..<4 where segmentsCross(a, b, corners[i], corners[(i + 1) % 4]) { return 0 }
    var d = Double.infinity
    for c in corners { d = min(d, pointSegmentDistance(c, a, b)) }
    for p in [a, b] {
      let dx = max(r.minX - p.x, 0, p.x - r.maxX), dy = max(r.minY - p.y, 0, p.y - r.maxY)
      d = min(d, hypot(dx, dy))
    }
    return d
  }

  /// Even-odd fill rule over all subpaths.
  static func inside(_ p: Point, _ polygons: [[Point]]) -> Bool {
    var inside = false
    for poly in polygons where poly.count > 2 {
      var j = poly.count - 1
      for i in 0..<poly.count {
        let a = poly[i], b = poly[j]
        if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
        j = i
      }
    }
    return inside
  }

  static func edges(_ polygons: [[Point]], closed: Bool) -> [(Point, Point)] {
    var out: [(Point, Point)] = []
    for poly in polygons where poly.count > 1 {
      for i in 1..<poly.count { out.append((poly[i - 1], poly[i])) }
      if closed, let f = poly.first, let l = poly.last, f != l { out.append((l, f)) }
    }
    return out
  }

  /// How far a box is from what a shape draws: its fill (0 when the box lies over it) and
  /// its stroke (less half the stroke's width).
  static func distance(_ r: Rect, to shape: ShapeMark, within limit: Double) -> Double {
    guard intersects(r, shape.bounds, by: limit) else { return .infinity }
    var d = Double.infinity
    if !shape.fills.isEmpty {
      let centre = Point(x: r.minX + r.width / 2, y: r.minY + r.height / 2)
      if inside(centre, shape.fills) { return 0 }
      for (a, b) in edges(shape.fills, closed: true) {
        d = min(d, distance(r, a, b))
        if d == 0 { return 0 }
      }
    }
    if !shape.strokes.isEmpty {
      for (a, b) in edges(shape.strokes, closed: false) {
        d = min(d, max(0, distance(r, a, b) - shape.halfStroke))
        if d == 0 { return 0 }
      }
    }
    return d
  }

  /// Whether a filled shape covers the whole box.
  static func covers(_ shape: ShapeMark, _ r: Rect) -> Bool {
    guard !shape.fills.isEmpty, shape.bounds.minX <= r.minX, shape.bounds.maxX >= r.maxX,
          shape.bounds.minY <= r.minY, shape.bounds.maxY >= r.maxY else { return false }
    let corners = [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.maxX, y: r.maxY), Point(x: r.minX, y: r.maxY)]
    guard corners.allSatisfy({ inside($0, shape.fills) }) else { return false }
    // No edge of the shape cuts into the box.
    return !edges(shape.fills, closed: true).contains { a, b in
      (contains(r, a) && !onBorder(r, a)) || (contains(r, b) && !onBorder(r, b))
    }
  }

  private static func onBorder(_ r: Rect, _ p: Point) -> Bool {
    abs(p.x - r.minX) < 0.01 || abs(p.x - r.maxX) < 0.01 || abs(p.y - r.minY) < 0.01 || abs(p.y - r.maxY) < 0.01
  }
}
