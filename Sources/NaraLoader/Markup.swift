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
  /// How many `[…]{stil}` / `[…](url)` this parser's text sits inside (0 for a whole text).
  var depth = 0
  /// The nesting error is given once per text, not once per bracket past the limit.
  var reportedTooDeep = false

  /// The deepest `[…]{stil}` and `[…](url)` may nest inside each other. Real text nests two or
  /// three; each level is parsed on its own, so without a limit a file of brackets costs memory
  /// with the square of its depth (gigabytes from a 160 KB file).
  static let maximumNesting = 16
  /// The schemes a link in a printed PDF may use: a reader can follow these from any device.
  static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel"]

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
  ///
  /// Linear in the text's length at each nesting level: where a bracket, a brace, a
  /// parenthesis or a backtick closes is found once for the whole text, not by a scan from
  /// every opening one (a text of 100 000 unclosed `[` would otherwise take minutes).
  mutating func parseInlines(_ text: String, at loc: SourceLocation) -> [Inline] {
    var out: [Inline] = []
    var current = Inline("")
    var emphasis = false, strong = false
    let chars = Array(text)
    var i = 0
    let closing = Self.closingPositions(chars)

    func emit() {
      if !current.text.isEmpty { out.append(current) }
      current = Inline(""); current.emphasis = emphasis; current.strong = strong
    }
    // Each call scans to the next such marker only, so all of them together read the text
    // about once.
    func closes(_ marker: String, from: Int) -> Bool {
      let m = Array(marker)
      var j = from
      while j + m.count <= chars.count {
        if chars[j] == "\\" { j += 2; continue }
        if chars[j] == m[0] && (m.count == 1 || chars[j + 1] == m[1]) { return true }
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
      if c == "`", let end = closing[i] {
        emit()
        var code = Inline(String(chars[(i + 1)..<end])); code.code = true
        code.emphasis = emphasis; code.strong = strong
        out.append(code); i = end + 1; continue
      }
      if c == "[", let close = closing[i] {
        // A link target may hold parentheses in pairs (`…/Vård_(Värmland)`), as in CommonMark.
        if close + 1 < chars.count, chars[close + 1] == "(", let end = closing[close + 1] {
          emit()
          let raw = String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
          let url = linkTarget(raw, at: loc)
          for var inline in parseNested(String(chars[(i + 1)..<close]), at: loc) { inline.link = url; out.append(inline) }
          i = end + 1; continue
        }
        if close + 1 < chars.count, chars[close + 1] == "{", let end = closing[close + 1] {
          emit()
          let style = String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
          for var inline in parseNested(String(chars[(i + 1)..<close]), at: loc) { inline.characterStyle = style; out.append(inline) }
          i = end + 1; continue
        }
      }
      current.text.append(c); i += 1
    }
    emit()
    if emphasis || strong {
      diagnostics.append(.warning(.unclosedEmphasis, "a `*` or `**` is not closed; the rest of the paragraph is emphasised", at: loc,
                                  hints: ["close it, or write \\* for a literal star"]))
    }
    return out
  }

  private mutating func parseNested(_ text: String, at loc: SourceLocation) -> [Inline] {
    guard depth < Self.maximumNesting else {
      // Past the limit the bracket's text is kept as it was typed, and not parsed further.
      if !reportedTooDeep {
        reportedTooDeep = true
        diagnostics.append(.error(.markupSyntax,
          "`[…]{stil}` or `[…](länk)` nested more than \(Self.maximumNesting) levels deep", at: loc,
          hints: ["nest at most \(Self.maximumNesting) brackets inside each other, or write \\[ for a literal bracket"]))
      }
      return text.isEmpty ? [] : [Inline(text)]
    }
    var inner = MarkupParser(file: file, firstLine: firstLine, column: column)
    inner.depth = depth + 1
    inner.reportedTooDeep = reportedTooDeep
    let r = inner.parseInlines(text, at: loc)
    diagnostics += inner.diagnostics
    reportedTooDeep = inner.reportedTooDeep
    return r
  }

  /// Where each opening mark of a text closes: `[` at its matching `]` and `(` at its
  /// matching `)` (both in pairs, skipping `\`-escaped ones); `{` at the next `}` and a
  /// backtick at the next backtick. One pass each, from the text's start.
  struct Closing {
    /// For each position, where the mark opened there closes (-1: nowhere, or no mark).
    var at: [Int]
    subscript(_ open: Int) -> Int? { at[open] >= 0 ? at[open] : nil }
  }

  static func closingPositions(_ chars: [Character]) -> Closing {
    let n = chars.count
    var at = [Int](repeating: -1, count: n)
    var brackets: [Int] = [], parentheses: [Int] = []
    var j = 0
    while j < n {
      switch chars[j] {
      case "\\": j += 1
      case "[": brackets.append(j)
      case "]": if let open = brackets.popLast() { at[open] = j }
      case "(": parentheses.append(j)
      case ")": if let open = parentheses.popLast() { at[open] = j }
      default: break
      }
      j += 1
    }
    var nextBrace = -1, nextBacktick = -1
    for k in stride(from: n - 1, through: 0, by: -1) {
      // The next one after k (not k itself).
      switch chars[k] {
      case "{": at[k] = nextBrace
      case "}": nextBrace = k
      case "`": at[k] = nextBacktick; nextBacktick = k
      default: break
      }
    }
    return Closing(at: at)
  }

  /// The URL a link's target stands for, as the PDF will hold it: `https://`, `http://`,
  /// `mailto:` and `tel:` as written (the scheme in lower case); a bare web address
  /// (`regionvarmland.se/naravard`, `www.1177.se`) with `https://` before it. Anything else
  /// – another scheme (`file:`), a path (`../bilaga.pdf`), an e-mail address without
  /// `mailto:` – is an error here, where it was written, rather than a dead link in print.
  mutating func linkTarget(_ raw: String, at loc: SourceLocation) -> String? {
    // `\(` and `\)` stand for the parenthesis itself.
    let target = raw.replacingOccurrences(of: "\\(", with: "(").replacingOccurrences(of: "\\)", with: ")")
    let kinds = "a web address (https://…), an e-mail address (mailto:…) or a phone number (tel:…)"
    if target.isEmpty {
      diagnostics.append(.error(.invalidLink, "a link has no target", at: loc, hints: ["write [text](https://…): the target is \(kinds)"]))
      return nil
    }
    if let colon = target.firstIndex(of: ":"), case let scheme = target[..<colon], scheme.first?.isLetter == true,
       scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
      let lower = scheme.lowercased()
      if Self.linkSchemes.contains(lower) { return lower + target[colon...] }
      // `regionvarmland.se:8080/…` is a host and a port, not a scheme.
      let port = target[target.index(after: colon)...].prefix { !"/?#".contains($0) }
      if !(lower.contains(".") && !port.isEmpty && port.allSatisfy(\.isNumber)) {
        var hints = ["a link in print may go to \(kinds)"]
        if lower == "file" { hints.append("put the file on the web and link to its address") }
        diagnostics.append(.error(.invalidLink, "the link target `\(target)` uses `\(scheme):`, which a reader of the PDF cannot follow", at: loc, hints: hints))
        return nil
      }
    }
    if Self.looksLikeWebAddress(target) { return "https://" + target }
    var hints = ["write the whole web address, beginning with https://"]
    if target.contains("@"), !target.contains("/") { hints.insert("for an e-mail address write mailto:\(target)", at: 0) }
    diagnostics.append(.error(.invalidLink, "the link target `\(target)` is not a web address", at: loc, hints: hints, subject: target))
    return nil
  }

  /// `www.…`, or a host name of two or more labels ending in letters (`regionvarmland.se`,
  /// `1177.se:443`), before the first `/`, `?` or `#`.
  static func looksLikeWebAddress(_ target: String) -> Bool {
    if target.lowercased().hasPrefix("www.") { return true }
    var host = target.prefix { !"/?#".contains($0) }
    if let colon = host.firstIndex(of: ":") {
      guard host[host.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
      host = host[..<colon]
    }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
    return labels.allSatisfy { label in
      !label.isEmpty && label.first != "-" && label.last != "-" && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }
  }
}
