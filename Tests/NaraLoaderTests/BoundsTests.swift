import Foundation
import NaraLoader
import NaraModel
import Testing

/// Text the loader reads costs work in proportion to its size, and what would print wrong is
/// an error where it was written: brackets nested past a limit, an unclosed `{{`, a link that
/// a reader of the PDF cannot follow.
@Suite("Loader: bounds and link targets")
struct BoundsTests {
  /// The inlines of a one-item layout whose text is `text` (a quoted scalar).
  func inlines(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Inline] {
    let r = load(onPage("- id: t\n  text: \"\(text)\""))
    let item = try #require(r.item("t"), "\(r.diagnostics)", sourceLocation: sourceLocation)
    #expect(r.errors.isEmpty, "\(r.errors)", sourceLocation: sourceLocation)
    return try #require(item.textFrame, sourceLocation: sourceLocation).blocks.flatMap(\.inlines)
  }

  // MARK: Nesting

  func nested(_ depth: Int) -> String {
    String(repeating: "[", count: depth) + "ord" + String(repeating: "]{accent}", count: depth)
  }

  @Test func bracketsNestUpToTheLimit() throws {
    let i = try inlines(nested(16))
    #expect(i.map(\.text) == ["ord"])
    #expect(i.map(\.characterStyle) == ["accent"])
  }

  @Test func bracketsNestedPastTheLimitAreAnErrorAtTheText() {
    let r = load(onPage("- id: t\n  text: 1️⃣\"Före \(nested(17)) efter\""))
    r.expectError("nested more than 16 levels deep", at: "1️⃣", hint: "nest at most 16")
    #expect(r.errors.count == 1)
  }

  @Test func aFileOfNestedBracketsLoadsWithOneError() {
    // 18 KB of brackets inside each other (a paragraph holds at most 20,000 characters): one
    // error, in proportion to the text's size.
    let depth = 1_800
    let text = String(repeating: "[", count: depth) + "x" + String(repeating: "]{accent}", count: depth)
    let start = Date()
    let r = load(onPage("- id: t\n  text: |\n    " + text))
    print("\(text.utf8.count / 1000) KB of nested brackets: \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    // A block's errors name its line (the literal block's first: line 7).
    #expect(r.errors.map(\.message).contains { $0.contains("nested more than 16 levels deep") })
    #expect(r.errors.first?.location?.line == 7)
    #expect(r.errors.count == 1)
  }

  @Test func unclosedBracketsAndParenthesesStayLiteral() throws {
    let text = String(repeating: "[a](", count: 2_000) + String(repeating: "[b]{", count: 2_000)
      + String(repeating: "`[", count: 1)
    let start = Date()
    let i = try inlines(text)
    print("\(text.utf8.count / 1000) KB of unclosed brackets: \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    #expect(i.map(\.text).joined() == text)
  }

  // MARK: Variables

  @Test func anUnclosedVariableIsAnErrorWithAHint() {
    let r = load(onPage("- id: t\n  text: 1️⃣\"Hej {{namn och resten\"", after: "variables: { namn: Anna }"))
    r.expectError("`{{namn och resten` is not closed", at: "1️⃣", hint: "close it with }}")
    #expect(r.errors.count == 1)
  }

  @Test func closedVariablesAreStillFilledIn() throws {
    let r = load(onPage("- id: t\n  text: \"{{namn}} {{ namn }}\"", after: "variables: { namn: Anna }"))
    #expect(r.errors.isEmpty, "\(r.errors)")
    #expect(r.item("t")?.texts == ["Anna Anna"])
  }

  // MARK: Links

  @Test func aLinkTargetMayHoldParenthesesInPairs() throws {
    let i = try inlines("Se [Värmland](https://sv.wikipedia.org/wiki/Värmland_(landskap)) och (mer).")
    #expect(i.map(\.text) == ["Se ", "Värmland", " och (mer)."])
    #expect(i.map(\.link) == [nil, "https://sv.wikipedia.org/wiki/Värmland_(landskap)", nil])
  }

  @Test func webAndOtherFollowableTargetsAreKept() throws {
    let i = try inlines("[a](https://regionvarmland.se) [b](http://example.com/x?y=1#z) [c](mailto:info@regionvarmland.se) [d](tel:+46-54-61-50-00) [e](HTTPS://1177.se)")
    #expect(i.compactMap(\.link) == [
      "https://regionvarmland.se", "http://example.com/x?y=1#z", "mailto:info@regionvarmland.se", "tel:+46-54-61-50-00",
      "https://1177.se",
    ])
  }

  @Test func aBareWebAddressGetsHttps() throws {
    let i = try inlines("[a](regionvarmland.se/naravard) [b](www.1177.se) [c](region-värmland.se:8080/x)")
    #expect(i.compactMap(\.link) == [
      "https://regionvarmland.se/naravard", "https://www.1177.se", "https://region-värmland.se:8080/x",
    ])
  }

  @Test(arguments: [
    ("[bilaga](file:///home/anna/bilaga.pdf)", "uses `file:`", "https://"),
    ("[bilaga](javascript:alert(1))", "uses `javascript:`", "mailto:"),
    ("[bilaga](../bilaga.pdf)", "is not a web address", "https://"),
    ("[mejla](info@regionvarmland.se)", "is not a web address", "mailto:info@regionvarmland.se"),
    ("[tomt]()", "has no target", "https://"),
  ])
  func aTargetAReaderCannotFollowIsAnError(text: String, message: String, hint: String) {
    let r = load(onPage("- id: t\n  text: 1️⃣\"Läs \(text) nu\""))
    r.expectError(message, at: "1️⃣", hint: hint)
  }

  @Test func aLinkErrorInABlockNamesItsLine() {
    let r = load(onPage("- id: t\n  text: |\n    Första stycket.\n\n    Andra med [länk](../x.pdf).\n"))
    #expect(r.errors.map(\.message) == ["the link target `../x.pdf` is not a web address"])
    #expect(r.errors.first?.location?.line == 9)
  }
}
