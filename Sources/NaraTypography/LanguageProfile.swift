import NaraModel

/// What normalisation does for one language: the rules of its `LanguageData` entry (NaraModel's
/// table, one entry per language), so adding a language or a unit is a table edit.
struct LanguageProfile: Sendable {
  /// How straight quotes become typographic ones; nil leaves quotes alone.
  var quotes: QuoteStyle?
  /// §2–3 of typography-sv.md: dashes, ranges, minus, no-break spaces, numbers.
  var swedishRules: Bool
  /// The primary language subtag (`sv`, `en` …).
  var primary: String = ""
  /// Nouns are capitalised (German …): a capitalised word is not taken for a name.
  var capitalisesNouns: Bool = false

  /// The profile for a BCP 47 tag, from the language table: Swedish rules for `sv…`, quotes
  /// only for languages with a known convention, nothing for the rest (the neutral pass).
  static func forTag(_ tag: String) -> LanguageProfile {
    let data = LanguageData.forTag(tag)
    return LanguageProfile(quotes: data.quotes, swedishRules: data.swedishRules, primary: data.code,
                           capitalisesNouns: data.capitalisesNouns)
  }
}

/// Opening and closing marks for one language (NaraModel's `QuoteMarks`, from the table).
typealias QuoteStyle = QuoteMarks

/// Swedish tables for §3 of typography-sv.md.
enum SwedishTables {
  /// Units and signs written after a number with a no-break space (`40 %`, `2 km`, `12 §`).
  /// `°` alone is left out on purpose: angles are written `90°` with no space.
  static let units: Set<String> = [
    "%", "‰", "°C", "°F", "§", "§§",
    "km", "m", "dm", "cm", "mm", "µm", "mil", "m²", "m2", "km²", "km2", "m³", "m3", "ha",
    "kg", "hg", "g", "mg", "µg", "t", "l", "dl", "cl", "ml",
    "h", "min", "s", "ms", "tim",
    "kr", "öre", "tkr", "mnkr", "mkr", "mdkr", "Mkr", "Mdkr", "SEK", "MSEK", "EUR", "€", "USD", "£",
    "W", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "V", "kV", "A", "mA", "Hz", "kHz", "MHz", "GHz",
    "B", "kB", "MB", "GB", "TB", "dB", "st", "kcal", "kJ", "bar", "Pa", "kPa", "ppm",
  ]
  /// Units so unambiguous that a missing space is inserted (`25mg` → `25 mg`, `40%` → `40 %`).
  /// Single capital letters (W, V, A, B) are not: `5G`, `A4`, `3D` are names, not measures.
  static let unitsInsertSpace: Set<String> = [
    "%", "‰", "°C", "°F", "km", "m", "cm", "mm", "kg", "g", "mg", "µg", "l", "dl", "cl", "ml",
    "h", "min", "kr", "tkr", "mnkr", "mkr", "mdkr", "st", "kWh", "MWh", "GWh", "TWh", "kW", "MW",
    "GB", "MB", "kB", "TB", "ha",
  ]
  /// Abbreviations written without inner spaces [ST]: `t. ex.` → `t.ex.`.
  static let closedAbbreviations: [[String]] = [
    ["t", "ex"], ["bl", "a"], ["s", "k"], ["m", "m"], ["m", "fl"], ["o", "d"], ["e", "d"],
    ["o", "s", "v"], ["d", "v", "s"], ["p", "g", "a"], ["t", "o", "m"], ["fr", "o", "m"],
    ["f", "d"], ["s", "a", "s"], ["i", "st", "f"], ["o", "dyl"], ["m", "a", "o"], ["f", "ö"],
  ]
  /// Words that take a no-break space before a following number (`kl. 10.15`, `s. 8`, `ca 40`).
  static let beforeNumber: Set<String> = [
    "kl.", "kl", "s.", "sid.", "ca", "ca.", "cirka", "nr", "nr.", "§", "kap.", "p.", "fig.", "tab.",
    "bil.", "art.", "avd.", "tel.", "tfn", "vol.", "v.", "vecka",
  ]
  /// Words after which a long number is a code, never digit-grouped (`nr 12345`, `år 20215`).
  static let codeWords: Set<String> = [
    "nr", "nr.", "nummer", "postnummer", "org.nr", "orgnr", "tel.", "tel", "tfn", "telefon",
    "år", "s.", "sid.", "sidan", "§", "kap.", "isbn", "issn", "sfs", "dnr", "diarienummer",
    "ärende", "ärendenummer", "id", "kod", "version", "v.", "art.", "art.nr", "artikelnummer",
    "pg", "bg", "plusgiro", "bankgiro", "konto", "kontonummer", "ocr",
  ]
  /// Month names: `3 februari` takes a no-break space between day and month. Every form in
  /// the Swedish entry of the language table (full, short, `febr.`/`sept.`).
  static let months: Set<String> = LanguageData.forTag("sv").calendar?.allMonthForms ?? []
  /// Known abbreviations ending in a full stop: a capital after them is not a sentence start.
  static let abbreviationsWithStop: Set<String> = [
    "t.ex.", "bl.a.", "s.k.", "m.m.", "m.fl.", "o.d.", "e.d.", "o.s.v.", "d.v.s.", "dvs.", "p.g.a.",
    "t.o.m.", "fr.o.m.", "f.d.", "kl.", "s.", "sid.", "ca.", "nr.", "jfr.", "resp.", "ang.", "enl.",
    "inkl.", "exkl.", "tel.", "obs.", "osv.", "etc.", "mfl.", "mm.", "bl.a", "st.", "ev.", "fr.",
  ]
}

/// Top-level domains that make `name.tld` an address, not two words (`regionvarmland.se`).
enum AddressTables {
  static let topLevelDomains: Set<String> = [
    "se", "nu", "com", "org", "net", "eu", "fi", "no", "dk", "de", "uk", "io", "info", "gov", "edu",
    "int", "is", "ax", "fr", "es", "it", "nl", "be", "at", "ch", "pl", "ee", "lv", "lt", "us", "ca",
    "app", "dev", "ai", "me", "tv", "co", "biz", "online", "site", "local",
  ]
}

extension AddressTables {
  /// File extensions that make `name.ext` a file name (code-like, never rewritten).
  static let fileExtensions: Set<String> = [
    "txt", "md", "yaml", "yml", "json", "csv", "pdf", "png", "jpg", "jpeg", "svg", "po", "pot",
    "swift", "py", "sh", "html", "xml", "docx", "xlsx", "pptx", "zip", "ttf", "otf",
  ]
}

extension LanguageProfile {
  /// Capitalised mid-sentence words are names, except in languages that capitalise nouns.
  var capitalisedWordsAreNames: Bool { !swedishRules ? !capitalisesNouns : true }
}
