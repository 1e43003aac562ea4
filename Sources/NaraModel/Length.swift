/// A length on the page. Stored in PostScript points (1/72 in), the unit of PDF user space;
/// constructed from the unit the author wrote, so a `Double` never travels without its unit.
public struct Length: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  public var points: Double

  public init(points: Double) { self.points = points }
  public static func pt(_ v: Double) -> Length { Length(points: v) }
  public static func mm(_ v: Double) -> Length { Length(points: v * 72 / 25.4) }
  public static func cm(_ v: Double) -> Length { Length(points: v * 720 / 25.4) }
  public static func inch(_ v: Double) -> Length { Length(points: v * 72) }
  public static let zero = Length(points: 0)

  public var millimetres: Double { points * 25.4 / 72 }

  public static func < (a: Length, b: Length) -> Bool { a.points < b.points }
  public static func + (a: Length, b: Length) -> Length { Length(points: a.points + b.points) }
  public static func - (a: Length, b: Length) -> Length { Length(points: a.points - b.points) }
  public static func * (a: Length, k: Double) -> Length { Length(points: a.points * k) }
  public static prefix func - (a: Length) -> Length { Length(points: -a.points) }

  public var description: String { "\(formatNumber(millimetres))mm" }

  /// The units an author may write, and how many points each is.
  public static let units: [(suffix: String, points: Double)] = [
    ("mm", 72 / 25.4), ("cm", 720 / 25.4), ("pt", 1), ("in", 72), ("px", 72.0 / 96.0),
  ]

  /// Parses `12mm`, `9.5pt`, `2 cm`, `-3mm`. Returns nil for a bare number (a length must carry a unit).
  public static func parse(_ text: String) -> Length? {
    let t = text.trimmingSpaces
    for (suffix, factor) in units where t.hasSuffix(suffix) {
      let number = String(t.dropLast(suffix.count)).trimmingSpaces
      if let v = Double(number), v.isFinite { return Length(points: v * factor) }
    }
    return nil
  }
}

/// A point on a page or inside an item, in points, y growing downwards.
public struct Point: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) { self.x = x; self.y = y }
  public static let zero = Point(x: 0, y: 0)
}

public struct Size: Sendable, Hashable, Codable {
  public var width: Double
  public var height: Double
  public init(width: Double, height: Double) { self.width = width; self.height = height }
  public static let zero = Size(width: 0, height: 0)
}

public struct Rect: Sendable, Hashable, Codable {
  public var origin: Point
  public var size: Size
  public init(x: Double, y: Double, width: Double, height: Double) {
    origin = Point(x: x, y: y); size = Size(width: width, height: height)
  }
  public var minX: Double { origin.x }
  public var minY: Double { origin.y }
  public var maxX: Double { origin.x + size.width }
  public var maxY: Double { origin.y + size.height }
  public var width: Double { size.width }
  public var height: Double { size.height }
  public func union(_ o: Rect) -> Rect {
    let x0 = min(minX, o.minX), y0 = min(minY, o.minY)
    return Rect(x: x0, y: y0, width: max(maxX, o.maxX) - x0, height: max(maxY, o.maxY) - y0)
  }
}

/// Margins with logical sides: `start`/`end` follow the text direction, so a right-to-left
/// document mirrors them.
public struct Insets: Sendable, Hashable, Codable {
  public var top: Length, end: Length, bottom: Length, start: Length
  public init(top: Length, end: Length, bottom: Length, start: Length) {
    self.top = top; self.end = end; self.bottom = bottom; self.start = start
  }
  public init(all: Length) { self.init(top: all, end: all, bottom: all, start: all) }
  public static let zero = Insets(all: .zero)
}

/// Formats a number for dumps and messages: at most two decimals, no trailing zeros.
public func formatNumber(_ v: Double) -> String {
  let r = (v * 100).rounded() / 100
  if r == r.rounded() { return String(Int(r)) }
  var s = String(format2: r)
  while s.hasSuffix("0") { s.removeLast() }
  return s
}

extension String {
  init(format2 v: Double) {
    let negative = v < 0
    let scaled = Int((abs(v) * 100).rounded())
    let frac = scaled % 100
    self = (negative ? "-" : "") + "\(scaled / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
  }
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}

/// naraprint's release: `--version`, and the PDF's Creator and Producer.
public enum NaraprintVersion {
  public static let string = "0.4.0"
}
