import Foundation
import NaraModel
import NaraPipeline
import NaraTypography
import TestSupport
import Testing

/// One table of language facts (issue 16): every shipped locale has an entry, and direction,
/// quotes, month names, hyphenation minima and `tieLastWord` are read from it – by a render
/// and by `naraprint hyphenate` alike.
@Suite(.serialized) struct LanguageTableTests {
  static let shipped = ["sv", "en", "fi", "ar", "ti"]
  let binary = repoRoot + "/.build/debug/naraprint"

  @Test(arguments: shipped)
  func everyShippedLocaleHasAnEntry(code: String) throws {
    let entry = try #require(LanguageData.table[code])
    #expect(entry.code == code)
    #expect(LanguageData.forTag(code + "-XX") == entry)
    #expect(Direction.of(language: code) == entry.direction)
    #expect(entry.direction == (code == "ar" ? .rtl : .ltr))
    #expect(entry.swedishRules == (code == "sv"))
    #expect((entry.calendar != nil) == ["sv", "en", "fi"].contains(code))
    #expect(entry.tieLastWord)
    #expect(entry.hyphenation == HyphenationSettings(leftMin: 3, rightMin: 3, minimumWordLength: 6))
  }

  @Test func theRightToLeftLanguagesAreTheTablesRTLEntries() {
    let rtl: Set<String> = ["ar", "fa", "prs", "ps", "ckb", "ur", "sd", "ug", "he", "yi", "dv", "syr", "nqo"]
    #expect(LanguageData.rightToLeftCodes == rtl)
    for (code, entry) in LanguageData.table {
      #expect(Direction.of(language: code) == entry.direction, "\(code)")
      #expect(Direction.of(language: code.uppercased() + "-XX") == entry.direction, "\(code)")
    }
    #expect(Direction.of(language: "xx") == .ltr)
    #expect(LanguageData.forTag("xx") == LanguageData(code: "xx"))
  }

  @Test func theSwedishMonthsTheNormaliserKnowsAreTheTables() throws {
    let preparer = TypographyPreparer(dataDirectory: nil)
    let sv = try #require(LanguageData.table["sv"]?.calendar)
    for month in sv.allMonthForms {
      let out = preparer.typographer(for: "sv").normalize("den 3 \(month) i år")
      #expect(out.contains("3\u{00A0}\(month)"), "\(month): \(out)")
    }
  }

  @Test(arguments: ["sv", "en", "fi", "de", "nb", "da", "ar", "ti"])
  func quotesComeFromTheTable(code: String) {
    let typographer = TypographyPreparer(dataDirectory: nil).typographer(for: code)
    let out = typographer.normalize("Hon sa \"hej\" och 'då'.")
    if let q = LanguageData.forTag(code).quotes {
      let expected = "Hon sa \(Character(q.doubleOpen))hej\(Character(q.doubleClose)) och \(Character(q.singleOpen))då\(Character(q.singleClose))."
      #expect(out == expected)
    } else {
      #expect(out == "Hon sa \"hej\" och 'då'.")
    }
  }

  /// `naraprint hyphenate` shows the breaks a render makes: the same minima, from the table.
  @Test func hyphenateBreaksAsARenderDoes() throws {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    let words = ["omställningsarbetet", "kompetensförsörjning", "anställda", "arbetsplatsträffar", "otydligt", "samordning",
                 "verksamheten", "information"]
    let r = try run(binary, ["hyphenate", "--lang", "sv-SE"] + words, cwd: repoRoot, env: ["NO_COLOR": "1"])
    #expect(r.status == 0, "\(r.err)")
    let shown = r.out.split(separator: "\n").map(String.init)
    let rendered = TypographyPreparer().typographer(for: "sv-SE")
    #expect(rendered.hyphenation == LanguageData.forTag("sv").hyphenation)
    try #require(rendered.patterns != nil, "no Swedish patterns (hyphen-sv)")
    #expect(shown == words.map { rendered.hyphenationPreview(of: $0) })
    // The check bites: TeX's 2/2 (the old default of the command) breaks some of them elsewhere.
    var tex = rendered
    (tex.leftMin, tex.rightMin) = (2, 2)
    #expect(words.map { tex.hyphenationPreview(of: $0) } != shown)
  }
}
