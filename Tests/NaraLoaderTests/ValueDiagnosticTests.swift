import NaraLoader
import NaraModel
import Testing

/// Errors about keys and values: each must point at the offending token and say what to do.
@Suite("Loader diagnostics: keys and values")
struct ValueDiagnosticTests {
  @Test func unknownKeyOnTextSuggestsColour() {
    let r = load(onPage("""
      - text: Hej
        1️⃣colur: skog
      """))
    r.expectError("unknown key `colur` in a text item", at: "1️⃣", hint: "did you mean `colour`?")
  }

  @Test func unknownKeyOnStackSuggestsItems() {
    let r = load(onPage("""
      - stack:
          gap: 2mm
          1️⃣itmes:
            - text: Hej
      """))
    r.expectError("unknown key `itmes`", at: "1️⃣", hint: "did you mean `items`?")
  }

  /// libyaml counts columns in Unicode scalars: `å` is one column (two UTF-8 bytes) and 😀 one
  /// (two UTF-16 units, four bytes). The marker's column is counted the same way.
  @Test func columnCountsUnicodeScalarsAfterNonASCIIText() {
    let r = load(onPage("""
      - { text: Blåbär på 😀 lördag, 1️⃣colur: skog }
      """))
    #expect(r.markers["1️⃣"]?.column == 37)
    r.expectError("unknown key `colur`", at: "1️⃣", hint: "did you mean `colour`?")
  }

  @Test func mappingWhereALengthIsNeeded() {
    let r = load(onPage("""
      - stack:
          gap: 1️⃣{ x: 2mm }
          items:
            - text: Hej
      """))
    r.expectError("gap must be a single value, not a mapping", at: "1️⃣")
  }

  @Test func lengthWithoutUnit() {
    let r = load(onPage("""
      - text: Hej
        width: 1️⃣40
      """))
    r.expectError("width `40` needs a unit", at: "1️⃣", hint: "write 40mm or 40pt")
  }

  @Test func unknownPaperSizeSuggestsTheNearest() {
    let r = load(onPage("- text: Hej", document: "{ size: 1️⃣A44 }"))
    r.expectError("unknown page size `A44`", at: "1️⃣", hint: "did you mean `A4`?")
  }

  @Test func unknownColourNameSuggestsTheTheme() {
    let r = load(onPage("""
      - rect:
          size: [10mm, 10mm]
          fill: 1️⃣skgo
      """))
    r.expectError("unknown colour `skgo` in fill", at: "1️⃣", hint: "did you mean `skog`?")
  }

  @Test func badHexColourInTheThemePointsIntoTheTheme() {
    let theme = testTheme.replacingOccurrences(of: "vit: \"#ffffff\"", with: "vit: 1️⃣\"#fffffg\"")
    let r = load(onPage("- text: Hej"), theme: theme)
    r.expectError("colour `vit` must be written #rrggbb", at: "1️⃣")
  }

  @Test func unknownStyle() {
    let r = load(onPage("""
      - text: Hej
        style: 1️⃣rubirk
      """))
    r.expectError("no paragraph style `rubirk` in the theme", at: "1️⃣", hint: "did you mean `rubrik`?")
  }

  @Test func unknownComponent() {
    let r = load(onPage("""
      - use: 1️⃣kart
      """, after: """
      components:
        kort:
          items:
            - text: Hej
      """))
    r.expectError("no component named `kart`", at: "1️⃣", hint: "did you mean `kort`?")
  }

  @Test func missingComponentParameter() {
    let r = load(onPage("""
      - 1️⃣use: kort
        with: { titel: Hej }
      """, after: """
      components:
        kort:
          params: [titel, text]
          items:
            - text: "{{titel}} {{text}}"
      """))
    r.expectError("component `kort` needs `text`", at: "1️⃣", hint: "with:")
  }

  @Test func unsetVariableIsNamed() {
    let r = load(onPage("""
      - text: Hej
      - text: 1️⃣"Hej {{namn}}!"
      """))
    r.expectError("the variable `{{namn}}` has no value", at: "1️⃣", hint: "--set namn=")
  }

  @Test func duplicateIdPointsAtTheSecond() {
    let r = load(onPage("""
      - text: Ett
        id: rubrik
      - text: Två
        id: 1️⃣rubrik
      """))
    r.expectError("the id `rubrik` is used twice", at: "1️⃣", hint: "layout.yaml:6:")
  }

  /// Yams rejects the mapping before `Reader.fields` sees it, and gives the first key's mark.
  @Test func keyGivenTwicePointsAtTheKey() {
    let r = load(onPage("""
      - text: Hej
        1️⃣style: bröd
        style: rubrik
      """))
    #expect(r.errors.count == 1)
    #expect(r.errors.first?.message.contains("style") == true)
    r.expectError("style", at: "1️⃣")
    
  }

  @Test(arguments: ["\"två ord\"", "a/b", "\"\""])
  func idMustBeOneWord(id: String) {
    let r = load(onPage("- text: Hej\n  id: 1️⃣\(id)"))
    r.expectError("an id must be one word without spaces or `/`", at: "1️⃣")
  }

  @Test func itemWithTwoKinds() {
    let r = load(onPage("""
      - 1️⃣text: Hej
        rect: { size: [1mm, 1mm], fill: skog }
      """))
    r.expectError("an item can be only one kind, but this has text and rect", at: "1️⃣")
  }

  @Test func itemWithNoKind() {
    let r = load(onPage("""
      - 1️⃣txet: Hej
        width: 20mm
      """))
    r.expectError("the item does not say what kind it is", at: "1️⃣", hint: "did you mean `text`?")
  }

  @Test func atInsideAStack() {
    let r = load(onPage("""
      - stack:
          items:
            - text: Hej
              at: 1️⃣[10mm, 10mm]
      """))
    r.expectError("items in a stack, row or grid are placed by it", at: "1️⃣", hint: "group")
  }

  @Test func imageFileNotFound() {
    let r = load(onPage("""
      - image: 1️⃣bilder/saknas.png
        width: 20mm
        alt: En bild
      """))
    r.expectError("image not found:", at: "1️⃣")
    #expect(r.errors.contains { $0.message.hasSuffix("bilder/saknas.png") })
  }

  /// NUL (and other control characters) never cut a text silently: written as an escape it is
  /// an error at the string, written raw at its own line and column.
  @Test func controlCharactersAreErrors() {
    let escaped = load(onPage("""
      - text: 1️⃣"Före\\0efter"
      """))
    escaped.expectError("the text contains the control character U+0000", at: "1️⃣")
    let raw = load(onPage("""
      - text: "Före1️⃣\u{1B}efter"
      """))
    raw.expectError("the file contains the control character U+001B", at: "1️⃣")
  }

  /// A folder where an image should be is refused by name (reading it used to trap).
  @Test func imagePathThatIsAFolder() {
    let r = load(onPage("""
      - image: 1️⃣bild.png
        width: 20mm
        alt: En bild
      """), files: ["bild.png/inuti.txt": "en mapp, inte en bild"])
    r.expectError("bild.png is not an image file but a folder", at: "1️⃣")
  }

  @Test func imageWithoutAlt() {
    let r = load(onPage("""
      - 1️⃣image: foto.png
        width: 20mm
      """), binary: ["foto.png": [0x89, 0x50, 0x4E, 0x47]])
    r.expectError("an image needs `alt:` text", at: "1️⃣")
    #expect(r.errors.count == 1)
  }

  /// The path's error points at the token inside the string, past the opening quote if any.
  @Test(arguments: [
    ("- path: \"M 10mm 10mm L 1️⃣20 30mm\"", "the number `20` needs a unit"),
    ("- path: M 10mm 10mm L 1️⃣20 30mm", "the number `20` needs a unit"),
    ("- path: 'M 10mm 10mm C 1️⃣x 1mm'", "expected a number, found `x`"),
    ("- path: \"1️⃣10mm 10mm\"", "path data must start with a command"),
    ("- path: { d: \"M 0mm 0mm L 1mm 1️⃣q\", fill: skog }", "expected a number, found `q`"),
    // Numbers that would make the arc's geometry NaN or infinite are errors, never a trap.
    ("- path: \"M 0mm 0mm A 1️⃣nanmm 5mm 0 0 1 10mm 10mm\"", "expected a number, found `nanmm`"),
    ("- path: \"M 0mm 0mm A 1️⃣1e308mm 5mm 0 0 1 10mm 10mm\"", "the number `1e308mm` is not a usable coordinate (it must be finite and within 10 m)"),
    ("- path: \"M 0mm 0mm A 5mm 5mm 1️⃣inf 0 1 10mm 10mm\"", "an arc needs its rotation and two flags as plain, finite numbers"),
  ])
  func badPathDataPointsIntoTheString(line: String, message: String) {
    let r = load(onPage(line + "\n  stroke: skog"))
    r.expectError("in the path: " + message, at: "1️⃣")
  }

  @Test(arguments: [
    ("{ size: [1️⃣99999mm, 10mm] }", "size x 99999mm is larger than the 10000 mm this allows"),
    ("{ size: 1️⃣[6000mm, 297mm] }", "page size must be between 10 mm and 5000 mm"),
    ("{ size: A4, bleed: 1️⃣40mm }", "bleed 40mm is larger than the 25 mm this allows"),
  ])
  func absurdSizesOnTheDocument(document: String, message: String) {
    let r = load(onPage("- text: Hej", document: document))
    r.expectError(message, at: "1️⃣")
  }
}
