import NaraModel

/// A string value in a PO entry, with where each of its pieces was written.
struct POValue {
  var text = ""
  /// The line and column of the keyword (or of the first string, for `#|` values).
  var line: Int
  var column: Int
  /// Each quoted piece, decoded, with its line: header fields are reported at their own line.
  var pieces: [(line: Int, text: String)] = []
  /// Its first control character, written as it is (`raw`) or as an escape (`\0`, `\a`,
  /// `\x1b` …): where it stands and the character.
  var control: POControl?
}

/// A control character in a string: where it (or its escape) stands.
struct POControl {
  var line: Int
  var column: Int
  var value: UInt32
  var raw: Bool
}

/// One entry as written, before any checks.
struct RawEntry {
  var obsolete = false
  /// A syntax error was found in it: it is not used, and causes no further errors.
  var damaged = false
  var flags: [String] = []
  var translatorComments: [String] = []
  var extractedComments: [String] = []
  var references: [String] = []
  var previousMsgid: String?
  var context: POValue?
  var msgid: POValue?
  var msgidPlural: POValue?
  var msgstr: POValue?
  var pluralMsgstr: [Int: POValue] = [:]
  var hasKeywords: Bool { context != nil || msgid != nil || msgstr != nil || !pluralMsgstr.isEmpty }
  var isComplete: Bool { msgstr != nil || !pluralMsgstr.isEmpty }
  /// The line of the entry's first keyword.
  var line: Int { context?.line ?? msgid?.line ?? 0 }
}

/// Reads the lines of a PO file into raw entries (GNU gettext's PO grammar), collecting a
/// diagnostic for each syntax error at its line and column.
///
/// Hand-written: no Swift package in the project's registries reads PO files, and every
/// error must name the file, line and column the translator has to fix.
struct POParser {
  let file: String
  var entries: [RawEntry] = []
  var diagnostics: [Diagnostic] = []
  private var current = RawEntry()
  private enum Field { case context, msgid, msgidPlural, msgstr, plural(Int), previousMsgid, previousOther, discard }
  private var field: Field?

  init(file: String) { self.file = file }

  static let keywords = ["msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[N]"]

  /// Parses decoded text; `\r\n` and `\n` both end a line.
  mutating func parse(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    var lineNo = 0, start = 0
    while start <= scalars.count {
      lineNo += 1
      var end = scalars[start...].firstIndex(of: "\n") ?? scalars.count
      let next = end + 1
      if end > start, scalars[end - 1] == "\r" { end -= 1 }
      parseLine(scalars[start..<end], lineNo)
      start = next
    }
    finishEntry()
  }

  private func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  private mutating func error(_ message: String, _ line: Int, _ column: Int, hints: [String] = [], code: DiagnosticCode = .poSyntax) {
    diagnostics.append(.error(code, message, at: at(line, column), hints: hints))
    current.damaged = true
  }

  /// At most this many lines with control characters are reported one by one.
  static let maximumControlErrors = 20
  private var controlLines = 0

  private mutating func parseLine(_ line: ArraySlice<Unicode.Scalar>, _ n: Int) {
    parseLineContent(line, n)
    // A control character in a comment (NUL, ESC …): an error where it stands, for the entry
    // the comment belongs to. (In a string it is the entry's error, see `POCatalog.parse`;
    // elsewhere on a keyword's line it is text where none may be.)
    let first = line.firstIndex { $0 != " " && $0 != "\t" }
    guard let first, line[first] == "#", first + 1 == line.endIndex || line[first + 1] != "~" else { return }
    if let bad = line.firstIndex(where: Self.isControl) {
      controlLines += 1
      if controlLines <= Self.maximumControlErrors {
        error("the file contains the control character \(Self.controlName(line[bad].value)), which no text may hold",
              n, bad - line.startIndex + 1, hints: ["delete it; it is invisible in most editors"], code: .poEncoding)
      } else {
        current.damaged = true
      }
    }
  }

  /// The diagnostics, with a note for the lines with control characters past the first ones.
  var allDiagnostics: [Diagnostic] {
    guard controlLines > Self.maximumControlErrors else { return diagnostics }
    return diagnostics + [Diagnostic(
      .note, .poEncoding, "\(controlLines - Self.maximumControlErrors) more lines contain control characters",
      at: at(1, 1), hints: ["fix the lines above first; a file full of them is perhaps not a .po file"])]
  }

  /// A control character no text may hold: C0 but tab, CR and LF, and DEL (as in the YAML
  /// files). A `\r` in a string is kept, as before.
  static func isControl(_ u: Unicode.Scalar) -> Bool {
    (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0x7F
  }

  /// `U+0000 (NUL)`.
  static func controlName(_ value: UInt32) -> String {
    let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"]
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + (names[value].map { " (\($0))" } ?? "")
  }

  private mutating func parseLineContent(_ line: ArraySlice<Unicode.Scalar>, _ n: Int) {
    var i = line.startIndex
    while i < line.endIndex, line[i] == " " || line[i] == "\t" { i += 1 }
    // A blank line ends a string: gettext would join a string after it to the one before, but
    // no tool writes that, and a loose string is more likely a mistake worth reporting.
    guard i < line.endIndex else { field = nil; return }
    var obsolete = false
    if line[i] == "#" {
      let kind = i + 1 < line.endIndex ? line[i + 1] : " "
      let body = String(String.UnicodeScalarView(line[min(i + 2, line.endIndex)...]))
      let trimmed = body.hasPrefix(" ") ? String(body.dropFirst()) : body
      switch kind {
      case "~":
        obsolete = true
        i += 2
        while i < line.endIndex, line[i] == " " { i += 1 }
        guard i < line.endIndex else { return }
        if line[i] == "|" { return }  // the previous msgid of an obsolete entry: not needed
      case "|":
        startCommentBlock()
        i += 2
        while i < line.endIndex, line[i] == " " || line[i] == "\t" { i += 1 }
        let rest = line[i...]
        if rest.starts(with: "msgid ".unicodeScalars), let value = keywordValue(line, i, n, "msgid") {
          current.previousMsgid = value; field = .previousMsgid
        } else if rest.starts(with: "\"".unicodeScalars), let s = string(line, i, n) {
          if case .previousMsgid = field { current.previousMsgid! += s }
        } else {
          field = .previousOther  // `#| msgctxt`, `#| msgid_plural`: kept by msgmerge, unused here
        }
        return
      case ",":
        startCommentBlock()
        current.flags += body.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        return
      case ".": startCommentBlock(); current.extractedComments.append(trimmed); return
      case ":": startCommentBlock(); current.references += body.split(separator: " ").map(String.init); return
      default: startCommentBlock(); current.translatorComments.append(trimmed); return
      }
    }
    if line[i] == "\"" {
      guard let s = string(line, i, n) else { return }
      switch field {
      case nil:
        error("a string with no keyword before it", n, i - line.startIndex + 1,
              hints: ["a continued string follows its `msgid` or `msgstr` line directly"])
      case .context:
        current.context!.text += s; current.context!.pieces.append((n, s))
        current.context!.control = current.context!.control ?? lastControl
      case .msgid:
        current.msgid!.text += s; current.msgid!.pieces.append((n, s))
        current.msgid!.control = current.msgid!.control ?? lastControl
      case .msgidPlural: current.msgidPlural!.text += s
      case .msgstr:
        current.msgstr!.text += s; current.msgstr!.pieces.append((n, s))
        current.msgstr!.control = current.msgstr!.control ?? lastControl
      case .plural(let k): current.pluralMsgstr[k]!.text += s
      case .previousMsgid, .previousOther, .discard: break
      }
      return
    }
    var j = i
    while j < line.endIndex, line[j].properties.isAlphabetic || line[j] == "_" || line[j] == "[" || line[j] == "]"
      || ("0"..."9").contains(line[j]) { j += 1 }
    let word = String(String.UnicodeScalarView(line[i..<j]))
    let column = i - line.startIndex + 1
    keyword(word, line, i, n, column, obsolete: obsolete)
  }

  private mutating func keyword(
    _ word: String, _ line: ArraySlice<Unicode.Scalar>, _ i: Int, _ n: Int, _ column: Int, obsolete: Bool
  ) {
    var pluralIndex: Int?
    if word.hasPrefix("msgstr["), word.hasSuffix("]"), let k = Int(word.dropFirst(7).dropLast()) { pluralIndex = k }
    guard ["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(word) || pluralIndex != nil else {
      if current.isComplete { finishEntry() }  // the error belongs to the next entry
      var hints = ["a PO line starts with #, a quoted string, or one of: " + Self.keywords.joined(separator: ", ")]
      if let g = Self.keywords.first(where: { editDistance($0, word.lowercased()) <= 2 }) {
        hints.insert("did you mean `\(g)`?", at: 0)
      }
      error(word.isEmpty ? "unexpected text in a PO file" : "unknown keyword `\(word)`", n, column, hints: hints)
      field = .discard
      return
    }
    if word == "msgctxt" || word == "msgid" {
      // A new entry starts here (its errors are its own), unless this is the msgid after a msgctxt.
      let continues = word == "msgid" && current.context != nil && current.msgid == nil
        && !current.damaged && obsolete == current.obsolete
      if current.hasKeywords && !continues || current.damaged {
        finishEntry()  // reports a msgid that has no msgstr
      }
      current.obsolete = obsolete
    }
    guard let text = keywordValue(line, i, n, word) else { field = .discard; return }
    var value = POValue(text: text, line: n, column: column)
    value.pieces = [(n, text)]
    value.control = lastControl
    switch word {
    case "msgctxt": current.context = value; field = .context
    case "msgid": current.msgid = value; field = .msgid
    case "msgid_plural":
      guard current.msgid != nil, !current.isComplete else {
        if current.damaged { field = .discard; return }
        error("`msgid_plural` without a `msgid` before it", n, column); field = .discard; return
      }
      current.msgidPlural = value; field = .msgidPlural
    default:
      guard current.msgid != nil else {
        if current.damaged { field = .discard; return }
        error("`\(word)` without a `msgid` before it", n, column,
              hints: ["each msgstr follows the msgid (the Swedish text) it translates"])
        field = .discard
        return
      }
      if let k = pluralIndex {
        current.pluralMsgstr[k] = value; field = .plural(k)
      } else if current.msgstr != nil {
        error("a second `msgstr` for the same `msgid`", n, column,
              hints: ["the first is at line \(current.msgstr!.line); join them into one"])
        field = .discard
      } else {
        current.msgstr = value; field = .msgstr
      }
    }
  }

  /// A comment line: it belongs to the next entry, so a complete entry before it ends here.
  private mutating func startCommentBlock() {
    if current.hasKeywords { finishEntry() }
  }

  private mutating func finishEntry() {
    defer { current = RawEntry(); field = nil }
    guard current.hasKeywords, !current.damaged else { return }
    if let id = current.msgid, !current.isComplete {
      error("`msgid` without a `msgstr`", id.line, id.column,
            hints: ["add `msgstr \"\"` (untranslated) or the translation after it"])
      return
    }
    if current.msgid == nil, let c = current.context {
      error("`msgctxt` without a `msgid`", c.line, c.column, hints: ["an entry has msgctxt, then msgid, then msgstr"])
      return
    }
    entries.append(current)
  }

  /// The string after `keyword` at `i`.
  private mutating func keywordValue(
    _ line: ArraySlice<Unicode.Scalar>, _ i: Int, _ n: Int, _ keyword: String
  ) -> String? {
    var k = i + keyword.unicodeScalars.count
    while k < line.endIndex, line[k] == " " || line[k] == "\t" { k += 1 }
    guard k < line.endIndex, line[k] == "\"" else {
      error("`\(keyword)` needs a string in double quotes", n, k - line.startIndex + 1,
            hints: ["write `\(keyword) \"\"` for an empty string"])
      return nil
    }
    return string(line, k, n)
  }

  /// The first control character in the last string decoded (written or escaped).
  private var lastControl: POControl?

  /// Decodes the quoted string that starts at `start`; nothing but spaces may follow it.
  private mutating func string(_ line: ArraySlice<Unicode.Scalar>, _ start: Int, _ n: Int) -> String? {
    lastControl = nil
    var out = String.UnicodeScalarView()
    var k = start + 1
    func col(_ x: Int) -> Int { x - line.startIndex + 1 }
    while k < line.endIndex, line[k] != "\"" {
      guard line[k] == "\\" else {
        if Self.isControl(line[k]), lastControl == nil { lastControl = POControl(line: n, column: col(k), value: line[k].value, raw: true) }
        out.append(line[k]); k += 1; continue
      }
      guard k + 1 < line.endIndex else { k = line.endIndex; break }
      let e = line[k + 1]
      let simple: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\", "a": "\u{07}", "b": "\u{08}",
        "f": "\u{0C}", "v": "\u{0B}", "'": "'", "?": "?",
      ]
      if let s = simple[e] {
        if Self.isControl(s), lastControl == nil { lastControl = POControl(line: n, column: col(k), value: s.value, raw: false) }
        out.append(s); k += 2; continue
      }
      var digits = "", radix = 8, m = k + 1
      if e == "x" { radix = 16; m += 1 }
      while m < line.endIndex, digits.count < (radix == 8 ? 3 : 2), line[m].properties.isASCIIHexDigit,
        radix == 16 || ("0"..."7").contains(line[m]) { digits.unicodeScalars.append(line[m]); m += 1 }
      if let v = UInt32(digits, radix: radix), let s = Unicode.Scalar(v) {
        if Self.isControl(s), lastControl == nil { lastControl = POControl(line: n, column: col(k), value: s.value, raw: false) }
        out.append(s); k = m; continue
      }
      error("unknown escape `\\\(e)` in a string", n, col(k),
            hints: ["write a backslash as \\\\, a quote as \\\", a line break as \\n"])
      k += 2
    }
    guard k < line.endIndex else {
      error("unterminated string: no closing `\"` on this line", n, col(start),
            hints: ["a string ends with \" on its own line; continue a long text on the next line in new quotes",
                    "a quote inside the text is written \\\""])
      return nil
    }
    var rest = k + 1
    while rest < line.endIndex, line[rest] == " " || line[rest] == "\t" { rest += 1 }
    if rest < line.endIndex {
      error("unexpected text after the string", n, col(rest),
            hints: ["a quote inside the text is written \\\""])
    }
    return String(out)
  }
}

extension Substring {
  var trimmingSpaces: String {
    var s = self
    while s.first == " " || s.first == "\t" { s = s.dropFirst() }
    while s.last == " " || s.last == "\t" { s = s.dropLast() }
    return String(s)
  }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  var row = Array(0...b.count)
  for i in 1...max(a.count, 1) where !a.isEmpty {
    var prev = row[0]; row[0] = i
    for j in stride(from: 1, through: b.count, by: 1) {
      let cur = row[j]
      row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.count]
}
