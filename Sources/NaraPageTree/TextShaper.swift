import NaraModel

/// A font request: what the style asks for.
public struct FontSpec: Sendable, Hashable {
  public var family: String
  public var weight: Int
  public var italic: Bool
  public var size: Double
  public init(family: String, weight: Int = 400, italic: Bool = false, size: Double) {
    self.family = family; self.weight = weight; self.italic = italic; self.size = size
  }
}

/// A run of text with one set of attributes.
public struct StyledSpan: Sendable, Hashable {
  public var text: String
  public var font: FontSpec
  public var colour: Colour
  /// Extra space between letters, in points.
  public var tracking: Double
  public var underline: Bool
  public var link: String?
  public init(text: String, font: FontSpec, colour: Colour, tracking: Double = 0, underline: Bool = false, link: String? = nil) {
    self.text = text; self.font = font; self.colour = colour; self.tracking = tracking
    self.underline = underline; self.link = link
  }
}

/// A paragraph ready to shape: normalised, hyphenation points inserted (U+00AD).
public struct StyledParagraph: Sendable, Hashable {
  public var spans: [StyledSpan]
  public var alignment: TextAlignment
  public var language: String
  public var direction: Direction
  public var firstLineIndent: Double
  /// Greedy (line by line) or optimal (the whole paragraph, Knuth–Plass).
  public var lineBreaking = LineBreaking.greedy
  /// Lines at the start that should not end in a hyphen (a lead's first lines).
  public var unhyphenatedFirstLines = 0
  /// UTF-8 offsets of the soft hyphens that stand at a compound's joint (the best breaks),
  /// and of those inside a part of a compound (the worst).
  public var jointBreaks: Set<Int> = []
  public var partBreaks: Set<Int> = []
  public init(spans: [StyledSpan], alignment: TextAlignment, language: String, direction: Direction, firstLineIndent: Double = 0) {
    self.spans = spans; self.alignment = alignment; self.language = language; self.direction = direction
    self.firstLineIndent = firstLineIndent
  }
  public var text: String { spans.map(\.text).joined() }
}

/// One line as the shaper set it: runs relative to the line's start (x) and baseline (y = 0),
/// alignment already applied within the width.
public struct ShapedLine: Sendable, Hashable {
  public var runs: [GlyphRun]
  /// Width of the ink-free advance of the line's content.
  public var width: Double
  public var ascent: Double
  public var descent: Double
  /// The line ends at a soft hyphen (the shaper drew a hyphen).
  public var hyphenated: Bool
  /// The line's text (for reports and tests).
  public var text: String
  public init(runs: [GlyphRun], width: Double, ascent: Double, descent: Double, hyphenated: Bool, text: String) {
    self.runs = runs; self.width = width; self.ascent = ascent; self.descent = descent
    self.hyphenated = hyphenated; self.text = text
  }
}

public struct ShapedParagraph: Sendable, Hashable {
  public var lines: [ShapedLine]
  /// Characters no font could show (they would print as empty boxes).
  public var missingCharacters: [Unicode.Scalar] = []
  public init(lines: [ShapedLine]) { self.lines = lines }
}

/// The narrow seam between layout and text: the engine never sees a Pango pointer.
public protocol TextShaper: AnyObject {
  /// Breaks and shapes a paragraph into lines no wider than `width` points.
  func shape(_ paragraph: StyledParagraph, width: Double) throws -> ShapedParagraph
}

/// What the layout needs to know about image files.
public protocol ImageInspector: AnyObject {
  /// The image's natural size in points (pixels at 96 ppi when the file gives no resolution).
  func naturalSize(ofImageAt path: String) throws -> Size
}

/// Encodes matrix codes (QR) for the layout; the C library behind it lives in NaraCairo.
public protocol CodeEncoder: Sendable {
  /// The QR code's modules for `data`, row by row (true: dark), without the quiet zone.
  /// Throws when the data does not fit any QR version at that level.
  func qrModules(_ data: String, level: QRLevel) throws -> [[Bool]]
}
