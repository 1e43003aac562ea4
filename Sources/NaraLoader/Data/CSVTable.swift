import Foundation
import NaraModel

/// A CSV file with a header row, read for `naraprint render … --data enheter.csv`: one row per
/// unit, one column per variable.
///
/// The reader is hand-written (RFC 4180 plus what spreadsheet exports actually contain) rather
/// than taken from a library, because every error must name the file, the row's line and the
/// column in characters, and none of the listed CSV libraries reports positions.
///
/// What it accepts:
/// - **Delimiter**: detected from the header line. Of `;` (Swedish Excel's default, because
///   `,` is the decimal separator), `,` and tab, the one that occurs most often outside quotes
///   wins; ties go in that order (`;` before `,` before tab). A header with none of them is a
///   single column and is split on `;`. Excel's `sep=;` first line, if present, names the
///   delimiter outright and is skipped.
/// - **Quotes**: a field may be quoted with `"`; `""` inside is one quote; a quoted field may
///   contain the delimiter and line breaks (a CRLF inside becomes LF). A quote in the middle
///   of an unquoted field is kept as it is.
/// - **Lines**: LF, CRLF or a lone CR end a row; a UTF-8 byte-order mark is skipped; blank
///   lines are skipped, and so are rows of empty fields (`;;;`) at the end of the file.
/// - **Spaces** around unquoted fields, around quoted ones and around column names are
///   trimmed; the inside of a quoted field is kept exactly.
///
/// A header with no rows is a valid table (`rows` is empty); whether that is an error is the
/// caller's business. Everything else that is wrong is collected and thrown together as one
/// `DiagnosticsError`.
public struct CSVTable: Sendable {
  /// The file as shown in messages.
  public let file: String
  /// The column names from the header, trimmed, in file order.
  public let columns: [String]
  /// The data rows, in file order.
  public let rows: [Row]
  /// The delimiter the header chose: `;`, `,` or tab.
  public let delimiter: Character
  /// Where each column's name stands in the header.
  let headerLocations: [SourceLocation]

  /// One data row.
  public struct Row: Sendable {
    /// The 1-based line where the row starts (a quoted field may carry it over more lines).
    public let line: Int
    /// Column name → value (every column of the table is present; empty fields are "").
    public let values: [String: String]
    /// Where each column's field begins, for messages about a value.
    let locations: [String: SourceLocation]
    let file: String

    public subscript(_ column: String) -> String? { values[column] }

    /// Where the field for `column` begins in the file (the row's start if it has no such column).
    public func location(of column: String) -> SourceLocation {
      locations[column] ?? SourceLocation(file: file, line: line, column: 1)
    }
  }

  /// What a row is called in messages and menus: its first column's value (a unit's name),
  /// or `rad N` by its line.
  public func label(of row: Row) -> String {
    columns.first.flatMap { row[$0] } ?? "rad \(row.line)"
  }

  /// At most this many row errors are listed one by one; the rest are counted in a note.
  static let maximumRowErrors = 20

  // MARK: Limits
  //
  // A batch is one row per unit (a workplace, a care unit): thousands at most. Past these
  // limits a file is not such a list – most often an unclosed quote or the wrong file – and
  // reading on would only take memory and time.

  /// The most data rows (the header not counted) a file may have: 10,000.
  public static let maximumRows = 10_000
  /// The most characters one value may have: 10,000 (a long paragraph is about 1,000).
  public static let maximumValueLength = 10_000
  /// The largest file read, in bytes: 20 MB. A larger one is refused before it is read.
  public static let maximumFileSize = 20 * 1024 * 1024

  // MARK: Reading

  /// Reads and parses the file at `path`.
  public static func read(path: String) throws(DiagnosticsError) -> CSVTable {
    let shown = Reader.displayPath(path)
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    var data: Data?
    if exists, !isDirectory.boolValue {
      switch LimitedRead.read(path, limit: maximumFileSize) {
      case .data(let d): data = d
      case .tooLarge(let size): throw DiagnosticsError([tooLarge(size, file: shown)])
      case .unreadable: data = nil
      }
    }
    guard exists, !isDirectory.boolValue, let data else {
      let message: String
      let hint: String
      if !exists {
        message = "file not found: \(shown)"
        hint = "check the path; it is resolved from the current directory (\(FileManager.default.currentDirectoryPath))"
      } else if isDirectory.boolValue {
        message = "\(shown) is a folder, not a CSV file"
        hint = "give the path of the .csv file inside it"
      } else {
        message = "cannot read \(shown)"
        hint = "check the file's permissions"
      }
      throw DiagnosticsError([.error(.csvUnreadable, message, at: SourceLocation(file: shown, line: 0, column: 0), hints: [hint])])
    }
    return try parse(data, file: shown)
  }

  /// Parses CSV bytes; `file` is the name used in messages.
  public static func parse(_ data: Data, file: String) throws(DiagnosticsError) -> CSVTable {
    if data.count > maximumFileSize { throw DiagnosticsError([tooLarge(data.count, file: file)]) }
    let bytes = [UInt8](data)
    let start = SourceLocation(file: file, line: 1, column: 1)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw DiagnosticsError([.error(.csvEncoding,
        "the file is UTF-16 (Excel's “Unicode text”), not UTF-8", at: start,
        hints: ["in Excel: Save As → “CSV UTF-8 (comma delimited) (*.csv)”"])])
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    guard let text = String(validating: body, as: UTF8.self) else {
      throw DiagnosticsError([invalidUTF8(body, file: file)])
    }
    if text.allSatisfy({ $0.isWhitespace }) {
      throw DiagnosticsError([.error(.csvUnreadable,
        "the file is empty", at: start, hints: ["the first line must name the columns, e.g. enhet;datum"])])
    }
    var parser = CSVParser(text: text, file: file)
    return try parser.table()
  }

  /// The error for a file over `maximumFileSize`; `size` is nil when it is not known (a pipe).
  static func tooLarge(_ size: Int?, file: String) -> Diagnostic {
    let limit = "\(maximumFileSize / (1024 * 1024)) MB"
    return .error(.csvUnreadable,
      size.map { "\(file) is \(megabytes($0)); naraprint reads CSV files up to \(limit)" }
        ?? "\(file) is larger than \(limit), the most naraprint reads from a CSV file",
      at: SourceLocation(file: file, line: 0, column: 0),
      hints: [
        "a batch is one row per unit, at most \(shown(maximumRows)) rows: split a longer list into parts (each with the header line)",
        "or check that this is the file you meant",
      ])
  }

  /// `25.3 MB`.
  static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / (1024 * 1024)) }

  /// `10,000`: thousands grouped, as in the rest of the messages' English.
  static func shown(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return (n < 0 ? "-" : "") + out
  }

  // MARK: Checks for the caller

  /// Throws one error at the header if any of `names` is not a column; `what` says who needs
  /// them (e.g. "layouts/apt-kit").
  public func requireColumns(_ names: [String], for what: String) throws(DiagnosticsError) {
    var seen = Set<String>()
    let missing = names.filter { !columns.contains($0) && seen.insert($0).inserted }
    guard !missing.isEmpty else { return }
    let quoted = missing.map { "`\($0)`" }
    let message = missing.count == 1
      ? "\(file) has no column \(quoted[0]), which \(what) needs"
      : "\(file) has no columns \(Self.listed(quoted)), which \(what) needs"
    // Suggest only columns that are not themselves needed under their own name.
    let spare = columns.filter { !names.contains($0) }
    var hints: [String] = []
    for name in missing {
      if let guess = closestMatch(to: name, in: spare) { hints.append("instead of `\(guess)`, did you mean `\(name)`? (rename the column)") }
    }
    hints.append(columns.isEmpty ? "the header names no columns" : "the header names: " + columns.joined(separator: ", "))
    hints.append("column names must match the variables exactly, e.g. `{{\(missing[0])}}` needs a column `\(missing[0])`")
    throw DiagnosticsError([.error(.missingColumn, message, at: headerLocations.first ?? SourceLocation(file: file, line: 1, column: 1), hints: hints,
                                   subject: missing[0])])
  }

  /// An error for each of `names` that is a column but empty in `row`, at that field.
  public func missingValues(in row: Row, for names: [String]) -> [Diagnostic] {
    var seen = Set<String>()
    var result: [Diagnostic] = []
    let label = columns.first.flatMap { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    for name in names where seen.insert(name).inserted {
      guard let value = row[name], value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
      let whose = label.map { " for “\($0)”" } ?? ""
      result.append(.error(.emptyCell,
        "`\(name)` is empty\(whose) (line \(row.line))", at: row.location(of: name),
        hints: ["every row needs a value in the column `\(name)`; fill it in or remove the row"], subject: name))
    }
    return result
  }

  // MARK: Encoding errors

  /// Points at the first byte that is not UTF-8; says so if the file looks like Windows-1252.
  static func invalidUTF8(_ bytes: ArraySlice<UInt8>, file: String) -> Diagnostic {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = bytes.startIndex
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error, .emptyInput: break loop
      }
    }
    // Count lines and characters in the valid part before the bad byte.
    let prefix = String(decoding: bytes[bytes.startIndex..<offset], as: UTF8.self)
    var line = 1, column = 1
    for c in prefix {
      if CSVParser.isLineBreak(c) { line += 1; column = 1 } else { column += 1 }
    }
    let latin = windows1252(bytes)
    let looksLatin = latin.contains { "åäöÅÄÖ".contains($0) }
    var message = "the file is not valid UTF-8"
    var hints: [String] = []
    if looksLatin {
      message += "; it looks like Windows-1252 (Latin-1)"
      let lines = latin.split(omittingEmptySubsequences: false, whereSeparator: CSVParser.isLineBreak)
      if line - 1 < lines.count { hints.append("read as Windows-1252, line \(line) says “\(lines[line - 1])”") }
    }
    hints.append("in Excel: Save As → “CSV UTF-8 (comma delimited) (*.csv)”")
    let name = (file as NSString).lastPathComponent
    let converted = String(file.dropLast(name.count)) + "utf8-" + name
    hints.append("or convert it: iconv -f WINDOWS-1252 -t UTF-8 \(file) > \(converted)")
    return .error(.csvEncoding, message, at: SourceLocation(file: file, line: line, column: column), hints: hints)
  }

  /// Decodes bytes as Windows-1252 (Latin-1 with printable characters in 0x80–0x9F).
  static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
    let high: [UInt32] = [
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
    var s = String.UnicodeScalarView()
    for b in bytes {
      let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
      s.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(s)
  }

  /// `a`, `a and b`, `a, b and c`.
  static func listed(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }
}
