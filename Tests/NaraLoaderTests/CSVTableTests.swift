import Foundation
import Testing

@testable import NaraLoader
import NaraModel

/// Parses `text` as the file `enheter.csv`.
private func parse(_ text: String) throws(DiagnosticsError) -> CSVTable {
  try CSVTable.parse(Data(text.utf8), file: "enheter.csv")
}

/// The diagnostics that parsing `bytes` throws (none if it succeeds).
private func errors(_ bytes: [UInt8]) -> [Diagnostic] {
  do {
    _ = try CSVTable.parse(Data(bytes), file: "enheter.csv")
    return []
  } catch {
    return error.diagnostics
  }
}
private func errors(_ text: String) -> [Diagnostic] { errors(Array(text.utf8)) }

private func at(_ line: Int, _ column: Int) -> NaraModel.SourceLocation { NaraModel.SourceLocation(file: "enheter.csv", line: line, column: column) }

@Suite("CSV tables")
struct CSVTableTests {
  // MARK: Delimiters and values

  struct DelimiterCase: Sendable, CustomTestStringConvertible {
    var text: String
    var delimiter: Character
    var testDescription: String { "delimiter \(delimiter == "\t" ? "tab" : String(delimiter))" }
  }

  @Test(arguments: [
    DelimiterCase(text: "enhet;datum;plats\nHemtjänst Norr;2026-12-03;Aulan\nHemtjänst Syd;2026-12-04;Matsalen\n", delimiter: ";"),
    DelimiterCase(text: "enhet,datum,plats\nHemtjänst Norr,2026-12-03,Aulan\nHemtjänst Syd,2026-12-04,Matsalen\n", delimiter: ","),
    DelimiterCase(text: "enhet\tdatum\tplats\nHemtjänst Norr\t2026-12-03\tAulan\nHemtjänst Syd\t2026-12-04\tMatsalen\n", delimiter: "\t"),
    // Excel's `sep=` line names the delimiter and is not the header.
    DelimiterCase(text: "sep=,\nenhet,datum,plats\nHemtjänst Norr,2026-12-03,Aulan\nHemtjänst Syd,2026-12-04,Matsalen\n", delimiter: ","),
  ])
  func delimiterIsDetectedFromTheHeader(_ c: DelimiterCase) throws {
    let t = try parse(c.text)
    #expect(t.delimiter == c.delimiter)
    #expect(t.columns == ["enhet", "datum", "plats"])
    #expect(t.rows.count == 2)
    #expect(t.rows[0]["enhet"] == "Hemtjänst Norr")
    #expect(t.rows[1]["plats"] == "Matsalen")
    #expect(t.rows[1]["nope"] == nil)
    let offset = c.text.hasPrefix("sep=") ? 1 : 0
    #expect(t.rows.map(\.line) == [2 + offset, 3 + offset])
  }

  @Test func theMostFrequentDelimiterOutsideQuotesWins() throws {
    // Two commas inside quotes, one semicolon outside: semicolon.
    var t = try parse("\"namn, kort\";\"a,b\"\nx;y\n")
    #expect(t.delimiter == ";")
    #expect(t.columns == ["namn, kort", "a,b"])
    // Commas outnumber the one semicolon in a name.
    t = try parse("a;b,c,d\n1,2,3\n")
    #expect(t.delimiter == ",")
    #expect(t.columns == ["a;b", "c", "d"])
    // A tie goes to the semicolon.
    t = try parse("a;b,c\n1;2,3\n")
    #expect(t.delimiter == ";")
    // One column: nothing to split on.
    t = try parse("enhet\nHemtjänst Norr, Kiruna\n")
    #expect(t.columns == ["enhet"])
    #expect(t.rows[0]["enhet"] == "Hemtjänst Norr, Kiruna")
  }

  @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
    let t = try parse(
      "enhet;adress;not\n" + "\"Norr; Kiruna\";\"Storgatan 1\n" + "981 31 Kiruna\";\"Hon sa \"\"hej\"\"\"\n"
        + "Syd;Torget 2;\"\"\n")
    #expect(t.rows.count == 2)
    #expect(t.rows[0]["enhet"] == "Norr; Kiruna")
    #expect(t.rows[0]["adress"] == "Storgatan 1\n981 31 Kiruna")
    #expect(t.rows[0]["not"] == "Hon sa \"hej\"")
    #expect(t.rows[0].line == 2)
    // The row after a two-line field starts on line 4.
    #expect(t.rows[1].line == 4)
    #expect(t.rows[1]["not"] == "")
    #expect(t.rows[1].location(of: "adress") == at(4, 5))
  }

  @Test func spacesAreTrimmedUnlessQuoted() throws {
    let t = try parse(" enhet ; datum \n  Norr  ;  2026-12-03 \n\"  Syd  \" ; \" x \"\n")
    #expect(t.columns == ["enhet", "datum"])
    #expect(t.rows[0].values == ["enhet": "Norr", "datum": "2026-12-03"])
    #expect(t.rows[1].values == ["enhet": "  Syd  ", "datum": " x "])
    #expect(t.rows[0].location(of: "datum") == at(2, 12))
  }

  @Test func crlfAndBOM() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("enhet;datum\r\nNorr;2026-12-03\r\n\"Syd\r\nVäst\";2026-12-04\r\n".utf8)
    let t = try CSVTable.parse(Data(bytes), file: "enheter.csv")
    // The BOM is not part of the first column's name.
    #expect(t.columns == ["enhet", "datum"])
    #expect(t.rows.count == 2)
    #expect(t.rows[0]["datum"] == "2026-12-03")
    // A CRLF inside quotes becomes LF.
    #expect(t.rows[1]["enhet"] == "Syd\nVäst")
    #expect(t.rows[1].line == 3)
    // Columns count from the start of the line, after the BOM on line 1.
    #expect(t.rows[0].location(of: "datum") == at(2, 6))
  }

  @Test func loneCRAndNoFinalLineBreak() throws {
    let t = try parse("enhet;datum\rNorr;2026-12-03\rSyd;2026-12-04")
    #expect(t.rows.map(\.line) == [2, 3])
    #expect(t.rows[1]["datum"] == "2026-12-04")
  }

  @Test func blankLinesAndTrailingEmptyRowsAreSkipped() throws {
    let t = try parse("enhet;datum\n\nNorr;2026-12-03\n   \nSyd;2026-12-04\n;\n;\n\n\n")
    #expect(t.rows.map(\.line) == [3, 5])
  }

  @Test func emptyRowsInTheMiddleAreKept() throws {
    let t = try parse("enhet;datum\nNorr;2026-12-03\n;\nSyd;2026-12-04\n")
    #expect(t.rows.count == 3)
    #expect(t.rows[1].values == ["enhet": "", "datum": ""])
  }

  @Test func headerOnlyIsAnEmptyTable() throws {
    let t = try parse("enhet;datum\n")
    #expect(t.columns == ["enhet", "datum"])
    #expect(t.rows.isEmpty)
    #expect(try parse("enhet;datum").rows.isEmpty)
  }

  @Test func unquotedQuotesInsideAFieldAreKept() throws {
    let t = try parse("enhet;not\nNorr;tal 5\" långt\n")
    #expect(t.rows[0]["not"] == "tal 5\" långt")
  }

  @Test func threeHundredRows() throws {
    var text = "enhet;datum;plats;kontakt\n"
    for i in 1...300 {
      text += "Enhet \(i);2026-12-\(String(format: "%02d", i % 28 + 1));\"Sal \(i); plan \(i % 4)\";person\(i)@example.se\n"
    }
    let t = try parse(text)
    #expect(t.rows.count == 300)
    #expect(t.rows[299]["enhet"] == "Enhet 300")
    #expect(t.rows[299]["plats"] == "Sal 300; plan 0")
    #expect(t.rows[299].line == 301)
  }

  // MARK: Errors

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var message: String
    var line: Int
    var column: Int
    var hint: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    ErrorCase(name: "empty file", text: "", message: "the file is empty", line: 1, column: 1,
              hint: "the first line must name the columns, e.g. enhet;datum"),
    ErrorCase(name: "only blank lines", text: "\n  \n\r\n", message: "the file is empty", line: 1, column: 1, hint: "enhet;datum"),
    ErrorCase(name: "unterminated quote", text: "enhet;datum\nNorr;2026-12-03\nSyd;\"2026-12-04\nVäst;2026-12-05\n",
              message: "this quote is never closed", line: 3, column: 5, hint: "\"\""),
    ErrorCase(name: "unterminated quote in the header", text: "enhet;\"datum\n", message: "this quote is never closed",
              line: 1, column: 7, hint: "close it"),
    ErrorCase(name: "too many fields", text: "enhet;datum\nNorr;2026-12-03\nSyd; Kiruna;2026-12-04\n",
              message: "this row has 3 fields but the header names 2 columns", line: 3, column: 13, hint: "\"Norr; Syd\""),
    ErrorCase(name: "too few fields", text: "enhet;datum;plats\nNorr;2026-12-03\n",
              message: "this row has 2 fields but the header names 3 columns", line: 2, column: 16, hint: "no value for `plats`"),
    ErrorCase(name: "too few fields, two missing, CRLF, last line", text: "enhet;datum;plats\r\nNorr",
              message: "this row has 1 field but the header names 3 columns", line: 2, column: 5,
              hint: "no value for `datum` and `plats`"),
    ErrorCase(name: "duplicate column", text: "enhet;datum;Enhet;datum\n", message: "the column `datum` is named twice (columns 2 and 4)",
              line: 1, column: 19, hint: "unique"),
    ErrorCase(name: "empty column name", text: "enhet;;datum\n", message: "column 2 of the header has no name",
              line: 1, column: 7, hint: "give every column a name"),
    ErrorCase(name: "trailing delimiter in the header", text: "enhet;datum;\nNorr;2026-12-03;\n",
              message: "column 3 of the header has no name", line: 1, column: 13, hint: "the header ends with `;`"),
    ErrorCase(name: "text after a closing quote", text: "enhet;datum\n\"Norr\" Syd;2026-12-03\n",
              message: "unexpected text after the closing quote: `Syd`", line: 2, column: 8, hint: "\"Norr Syd\""),
    ErrorCase(name: "UTF-16", text: "", message: "the file is UTF-16", line: 1, column: 1, hint: "CSV UTF-8"),
  ])
  func errorsPointAtTheirPlace(_ c: ErrorCase) {
    let bytes = c.name == "UTF-16" ? [0xFF, 0xFE] + Array("e\0n\0".utf8) : Array(c.text.utf8)
    let found = errors(bytes)
    #expect(found.count == 1, "\(found)")
    guard let d = found.first else { return }
    #expect(d.severity == .error)
    #expect(d.message.contains(c.message), "\(d.message)")
    #expect(d.location == at(c.line, c.column))
    #expect(d.hints.contains { $0.contains(c.hint) }, "\(d.hints)")
  }

  @Test func columnsCountCharactersNotBytes() {
    // “Hemtjänst Älvsby” has two two-byte letters before the extra field.
    let d = errors("enhet;datum\nHemtjänst Älvsby;2026-12-03;extra\n")
    #expect(d.map(\.location) == [at(2, 29)])
  }

  @Test func allRowErrorsAreReportedTogether() {
    let d = errors("enhet;datum\nNorr;2026-12-03;x\nMitt\nSyd;2026-12-04\nVäst;1;2;3\n")
    #expect(d.map(\.location) == [at(2, 17), at(3, 5), at(5, 8)])
  }

  @Test func rowsBeforeAnUnterminatedQuoteAreStillChecked() {
    let d = errors("enhet;datum;plats\nNorr;2026-12-03\nSyd;1;2;3\nVäst;\"oj\n")
    #expect(d.map(\.location) == [at(2, 16), at(3, 9), at(4, 6)])
    #expect(d.last?.message == "this quote is never closed")
  }

  @Test func headerAndRowErrorsTogether() {
    let d = errors("enhet;enhet\nNorr\n")
    #expect(d.map(\.location) == [at(1, 7), at(2, 5)])
  }

  @Test func manyRowErrorsAreCappedWithANote() {
    var text = "enhet;datum\n"
    for i in 1...30 { text += "Enhet \(i)\n" }
    let d = errors(text)
    #expect(d.filter { $0.severity == .error }.count == CSVTable.maximumRowErrors)
    #expect(d.last?.severity == .note)
    #expect(d.last?.message.contains("10 more rows") == true)
  }

  // MARK: Encodings

  @Test func windows1252IsRecognised() {
    let bytes = Array("enhet;datum\nHemtj".utf8) + [0xE4] + Array("nst Norr;2026-12-03\n".utf8)
    let d = errors(bytes)
    #expect(d.count == 1)
    #expect(d.first?.message == "the file is not valid UTF-8; it looks like Windows-1252 (Latin-1)")
    #expect(d.first?.location == at(2, 6))
    #expect(d.first?.hints.contains { $0.contains("Hemtjänst Norr;2026-12-03") } == true)
    #expect(d.first?.hints.contains { $0.contains("CSV UTF-8") } == true)
    #expect(d.first?.hints.contains("or convert it: iconv -f WINDOWS-1252 -t UTF-8 enheter.csv > utf8-enheter.csv") == true)
  }

  @Test func invalidUTF8WithoutSwedishLettersJustSaysSo() {
    // After a BOM and a valid “å”, a lone continuation byte on line 2.
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("enhet;å\r\nab".utf8) + [0x80] + Array(";c\n".utf8)
    let d = errors(bytes)
    #expect(d.first?.message == "the file is not valid UTF-8")
    #expect(d.first?.location == at(2, 3))
    #expect(d.first?.hints.contains { $0.contains("CSV UTF-8") } == true)
  }

  // MARK: Files

  @Test func readsAFileAndReportsAMissingOne() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("enheter.csv").path
    try Data("enhet;datum\nNorr;2026-12-03\n".utf8).write(to: URL(fileURLWithPath: path))
    let t = try CSVTable.read(path: path)
    #expect(t.rows.first?["enhet"] == "Norr")
    #expect(t.file.hasSuffix("enheter.csv"))

    for (missing, message) in [(dir.appendingPathComponent("saknas.csv").path, "file not found"), (dir.path, "is a folder")] {
      do {
        _ = try CSVTable.read(path: missing)
        Issue.record("expected an error for \(missing)")
      } catch {
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.message.contains(message) == true)
        #expect(error.diagnostics.first?.hints.isEmpty == false)
      }
    }
  }

  // MARK: Required columns and values

  @Test func requireColumnsListsTheMissingOnesWithAGuess() throws {
    let t = try parse("enhet;Datum;plast\nNorr;2026-12-03;Aulan\n")
    try t.requireColumns(["enhet"], for: "layouts/apt-kit")
    do {
      try t.requireColumns(["enhet", "datum", "plats", "tid"], for: "layouts/apt-kit")
      Issue.record("expected an error")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(error.diagnostics.count == 1)
      #expect(d.message == "enheter.csv has no columns `datum`, `plats` and `tid`, which layouts/apt-kit needs")
      #expect(d.location == at(1, 1))
      #expect(d.hints.contains("instead of `Datum`, did you mean `datum`? (rename the column)"))
      #expect(d.hints.contains("instead of `plast`, did you mean `plats`? (rename the column)"))
      #expect(!d.hints.contains { $0.contains("`tid`?") })
      #expect(d.hints.contains("the header names: enhet, Datum, plast"))
    }
  }

  @Test func requireOneColumn() throws {
    let t = try parse("enhet\nNorr\n")
    #expect(throws: DiagnosticsError.self) { try t.requireColumns(["datum", "datum"], for: "the layout") }
    do { try t.requireColumns(["datum", "datum"], for: "the layout") } catch {
      #expect(error.diagnostics.first?.message == "enheter.csv has no column `datum`, which the layout needs")
    }
  }

  @Test func missingValuesPointAtTheEmptyFields() throws {
    let t = try parse("enhet;datum;plats\nNorr;;Aulan\nSyd;2026-12-04;  \n;2026-12-05;\"\"\n")
    let first = t.missingValues(in: t.rows[0], for: ["enhet", "datum", "plats", "okänd"])
    #expect(first.map(\.location) == [at(2, 6)])
    #expect(first.first?.message == "`datum` is empty for “Norr” (line 2)")
    #expect(first.first?.hints.first?.contains("`datum`") == true)
    #expect(t.missingValues(in: t.rows[1], for: ["datum", "plats"]).map(\.location) == [at(3, 18)])
    let third = t.missingValues(in: t.rows[2], for: ["enhet", "plats", "enhet"])
    #expect(third.map(\.location) == [at(4, 1), at(4, 13)])
    #expect(third.first?.message == "`enhet` is empty (line 4)")
  }
}
