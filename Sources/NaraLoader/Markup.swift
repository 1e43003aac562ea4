import Foundation
import NaraModel

/// The light markup communicators type in `text:`, a small Markdown subset:
///
///     # Rubrik / ## Mellanrubrik / ### Underrubrik
///     Paragraphs separated by a blank line; lines in between are joined.
///     - bullets (also `*` and `•`), `1.` numbered items; indent two spaces to nest
///     *kursiv*, _kursiv_, **fet**, `kod` (left exactly as typed), [länktext](https://…),
///     [ord]{teckenstil} for a theme character style, `{stil} ` at the start of a paragraph
///     for a paragraph style of that paragraph only, \ before a character to keep it literal,
///     \ at the end of a line for a line break.
///
/// Hand-written rather than a Markdown library: we need only this subset, with source
/// positions for every block, and none of the listed packages parses Markdown.
struct MarkupParser {
  let file: String
  /// Line and column of the text's first character in the YAML file.
  let firstLine: Int
  let column: Int
  /// Block scalars (`|`) keep their lines; plain or quoted scalars are one logical line.
  var diagnostics: [Diagnostic] = []

  init(file: String, firstLine: Int, column: Int) {
    self.file = file; self.firstLine = firstLine; self.column = column
  }

  mutating func parse(_ text: String) -> [TextBlock] {
    var blocks: [TextBlock] = []
    var pending: (kind: TextBlock.Kind, lines: [String], line: Int)?

    func flush() {
      guard let p = pending else { return }
      var joined = ""
      for (i, l) in p.lines.enumerated() {
        if joined.hasSuffix("\\") && !joined.hasSuffix("\\\\") {
          joined.removeLast(); joined += "\u{2028}"
        } else if i > 0 { joined += " " }
        joined += l
      }
      let loc = SourceLocation(file: file, line: p.line, column: column)
      var style: String?
      if joined.hasPrefix("{"), let close = joined.firstIndex(of: "}"), joined[joined.index(after: close)...].hasPrefix(" ") {
        let name = joined[joined.index(after: joined.startIndex)..<close]
        if !name.isEmpty, !name.contains(" ") {
          style = String(name)
          joined = String(joined[joined.index(close, offsetBy: 2)...])
        }
      }
      var block = TextBlock(kind: p.kind, inlines: parseInlines(joined, at: loc), location: loc)
      block.style = style
      blocks.append(block)
      pending = nil
    }

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (offset, raw) in lines.enumerated() {
      let lineNo = firstLine + offset
      let indent = raw.prefix { $0 == " " }.count
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { flush(); continue }
      if let (level, rest) = heading(line) {
        flush(); pending = (.heading(level: level), [rest], lineNo); flush(); continue
      }
      if let (marker, rest) = listMarker(line) {
        flush(); pending = (.listItem(marker: marker, level: indent >= 2 ? 2 : 1), [rest], lineNo); continue
      }
      if pending == nil { pending = (.paragraph, [], lineNo) }
      pending!.lines.append(line)
    }
    flush()
    return blocks
  }

  private func heading(_ line: String) -> (Int, String)? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return (hashes, String(line.dropFirst(hashes + 1)).trimmingCharacters(in: .whitespaces))
  }

  private func listMarker(_ line: String) -> (ListMarker, String)? {
    for m in ["- ", "* ", "• ", "– "] where line.hasPrefix(m) {
      // `**fet**` at the start of a paragraph is not a bullet.
      if m == "* " || !line.hasPrefix("**") { return (.bullet, String(line.dropFirst(m.count))) }
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 3, let n = Int(digits) {
      let after = line.dropFirst(digits.count)
      if after.hasPrefix(". ") || after.hasPrefix(") ") { return (.number(n), String(after.dropFirst(2))) }
    }
    return nil
  }

  /// Inline marks. Unclosed marks are kept as literal characters (a lone `*` is a star).
  mutating func parseInlines(_ text: String, at loc: SourceLocation) -> [Inline] {
    var out: [Inline] = []
    var current = Inline("")
    var emphasis = false, strong = false
    let chars = Array(text)
    var i = 0

    func emit() {
      if !current.text.isEmpty { out.append(current) }
      current = Inline(""); current.emphasis = emphasis; current.strong = strong
    }
    func closes(_ marker: String, from: Int) -> Bool {
      let m = Array(marker)
      var j = from
      while j + m.count <= chars.count {
        if chars[j] == "\\" { j += 2; continue }
        if Array(chars[j..<j + m.count]) == m { return true }
        j += 1
      }
      return false
    }

    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count {
        current.text.append(chars[i + 1]); i += 2; continue
      }
      if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
        if strong || closes("**", from: i + 2) {
          emit(); strong.toggle(); current.strong = strong; i += 2; continue
        }
        // An unclosed `**` stays literal.
        current.text += "**"; i += 2; continue
      }
      if c == "*" || c == "_", emphasis || closes(String(c), from: i + 1) {
        // `_` inside a word (snake_case, e-mail) is not emphasis.
        let wordBefore = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
        let wordAfter = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
        if c == "*" || !(wordBefore && wordAfter) {
          emit(); emphasis.toggle(); current.emphasis = emphasis; i += 1; continue
        }
      }
      if c == "`", let end = chars[(i + 1)...].firstIndex(of: "`") {
        emit()
        var code = Inline(String(chars[(i + 1)..<end])); code.code = true
        code.emphasis = emphasis; code.strong = strong
        out.append(code); i = end + 1; continue
      }
      if c == "[", let close = matchingBracket(chars, from: i) {
        let label = String(chars[(i + 1)..<close])
        if close + 1 < chars.count, chars[close + 1] == "(", let end = chars[(close + 2)...].firstIndex(of: ")") {
          emit()
          let url = String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
          for var inline in parseNested(label, at: loc) { inline.link = url; out.append(inline) }
          i = end + 1; continue
        }
        if close + 1 < chars.count, chars[close + 1] == "{", let end = chars[(close + 2)...].firstIndex(of: "}") {
          emit()
          let style = String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
          for var inline in parseNested(label, at: loc) { inline.characterStyle = style; out.append(inline) }
          i = end + 1; continue
        }
      }
      current.text.append(c); i += 1
    }
    emit()
    if emphasis || strong {
      diagnostics.append(.warning("a `*` or `**` is not closed; the rest of the paragraph is emphasised", at: loc,
                                  hints: ["close it, or write \\* for a literal star"]))
    }
    return out
  }

  private mutating func parseNested(_ text: String, at loc: SourceLocation) -> [Inline] {
    var inner = MarkupParser(file: file, firstLine: firstLine, column: column)
    let r = inner.parseInlines(text, at: loc)
    diagnostics += inner.diagnostics
    return r
  }

  private func matchingBracket(_ chars: [Character], from start: Int) -> Int? {
    var depth = 0
    var j = start
    while j < chars.count {
      if chars[j] == "\\" { j += 2; continue }
      if chars[j] == "[" { depth += 1 }
      if chars[j] == "]" { depth -= 1; if depth == 0 { return j } }
      j += 1
    }
    return nil
  }
}
