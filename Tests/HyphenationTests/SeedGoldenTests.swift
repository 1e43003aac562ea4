import Foundation
import NaraHyphen
import NaraTypography
import Testing

/// typography-sv.md §8.4: hyphenation against a golden list of hand-verified seed words.
struct SeedGolden {
  static let golden = Fixtures.golden("tests/seed-words-sv.txt")

  static func wrongWords(_ t: Typographer) -> [String] {
    golden.compactMap { g in
      let produced = Set(t.breaks(forLowercased: g.word))
      return produced.isSubset(of: g.breaks) ? nil : t.hyphenationPreview(of: g.word)
    }
  }

  @Test func plainPatternsVersusExceptionList() throws {
    try #require(Fixtures.swedishPatterns != nil, "hyphen-sv is not installed")
    #expect(Self.golden.count >= 300)
    let plain = Self.wrongWords(Fixtures.plain)
    let listed = Self.wrongWords(Fixtures.withExceptions)
    let compounds = Self.wrongWords(Fixtures.withCompounds)
    print("seed words ≥ 8 letters: \(Self.golden.count); wrong with plain patterns: \(plain.count) \(plain)")
    print("wrong after the exception list: \(listed.count) \(listed)")
    print("wrong with compounds, no exception list: \(compounds.count) \(compounds)")
    #expect(listed.isEmpty)
    #expect(compounds.count <= plain.count)
  }

  @Test func fullConfigurationMakesNoWrongBreakInTheSeeds() throws {
    try #require(Fixtures.swedishPatterns != nil)
    #expect(Self.wrongWords(Fixtures.full) == [])
  }

  /// Break points checked by hand, one by one, in the configuration the renderer uses.
  @Test(arguments: [
    ("omställningsarbetet", "om-ställ-nings-ar-be-tet"),
    ("kompetensförsörjning", "kom-pe-tens-för-sörj-ning"),
    ("fabrikslogiken", "fa-briks-lo-gi-ken"),
    ("arbetsplatsträffar", "ar-bets-plats-träf-far"),
    ("målbildsarbetet", "mål-bilds-ar-be-tet"),
    ("brukarorganisationer", "bru-kar-or-ga-ni-sa-tio-ner"),
    ("beslutsprocess", "be-sluts-pro-cess"),
    ("personcentrerad", "per-son-cen-tre-rad"),
    ("befolkningssammansättning", "be-folk-nings-sam-man-sätt-ning"),
    ("otydligt", "otyd-ligt"),          // never a single letter: not o-tydligt
    ("åstadkomma", "åstad-kom-ma"),     // not å-stadkomma
    ("dammoln", "dammoln"),             // triple-consonant joint: never dam-moln
    ("rättrogen", "rättrogen"),
    ("tältläger", "tält-lä-ger"),       // an ordinary joint, not a triple one
    ("exempelvis", "ex-em-pel-vis"),
  ])
  func handVerified(word: String, expected: String) throws {
    try #require(Fixtures.swedishPatterns != nil)
    #expect(Fixtures.full.hyphenationPreview(of: word) == expected)
  }

  @Test func triplesFromTheSplitterWithoutAnExceptionEntry() throws {
    try #require(Fixtures.compounds != nil)
    for word in ["kontrollampa", "stoppunkt", "trollek", "bussträcka", "skottid", "stallykta"] {
      let a = Fixtures.withCompounds.hyphenationPreview(of: word)
      let t = Fixtures.compounds!.analyse(word).tripleJoints
      #expect(!t.isEmpty, "\(word)")
      for j in t { #expect(!Fixtures.withCompounds.breaks(forLowercased: word).contains { abs($0 - j) <= 1 }, "\(a)") }
    }
  }
}

/// Paragraph-level hyphenation with real patterns: what must never break.
struct NeverBroken {
  let t = Fixtures.full

  @Test func namesUrlsEmailNumbersAndShortWords() throws {
    try #require(Fixtures.swedishPatterns != nil)
    let text = "Enligt Kristin Törnqvist och Marianne Utterdahl ska regionvarmland.se/naravard och info@regionvarmland.se visa 1234567 saker, inte katt."
    let out = t.hyphenate(text)
    for protected in ["Törnqvist", "Marianne", "Utterdahl", "regionvarmland.se/naravard", "info@regionvarmland.se", "1234567", "katt.", "Kristin"] {
      #expect(out.contains(protected), "\(protected) was hyphenated: \(out.debugDescription)")
    }
  }

  @Test func sentenceInitialCommonWordIsHyphenatedButKnownNameIsNot() throws {
    try #require(Fixtures.swedishPatterns != nil && Fixtures.compounds != nil)
    #expect(t.hyphenate("Omställningen pågår.") == "Om\u{AD}ställ\u{AD}ning\u{AD}en på\u{AD}går.".replacingOccurrences(of: "på\u{AD}går", with: "pågår"))
    #expect(t.hyphenate("Marianne sa det.") == "Marianne sa det.")
  }

  @Test func headingsAndVerbatimSegmentsAreNotTouched() throws {
    try #require(Fixtures.swedishPatterns != nil)
    let segs = [TextSegment("Omställningsarbetet ", hyphenate: false), TextSegment("omställningsarbetet ", verbatim: true), TextSegment("omställningsarbetet")]
    #expect(t.hyphenate(segs) == ["Omställningsarbetet ", "omställningsarbetet ", "om\u{AD}ställ\u{AD}nings\u{AD}ar\u{AD}be\u{AD}tet"])
  }

  @Test func aWordThatAlreadyHasAHyphenOrSoftHyphenIsLeftAlone() throws {
    try #require(Fixtures.swedishPatterns != nil)
    #expect(t.hyphenate("vård-arbetet") == "vård-arbetet")
    #expect(t.hyphenate("omställ\u{AD}ningsarbetet") == "omställ\u{AD}ningsarbetet")
  }

  @Test func otherLanguagesDoNotGetSwedishPatterns() {
    #expect(LibhyphenPatterns.forLanguage("fi") == nil)
    #expect(LibhyphenPatterns.forLanguage("se") == nil)  // Northern Sami
    #expect(LibhyphenPatterns.forLanguage("sv")?.dictionaryPath.hasSuffix("hyph_sv_SE.dic") == true)
    #expect(LibhyphenPatterns.forLanguage("sv-FI") != nil)
  }
}

/// The libhyphen wrapper itself.
struct LibhyphenWrapper {
  @Test func latin1ConversionAndMinima() throws {
    let p = try #require(Fixtures.swedishPatterns)
    #expect(p.breaks(in: "öppenvård") == [2, 5])  // öp-pen-vård: ö and å survive ISO-8859-1
    #expect(!p.breaks(in: "otydligt").contains(1))  // 2/2 overrides the file's LEFTHYPHENMIN 1
    #expect(p.breaks(in: "łódź") == [])            // not spellable in ISO-8859-1: no breaks, no crash
    #expect(p.breaks(in: "o\u{308}ppenvård") == [2, 5])  // decomposed ö
  }

  @Test func sharedAndThreadSafe() async throws {
    let p = try #require(LibhyphenPatterns.forLanguage("sv-SE"))
    #expect(p === LibhyphenPatterns.forLanguage("sv"))
    let expected = p.breaks(in: "kompetensförsörjning")
    let results = await withTaskGroup(of: [Int].self) { group in
      for _ in 0..<200 { group.addTask { p.breaks(in: "kompetensförsörjning") } }
      var all: [[Int]] = []
      for await r in group { all.append(r) }
      return all
    }
    #expect(results.allSatisfy { $0 == expected })
  }

  @Test func missingDictionaryThrows() {
    #expect(throws: LibhyphenPatterns.LoadError.self) { try LibhyphenPatterns(dictionaryPath: "/nonexistent.dic") }
  }
}
