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
  /// The ink of each word (glyphs between spaces), relative to `origin` (y down, so the
  /// tops are negative). Empty when the shaper does not measure ink; then the advance box
  /// stands in for it.
  public var ink: [Rect] = []
  public init(font: FontFace, origin: Point, glyphs: [Glyph], text: String, colour: Colour,
              underline: Bool = false, link: String? = nil, bidiLevel: Int = 0) {
    self.font = font; self.origin = origin; self.glyphs = glyphs; self.text = text; self.colour = colour
    self.underline = underline; self.link = link; self.bidiLevel = bidiLevel
  }
  public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }

  /// Word ink boxes relative to the origin; without measured ink, the advance box from
  /// 0.75 em above the baseline to 0.25 em below.
  public var inkBoxes: [Rect] {
    if !ink.isEmpty { return ink }
    guard !glyphs.isEmpty, text.contains(where: { !$0.isWhitespace }) else { return [] }
    return [Rect(x: 0, y: -font.size * 0.75, width: width, height: font.size)]
  }
}
