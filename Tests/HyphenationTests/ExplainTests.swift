import NaraTypography
import Testing

/// `naraprint hyphenate --explain`: the breaks it keeps are the ones a render uses, and each
/// refusal names its rule.
@Suite struct ExplainTests {
  @Test func keptBreaksAreTheRenderersOnEverySeedWord() throws {
    try #require(Fixtures.swedishPatterns != nil, "hyphen-sv is not installed")
    let words = SeedGolden.golden.map(\.word) + HeldOutMeasurement.entries.map(\.word)
    #expect(words.count > 400)
    for word in words {
      let explained = Fixtures.full.explainBreaks(forLowercased: word)
      #expect(explained.breaks == Fixtures.full.breaks(forLowercased: word), "\(word)")
      #expect(explained.notes.filter(\.kept).map(\.offset) == explained.breaks, "\(word): every kept break has a note")
    }
  }

  @Test func namesTheRules() throws {
    try #require(Fixtures.swedishPatterns != nil)
    let t = Fixtures.full
    let joint = t.explainBreaks(forLowercased: "kompetensförsörjning").notes
    #expect(joint.contains { $0.offset == 9 && $0.kept && $0.reason.contains("a joint") }, "\(joint)")
    #expect(joint.contains { $0.offset == 12 && $0.kept && $0.reason.contains("inside a part") })
    let short = t.explainBreaks(forLowercased: "ordning").notes
    #expect(short.allSatisfy { $0.kept || $0.reason.contains("letters") || $0.reason.contains("vowel") }, "\(short)")
    #expect(t.explainBreaks(forLowercased: "vård").notes.first?.reason.contains("fewer than") == true)
  }
}
