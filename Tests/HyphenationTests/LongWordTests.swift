import Foundation
import NaraTypography
import Testing

/// Hyphenation does work in proportion to a text's length: a “word” of thousands of letters (a
/// `.po` msgstr or a CSV cell nobody wrote by hand) is not run through the patterns and the
/// compound splitter, whose search grows with the square of a word's length, but gets
/// last-resort breaks at a fixed spacing. Timings are printed, never asserted.
struct LongWordTests {
  /// Letters that look Swedish, the same every run.
  static func letters(_ count: Int) -> String {
    let alphabet = Array("abcdefghijklmnoprstuvyåäö")
    var state: UInt64 = 7
    return String((0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return alphabet[Int(state >> 33) % alphabet.count]
    })
  }

  static func timed<T>(_ what: String, _ body: () -> T) -> T {
    let start = Date()
    let result = body()
    print("\(what): \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
    return result
  }

  @Test func aVeryLongWordGetsBreaksAtAFixedSpacing() {
    let word = Self.letters(20_000)
    let t = Fixtures.full
    let breaks = Self.timed("breaks of a 20 000-letter word") { t.breaks(forLowercased: word) }
    let spacing = HyphenationLimits.fallbackBreakSpacing
    #expect(breaks.count == (20_000 - t.rightMin) / spacing)
    #expect(breaks.first == spacing)
    #expect(zip(breaks, breaks.dropFirst()).allSatisfy { $1 - $0 == spacing })
    #expect(breaks.last.map { word.count - $0 >= t.rightMin } == true)

    // In running text, between ordinary words.
    let text = "Ordet " + word + " följs av omställningsarbetet."
    let hyphenated = Self.timed("hyphenate a paragraph with that word") { t.hyphenate(text) }
    let pieces = hyphenated.split(separator: " ")
    #expect(pieces[1].unicodeScalars.filter { $0 == "\u{AD}" }.count == breaks.count)
    #expect(String(pieces[4]) == t.hyphenate("omställningsarbetet."))
  }

  @Test func theLimitIsWhereTheLastResortStarts() {
    let t = Fixtures.full
    let limit = HyphenationLimits.longestWord
    // Six words of 13 letters (78) make one long compound-looking word past the limit.
    let long = String(repeating: "sjukhusvården", count: 6)
    #expect(long.count > limit)
    #expect(t.breaks(forLowercased: long) == Array(stride(from: 8, through: long.count - t.rightMin, by: 8)))
    #expect(Fixtures.compounds.map { $0.analyse(long).parts.isEmpty } != false)
    // At the limit the word still goes through the patterns (breaks at syllables, not every 8 letters).
    let atLimit = String(Self.letters(limit))
    #expect(atLimit.count == limit)
    #expect(t.breaks(forLowercased: atLimit) != HyphenationLimits.fallbackBreaks(count: limit, leftMin: t.leftMin, rightMin: t.rightMin))
  }

  @Test func ordinaryWordsBreakAsBefore() {
    let t = Fixtures.full
    #expect(t.hyphenationPreview(of: "omställningsarbetet") == "om-ställ-nings-ar-be-tet")
    #expect(t.hyphenationPreview(of: "fabrikslogiken") == "fa-briks-lo-gi-ken")
    #expect(t.hyphenationPreview(of: "kommunförbundet") == "kom-mun-för-bun-det")
    // The same word hyphenated twice (the second time from the memo) breaks the same.
    #expect(t.hyphenate("sjukhusvården sjukhusvården").split(separator: " ").map(String.init).allSatisfy {
      $0 == t.hyphenate("sjukhusvården")
    })
  }

  @Test func aLongParagraphIsSetInProportionToItsLength() {
    let sentence = "Nära vård är en omställning av hälso- och sjukvården, där primärvården och kommunerna "
      + "samarbetar kring patientens behov i vardagen. "
    let paragraph = String(repeating: sentence, count: 200_000 / sentence.utf8.count + 1)
    #expect(paragraph.utf8.count > 200_000)
    let t = Fixtures.full
    let normalized = Self.timed("normalise a 200 KB paragraph") { t.normalize(paragraph) }
    let hyphenated = Self.timed("hyphenate a 200 KB paragraph") { t.hyphenate(normalized) }
    #expect(hyphenated.replacingOccurrences(of: "\u{AD}", with: "") == normalized)
    #expect(hyphenated.hasPrefix(t.hyphenate(t.normalize(sentence))))
  }
}
