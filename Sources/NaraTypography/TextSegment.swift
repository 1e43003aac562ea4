/// One styled run of a paragraph, as the layout engine hands it over.
///
/// A paragraph is normalised and hyphenated as one text (so a quote opened in a bold run
/// and closed in a plain one is still one quotation), but the result comes back per segment.
public struct TextSegment: Sendable, Hashable {
  /// The run's text.
  public var text: String
  /// Code spans and `verbatim: true` frames: passed through byte for byte, never hyphenated.
  public var verbatim: Bool
  /// `false` for headings, styles with `hyphenate: false` and names: no soft hyphens.
  public var hyphenate: Bool

  public init(_ text: String, verbatim: Bool = false, hyphenate: Bool = true) {
    self.text = text
    self.verbatim = verbatim
    self.hyphenate = hyphenate
  }
}
