/// A text's markup cut into the pieces a translator translates one by one: each heading,
/// paragraph and list item is one PO entry, never a whole story (translation memories,
/// Poedit and Weblate all work per paragraph).
///
/// A segment's `body` is what the translator sees (the `msgid`): the words with their inline
/// markup (emphasis, links, `{{placeholders}}`, `[ord]{stil}`), the source's soft line breaks
/// joined by spaces and hard breaks (`\` at a line's end) kept. Its structure – the heading's
/// `#`, the list marker and its indent, a `{stil} ` paragraph style – stays with the layout:
/// the translation is set in the Swedish block's place and kind.
///
/// The cut follows `MarkupParser.parse` line for line, so parsing each segment on its own
/// gives the same blocks as parsing the whole text.
public struct MarkupSegment: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case paragraph, heading, listItem
    /// The letter of a paragraph key (`berättelse.p3`, `berättelse.h1`, `berättelse.li4`).
    public var keyPrefix: String {
      switch self {
      case .paragraph: "p"
      case .heading: "h"
      case .listItem: "li"
      }
    }
    /// How a translator's note names it.
    public var name: String {
      switch self {
      case .paragraph: "a paragraph"
      case .heading: "a heading"
      case .listItem: "a list item"
      }
    }
  }
  public var kind: Kind
  /// `## `, `  - `, `3. `: the block's marker as written, indent included.
  public var marker: String
  /// `{ark-ingress} ` when the block names its own paragraph style.
  public var style: String
  /// The words, as the `msgid`.
  public var body: String
  /// The line of its first character, counted from the text's first line (0).
  public var line: Int

  /// The markup to parse for a translation (or the Swedish) of this segment: the Swedish
  /// block's marker and style, unless the translation names a paragraph style of its own.
  public func markup(with text: String) -> String {
    marker + (MarkupSegments.leadingStyle(text) == nil ? style : "") + text
  }
}

public enum MarkupSegments {
  /// The segments of `text`, in order. A text of one line is one segment.
  public static func split(_ text: String) -> [MarkupSegment] {
    var out: [MarkupSegment] = []
    var pending: (kind: MarkupSegment.Kind, marker: String, lines: [String], line: Int)?

    func flush() {
      guard let p = pending else { return }
      pending = nil
      var body = ""
      for (i, l) in p.lines.enumerated() {
        if i > 0 { body += body.hasSuffix("\\") && !body.hasSuffix("\\\\") ? "\n" : " " }
        body += l
      }
      var style = ""
      if let s = leadingStyle(body) {
        style = s
        body = String(body.dropFirst(s.count))
      }
      out.append(MarkupSegment(kind: p.kind, marker: p.marker, style: style, body: body, line: p.line))
    }

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, raw) in lines.enumerated() {
      let indent = raw.prefix { $0 == " " }
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { flush(); continue }
      if let hashes = headingMarker(line) {
        flush()
        pending = (.heading, String(indent) + String(line.prefix(hashes + 1)), [String(line.dropFirst(hashes + 1)).trimmingCharacters(in: .whitespaces)], offset)
        flush(); continue
      }
      if let marker = listMarker(line) {
        flush()
        pending = (.listItem, String(indent) + marker, [String(line.dropFirst(marker.count))], offset)
        continue
      }
      if pending == nil { pending = (.paragraph, "", [], offset) }
      pending!.lines.append(line)
    }
    flush()
    return out
  }

  /// `{stil} ` at the start of a paragraph: a paragraph style for it alone (as `MarkupParser`).
  static func leadingStyle(_ text: String) -> String? {
    guard text.hasPrefix("{"), let close = text.firstIndex(of: "}"),
      text[text.index(after: close)...].hasPrefix(" ") else { return nil }
    let name = text[text.index(after: text.startIndex)..<close]
    guard !name.isEmpty, !name.contains(" ") else { return nil }
    return String(text[...text.index(after: close)])
  }

  /// The number of `#` of a heading line (as `MarkupParser.heading`).
  static func headingMarker(_ line: String) -> Int? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  /// A list item's marker with its space (as `MarkupParser.listMarker`).
  static func listMarker(_ line: String) -> String? {
    for m in ["- ", "* ", "• ", "– "] where line.hasPrefix(m) {
      if m == "* " || !line.hasPrefix("**") { return m }
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 3, Int(digits) != nil {
      let after = line.dropFirst(digits.count)
      if after.hasPrefix(". ") || after.hasPrefix(") ") { return String(line.prefix(digits.count + 2)) }
    }
    return nil
  }

  /// Whether a text has anything to translate: letters outside its `{{placeholders}}`
  /// (an arrow, a bullet or `{{enhet}}` alone has not).
  public static func hasWords(_ text: String) -> Bool {
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      if rest[..<open.lowerBound].contains(where: \.isLetter) { return true }
      guard let close = rest[open.upperBound...].range(of: "}}") else { return rest[open.lowerBound...].contains(where: \.isLetter) }
      rest = rest[close.upperBound...]
    }
    return rest.contains(where: \.isLetter)
  }
}
