/// The invisible and typographic characters the rules insert, by name, so that no rule
/// hides a U+00A0 in a literal that looks like a space.
public enum Typo {
  /// U+00A0 NO-BREAK SPACE: the default fixed space (typography-sv.md §3).
  public static let nbsp: Unicode.Scalar = "\u{00A0}"
  /// U+202F NARROW NO-BREAK SPACE: kept when the author typed it (many fonts lack it, so we never insert it).
  public static let narrowNbsp: Unicode.Scalar = "\u{202F}"
  /// U+2060 WORD JOINER: forbids a break without taking space (around a range dash).
  public static let wordJoiner: Unicode.Scalar = "\u{2060}"
  /// U+00AD SOFT HYPHEN: an allowed break that Pango draws as a hyphen.
  public static let softHyphen: Unicode.Scalar = "\u{00AD}"
  /// U+2013 EN DASH: tankstreck, range dash, pratminus.
  public static let enDash: Unicode.Scalar = "\u{2013}"
  /// U+2014 EM DASH (not Swedish; turned into an en dash when spaced).
  public static let emDash: Unicode.Scalar = "\u{2014}"
  /// U+2212 MINUS SIGN.
  public static let minus: Unicode.Scalar = "\u{2212}"
  /// U+201D RIGHT DOUBLE QUOTATION MARK: Swedish opening and closing quote.
  public static let rightDouble: Unicode.Scalar = "\u{201D}"
  /// U+2019 RIGHT SINGLE QUOTATION MARK: Swedish inner quote and apostrophe.
  public static let rightSingle: Unicode.Scalar = "\u{2019}"
}

extension Unicode.Scalar {
  /// A letter in the Unicode sense (å, ä, ö, é, ü … included).
  var isLetter: Bool { properties.isAlphabetic }
  /// ASCII digit 0–9 (the only digits the number rules rewrite).
  var isDigit: Bool { value >= 0x30 && value <= 0x39 }
  /// Ordinary or fixed horizontal space (not a line break).
  var isSpaceLike: Bool { value == 0x20 || value == 0xA0 || value == 0x202F || value == 0x09 || value == 0x2009 }
  /// Any white space, line breaks included.
  var isWhite: Bool { properties.isWhitespace }
  var isUppercaseLetter: Bool { properties.isUppercase }
}

