/// §1 of typography-sv.md: quotation marks and the apostrophe.
enum QuoteRules {
  static let straightDouble: Unicode.Scalar = "\""
  static let straightSingle: Unicode.Scalar = "'"
  /// Typed curly marks that Swedish turns into ” or ’ (guillemets are left as written).
  static let curlyDouble: Set<Unicode.Scalar> = ["\u{201C}", "\u{201E}", "\u{201F}"]
  static let curlySingle: Set<Unicode.Scalar> = ["\u{2018}", "\u{201A}", "\u{201B}"]
  /// After these an opening mark is expected (start of text, space, bracket, dash).
  static let opensAfter: Set<Unicode.Scalar> = ["(", "[", "{", "\u{2013}", "\u{2014}", "-", "/", "\u{00AB}", "\u{201C}", "\u{201E}", "\u{2018}", "\u{201A}", "\""]

  static func apply(_ style: QuoteStyle, to text: inout CellText) {
    for i in 0..<text.count where !text.isLocked(i) {
      let u = text[i]!
      let opening = isOpeningPosition(i, in: text)
      if u == straightDouble || (style.normaliseCurly && curlyDouble.contains(u)) {
        text.set(i, opening ? style.doubleOpen : style.doubleClose)
      } else if u == straightSingle || (style.normaliseCurly && curlySingle.contains(u)) {
        // A single mark after a letter or digit is an apostrophe (`Mats'`, `it's`): close form.
        text.set(i, opening ? style.singleOpen : style.singleClose)
      }
    }
  }

  /// Opening if at the start of the paragraph or after white space or an opening bracket or
  /// quote; the context runs across segment boundaries because the text is one paragraph.
  static func isOpeningPosition(_ i: Int, in text: CellText) -> Bool {
    guard let prev = text[i - 1] else { return true }
    return prev.isWhite || opensAfter.contains(prev)
  }
}
