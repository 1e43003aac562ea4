import Foundation
import NaraLocalization
import NaraModel
import Testing

/// Control characters in a .po file, written as they are or as escapes, and files too large
/// to read: errors naming fi.po, the line and the column.
@Suite("POCatalog: control characters and size")
struct POControlCharacterTests {
  @Test func aNULInATranslationIsAnErrorWhereItStands() {
    let r = read("msgid \"Hej\"\nmsgstr \"Mo1️⃣\u{0}i\"\n")
    r.expectError("the translation contains the control character U+0000 (NUL), which would cut or garble it", at: "1️⃣")
    #expect(r.errors.first?.hints == ["delete it; it is invisible in most editors"])
    #expect(r.errors.count == 1, "\(r.diagnostics)")
  }

  @Test func anESCInTheSwedishTextIsAnErrorWhereItStands() {
    let r = read("msgctxt \"rubrik\"\nmsgid \"\"\n\"Vad är\"\n\" nära 1️⃣\u{1B}[1m vård?\"\nmsgstr \"Mikä\"\n")
    r.expectError("the Swedish text (msgid) contains the control character U+001B (ESC), which no layout text has", at: "1️⃣")
    #expect(r.errors.count == 1, "\(r.diagnostics)")
  }

  @Test func aControlCharacterInACommentIsAnErrorToo() {
    let r = read("# Översatt av 1️⃣\u{7F}\nmsgid \"Hej\"\nmsgstr \"Moi\"\n")
    r.expectError("the file contains the control character U+007F (DEL), which no text may hold", at: "1️⃣")
  }

  /// Written as it is, a control character is an error even where an escaped one is let be.
  @Test func aNULInAnUntranslatedSwedishTextIsAnError() {
    let r = read("msgid \"Hej1️⃣\u{0}\"\nmsgstr \"\"\n")
    r.expectError("the Swedish text (msgid) contains the control character U+0000 (NUL)", at: "1️⃣")
  }

  @Test func oneErrorAnEntry() {
    let r = read("msgctxt \"a\u{0}\"\nmsgid \"b\u{0}\"\nmsgstr \"c\u{0}\\a\"\n")
    #expect(r.errors.map(\.message) == ["the translation contains the control character U+0000 (NUL), which would cut or garble it"])
  }

  @Test func manyCommentsWithControlCharactersEndInANote() {
    let entries = (1...25).map { "# Kommentar\u{0}\nmsgid \"Text \($0)\"\nmsgstr \"Teksti \($0)\"\n" }.joined(separator: "\n")
    let r = read(entries)
    #expect(r.errors.count == 20)
    #expect(r.diagnostics.contains { $0.severity == .note && $0.message == "5 more lines contain control characters" })
  }

  /// Tabs, CRLF line ends and `\n` `\t` `\r` escapes are not control characters here.
  @Test func tabsAndLineEndsAreFine() throws {
    let text = finnishHeader.replacingOccurrences(of: "\n", with: "\r\n")
      + "msgid \"Hej\\tdu\\n\"\r\nmsgstr\t\"Moi\\tsinä\\r\\n\"\r\n"
    let c = try POCatalog.parse(Data(text.utf8), file: "fi.po")
    #expect(c.translation(id: "", source: "Hej\tdu\n") == "Moi\tsinä\r\n")
  }

  /// An escape in the msgstr: the existing error at the msgstr, with the escape's place in a hint.
  @Test func anEscapeInATranslationNamesItsColumn() {
    let r = read("msgid \"Hej\"\n1️⃣msgstr \"\"\n\"Mo\"\n\"i \\x1b\"\n")
    r.expectError("the translation contains the control character U+001B", at: "1️⃣")
    #expect(r.errors.first?.hints.first == "the escape is at line 13, column 4")
  }

  /// No layout text has a control character, so a translated entry whose msgid or msgctxt
  /// has one is never used.
  @Test func anEscapeInATranslatedSwedishTextIsAnError() {
    let r = read("msgid \"Hej 1️⃣\\000 du\"\nmsgstr \"Moi\"\n")
    r.expectError("the Swedish text (msgid) contains the control character U+0000 (NUL), which no layout text has", at: "1️⃣")
    #expect(r.errors.count == 1)
  }

  @Test func anEscapeInAnIdIsAnError() {
    let r = read("msgctxt \"sid1️⃣\\afot\"\nmsgid \"Hej\"\nmsgstr \"Moi\"\n")
    r.expectError("the id (msgctxt) contains the control character U+0007 (BEL)", at: "1️⃣")
  }

  /// A template's (or an untranslated entry's) msgid is left alone: naraprint's own POT writer
  /// escapes whatever text it is given.
  @Test func anEscapeInAnUntranslatedSwedishTextIsLeftAlone() throws {
    let r = read("msgid \"Hej \\a du\"\nmsgstr \"\"\n")
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
  }

  // MARK: Size

  @Test func tooManyBytesAreRefusedBeforeParsing() {
    let r = read(bytes: Data(count: POCatalog.maximumFileSize + 1))
    #expect(r.errors.map(\.message) == ["fi.po is 20.0 MB; naraprint reads .po files up to 20 MB"])
  }

  @Test func aLargeFileIsRefusedByItsSize() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("naraprint-stor-\(UUID().uuidString).po").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(finnishHeader.utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let h = try #require(FileHandle(forWritingAtPath: path))
    try h.truncate(atOffset: 21 * 1024 * 1024)
    try h.close()
    #expect(throws: DiagnosticsError.self) { try POCatalog.read(path: path) }
    do { _ = try POCatalog.read(path: path) } catch {
      #expect(error.diagnostics.map(\.message) == ["\(path) is 21.0 MB; naraprint reads .po files up to 20 MB"])
      #expect(error.diagnostics.first?.location?.file == path)
    }
  }

  @Test func anEndlessFileIsRefusedAtTheLimit() {
    do {
      _ = try POCatalog.read(path: "/dev/zero")
      Issue.record("/dev/zero was read")
    } catch {
      #expect(error.diagnostics.map(\.message) == ["/dev/zero is larger than 20 MB, the most naraprint reads from a .po file"])
    }
  }
}
