import Foundation
import NaraLocalization
import NaraModel
import TestSupport
import Testing

/// Each .po code at its line and column (marker 1️⃣).
struct PODiagnosticCodeTests {
  func expect(_ r: ReadResult, _ code: DiagnosticCode, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let m = try #require(r.marked.markers["1️⃣"], sourceLocation: sourceLocation)
    let d = try #require(r.diagnostics.first { $0.code == code }, "no \(code.rawValue) in \(r.diagnostics)", sourceLocation: sourceLocation)
    #expect(d.location?.line == m.line && d.location?.column == m.column, "\(String(describing: d.location))", sourceLocation: sourceLocation)
  }

  @Test func syntax() throws {
    try expect(read("msgid \"Hej\"\nmsgstr 1️⃣\"Moi\n"), .poSyntax)
  }

  @Test func encoding() throws {
    let m = MarkedText("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"a\"\nmsgstr \"1️⃣x\"\n")
    var bytes = Array(m.text.utf8)
    let i = try #require(bytes.lastIndex(of: UInt8(ascii: "x")))
    bytes[i] = 0xE4
    try expect(read(bytes: Data(bytes), marked: m), .poEncoding)
  }

  @Test func mismatch() throws {
    try expect(read("msgid \"Sida {{sida}} av {{sidor}}\"\n1️⃣msgstr \"Sivu {{sida}}\"\n"), .translationMismatch)
    let r = read("msgid \"Sida {{sida}} av {{sidor}}\"\n1️⃣msgstr \"Sivu {{sida}}\"\n")
    #expect(r.errors.first { $0.code == .translationMismatch }?.subject == "{{sidor}}")
  }

  @Test func missingCatalog() {
    do {
      _ = try POCatalog.read(path: "/nonexistent/fi.po")
      Issue.record("read")
    } catch {
      #expect(error.diagnostics.first?.code == .catalogUnreadable)
    }
  }
}
