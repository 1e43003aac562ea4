/// Alignment of lines in a paragraph; `start`/`end` follow the paragraph direction.
public enum TextAlignment: String, Sendable, Hashable, Codable, CaseIterable {
  case start, end, center, justify
}

public enum TextTransform: String, Sendable, Hashable, Codable, CaseIterable {
  case none, uppercase, lowercase
}

public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
  case ltr, rtl

  /// The direction a language is written in (Arabic, Hebrew, Thaana, Syriac … right to left),
  /// from `LanguageData.table`.
  public static func of(language tag: String) -> Direction {
    LanguageData.forTag(tag).direction
  }
}

/// Letter spacing either absolute or relative to the font size (`0.05em`).
public enum Tracking: Sendable, Hashable, Codable {
  case absolute(Length)
  case em(Double)
  public func points(atSize size: Double) -> Double {
    switch self {
    case .absolute(let l): l.points
    case .em(let e): e * size
    }
  }
}

/// Line spacing: a multiple of the font size (`1.3`) or a fixed distance (`24pt`).
public enum Leading: Sendable, Hashable, Codable {
  case factor(Double)
  case fixed(Length)
  public func points(atSize size: Double) -> Double {
    switch self {
    case .factor(let f): f * size
    case .fixed(let l): l.points
    }
  }
}

/// Character attributes; every field optional so styles can layer (paragraph style, then
/// character style, then inline overrides).
public struct CharacterAttributes: Sendable, Hashable, Codable {
  public var font: String?
  public var weight: Int?
  public var italic: Bool?
  public var size: Length?
  public var colour: Colour?
  public var tracking: Tracking?
  public var underline: Bool?
  public var transform: TextTransform?
  /// `false` keeps words of this style whole (names, product names).
  public var hyphenate: Bool?
  public init() {}

  /// `other`'s set fields win.
  public func merged(with other: CharacterAttributes) -> CharacterAttributes {
    var r = self
    r.font = other.font ?? font
    r.weight = other.weight ?? weight
    r.italic = other.italic ?? italic
    r.size = other.size ?? size
    r.colour = other.colour ?? colour
    r.tracking = other.tracking ?? tracking
    r.underline = other.underline ?? underline
    r.transform = other.transform ?? transform
    r.hyphenate = other.hyphenate ?? hyphenate
    return r
  }
}

/// How a paragraph is broken into lines (a paragraph style's `line-breaking:`).
public enum LineBreaking: String, Sendable, Hashable, Codable, CaseIterable {
  /// Line by line: each line takes as much as fits (Pango's own breaking).
  case greedy
  /// The paragraph as a whole (Knuth–Plass): the breaks that cost least together.
  case optimal
}

/// A paragraph style as the theme defines it, with character attributes for its text.
public struct ParagraphStyle: Sendable, Hashable, Codable {
  public var name: String
  public var character: CharacterAttributes
  public var leading: Leading?
  public var spaceBefore: Length?
  public var spaceAfter: Length?
  public var alignment: TextAlignment?
  public var hyphenate: Bool?
  public var minimumSize: Length?
  public var firstLineIndent: Length?
  /// Indentation of list items' text (the marker hangs in it).
  public var listIndent: Length?
  /// Lines kept together at a frame or column break (orphans/widows); default 2.
  public var keepLines: Int?
  /// Greedy or optimal line breaking; optimal when unset.
  public var lineBreaking: LineBreaking?
  /// So many first lines end without a hyphen (a lead's, which the eye reads first).
  public var unhyphenatedLines: Int?
  public init(name: String) { self.name = name; character = CharacterAttributes() }

  /// `other`'s set fields win; `name` stays ours.
  public func merged(with other: ParagraphStyle) -> ParagraphStyle {
    var r = self
    r.character = character.merged(with: other.character)
    r.leading = other.leading ?? leading
    r.spaceBefore = other.spaceBefore ?? spaceBefore
    r.spaceAfter = other.spaceAfter ?? spaceAfter
    r.alignment = other.alignment ?? alignment
    r.hyphenate = other.hyphenate ?? hyphenate
    r.minimumSize = other.minimumSize ?? minimumSize
    r.firstLineIndent = other.firstLineIndent ?? firstLineIndent
    r.listIndent = other.listIndent ?? listIndent
    r.keepLines = other.keepLines ?? keepLines
    r.lineBreaking = other.lineBreaking ?? lineBreaking
    r.unhyphenatedLines = other.unhyphenatedLines ?? unhyphenatedLines
    return r
  }
}

/// Which styles the light markup uses: `# Rubrik` → `heading1` and so on.
public struct MarkupStyles: Sendable, Hashable, Codable {
  public var heading1: String?
  public var heading2: String?
  public var heading3: String?
  public var listItem: String?
  public var emphasis: String?
  public var strong: String?
  public var link: String?
  public var code: String?
  public init() {}

  /// These styles, falling back to `other`'s where unset.
  public func over(_ other: MarkupStyles) -> MarkupStyles {
    var r = self
    r.heading1 = heading1 ?? other.heading1; r.heading2 = heading2 ?? other.heading2; r.heading3 = heading3 ?? other.heading3
    r.listItem = listItem ?? other.listItem; r.emphasis = emphasis ?? other.emphasis; r.strong = strong ?? other.strong
    r.link = link ?? other.link; r.code = code ?? other.code
    return r
  }
}

/// The colours of the worksheet blocks (ruled lines, checkboxes, ratings, tables) where an
/// item gives none (`blocks:` in the theme).
public struct BlockColours: Sendable, Hashable, Codable {
  /// Ruled lines, box outlines and table cell borders (0.75 pt).
  public var stroke: Colour?
  /// Inside checkbox and rating boxes.
  public var boxFill: Colour?
  /// Table header cells.
  public var headerFill: Colour?
  public init() {}
}

/// Colours, fonts and styles that every layout of a product family shares.
public struct Theme: Sendable, Hashable, Codable {
  public var colours: [String: Colour] = [:]
  /// Logical font name (`body`, `display`) → font family (`Noto Sans`).
  public var fonts: [String: String] = [:]
  public var paragraphStyles: [String: ParagraphStyle] = [:]
  public var characterStyles: [String: CharacterAttributes] = [:]
  public var markup = MarkupStyles()
  public var blocks = BlockColours()
  /// The style text uses when it names none.
  public var defaultStyle: String?
  public var location: SourceLocation?
  public init() {}

  /// The family a style's `font` means: a logical name from `fonts`, else taken as a family.
  public func family(for font: String?) -> String {
    guard let font else { return fonts["body"] ?? "Noto Sans" }
    return fonts[font] ?? font
  }
}
