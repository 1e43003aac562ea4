import NaraTypography
import Testing

/// typography-sv.md §1–4, one row per rule: input, expected output. Invisible characters are
/// written as escapes: \u{A0} no-break space, \u{2060} word joiner, \u{AD} soft hyphen,
/// \u{2013} en dash, \u{2212} minus, \u{201D} ”, \u{2019} ’.
struct SwedishNormalization {
  let sv = Typographer(language: "sv-SE", patterns: nil)

  static let rules: [(rule: String, input: String, expected: String)] = [
    // §1 Quotation marks
    ("§1 straight double quotes", "Hon sa \"hej\" till mig.", "Hon sa \u{201D}hej\u{201D} till mig."),
    ("§1 English curly quotes", "Hon sa \u{201C}hej\u{201D}.", "Hon sa \u{201D}hej\u{201D}."),
    ("§1 German low-high quotes", "Hon sa \u{201E}hej\u{201C}.", "Hon sa \u{201D}hej\u{201D}."),
    ("§1 inner quotes", "Han sa \"hon sa 'nej' då\".", "Han sa \u{201D}hon sa \u{2019}nej\u{2019} då\u{201D}."),
    ("§1 apostrophe", "Mats' bok", "Mats\u{2019} bok"),
    ("§1 guillemets untouched", "»Ja» sa hon", "»Ja» sa hon"),
    // §2 Dashes
    ("§2 spaced hyphen → tankstreck", "Värmland - tillsammans", "Värmland\u{A0}\u{2013} tillsammans"),
    ("§2 double hyphen → tankstreck", "ord -- ord", "ord\u{A0}\u{2013} ord"),
    ("§2 typed en dash gets the no-break space", "ord \u{2013} ord", "ord\u{A0}\u{2013} ord"),
    ("§2 spaced em dash → en dash", "ord \u{2014} ord", "ord\u{A0}\u{2013} ord"),
    ("§2 compound hyphen kept", "barn- och ungdomspsykiatri, e-tjänst, IT-stöd, 2020-talet", "barn- och ungdomspsykiatri, e-tjänst, IT-stöd, 2020-talet"),
    ("§2 range 3–7", "3-7", "3\u{2060}\u{2013}\u{2060}7"),
    ("§2 range years", "2019-2020", "2019\u{2060}\u{2013}\u{2060}2020"),
    ("§2 range with spaces", "2019 - 2020", "2019\u{2060}\u{2013}\u{2060}2020"),
    ("§2 range kl.", "kl. 8-16", "kl.\u{A0}8\u{2060}\u{2013}\u{2060}16"),
    ("§2 range with percent", "20-30 %", "20\u{2060}\u{2013}\u{2060}30\u{A0}%"),
    ("§2 ISO date keeps hyphens", "2024-03-15", "2024-03-15"),
    ("§2 pratminus", "- Det har varit ett bra år.", "\u{2013} Det har varit ett bra år."),
    ("§2 pratminus on a new line", "Hon sa:\n- Ja.", "Hon sa:\n\u{2013} Ja."),
    ("§2 minus", "Det var -3 °C ute.", "Det var \u{2212}3\u{A0}°C ute."),
    // §3 No-break spaces
    ("§3 digit groups typed with spaces", "315 012 och 3 400 000", "315\u{A0}012 och 3\u{A0}400\u{A0}000"),
    ("§3 five digits grouped", "315012 invånare", "315\u{A0}012 invånare"),
    ("§3 decimal comma", "12345,67 kr", "12\u{A0}345,67\u{A0}kr"),
    ("§3 four digits optional: left alone", "7654,25", "7654,25"),
    ("§3 years never grouped", "år 2024", "år 2024"),
    ("§3 codes never grouped (but kept with nr)", "nr 12345", "nr\u{A0}12345"),
    ("§3 unit km", "2 km", "2\u{A0}km"),
    ("§3 missing space inserted", "25mg", "25\u{A0}mg"),
    ("§3 kronor", "150 kr", "150\u{A0}kr"),
    ("§3 degrees", "37 °C", "37\u{A0}°C"),
    ("§3 paragraph sign", "12 §", "12\u{A0}§"),
    ("§3 percent", "40%", "40\u{A0}%"),
    ("§3 angle keeps no space", "90°", "90°"),
    ("§3 time", "kl. 10.15", "kl.\u{A0}10.15"),
    ("§3 colon time never rewritten", "kl. 10:15", "kl.\u{A0}10:15"),
    ("§3 date", "3 februari 2023", "3\u{A0}februari 2023"),
    ("§3 closed abbreviation", "t. ex. och bl. a.", "t.ex. och bl.a."),
    ("§3 closed abbreviation keeps case", "T. ex. så", "T.ex. så"),
    ("§3 abbreviations already closed", "t.ex., bl.a., s.k., m.m.", "t.ex., bl.a., s.k., m.m."),
    ("§3 page", "se s. 8", "se s.\u{A0}8"),
    ("§3 circa", "ca 40 personer", "ca\u{A0}40 personer"),
    ("§3 landline", "054-12 34 56", "054-12\u{A0}34\u{A0}56"),
    ("§3 mobile", "073-456 78 90", "073-456\u{A0}78\u{A0}90"),
    ("§3 number before a noun: no rule", "14 län", "14 län"),
    ("§3 existing no-break and narrow spaces kept", "315\u{202F}012 och 40\u{A0}%", "315\u{202F}012 och 40\u{A0}%"),
    // §4 Line-break protection
    ("§4 initials", "K. Törnqvist", "K.\u{A0}Törnqvist"),
    ("§4 two initials", "K. G. Törnqvist", "K.\u{A0}G.\u{A0}Törnqvist"),
    // §0 / §8 protected text
    ("URL untouched", "Läs regionvarmland.se/naravard - nu", "Läs regionvarmland.se/naravard\u{A0}\u{2013} nu"),
    ("URL with scheme untouched", "https://example.com/a-b--c?x=\"1\"&y='2'&z=3", "https://example.com/a-b--c?x=\"1\"&y='2'&z=3"),
    ("e-mail untouched", "skriv till o'brien-2019@example.se", "skriv till o'brien-2019@example.se"),
    ("template variable untouched", "Hej {{enhet}} - \"{{ datum }}\"", "Hej {{enhet}}\u{A0}\u{2013} \u{201D}{{ datum }}\u{201D}"),
    ("code-like token untouched", "sätt --lang=sv-SE 40%", "sätt --lang=sv-SE 40\u{A0}%"),
    ("soft hyphen preserved", "om\u{AD}ställning \"x\"", "om\u{AD}ställning \u{201D}x\u{201D}"),
  ]

  @Test(arguments: rules.indices)
  func rule(_ i: Int) {
    let r = Self.rules[i]
    #expect(sv.normalize(r.input) == r.expected, "\(r.rule)")
  }

  @Test(arguments: rules.indices)
  func idempotent(_ i: Int) {
    let once = sv.normalize(Self.rules[i].input)
    #expect(sv.normalize(once) == once, "\(Self.rules[i].rule)")
  }

  @Test func quoteAcrossSegments() {
    let out = sv.normalize([TextSegment("Hon kallade det \""), TextSegment("görandet", hyphenate: false), TextSegment("\" - igen.")])
    #expect(out == ["Hon kallade det \u{201D}", "görandet", "\u{201D}\u{A0}\u{2013} igen."])
  }

  @Test func verbatimSegmentsPassThroughByteForByte() {
    let code = "let x = \"a\" - 3 -- 40% t. ex. 'q'"
    let out = sv.normalize([TextSegment("Kör "), TextSegment(code, verbatim: true), TextSegment(" - klart.")])
    #expect(out == ["Kör ", code, "\u{A0}\u{2013} klart."])
    #expect(Array(out[1].utf8) == Array(code.utf8))
  }

  @Test func oneStringPerSegmentAlways() {
    let segs = [TextSegment(""), TextSegment("40"), TextSegment("%"), TextSegment("")]
    let out = sv.normalize(segs)
    #expect(out.count == 4)
    #expect(out.joined() == "40\u{A0}%")
  }

  @Test func seedsAreIdempotent() {
    let text = "- Vi vill tacka alla som varit delaktiga. Framtidens Värmland - tillsammans utvecklar vi god och nära vård, 20-30 % av de 16 kommunerna, kl. 13.30 den 21 januari."
    let once = sv.normalize(text)
    #expect(sv.normalize(once) == once)
    #expect(once.hasPrefix("\u{2013} Vi"))
  }
}

/// Other languages get a neutral pass: only their own quote convention, nothing Swedish.
struct NeutralPass {
  @Test func englishQuotesOnly() {
    let en = Typographer(language: "en", patterns: nil)
    #expect(en.normalize("She said \"hi\" - it's 40% of 2019-2020.") == "She said \u{201C}hi\u{201D} - it\u{2019}s 40% of 2019-2020.")
  }

  @Test func unknownLanguageUntouched() {
    let ar = Typographer(language: "ar", patterns: nil)
    let s = "\"x\" - 40% 3-7"
    #expect(ar.normalize(s) == s)
  }

  @Test func finnishQuotes() {
    #expect(Typographer(language: "fi-FI", patterns: nil).normalize("\"Hei\"") == "\u{201D}Hei\u{201D}")
  }
}
