import NaraModel

/// One instruction of a content stream: an operator and the bytes of it and its operands.
struct ContentInstruction: Equatable {
  /// The operator keyword (`Tj`, `BDC` …); an inline image is one instruction `BI` that
  /// runs through its `EI`.
  var op: String
  /// From the first operand (or the operator) to the end of the operator.
  var range: Range<Int>
}

/// Splits a PDF content stream (ISO 32000-1 §7.2 lexical rules, §7.8.2) into instructions,
/// keeping byte positions so that the stream can be rewritten by inserting bytes between
/// instructions and copying everything else unchanged.
///
/// Hand-written because libqpdf's C API (`qpdf-c.h`) exposes no content-stream tokenizer
/// (its C++ `QPDFTokenizer` and `ParserCallbacks` have no C binding), and only NaraCairo may
/// touch C. It is small on purpose: we need token boundaries and operators, not values.
enum ContentTokenizer {
  enum TokenKind: Equatable {
    case word(String)  // numbers, operators, true/false/null
    case name, string, open, close  // open/close: `[` `<<` `{` and `]` `>>` `}`
  }

  struct Token {
    var kind: TokenKind
    var range: Range<Int>
  }

  static func instructions(in d: [UInt8]) throws -> [ContentInstruction] {
    var out: [ContentInstruction] = []
    var i = 0
    var operandStart: Int?
    var nesting: [UInt8] = []  // open `[`, `<` (for <<) or `{`
    while let t = try nextToken(d, &i) {
      switch t.kind {
      case .open:
        nesting.append(d[t.range.lowerBound])
      case .close:
        let opener: UInt8 = switch d[t.range.lowerBound] { case UInt8(ascii: "]"): UInt8(ascii: "["); case UInt8(ascii: "}"): UInt8(ascii: "{"); default: UInt8(ascii: "<") }
        guard nesting.last == opener else { throw error("unbalanced `\(String(decoding: d[t.range], as: UTF8.self))`", at: t.range.lowerBound) }
        nesting.removeLast()
      case .word(let w) where nesting.isEmpty && isOperator(w):
        var end = t.range.upperBound
        if w == "BI" { end = try inlineImageEnd(d, &i) }
        out.append(ContentInstruction(op: w, range: (operandStart ?? t.range.lowerBound)..<end))
        operandStart = nil
        continue
      default:
        break
      }
      if operandStart == nil { operandStart = t.range.lowerBound }
    }
    guard nesting.isEmpty else { throw error("an array or dictionary is not closed", at: d.count) }
    guard operandStart == nil else { throw error("operands without an operator at the end", at: operandStart!) }
    return out
  }

  /// Numbers and the keywords `true`, `false`, `null` are operands; other bare words are operators.
  static func isOperator(_ w: String) -> Bool {
    guard let c = w.utf8.first else { return false }
    if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || (c >= 48 && c <= 57) { return false }
    return w != "true" && w != "false" && w != "null"
  }

  static func isWhite(_ c: UInt8) -> Bool { c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32 }
  static func isDelimiter(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
         UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): true
    default: false
    }
  }

  static func error(_ what: String, at offset: Int) -> RenderError {
    RenderError("making the PDF accessible failed: cannot read a content stream: \(what) (byte \(offset))", code: .pdfContent)
  }

  /// The next token from `i`, skipping white space and comments; nil at the end.
  static func nextToken(_ d: [UInt8], _ i: inout Int) throws -> Token? {
    while i < d.count {
      if isWhite(d[i]) { i += 1; continue }
      if d[i] == UInt8(ascii: "%") {  // a comment runs to the end of the line
        while i < d.count, d[i] != 10, d[i] != 13 { i += 1 }
        continue
      }
      break
    }
    guard i < d.count else { return nil }
    let start = i
    let c = d[i]
    func next(_ offset: Int = 1) -> UInt8? { i + offset < d.count ? d[i + offset] : nil }
    switch c {
    case UInt8(ascii: "("):
      // Literal string: balanced parentheses may nest; a backslash escapes the next byte.
      var depth = 0
      while i < d.count {
        switch d[i] {
        case UInt8(ascii: "\\"): i += 1
        case UInt8(ascii: "("): depth += 1
        case UInt8(ascii: ")"): depth -= 1
        default: break
        }
        i += 1
        if depth == 0 { return Token(kind: .string, range: start..<i) }
      }
      throw error("a string is not closed", at: start)
    case UInt8(ascii: "<") where next() == UInt8(ascii: "<"):
      i += 2
      return Token(kind: .open, range: start..<i)
    case UInt8(ascii: ">") where next() == UInt8(ascii: ">"):
      i += 2
      return Token(kind: .close, range: start..<i)
    case UInt8(ascii: "<"):
      // Hex string: hex digits and white space up to `>`.
      i += 1
      while i < d.count, d[i] != UInt8(ascii: ">") {
        let h = d[i] | 0x20
        guard isWhite(d[i]) || (h >= 48 && h <= 57) || (h >= 97 && h <= 102) else { throw error("bad hex string", at: i) }
        i += 1
      }
      guard i < d.count else { throw error("a hex string is not closed", at: start) }
      i += 1
      return Token(kind: .string, range: start..<i)
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      i += 1
      return Token(kind: .open, range: start..<i)
    case UInt8(ascii: "]"), UInt8(ascii: "}"):
      i += 1
      return Token(kind: .close, range: start..<i)
    case UInt8(ascii: ")"), UInt8(ascii: ">"):
      throw error("unexpected `\(Character(Unicode.Scalar(c)))`", at: i)
    case UInt8(ascii: "/"):
      i += 1
      while i < d.count, !isWhite(d[i]), !isDelimiter(d[i]) { i += 1 }
      return Token(kind: .name, range: start..<i)
    default:
      while i < d.count, !isWhite(d[i]), !isDelimiter(d[i]) { i += 1 }
      return Token(kind: .word(String(decoding: d[start..<i], as: UTF8.self)), range: start..<i)
    }
  }

  /// After `BI`: the image dictionary up to `ID`, one white-space byte, the data, `EI`.
  /// The data's length is known when the dictionary gives `/L` or `/Length` (PDF 2.0);
  /// otherwise the data ends at the first `EI` that stands between white space and white
  /// space (or a delimiter, or the end), the rule readers use.
  static func inlineImageEnd(_ d: [UInt8], _ i: inout Int) throws -> Int {
    let start = i
    var lastName = "", length: Int?
    while true {
      guard let t = try nextToken(d, &i) else { throw error("an inline image has no ID", at: start) }
      if case .word(let w) = t.kind {
        if w == "ID" { break }
        if lastName == "/L" || lastName == "/Length", let n = Int(w) { length = n }
      }
      lastName = t.kind == .name ? String(decoding: d[t.range], as: UTF8.self) : ""
    }
    i += 1  // the single white-space byte after ID
    if let length, length >= 0, i + length <= d.count {
      i += length
      guard let t = try nextToken(d, &i), t.kind == .word("EI") else { throw error("an inline image does not end in EI", at: i) }
      return t.range.upperBound
    }
    var j = i
    while j + 1 < d.count {
      if d[j] == UInt8(ascii: "E"), d[j + 1] == UInt8(ascii: "I"), j > i ? isWhite(d[j - 1]) : true,
         j + 2 == d.count || isWhite(d[j + 2]) || isDelimiter(d[j + 2]) {
        i = j + 2
        return i
      }
      j += 1
    }
    throw error("an inline image does not end in EI", at: start)
  }
}
