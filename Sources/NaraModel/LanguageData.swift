/// Everything naraprint knows about one language, in one table (issue 16): the direction it is
/// written in, its quotation marks, its month and weekday names, its hyphenation minima,
/// whether a paragraph's last word is tied to the one before, and whether the Swedish rules
/// (§2–3 of typography-sv.md) apply.
///
/// Why here: the readers sit in four modules – NaraModel itself (`Direction.of`), NaraLoader
/// (`{{datum|datum}}`), NaraTypography (quotes, Swedish rules, month names, hyphenation
/// minima) and NaraLayout (direction, `tieLastWord`), with NaraPipeline and the command line
/// building typographers from it. NaraLayout does not import NaraTypography and NaraModel
/// imports nothing, so NaraModel – the module every other one imports – is the only place all
/// of them see without a new edge pointing up. The table is plain values (no rules, no I/O);
/// NaraTypography gains its one dependency, on NaraModel, and the graph stays one-way.
public struct LanguageData: Sendable, Hashable {
  /// The primary language subtag (`sv`, `en` …); empty for the neutral entry.
  public var code: String
  public var direction: Direction
  /// How straight quotes become typographic ones; nil leaves quotes alone.
  public var quotes: QuoteMarks?
  /// Month and weekday names for `{{x|datum}}`, `|kort` and `|veckodag`; nil keeps dates in ISO form.
  public var calendar: CalendarNames?
  /// Hyphenation minima a render (and `naraprint hyphenate`) uses for this language.
  public var hyphenation: HyphenationSettings
  /// Bind a short last word of a paragraph to the word before with a no-break space, so it
  /// never stands alone on the last line.
  public var tieLastWord: Bool
  /// §2–3 of typography-sv.md: dashes, ranges, minus, no-break spaces, numbers, closed
  /// abbreviations (and the compound lexicon in hyphenation).
  public var swedishRules: Bool
  /// Nouns are capitalised (German, Luxembourgish, Swiss German), so a capitalised word in
  /// mid-sentence is not taken for a name and may be hyphenated.
  public var capitalisesNouns: Bool

  public init(code: String, direction: Direction = .ltr, quotes: QuoteMarks? = nil, calendar: CalendarNames? = nil,
              hyphenation: HyphenationSettings = .render, tieLastWord: Bool = true, swedishRules: Bool = false,
              capitalisesNouns: Bool = false) {
    self.code = code
    self.direction = direction
    self.quotes = quotes
    self.calendar = calendar
    self.hyphenation = hyphenation
    self.tieLastWord = tieLastWord
    self.swedishRules = swedishRules
    self.capitalisesNouns = capitalisesNouns
  }

  /// The primary subtag of a BCP 47 tag, lower-cased: `sv-SE`, `sv_FI` → `sv`; the ISO 639-2
  /// codes `swe`, `eng`, `fin` (which dates have always accepted) → `sv`, `en`, `fi`.
  public static func primarySubtag(of tag: String) -> String {
    let primary = String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    return aliases[primary] ?? primary
  }

  static let aliases: [String: String] = ["swe": "sv", "eng": "en", "fin": "fi"]

  /// The entry for a tag, or the neutral one (left to right, no quotes, ISO dates, no
  /// Swedish rules) for a language the table does not list.
  public static func forTag(_ tag: String) -> LanguageData {
    let primary = primarySubtag(of: tag)
    return table[primary] ?? LanguageData(code: primary)
  }

  /// The languages written right to left: the table's `.rtl` entries.
  public static var rightToLeftCodes: Set<String> { Set(table.values.filter { $0.direction == .rtl }.map(\.code)) }

  /// One entry per language. The minima are 3/3 and 6 letters for every language, as renders
  /// have always used (typography-sv.md §5: 2/2 as TeX, “3 letters on each side is better” for
  /// leaflets). `tieLastWord` is on everywhere: typography-sv.md (§7) asks for no lonely line
  /// ends in Swedish and nothing in it is Swedish-specific – the tie is a plain no-break space,
  /// as harmless in Arabic or Tigrinya (both separate words with spaces) as in English.
  public static let table: [String: LanguageData] = {
    var t: [String: LanguageData] = [:]
    func add(_ d: LanguageData) { t[d.code] = d }
    add(LanguageData(code: "sv", quotes: .swedish, calendar: .swedish, swedishRules: true))
    add(LanguageData(code: "en", quotes: .english, calendar: .english))
    add(LanguageData(code: "fi", quotes: .finnish, calendar: .finnish))
    add(LanguageData(code: "de", quotes: .german, capitalisesNouns: true))
    add(LanguageData(code: "lb", capitalisesNouns: true))
    add(LanguageData(code: "gsw", capitalisesNouns: true))
    for code in ["nb", "nn", "no"] { add(LanguageData(code: code, quotes: .norwegian)) }
    add(LanguageData(code: "da", quotes: .danish))
    // Tigrinya (Ethiopic script): left to right, no quote convention here yet.
    add(LanguageData(code: "ti"))
    // Right to left: Arabic, Persian, Dari, Pashto, Sorani, Urdu, Sindhi, Uyghur (Arabic
    // script), Hebrew, Yiddish, Dhivehi (Thaana), Syriac, N'Ko. No quote convention: straight
    // quotes are left as typed, as before.
    for code in ["ar", "fa", "prs", "ps", "ckb", "ur", "sd", "ug", "he", "yi", "dv", "syr", "nqo"] {
      add(LanguageData(code: code, direction: .rtl))
    }
    return t
  }()
}

/// Opening and closing marks for one language.
public struct QuoteMarks: Sendable, Hashable {
  public var doubleOpen: Unicode.Scalar
  public var doubleClose: Unicode.Scalar
  public var singleOpen: Unicode.Scalar
  public var singleClose: Unicode.Scalar
  /// Swedish closes both ways, so even typed “ and „ become ” [SSR, EU 6.4].
  public var normaliseCurly: Bool

  public init(doubleOpen: Unicode.Scalar, doubleClose: Unicode.Scalar, singleOpen: Unicode.Scalar,
              singleClose: Unicode.Scalar, normaliseCurly: Bool = false) {
    self.doubleOpen = doubleOpen
    self.doubleClose = doubleClose
    self.singleOpen = singleOpen
    self.singleClose = singleClose
    self.normaliseCurly = normaliseCurly
  }

  public static let swedish = QuoteMarks(doubleOpen: "\u{201D}", doubleClose: "\u{201D}",
                                         singleOpen: "\u{2019}", singleClose: "\u{2019}", normaliseCurly: true)
  /// Finnish closes both ways too, but only straight quotes are touched.
  public static let finnish = QuoteMarks(doubleOpen: "\u{201D}", doubleClose: "\u{201D}", singleOpen: "\u{2019}", singleClose: "\u{2019}")
  public static let english = QuoteMarks(doubleOpen: "\u{201C}", doubleClose: "\u{201D}", singleOpen: "\u{2018}", singleClose: "\u{2019}")
  public static let german = QuoteMarks(doubleOpen: "\u{201E}", doubleClose: "\u{201C}", singleOpen: "\u{201A}", singleClose: "\u{2018}")
  public static let norwegian = QuoteMarks(doubleOpen: "\u{00AB}", doubleClose: "\u{00BB}", singleOpen: "\u{2018}", singleClose: "\u{2019}")
  public static let danish = QuoteMarks(doubleOpen: "\u{00BB}", doubleClose: "\u{00AB}", singleOpen: "\u{203A}", singleClose: "\u{2039}")
}

/// Month and weekday names of one language, and how it writes a date.
public struct CalendarNames: Sendable, Hashable {
  /// As written after the day number (`3 december`, Finnish partitive `3. joulukuuta`).
  public var months: [String]
  /// The short forms `|kort` writes; nil: the short date is numeric (`3.12.2026`).
  public var shortMonths: [String]?
  /// Further forms recognised in running text but never written (`febr.`, `sept.`).
  public var otherMonthForms: [String]
  /// Monday first.
  public var weekdays: [String]
  /// Written right after the day number (`.` in Finnish).
  public var dayNumberSuffix: String

  public init(months: [String], shortMonths: [String]?, otherMonthForms: [String] = [], weekdays: [String], dayNumberSuffix: String = "") {
    self.months = months
    self.shortMonths = shortMonths
    self.otherMonthForms = otherMonthForms
    self.weekdays = weekdays
    self.dayNumberSuffix = dayNumberSuffix
  }

  /// Every form of a month name: full, short and the other forms.
  public var allMonthForms: Set<String> { Set(months + (shortMonths ?? []) + otherMonthForms) }

  public static let swedish = CalendarNames(
    months: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
    // Svenska Akademiens ordlista / CLDR: the short forms keep their point, the short months stay whole.
    shortMonths: ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."],
    otherMonthForms: ["febr.", "sept."],
    weekdays: ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"])

  public static let english = CalendarNames(
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])

  /// Partitive, as in “3. joulukuuta 2026”; the short form is numeric, as Finnish writes it.
  public static let finnish = CalendarNames(
    months: [
      "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
      "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
    ],
    shortMonths: nil,
    weekdays: ["maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"],
    dayNumberSuffix: ".")
}

/// Hyphenation minima for one language.
public struct HyphenationSettings: Sendable, Hashable {
  /// Fewest letters before / after a break.
  public var leftMin: Int
  public var rightMin: Int
  /// Words with fewer letters are never hyphenated.
  public var minimumWordLength: Int

  public init(leftMin: Int, rightMin: Int, minimumWordLength: Int) {
    self.leftMin = leftMin
    self.rightMin = rightMin
    self.minimumWordLength = minimumWordLength
  }

  /// What renders use: 3 letters on each side (typography-sv.md §5, leaflets), words of 6+.
  public static let render = HyphenationSettings(leftMin: 3, rightMin: 3, minimumWordLength: 6)
  /// TeX's Swedish minima (§5: 2/2), words of 6+: `Typographer`'s defaults, for tests.
  public static let tex = HyphenationSettings(leftMin: 2, rightMin: 2, minimumWordLength: 6)
}
