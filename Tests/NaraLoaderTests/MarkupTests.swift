import NaraLoader
import NaraModel
import Testing

/// The light markup of `text:`, seen through the loader: blocks and their inlines.
@Suite("Loader: text markup")
struct MarkupTests {
  /// Loads one text item with `text` as a literal block and returns its blocks.
  func blocks(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [TextBlock] {
    let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    let r = load(onPage("- id: t\n  text: |\n" + body))
    let item = try #require(r.item("t"), "\(r.diagnostics)", sourceLocation: sourceLocation)
    return try #require(item.textFrame, sourceLocation: sourceLocation).blocks
  }

  @Test func headingsByLevel() throws {
    let b = try blocks("# Ett\n\n## Två\n\n### Tre\n\n#### Fyra")
    #expect(b.map(\.kind) == [.heading(level: 1), .heading(level: 2), .heading(level: 3), .paragraph])
    #expect(b.map(\.plainText) == ["Ett", "Två", "Tre", "#### Fyra"])
  }

  @Test func bulletsAndNumberedItems() throws {
    let b = try blocks("- äpple\n* päron\n  - kart\n1. först\n12) sedan")
    #expect(b.map(\.kind) == [
      .listItem(marker: .bullet, level: 1), .listItem(marker: .bullet, level: 1), .listItem(marker: .bullet, level: 2),
      .listItem(marker: .number(1), level: 1), .listItem(marker: .number(12), level: 1),
    ])
    #expect(b.map(\.plainText) == ["äpple", "päron", "kart", "först", "sedan"])
  }

  @Test func linesOfAParagraphAreJoined() throws {
    let b = try blocks("Första raden\nandra raden\n\nNytt stycke")
    #expect(b.map(\.plainText) == ["Första raden andra raden", "Nytt stycke"])
  }

  @Test func blockLocationsAreTheirLinesInTheFile() throws {
    // The literal block starts on line 7 (header 4 lines, `- id: t`, `text: |`).
    let b = try blocks("# Rubrik\n\nStycke")
    #expect(b.map(\.location.line) == [7, 9])
  }

  @Test func emphasisAndStrong() throws {
    let b = try blocks("Ett *kursivt* och **fett** ord")
    let inlines = try #require(b.first).inlines
    #expect(inlines.map(\.text) == ["Ett ", "kursivt", " och ", "fett", " ord"])
    #expect(inlines.map(\.emphasis) == [false, true, false, false, false])
    #expect(inlines.map(\.strong) == [false, false, false, true, false])
  }

  @Test func linkKeepsItsURL() throws {
    let inlines = try #require(try blocks("Läs [mer här](https://regionvarmland.se) nu").first).inlines
    #expect(inlines.map(\.text) == ["Läs ", "mer här", " nu"])
    #expect(inlines.map(\.link) == [nil, "https://regionvarmland.se", nil])
  }

  @Test func characterStyleSpan() throws {
    let inlines = try #require(try blocks("Ett [viktigt]{accent} ord").first).inlines
    #expect(inlines.map(\.text) == ["Ett ", "viktigt", " ord"])
    #expect(inlines.map(\.characterStyle) == [nil, "accent", nil])
  }

  @Test func unknownCharacterStyleIsAnError() {
    let r = load(onPage("- text: 1️⃣\"Ett [ord]{acent}\""))
    r.expectError("no character style `acent` in the theme", at: "1️⃣", hint: "did you mean `accent`?")
  }

  @Test(arguments: [
    ("Pris \\*inte\\* kursiv", "Pris *inte* kursiv"),
    ("\\# ingen rubrik", "# ingen rubrik"),
    ("5 * 3 = 15", "5 * 3 = 15"),
    ("en ensam * stjärna", "en ensam * stjärna"),
    ("snake_case_namn", "snake_case_namn"),
    ("`**kod**` rör inte", "**kod** rör inte"),
  ])
  func literalCharacters(source: String, plain: String) throws {
    let b = try blocks(source)
    #expect(b.count == 1)
    #expect(b.first?.plainText == plain)
    #expect(b.first?.inlines.contains { $0.emphasis || $0.strong } == false)
  }

  @Test func backslashAtLineEndIsALineBreak() throws {
    let b = try blocks("Rad ett\\\nrad två")
    #expect(b.first?.plainText == "Rad ett\u{2028}rad två")
  }

  /// An unclosed `**` is kept as typed (the parser's own promise: “unclosed marks are kept as
  /// literal characters”), not silently dropped.
  @Test func unclosedStrongStaysLiteral() throws {
    let b = try blocks("Ett **fett ord")
    #expect(b.first?.plainText == "Ett **fett ord")
    
    #expect(b.first?.inlines.contains { $0.strong } == false)
  }
}
