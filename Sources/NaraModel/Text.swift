/// A text frame: rich text set in a box. Its height grows with the text unless fixed.
public struct TextFrame: Sendable, Hashable, Codable {
  public var blocks: [TextBlock]
  /// The paragraph style of plain paragraphs; headings and lists use the theme's markup styles.
  public var style: String?
  /// Overrides of the style for this frame only.
  public var overrides: ParagraphStyle?
  public var padding: Insets = .zero
  public var fill: Colour?
  /// A border around the frame (table cells, boxes).
  public var stroke: Stroke?
  public var verticalAlignment: VerticalAlignment = .top
  public var overflow: OverflowPolicy = .warn
  /// Verbatim text skips typographic normalisation and hyphenation.
  public var verbatim: Bool = false
  /// Language of this frame's text, if not the document's.
  public var language: String?
  /// Which styles this frame's markup uses, over the theme's (`markup:` on the item).
  public var markup: MarkupStyles?
  /// The story this frame shows (its text then continues in the next frame of the story).
  public var story: String?
  /// Columns the text flows through inside the frame, and the space between them.
  public var columns: Int = 1
  public var columnGap: Length = .mm(5)
  /// Marks the frame's paragraphs as headings of this level for screen readers (`heading: 1`
  /// on a poster's title); the look still comes from the style.
  public var headingLevel: Int?
  /// At most this many lines: a longer text shrinks towards its style's min-size (with
  /// `overflow: shrink` or `--fit shrink`) and is reported when even that is not enough.
  public var maxLines: Int?
  /// Every block's first baseline falls on this grid, counted from the frame's top (the body
  /// leading, so that lines in neighbouring columns and frames line up).
  public var baselineGrid: Length?
  public init(blocks: [TextBlock]) { self.blocks = blocks }
}

public enum OverflowPolicy: String, Sendable, Hashable, Codable, CaseIterable {
  case warn, error, shrink
}

public struct TextBlock: Sendable, Hashable, Codable {
  public enum Kind: Sendable, Hashable, Codable {
    case paragraph
    case heading(level: Int)
    case listItem(marker: ListMarker, level: Int)
  }
  public var kind: Kind
  public var inlines: [Inline]
  /// A paragraph style for this block only (`{ingress} Text …` in the markup).
  public var style: String?
  /// The block's language when not its frame's: a paragraph left in Swedish in a translation.
  public var language: String?
  public var location: SourceLocation
  public init(kind: Kind, inlines: [Inline], location: SourceLocation) {
    self.kind = kind; self.inlines = inlines; self.location = location
  }
  /// The block's plain text.
  public var plainText: String { inlines.map(\.text).joined() }
}

public enum ListMarker: Sendable, Hashable, Codable {
  case bullet
  case number(Int)
}

/// A run of text with its marks.
public struct Inline: Sendable, Hashable, Codable {
  public var text: String
  public var emphasis: Bool = false
  public var strong: Bool = false
  public var code: Bool = false
  public var link: String?
  /// A character style from the theme (`[ord]{accent}`).
  public var characterStyle: String?
  public init(_ text: String) { self.text = text }
}

/// Text that flows through frames: defined once in `stories:`, shown by every text frame
/// that names it, in page and item order (column by column, frame by frame, page by page).
public struct Story: Sendable, Hashable, Codable {
  public var name: String
  public var blocks: [TextBlock]
  public var style: String?
  public var language: String?
  public var markup: MarkupStyles?
  public var location: SourceLocation
  public init(name: String, blocks: [TextBlock], style: String?, language: String?, location: SourceLocation) {
    self.name = name; self.blocks = blocks; self.style = style; self.language = language; self.location = location
  }
}
