/// Bounds on the work hyphenation does for one word, so that a text nobody wrote by hand (a
/// `.po` msgstr or a CSV cell holding one 20 000-letter “word”) costs time in proportion to
/// its length and cannot hang a render.
public enum HyphenationLimits {
  /// The longest word (in letters) that goes through the exception list, the patterns and the
  /// compound splitter. Swedish compounds in running text stay well under 40 letters and the
  /// longest stem of the hunspell-sv lexicon has 30, so 64 is never reached by a real word;
  /// the compound splitter's search grows with the square of a word's length, and it (and the
  /// patterns) are not run past this.
  public static let longestWord = 64

  /// A longer word is not Swedish but a code, a hash or a mistake: as a last resort it may
  /// break anywhere, every this many letters (never nearer its ends than the typographer's
  /// minima), so that it still wraps in a column instead of running out of its frame.
  public static let fallbackBreakSpacing = 8

  /// The last-resort breaks of a word of `count` letters: every `fallbackBreakSpacing`
  /// letters, at least `leftMin` from its start and `rightMin` from its end.
  public static func fallbackBreaks(count: Int, leftMin: Int, rightMin: Int) -> [Int] {
    let first = max(fallbackBreakSpacing, leftMin, 1), last = count - max(rightMin, 1)
    guard first <= last else { return [] }
    return Array(stride(from: first, through: last, by: fallbackBreakSpacing))
  }
}
