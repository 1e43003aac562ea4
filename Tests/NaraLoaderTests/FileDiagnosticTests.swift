import Foundation
import NaraLoader
import NaraModel
import Testing

/// Errors about whole files: syntax, encoding, missing files, and many errors at once.
@Suite("Loader diagnostics: files")
struct FileDiagnosticTests {
  @Test func tabIndentationIsASyntaxError() {
    let r = load("document:\n1️⃣\tsize: A4\ntheme: theme.yaml\n")
    r.expectError("YAML syntax error", at: "1️⃣")
    #expect(r.errors.count == 1)
  }

  @Test func unclosedBracketIsASyntaxError() {
    let r = load("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - rect: { size: [10mm, 10mm, fill: skog 1️⃣}
      """)
    r.expectError("YAML syntax error", at: "1️⃣")
    // The hint names where the unclosed collection began.
    #expect(r.errors.first?.hints.contains { $0.contains("at line 5") } == true)
  }

  @Test func invalidUTF8PointsAtTheLine() {
    let bytes = Array("document: { size: A4 }\ntheme: theme.yaml\n# Gr".utf8) + [0xC3, 0x28] + Array("n\n".utf8)
    let r = load("", binary: ["layout.yaml": bytes])
    let e = r.errors.first { $0.message.contains("not valid UTF-8") }
    #expect(e?.location?.line == 3)
    #expect(e?.location?.column == 5)
  }

  /// Sequences that look well-formed byte by byte but are not UTF-8 (a UTF-16 surrogate,
  /// an overlong encoding) must be found too, not reported at the end of the file.
  @Test(arguments: [[UInt8]([0xC3, 0x28]), [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF]])
  func invalidUTF8OfEveryKindPointsAtItsLine(bad: [UInt8]) {
    let bytes = Array("a: 1\n".utf8) + bad + Array("\nb: 2\nc: 3\n".utf8)
    let r = load("", binary: ["layout.yaml": bytes])
    let e = r.errors.first { $0.message.contains("not valid UTF-8") }
    #expect(e != nil)
    #expect(e?.location?.line == 2)
  }

  @Test(arguments: ["", "# nothing but a comment\n"])
  func emptyFile(text: String) {
    let r = load("1️⃣" + text)
    r.expectError("the file is empty", at: "1️⃣")
  }

  @Test func missingThemeFileIsNamedAtTheThemeKey() {
    let r = load("""
      document: { size: A4 }
      theme: 1️⃣gemensam/tema.yaml
      pages:
        - items:
            - text: Hej
      """, theme: nil)
    r.expectError("file not found:", at: "1️⃣")
    #expect(r.errors.contains { $0.message.hasSuffix("gemensam/tema.yaml") })
  }

  @Test func missingImportIsNamedAtTheImport() {
    let r = load(onPage("- text: Hej", after: "imports: [1️⃣delar/kort.yaml]"))
    r.expectError("file not found:", at: "1️⃣")
    #expect(r.errors.contains { $0.message.hasSuffix("delar/kort.yaml") })
  }

  @Test func errorInAnImportedComponentPointsIntoThatFile() {
    let kort = """
      components:
        kort:
          items:
            - text: Hej
              style: 1️⃣rubirk
      """
    let r = load(onPage("- use: kort", after: "imports: [delar/kort.yaml]"), files: ["delar/kort.yaml": kort])
    #expect(r.markers["1️⃣"]?.file == "delar/kort.yaml")
    let e = r.errors.first { $0.message.contains("no paragraph style `rubirk`") }
    #expect(e?.location?.file.hasSuffix("delar/kort.yaml") == true)
    #expect(e?.location?.line == 5)
    #expect(e?.location?.column == 16)
    #expect(r.markers["1️⃣"]?.column == 16)
  }

  @Test func everyErrorInAFileIsReportedAtOnce() {
    let r = load(onPage("""
      - text: Hej
        width: 1️⃣40
      - rect:
          size: [10mm, 10mm]
          fill: 2️⃣skgo
      - text: Hopp
        style: 3️⃣rubirk
      - 4️⃣txet: Nej
      """))
    #expect(r.loaded == nil)
    #expect(r.errors.count == 4, "\(r.diagnostics)")
    r.expectError("needs a unit", at: "1️⃣")
    r.expectError("unknown colour `skgo`", at: "2️⃣")
    r.expectError("no paragraph style `rubirk`", at: "3️⃣")
    r.expectError("does not say what kind it is", at: "4️⃣")
  }

  @Test func warningsDoNotStopTheLoad() {
    let r = load(onPage("""
      - rect:
          size: [10mm, 10mm]
      """))
    #expect(r.loaded != nil)
    #expect(r.diagnostics.count == 1)
    #expect(r.diagnostics.first?.severity == .warning)
    #expect(r.diagnostics.first?.message.contains("neither fill nor stroke") == true)
  }

  @Test func layoutWithoutThemeOrPages() {
    let r = load("1️⃣document: { size: A4 }\n")
    r.expectError("the layout names no theme", at: "1️⃣")
    r.expectError("the layout has no `pages:`", at: "1️⃣")
  }
}
