/// A vector shape. Rectangles, ellipses and bubbles fill the item's box; lines, arrows and
/// paths are drawn in the parent's coordinates offset by `at`.
public struct Shape: Sendable, Hashable, Codable {
  public var geometry: Geometry
  public var fill: Colour?
  public var stroke: Stroke?
  public init(geometry: Geometry, fill: Colour? = nil, stroke: Stroke? = nil) {
    self.geometry = geometry; self.fill = fill; self.stroke = stroke
  }
}

public enum Geometry: Sendable, Hashable, Codable {
  case rect(radius: Length)
  case ellipse
  /// A rounded box with a pointed tail, like a speech bubble.
  case bubble(radius: Length, tail: BubbleTail)
  case line(from: Point, to: Point)
  /// A polyline with an arrow head at the end (and at the start if `both`).
  case arrow(points: [Point], head: Length, both: Bool)
  case path(PathData)
  /// Ruled writing lines across the item's box, `spacing` apart; `count` lines, or as many
  /// as fill the box.
  case ruledLines(spacing: Length, count: Int?)
  /// A QR code for `data`, drawn as vector squares in the item's square box (the fill is the
  /// dark modules' colour), with its quiet zone of four modules inside the box; `background`
  /// fills the whole box.
  case qr(data: String, level: QRLevel, background: Colour?)
}

/// How much of a QR code may be damaged and still read: ISO/IEC 18004's levels, from about
/// 7 % (L) to 30 % (H). M (15 %) suits print; H survives a logo or a scuffed poster.
public enum QRLevel: String, Sendable, Hashable, Codable, CaseIterable {
  case l = "L", m = "M", q = "Q", h = "H"
}

public struct BubbleTail: Sendable, Hashable, Codable {
  public enum Side: String, Sendable, Hashable, Codable, CaseIterable { case top, bottom, start, end }
  public var side: Side
  /// Where along the side, 0…1 from the start/top.
  public var position: Double
  public var width: Length
  public var length: Length
  public init(side: Side, position: Double, width: Length, length: Length) {
    self.side = side; self.position = position; self.width = width; self.length = length
  }
}

public struct Stroke: Sendable, Hashable, Codable {
  public enum Cap: String, Sendable, Hashable, Codable, CaseIterable { case butt, round, square }
  public enum Join: String, Sendable, Hashable, Codable, CaseIterable { case miter, round, bevel }
  public var colour: Colour
  public var width: Length
  public var dash: [Length] = []
  public var cap: Cap = .butt
  public var join: Join = .miter
  public init(colour: Colour, width: Length) { self.colour = colour; self.width = width }
}

/// Absolute path commands in points (SVG path data after parsing: relative commands,
/// H/V, S/T and arcs already turned into these).
public struct PathData: Sendable, Hashable, Codable {
  public enum Command: Sendable, Hashable, Codable {
    case move(Point)
    case line(Point)
    case cubic(Point, Point, Point)
    case close
  }
  public var commands: [Command]
  public init(_ commands: [Command]) { self.commands = commands }

  /// The same path with every point moved by `transform`.
  public func mapPoints(_ transform: (Point) -> Point) -> PathData {
    PathData(commands.map {
      switch $0 {
      case .move(let p): .move(transform(p))
      case .line(let p): .line(transform(p))
      case .cubic(let a, let b, let c): .cubic(transform(a), transform(b), transform(c))
      case .close: .close
      }
    })
  }

  public func translated(dx: Double, dy: Double) -> PathData {
    mapPoints { Point(x: $0.x + dx, y: $0.y + dy) }
  }

  /// The path mirrored left to right within a box `width` wide (for right-to-left layouts).
  public func mirrored(width: Double) -> PathData {
    mapPoints { Point(x: width - $0.x, y: $0.y) }
  }

  /// The path as point lists, one per subpath, curves split into `piecesPerCurve` straight
  /// pieces each (a fixed number, so the work is bounded by the path's size); a closed
  /// subpath ends at its start.
  public func subpaths(piecesPerCurve: Int) -> [[Point]] {
    let n = max(1, piecesPerCurve)
    var out: [[Point]] = []
    var current: [Point] = []
    for c in commands {
      switch c {
      case .move(let p):
        if current.count > 1 { out.append(current) }
        current = [p]
      case .line(let p):
        current.append(p)
      case .cubic(let c1, let c2, let p):
        guard let a = current.last else { current = [p]; continue }
        for i in 1...n {
          let t = Double(i) / Double(n), u = 1 - t
          current.append(Point(x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p.x,
                               y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p.y))
        }
      case .close:
        if let f = current.first, current.count > 1 { current.append(f) }
        if current.count > 1 { out.append(current) }
        current = current.first.map { [$0] } ?? []
      }
    }
    if current.count > 1 { out.append(current) }
    return out
  }

  /// Bounding box of the control polygon (enough for layout: curves stay inside it).
  public var bounds: Rect? {
    var pts: [Point] = []
    for c in commands {
      switch c {
      case .move(let p), .line(let p): pts.append(p)
      case .cubic(let a, let b, let p): pts += [a, b, p]
      case .close: break
      }
    }
    guard let f = pts.first else { return nil }
    var r = Rect(x: f.x, y: f.y, width: 0, height: 0)
    for p in pts { r = r.union(Rect(x: p.x, y: p.y, width: 0, height: 0)) }
    return r
  }
}
