import NaraTypography
import Testing

/// A fake pattern engine: breaks given per word, so the rules around patterns can be tested
/// without libhyphen (the real patterns are tested in Tests/HyphenationTests).
struct TablePatterns: PatternHyphenator {
  let table: [String: [Int]]
  func breaks(in lowercasedWord: String) -> [Int] { table[lowercasedWord] ?? [] }
}

struct HyphenationRules {
  static let patterns = TablePatterns(table: [
    "omställningsarbetet": [2, 7, 12, 14, 16],
    "otydligt": [1, 4],
    "maximal": [2, 4],
    "backarna": [3, 6],
    "katter": [3],
    "regionen": [2, 4, 5],
    "kristin": [3],
    "törnqvist": [4],
  ])
  let t = Typographer(language: "sv", patterns: patterns)

  @Test func softHyphensAtPatternBreaks() {
    #expect(t.hyphenate("omställningsarbetet") == "om\u{AD}ställ\u{AD}nings\u{AD}ar\u{AD}be\u{AD}tet")
    #expect(t.hyphenationPreview(of: "Omställningsarbetet") == "Om-ställ-nings-ar-be-tet")
  }

  @Test func neverASingleLetterAtAnEdge() {
    #expect(t.hyphenationPreview(of: "otydligt") == "otyd-ligt")
  }

  @Test func xStaysOnTheFirstLine() {
    #expect(t.hyphenationPreview(of: "maximal") == "max-i-mal")
  }

  @Test func ckIsNeverSplit() {
    #expect(t.hyphenationPreview(of: "backarna") == "backar-na")
    #expect(!t.breaks(forLowercased: "backarna").contains(3))
  }

  @Test func minimumWordLength() {
    let strict = Typographer(language: "sv", patterns: Self.patterns, minimumWordLength: 7)
    #expect(strict.hyphenate("katter") == "katter")
    #expect(t.hyphenate("katter") == "kat\u{AD}ter")
  }

  @Test func leafletMinimaThreeThree() {
    let leaflet = Typographer(language: "sv", patterns: Self.patterns, leftMin: 3, rightMin: 3)
    #expect(leaflet.hyphenationPreview(of: "omställningsarbetet") == "omställ-nings-ar-be-tet")
  }

  @Test func namesMidSentenceAreNotHyphenated() {
    #expect(t.hyphenate("Vi träffade Kristin Törnqvist i regionen.") == "Vi träffade Kristin Törnqvist i re\u{AD}gio\u{AD}nen.")
  }

  @Test func sentenceStartIsNotAName() {
    #expect(t.hyphenate("Regionen. Regionen t.ex. Regionen") == "Re\u{AD}gio\u{AD}nen. Re\u{AD}gio\u{AD}nen t.ex. Regionen")
  }

  @Test func initialismsUrlsNumbersNeverBroken() {
    let s = "OMSTÄLLNINGSARBETET regionvarmland.se/omställningsarbetet info@omställningsarbetet.se 1234567890"
    #expect(t.hyphenate(s) == s)
  }

  @Test func softHyphenGoesIntoTheSegmentBeforeTheBreak() {
    let out = t.hyphenate([TextSegment("omställ"), TextSegment("ningsarbetet")])
    #expect(out == ["om\u{AD}ställ\u{AD}", "nings\u{AD}ar\u{AD}be\u{AD}tet"])
  }

  @Test func noPatternsNoHyphens() {
    let none = Typographer(language: "fi", patterns: nil)
    #expect(none.hyphenate("omställningsarbetet") == "omställningsarbetet")
  }
}

struct ExceptionList {
  @Test func parsesEntriesCommentsAndBareForm() throws {
    let e = try HyphenationExceptions(contentsOf: """
      # comment
      omställningsarbetet: om-ställ-nings-ar-be-tet   # trailing comment

      fabriks-logiken
      dammoln: dammoln
      """, source: "test.txt")
    #expect(e.count == 3)
    #expect(e.breaks(for: "fabrikslogiken") == [7])
    #expect(e.breaks(for: "dammoln") == [])
    let t = Typographer(language: "sv", patterns: HyphenationRules.patterns, exceptions: e)
    #expect(t.hyphenationPreview(of: "Fabrikslogiken") == "Fabriks-logiken")
    #expect(t.hyphenationPreview(of: "dammoln") == "dammoln")
  }

  @Test(arguments: [
    ("x: om-ställ", "test.txt:1:"),
    ("\n\nomställning: om-stäl-lning-x", "test.txt:3:"),
    ("dammoln: damm-moln", "cannot restore"),
    ("ab1: a-b1", "not a word"),
    ("ord: -ord", "letters on both sides"),
    ("ord: or-d\nord: o-rd", "listed twice"),
  ])
  func errorsNameSourceAndLine(text: String, fragment: String) {
    do {
      _ = try HyphenationExceptions(contentsOf: text, source: "test.txt")
      Issue.record("no error for \(text)")
    } catch {
      #expect("\(error)".contains(fragment), "\(error)")
    }
  }

  @Test func repositoryListParses() throws {
    let dir = try #require(TypographyData.defaultDirectory())
    let e = try HyphenationExceptions.loadDefault(language: "sv-SE", directory: dir)
    #expect(e.count >= 10)
  }
}

struct DataLocator {
  @Test func findsTheRepositoryDirectory() throws {
    let dir = try #require(TypographyData.defaultDirectory())
    #expect(dir.hasSuffix("typography"))
    #expect(TypographyData.exceptionFileName(language: "sv-SE") == "hyphenation-sv.txt")
  }
}
