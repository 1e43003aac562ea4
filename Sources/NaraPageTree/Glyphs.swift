import NaraModel

/// A font as the shaper resolved it: its description (family, style, weight) and size.
public struct FontFace: Sendable, Hashable, CustomStringConvertible {
  /// A font description string the backend can load again (`Noto Sans Bold`), without size.
  public var name: String
  public var size: Double
  public init(name: String, size: Double) { self.name = name; self.size = size }
  public var description: String { "\(name) \(formatNumber(size))" }
}

public struct Glyph: Sendable, Hashable {
  public var id: UInt32
  public var advance: Double
  public var xOffset: Double
  public var yOffset: Double
  /// UTF-8 byte offset of the glyph's cluster in the run's text.
  public var cluster: Int
  public var isClusterStart: Bool
  public init(id: UInt32, advance: Double, xOffset: Double = 0, yOffset: Double = 0, cluster: Int, isClusterStart: Bool = true) {
    self.id = id; self.advance = advance; self.xOffset = xOffset; self.yOffset = yOffset
    self.cluster = cluster; self.isClusterStart = isClusterStart
  }
}

/// Glyphs of one font and colour on one baseline, with the source text they stand for so
/// the PDF's text stays selectable and searchable.
public struct GlyphRun: Sendable, Hashable {
  public var font: FontFace
  /// The baseline start of the first glyph.
  public var origin: Point
  public var glyphs: [Glyph]
  public var text: String
  public var colour: Colour
  public var underline: Bool
  public var link: String?
  /// Bidi level: even is left-to-right, odd right-to-left.
  public var bidiLevel: Int
  public init(font: FontFace, origin: Point, glyphs: [Glyph], text: String, colour: Colour,
              underline: Bool = false, link: String? = nil, bidiLevel: Int = 0) {
    self.font = font; self.origin = origin; self.glyphs = glyphs; self.text = text; self.colour = colour
    self.underline = underline; self.link = link; self.bidiLevel = bidiLevel
  }
  public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }
}
