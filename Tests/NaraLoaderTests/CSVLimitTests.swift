import Foundation
import Testing

@testable import NaraLoader
import NaraModel

/// The diagnostics that parsing `bytes` as `enheter.csv` throws (none if it succeeds).
private func errors(_ bytes: [UInt8]) -> [Diagnostic] {
  do {
    _ = try CSVTable.parse(Data(bytes), file: "enheter.csv")
    return []
  } catch {
    return error.diagnostics
  }
}
private func errors(_ text: String) -> [Diagnostic] { errors(Array(text.utf8)) }

private func at(_ line: Int, _ column: Int) -> NaraModel.SourceLocation {
  NaraModel.SourceLocation(file: "enheter.csv", line: line, column: column)
}

/// Control characters, overlong values, too many rows and too large files: errors with the
/// place and a hint, never a silently cut or garbled value, never a read without end.
@Suite("CSV tables: control characters and limits")
struct CSVLimitTests {
  // MARK: Control characters

  struct ControlCase: Sendable, CustomTestStringConvertible {
    var text: String
    var line: Int
    var column: Int
    var name: String
    var testDescription: String { "\(name) at \(line):\(column)" }
  }

  @Test(arguments: [
    ControlCase(text: "enhet;datum\nNorr\u{0};2026-12-03\n", line: 2, column: 5, name: "U+0000 (NUL)"),
    ControlCase(text: "enhet;datum\nNorr;\u{1B}[31m2026\n", line: 2, column: 6, name: "U+001B (ESC)"),
    // In quotes, after a line break inside the value: the place is still exact.
    ControlCase(text: "enhet;datum\n\"Norr\nplan\u{7}2\";2026-12-03\n", line: 3, column: 5, name: "U+0007 (BEL)"),
    ControlCase(text: "enhet;da\u{7F}tum\nNorr;2026\n", line: 1, column: 9, name: "U+007F (DEL)"),
    ControlCase(text: "enhet;datum\r\nNorr;\u{C}\r\n", line: 2, column: 6, name: "U+000C (FF)"),
  ])
  func aControlCharacterIsAnErrorWhereItStands(_ c: ControlCase) {
    let e = errors(c.text)
    #expect(e.count == 1, "\(e)")
    #expect(e.first?.message == "the value contains the control character \(c.name), which no text may hold")
    #expect(e.first?.location == at(c.line, c.column))
    #expect(e.first?.hints.first?.contains("invisible") == true)
  }

  @Test func tabsAndLineBreaksAreNotControlCharacters() throws {
    let t = try CSVTable.parse(Data("enhet;text\nNorr;a\tb\n\"Syd\";\"rad 1\r\nrad 2\rrad 3\"\n".utf8), file: "enheter.csv")
    #expect(t.rows.map { $0["text"] } == ["a\tb", "rad 1\nrad 2\nrad 3"])
  }

  @Test func manyControlCharactersAreCountedInANote() {
    let rows = (1...30).map { "Enhet \($0);\u{0}" }.joined(separator: "\n")
    let e = errors("enhet;datum\n" + rows + "\n")
    #expect(e.filter { $0.severity == .error }.count == CSVTable.maximumRowErrors)
    #expect(e.last?.severity == .note)
    #expect(e.last?.message == "10 more values contain control characters")
  }

  // MARK: Long values

  @Test func aValueAtTheLimitIsRead() throws {
    let long = String(repeating: "å", count: CSVTable.maximumValueLength)
    let t = try CSVTable.parse(Data("enhet;text\nNorr;\(long)\n".utf8), file: "enheter.csv")
    #expect(t.rows[0]["text"]?.count == CSVTable.maximumValueLength)
  }

  @Test func aLongerValueIsAnErrorAtItsStart() {
    let e = errors("enhet;text\nNorr;" + String(repeating: "x", count: CSVTable.maximumValueLength + 1) + "\n")
    #expect(e.count == 1, "\(e)")
    #expect(e.first?.message == "this value has 10,001 characters; a value may have at most 10,000")
    #expect(e.first?.location == at(2, 6))
    #expect(e.first?.hints.first?.contains("the file you meant") == true)
  }

  /// The usual cause: a quote closed far too late swallows the lines after it.
  @Test func aQuoteClosedTooLateIsNamedInTheHint() {
    let lines = (1...2000).map { "Enhet \($0);2026-12-03" }.joined(separator: "\n")
    let e = errors("enhet;datum\n\"Norr;2026\n" + lines + "\"\n")
    let long = e.first { $0.message.hasPrefix("this value has") }
    #expect(long?.location == at(2, 1))
    #expect(long?.hints.first?.contains("check the quotes from line 2") == true)
  }

  @Test func anUnclosedQuoteIsOneErrorNotTwo() {
    let e = errors("enhet;datum\n\"Norr;" + String(repeating: "x\n", count: 6000))
    #expect(e.map(\.message) == ["this quote is never closed"])
  }

  // MARK: Rows

  @Test func theMostRowsAreRead() throws {
    let rows = String(repeating: "Norr;2026-12-03\n", count: CSVTable.maximumRows)
    let t = try CSVTable.parse(Data(("enhet;datum\n" + rows).utf8), file: "enheter.csv")
    #expect(t.rows.count == CSVTable.maximumRows)
  }

  @Test func oneRowMoreIsAnErrorAtThatRow() {
    let rows = String(repeating: "Norr;2026-12-03\n", count: CSVTable.maximumRows + 5)
    let e = errors("enhet;datum\n\n" + rows)  // a blank line: not a row, but a line
    #expect(e.count == 1, "\(e)")
    #expect(e.first?.message == "the file has more than 10,000 rows; this is row 10,001")
    #expect(e.first?.location == at(10_003, 1))
    #expect(e.first?.hints.first?.contains("split it into parts") == true)
  }

  // MARK: File size

  @Test func tooManyBytesAreRefusedBeforeParsing() {
    let e = errors([UInt8](repeating: 0x41, count: CSVTable.maximumFileSize + 1))
    #expect(e.count == 1)
    #expect(e.first?.message == "enheter.csv is 20.0 MB; naraprint reads CSV files up to 20 MB")
    #expect(e.first?.hints.isEmpty == false)
  }

  /// A (sparse) file of 25 MB: refused by its size, without reading it.
  @Test func aLargeFileIsRefusedByItsSize() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("naraprint-stor-\(UUID().uuidString).csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data("enhet;datum\n".utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let h = try #require(FileHandle(forWritingAtPath: path))
    try h.truncate(atOffset: 25 * 1024 * 1024)
    try h.close()
    do {
      _ = try CSVTable.read(path: path)
      Issue.record("a 25 MB file was read")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics.first?.message.hasSuffix("is 25.0 MB; naraprint reads CSV files up to 20 MB") == true, "\(error)")
    }
  }

  /// Something that never ends (a device, a pipe): read up to the limit, then refused.
  @Test func anEndlessFileIsRefusedAtTheLimit() {
    do {
      _ = try CSVTable.read(path: "/dev/zero")
      Issue.record("/dev/zero was read")
    } catch {
      #expect(error.diagnostics.map(\.message) == ["/dev/zero is larger than 20 MB, the most naraprint reads from a CSV file"])
    }
  }
}
