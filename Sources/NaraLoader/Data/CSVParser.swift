import Foundation
import NaraModel

/// The state machine behind `CSVTable.parse`: walks the text one `Character` at a time (so a
/// CRLF is one step and columns count characters, as an editor shows them), keeping the line
/// and column of every field.
struct CSVParser {
  struct Field {
    var value: String
    var location: SourceLocation
    var quoted: Bool
  }
  struct Record {
    var fields: [Field]
    var start: SourceLocation
    /// Where the record's line break (or the end of the file) is.
    var end: SourceLocation
    var isBlank: Bool { fields.count == 1 && !fields[0].quoted && fields[0].value.isEmpty }
    var isAllEmpty: Bool { fields.allSatisfy { !$0.quoted && $0.value.isEmpty } }
  }
  /// Stops parsing altogether (an unterminated quote swallows the rest of the file).
  struct Abort: Error {}

  let chars: [Character]
  let file: String
  var index = 0
  var line = 1
  var column = 1
  var delimiter: Character = ";"
  var diagnostics: [Diagnostic] = []

  init(text: String, file: String) {
    chars = Array(text)
    self.file = file
  }

  var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
  var atEnd: Bool { index >= chars.count }
  var current: Character { chars[index] }

  mutating func advance() {
    if Self.isLineBreak(chars[index]) { line += 1; column = 1 } else { column += 1 }
    index += 1
  }

  func isBlank(_ c: Character) -> Bool { (c == " " || c == "\t" || c == "\u{00A0}") && c != delimiter }

  // MARK: The table

  mutating func table() throws(DiagnosticsError) -> CSVTable {
    skipSepLine()
    if !sawSepLine { delimiter = detectDelimiter() }
    var records: [Record] = []
    do {
      while !atEnd {
        let record = try record()
        guard !record.isBlank else { continue }
        // The header and at most `maximumRows` rows; reading stops at the first row past them.
        if records.count > CSVTable.maximumRows {
          diagnostics.append(.error(.csvSyntax,
            "the file has more than \(CSVTable.shown(CSVTable.maximumRows)) rows; this is row \(CSVTable.shown(records.count))",
            at: record.start,
            hints: [
              "naraprint reads at most \(CSVTable.shown(CSVTable.maximumRows)) rows (units) from one file: split it into parts, each with the header line, and render them one at a time",
              "or check that this is the file you meant: a batch is one row per unit",
            ]))
          break
        }
        records.append(record)
      }
    } catch {
      // An unterminated quote: the rows before it are still checked.
    }
    // Rows of empty fields at the end (`;;;`, as Excel leaves them) are not data.
    while records.count > 1, records.last!.isAllEmpty { records.removeLast() }

    guard let header = records.first else {
      if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
      throw DiagnosticsError([.error(.csvUnreadable,
        "the file is empty", at: SourceLocation(file: file, line: 1, column: 1),
        hints: ["the first line must name the columns, e.g. enhet;datum"])])
    }
    let columns = header.fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
    checkHeader(header, columns: columns)

    var rows: [CSVTable.Row] = []
    var rowErrors = 0
    for record in records.dropFirst() {
      if let problem = fieldCountProblem(record, columns: columns) {
        rowErrors += 1
        if rowErrors <= CSVTable.maximumRowErrors { diagnostics.append(problem) }
        continue
      }
      var values: [String: String] = [:]
      var locations: [String: SourceLocation] = [:]
      for (name, field) in zip(columns, record.fields) where values[name] == nil {
        values[name] = field.value
        locations[name] = field.location
      }
      rows.append(CSVTable.Row(line: record.start.line, values: values, locations: locations, file: file))
    }
    if rowErrors > CSVTable.maximumRowErrors {
      diagnostics.append(Diagnostic(
        .note, .csvSyntax, "\(rowErrors - CSVTable.maximumRowErrors) more rows have the wrong number of fields",
        at: SourceLocation(file: file, line: 1, column: 1), hints: ["fix the rows above first; the rest are often the same mistake"]))
    }
    for (count, what) in [(controlCharacters, "values contain control characters"), (longValues, "values are too long")]
    where count > CSVTable.maximumRowErrors {
      diagnostics.append(Diagnostic(
        .note, .csvSyntax, "\(count - CSVTable.maximumRowErrors) more \(what)", at: SourceLocation(file: file, line: 1, column: 1),
        hints: ["fix the values above first; the rest are often the same mistake"]))
    }
    if !diagnostics.isEmpty { throw DiagnosticsError(sorted(diagnostics)) }
    return CSVTable(file: file, columns: columns, rows: rows, delimiter: delimiter, headerLocations: header.fields.map(\.location))
  }

  private var sawSepLine = false

  /// In file order (the parser finds some errors before others on earlier lines); notes last.
  func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    func key(_ d: Diagnostic) -> (Int, Int, Int) {
      (d.severity == .note ? 1 : 0, d.location?.line ?? 0, d.location?.column ?? 0)
    }
    return diagnostics.enumerated().sorted { a, b in
      key(a.element) != key(b.element) ? key(a.element) < key(b.element) : a.offset < b.offset
    }.map(\.element)
  }

  /// Excel's `sep=;` first line names the delimiter.
  mutating func skipSepLine() {
    guard chars.count >= 5, String(chars[0..<4]).lowercased() == "sep=" else { return }
    let candidate = chars[4]
    guard candidate == ";" || candidate == "," || candidate == "\t" || candidate == "|" else { return }
    guard chars.count == 5 || Self.isLineBreak(chars[5]) else { return }
    delimiter = candidate
    sawSepLine = true
    for _ in 0..<min(6, chars.count) { advance() }
  }

  /// The delimiter that occurs most often outside quotes in the header line (`;` on a tie or if none).
  func detectDelimiter() -> Character {
    var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
    var quoted = false
    var i = index
    while i < chars.count {
      let c = chars[i]
      if c == "\"" { quoted.toggle() } else if !quoted {
        if Self.isLineBreak(c) { break }
        if counts[c] != nil { counts[c]! += 1 }
      }
      i += 1
    }
    var best: Character = ";"
    for c in [",", "\t"] as [Character] where counts[c]! > counts[best]! { best = c }
    return best
  }

  // MARK: Records and fields

  mutating func record() throws(Abort) -> Record {
    let start = location
    var fields: [Field] = []
    while true {
      fields.append(try field())
      if atEnd { return Record(fields: fields, start: start, end: location) }
      if current == delimiter { advance(); continue }
      // A line break.
      let end = location
      advance()
      return Record(fields: fields, start: start, end: end)
    }
  }

  /// One field, leaving the cursor on the delimiter, the line break or the end.
  mutating func field() throws(Abort) -> Field {
    while !atEnd, isBlank(current) { advance() }
    let start = location
    var checks = FieldChecks()
    guard !atEnd, current == "\"" else {
      var value = ""
      while !atEnd, current != delimiter, !Self.isLineBreak(current) { take(current, into: &value, &checks); advance() }
      while let last = value.last, isBlank(last) { value.removeLast() }
      report(checks, field: start, quoted: false)
      return Field(value: value, location: start, quoted: false)
    }
    advance()
    var value = ""
    while true {
      if atEnd {
        report(checks, field: start, quoted: true, unterminated: true)
        diagnostics.append(.error(.csvSyntax,
          "this quote is never closed", at: start,
          hints: [
            "a field that starts with \" runs until the next \" – everything after this point was read as one value",
            "close it with \", and write a quote inside a quoted field as \"\"",
          ]))
        throw Abort()
      }
      let c = current
      if c == "\"" {
        advance()
        if !atEnd, current == "\"" { value.append("\""); advance(); continue }
        break
      }
      take(Self.isLineBreak(c) ? "\n" : c, into: &value, &checks)
      advance()
    }
    report(checks, field: start, quoted: true)
    while !atEnd, isBlank(current) { advance() }
    if !atEnd, current != delimiter, !Self.isLineBreak(current) {
      let stray = location
      var extra = ""
      while !atEnd, current != delimiter, !Self.isLineBreak(current) { extra.append(current); advance() }
      diagnostics.append(.error(.csvSyntax,
        "unexpected text after the closing quote: `\(extra)`", at: stray,
        hints: ["put the whole value in the quotes, e.g. \"\(value) \(extra)\"; a quote inside quotes is written \"\""]))
    }
    return Field(value: value, location: start, quoted: true)
  }

  // MARK: Checks

  /// What one field's characters showed: its length, its first control character.
  struct FieldChecks {
    var length = 0
    var control: (location: SourceLocation, value: UInt32)?
  }

  /// Adds `c` (at the cursor) to a field's value, unless the value is already too long (it is
  /// an error then, and the rest is only counted).
  mutating func take(_ c: Character, into value: inout String, _ checks: inout FieldChecks) {
    checks.length += 1
    if checks.control == nil, let u = c.unicodeScalars.first, c.unicodeScalars.count == 1, Self.isControl(u) {
      checks.control = (location, u.value)
    }
    if checks.length <= CSVTable.maximumValueLength { value.append(c) }
  }

  /// The errors for a field's control character and length (at most `maximumRowErrors` of
  /// each kind listed; the rest counted in a note).
  mutating func report(_ checks: FieldChecks, field start: SourceLocation, quoted: Bool, unterminated: Bool = false) {
    if let (at, value) = checks.control {
      controlCharacters += 1
      if controlCharacters <= CSVTable.maximumRowErrors {
        diagnostics.append(.error(.csvSyntax,
          "the value contains the control character \(Self.controlName(value)), which no text may hold", at: at,
          hints: ["delete it; it is invisible in most editors (tabs and line breaks in quoted values are fine)"]))
      }
    }
    // An unterminated quote is its own error: the value it makes is long anyway.
    if checks.length > CSVTable.maximumValueLength, !unterminated {
      longValues += 1
      if longValues <= CSVTable.maximumRowErrors {
        diagnostics.append(.error(.csvSyntax,
          "this value has \(CSVTable.shown(checks.length)) characters; a value may have at most \(CSVTable.shown(CSVTable.maximumValueLength))",
          at: start,
          hints: quoted
            ? ["a quote closed too late (or a \" inside a value not written as \"\") makes one value of the lines after it: check the quotes from line \(start.line)"]
            : ["a value this long is not a unit's data: check that this is the file you meant"]))
      }
    }
  }

  var controlCharacters = 0
  var longValues = 0

  /// A control character no text may hold: C0 but tab, CR and LF (line ends are the format's
  /// own), and DEL – as in the YAML files.
  static func isControl(_ u: Unicode.Scalar) -> Bool {
    (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0x7F
  }

  /// `U+0000 (NUL)`.
  static func controlName(_ value: UInt32) -> String {
    let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"]
    return "U+" + String(format: "%04X", value) + (names[value].map { " (\($0))" } ?? "")
  }

  mutating func checkHeader(_ header: Record, columns: [String]) {
    var firstSeen: [String: Int] = [:]
    for (i, name) in columns.enumerated() {
      let at = header.fields[i].location
      if name.isEmpty {
        diagnostics.append(.error(.csvSyntax,
          "column \(i + 1) of the header has no name", at: at,
          hints: i == columns.count - 1 && columns.count > 1
            ? ["the header ends with `\(Self.shown(delimiter))`; remove it, or name the column"]
            : ["give every column a name (it becomes the variable `{{name}}`), or delete the empty column"]))
      } else if let first = firstSeen[name] {
        diagnostics.append(.error(.csvSyntax,
          "the column `\(name)` is named twice (columns \(first + 1) and \(i + 1))", at: at,
          hints: ["column names must be unique; rename or delete one of them"]))
      } else {
        firstSeen[name] = i
      }
    }
  }

  func fieldCountProblem(_ record: Record, columns: [String]) -> Diagnostic? {
    let n = record.fields.count, expected = columns.count
    let d = Self.shown(delimiter)
    if n > expected {
      var hints = ["a value that contains `\(d)` must be in quotes, e.g. \"Norr\(d) Syd\""]
      hints.append(
        "the header names \(expected) column\(expected == 1 ? "" : "s") (\(columns.joined(separator: d))); the delimiter is `\(d)`, chosen from the header line")
      return .error(.csvSyntax,
        "this row has \(n) fields but the header names \(expected) column\(expected == 1 ? "" : "s")",
        at: record.fields[expected].location, hints: hints)
    }
    if n < expected {
      let missing = columns[n...].map { "`\($0)`" }
      return .error(.csvSyntax,
        "this row has \(n) field\(n == 1 ? "" : "s") but the header names \(expected) columns", at: record.end,
        hints: [
          "no value for \(CSVTable.listed(Array(missing)))",
          "an empty value still needs its `\(d)`: e.g. \(Array(repeating: "…", count: n).joined(separator: d))\(String(repeating: d, count: expected - n))",
        ])
    }
    return nil
  }

  /// LF, CRLF (one `Character`) or a lone CR; not the other Unicode line separators.
  static func isLineBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }

  static func shown(_ c: Character) -> String { c == "\t" ? "\\t" : String(c) }
}
