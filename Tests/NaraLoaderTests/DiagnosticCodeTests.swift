import Foundation
import NaraLoader
import NaraModel
import TestSupport
import Testing

/// One input per diagnostic code the loader gives: the code, and the span (line, column) at
/// the marker 1️⃣.
struct DiagnosticCodeTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var code: DiagnosticCode
    var layout: String
    var files: [String: String] = [:]
    var variables: [String: String] = [:]
    /// The token length expected at the marker, when the test pins it.
    var length: Int?
    var testDescription: String { code.rawValue }
  }

  static let layoutCases: [Case] = [
    Case(code: .fileUnreadable, layout: "document: { size: A4 }\ntheme: 1️⃣saknas.yaml\npages:\n  - items: []\n", length: 11),
    Case(code: .notYAML, layout: "document: { size: A4 }\ntheme: 1️⃣bild.png\npages:\n  - items: []\n", files: ["bild.png": "x"], length: 8),
    Case(code: .yamlDuplicateKey, layout: "document: { size: A4 }\n1️⃣theme: theme.yaml\ntheme: x.yaml\npages: []\n"),
    Case(code: .invalidLength, layout: onPage("- text: Hej\n  size: [1️⃣80, 20mm]"), length: 2),
    Case(code: .unknownName, layout: onPage("- text: Hej\n  style: 1️⃣rubrk"), length: 5),
    Case(code: .unknownKey, layout: onPage("- text: Hej\n  1️⃣fnt-size: 12pt"), length: 8),
    Case(code: .notANumber, layout: onPage("- text: Hej\n  opacity: 1️⃣half"), length: 4),
    Case(code: .outOfRange, layout: onPage("- text: Hej\n  opacity: 1️⃣3"), length: 1),
    Case(code: .notAllowed, layout: onPage("- text: Hej\n  valign: 1️⃣mitten"), length: 6),
    Case(code: .wrongValueKind, layout: "document: { size: A4 }\ntheme: theme.yaml\npages: 1️⃣{ items: [] }\n"),
    Case(code: .missingSection, layout: "1️⃣document: { size: A4 }\ntheme: theme.yaml\n"),
    Case(code: .pageSetup, layout: "document: { size: 1️⃣A9000 }\ntheme: theme.yaml\npages:\n  - items: []\n", length: 5),
    Case(code: .languageTag, layout: "document: { size: A4, lang: 1️⃣\"sv_SE!\" }\ntheme: theme.yaml\npages:\n  - items: []\n", length: 8),
    Case(code: .duplicateID, layout: onPage("- { id: a, text: A }\n- { id: 1️⃣a, text: B }")),
    Case(code: .unknownItem, layout: "document: { size: A4 }\ntheme: theme.yaml\npages:\n  - items: [{ id: a, text: A }]\n    reading-order: [1️⃣b]\n"),
    Case(code: .unusedComponent, layout: onPage("- text: A", after: "components:\n  kort: 1️⃣{ items: [] }")),
    Case(code: .unusedStory, layout: onPage("- text: A", after: "stories:\n  lang: 1️⃣{ content: Hej }")),
    Case(code: .unsetVariable, layout: onPage("- text: 1️⃣\"Hej {{enhet}}\""), length: 15),
    Case(code: .unclosedVariable, layout: onPage("- text: 1️⃣\"Hej {{enhet\""), length: 13),
    Case(code: .variableFormat, layout: onPage("- text: 1️⃣\"{{datum|datum}}\""), variables: ["datum": "2026-13-01"], length: 17),
    Case(code: .invalidLink, layout: onPage("- text: 1️⃣\"[Läs](javascript:x)\"")),
  ]

  @Test(arguments: layoutCases)
  func loaderGivesTheCodeAtItsSpan(_ c: Case) throws {
    let r = load(c.layout, files: c.files, variables: c.variables)
    let want = try #require(r.markers["1️⃣"])
    let found = r.diagnostics.filter { $0.code == c.code }
    let d = try #require(found.first, "no \(c.code.rawValue) in:\n\(r.diagnostics.map(\.description).joined(separator: "\n"))")
    let loc = try #require(d.location)
    #expect(loc.line == want.line && loc.column == want.column, "\(c.code.rawValue) at \(loc), want \(want)")
    if let length = c.length { #expect(loc.length == length, "\(c.code.rawValue) spans \(loc.length)") }
  }

  /// A variable nobody set is one error at its first use, found by code and subject.
  @Test func unsetVariableIsReportedOnce() throws {
    let r = load(onPage("- text: \"{{enhet}}\"\n- text: \"{{enhet}} igen\"\n- text: \"{{datum}}\""))
    let unset = r.errors.filter { $0.code == .unsetVariable }
    #expect(unset.map(\.subject) == ["enhet", "datum"])
    #expect(unset.first?.hints.contains("it is used in 1 more place too") == true, "\(unset)")
  }

  /// Reader's helpers attach NP0200 when a caller names no code (the value checks of the
  /// item and theme loaders); every diagnostic has some code.
  @Test func defaultCodeIsInvalidValue() {
    let r = load(onPage("- text: Hej\n  1️⃣colour: nonsuch"))
    #expect(!r.errors.isEmpty)
    #expect(r.errors.allSatisfy { DiagnosticCode.allCases.contains($0.code) })
  }

  @Test func kitSheetThatIsNotYAML() throws {
    let dir = try tempDirectory(prefix: "nara-kit")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let kit = MarkedText("kit:\n  sheets: [1️⃣bild.png]\n")
    try Data(kit.text.utf8).write(to: URL(fileURLWithPath: dir + "/kit.yaml"))
    try Data([0x89]).write(to: URL(fileURLWithPath: dir + "/bild.png"))
    do {
      _ = try LayoutLoader().loadKit(path: dir + "/kit.yaml")
      Issue.record("the kit loaded")
    } catch {
      let d = try #require(error.diagnostics.first { $0.code == .notYAML }, "\(error.diagnostics)")
      let want = try #require(kit.markers["1️⃣"])
      #expect(d.location?.line == want.line && d.location?.column == want.column)
      #expect(d.location?.length == 8)
    }
  }
}

/// CSV data: each code at its line and column.
struct CSVDiagnosticCodeTests {
  func parse(_ text: String) -> (DiagnosticsError?, CSVTable?) {
    do { return (nil, try CSVTable.parse(Data(text.utf8), file: "u.csv")) } catch { return (error, nil) }
  }

  @Test func emptyFileIsUnreadable() {
    let (e, _) = parse("  \n")
    #expect(e?.diagnostics.first?.code == .csvUnreadable)
    #expect(e?.diagnostics.first?.location?.line == 1)
  }

  @Test func utf16IsAnEncodingError() throws {
    do {
      _ = try CSVTable.parse(Data([0xFF, 0xFE, 0x61, 0x00]), file: "u.csv")
      Issue.record("parsed")
    } catch {
      #expect(error.diagnostics.first?.code == .csvEncoding)
      #expect(error.diagnostics.first?.location?.line == 1 && error.diagnostics.first?.location?.column == 1)
    }
  }

  @Test func unterminatedQuoteIsASyntaxError() {
    let (e, _) = parse("enhet;datum\n\"Norr;2026-12-03\n")
    let d = e?.diagnostics.first { $0.code == .csvSyntax }
    #expect(d?.location?.line == 2 && d?.location?.column == 1, "\(String(describing: e))")
  }

  @Test func missingColumnAndEmptyCell() throws {
    let (_, t) = parse("enhet;datum\nNorr;\n")
    let table = try #require(t)
    do {
      try table.requireColumns(["tid"], for: "kit")
      Issue.record("no error")
    } catch {
      #expect(error.diagnostics.first?.code == .missingColumn && error.diagnostics.first?.subject == "tid")
      #expect(error.diagnostics.first?.location?.line == 1)
    }
    let empty = table.missingValues(in: table.rows[0], for: ["datum"])
    #expect(empty.first?.code == .emptyCell && empty.first?.subject == "datum")
    #expect(empty.first?.location?.line == 2 && empty.first?.location?.column == 6, "\(empty)")
  }
}
