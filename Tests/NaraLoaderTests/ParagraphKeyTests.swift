import NaraLoader
import NaraModel
import Testing

/// A text cut into the entries a translator translates, and the keys that keep each entry
/// with its paragraph when the Swedish changes.
@Suite("Loader: paragraphs and their keys")
struct ParagraphKeyTests {
  let story = """
    {ingress} Första stycket, med *betoning* och en [länk](https://regionvarmland.se)
    som fortsätter på nästa rad.

    ## En mellanrubrik

    - en punkt om {{enhet}}
      som fortsätter
    - en andra punkt\\
    med radbrytning
    3. ett numrerat steg

    Sista stycket.
    """

  @Test func eachHeadingParagraphAndListItemIsOneSegment() {
    let s = MarkupSegments.split(story)
    #expect(s.map(\.kind) == [.paragraph, .heading, .listItem, .listItem, .listItem, .paragraph])
    #expect(s.map(\.body) == [
      "Första stycket, med *betoning* och en [länk](https://regionvarmland.se) som fortsätter på nästa rad.",
      "En mellanrubrik", "en punkt om {{enhet}} som fortsätter", "en andra punkt\\\nmed radbrytning",
      "ett numrerat steg", "Sista stycket.",
    ])
    // Structure stays with the layout: marker, indent and paragraph style.
    #expect(s.map(\.marker) == ["", "## ", "- ", "- ", "3. ", ""])
    #expect(s[0].style == "{ingress} ")
    #expect(s.map(\.line) == [0, 3, 5, 7, 9, 11])
    // A translation is set in the Swedish block's place, unless it names its own style.
    #expect(s[1].markup(with: "A heading") == "## A heading")
    #expect(s[0].markup(with: "First") == "{ingress} First")
    #expect(s[0].markup(with: "{lead} First") == "{lead} First")
  }

  @Test func wordsAreWhatIsLeftOutsidePlaceholders() {
    #expect(MarkupSegments.hasWords("Hej {{enhet}}"))
    #expect(!MarkupSegments.hasWords("{{enhet}}"))
    #expect(!MarkupSegments.hasWords("→ {{sida}}/{{sidor}}"))
    #expect(MarkupSegments.hasWords("{{ohejdad"))
  }

  func keys(_ texts: [String], remembered: [(String, String)]) -> [String] {
    ParagraphKeys.assign(texts.map { (.paragraph, $0) }, remembered: remembered.map { .init(key: $0.0, text: $0.1) }).map(\.key)
  }

  let old = [("p1", "Alfa är första stycket om vården."), ("h2", "Rubrik"), ("p3", "Gamma handlar om kommunerna och regionen."),
             ("p4", "Delta är det sista stycket.")]

  @Test func aFreshTextIsNumberedInOrderAndASingleParagraphKeepsTheId() {
    #expect(keys(["a", "b", "c"], remembered: []) == ["p1", "p2", "p3"])
    #expect(keys(["ensam"], remembered: []) == [""])
  }

  @Test func keysSurviveInsertionsRemovalsEditsAndMoves() {
    // A paragraph inserted before the others: they keep their keys; it gets a new one.
    #expect(keys(["Nytt stycke först.", "Alfa är första stycket om vården.", "Rubrik", "Gamma handlar om kommunerna och regionen.",
                  "Delta är det sista stycket."], remembered: old) == ["p5", "p1", "h2", "p3", "p4"])
    // One removed.
    #expect(keys(["Alfa är första stycket om vården.", "Gamma handlar om kommunerna och regionen.", "Delta är det sista stycket."],
                 remembered: old) == ["p1", "p3", "p4"])
    // One sentence edited: the paragraph keeps its key and is reported as edited.
    let edited = ParagraphKeys.assign(
      ["Alfa är första stycket om vården.", "Rubrik", "Gamma handlar om kommunerna, regionen och civilsamhället.",
       "Delta är det sista stycket."].map { (.paragraph, $0) }, remembered: old.map { .init(key: $0.0, text: $0.1) })
    #expect(edited.map(\.key) == ["p1", "h2", "p3", "p4"])
    #expect(edited[2].match == .edited(previous: "Gamma handlar om kommunerna och regionen."))
    #expect(edited[0].match == .same)
    // Rewritten entirely in its place: still the same paragraph.
    #expect(keys(["Alfa är första stycket om vården.", "Rubrik", "Något helt annat.", "Delta är det sista stycket."],
                 remembered: old) == ["p1", "h2", "p3", "p4"])
    // Moved.
    #expect(keys(["Delta är det sista stycket.", "Alfa är första stycket om vården.", "Rubrik", "Gamma handlar om kommunerna och regionen."],
                 remembered: old) == ["p4", "p1", "h2", "p3"])
    // A text of one paragraph that grows a second: the first keeps the bare id.
    #expect(keys(["Ett.", "Två."], remembered: [("", "Ett.")]) == ["", "p2"])
  }

  @Test func contextsSplitIntoItemAndKey() {
    #expect(ParagraphMemory.split("berättelse.p3") == ("berättelse", "p3"))
    #expect(ParagraphMemory.split("malbild.principer.li12") == ("malbild.principer", "li12"))
    #expect(ParagraphMemory.split("tidsplan.r0k1") == ("tidsplan.r0k1", ""))
    #expect(ParagraphMemory.split("värde-1.hög") == ("värde-1.hög", ""))
    #expect(ParagraphMemory.context(item: "x", key: "") == "x")
  }
}
