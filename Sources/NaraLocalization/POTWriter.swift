import NaraModel

/// Writes the translation template (`.pot`) that translators start from (`msginit`) and that
/// existing translations are merged with (`msgmerge`).
///
/// Hand-written, like `POCatalog`: no Swift package in the project's registries reads or writes
/// PO files, and the format is small. The output follows GNU gettext's own layout (header
/// first, strings wrapped at 79 columns) so that `msgmerge` and Poedit leave it as it is.
///
/// No format flag is written: our placeholders are `{{name}}`, which none of gettext's
/// languages describes, and `python-brace-format` would make `msgfmt -c` check `{name}` rules
/// that do not apply. `POCatalog` checks the `{{…}}` placeholders itself.
public enum POTWriter {
  /// A complete `.pot` file.
  ///
  /// - Parameters:
  ///   - strings: the texts to translate. Entries with the same `id` and `source` are merged
  ///     (their references and notes joined); an empty `source` is left out, since `msgid ""`
  ///     is reserved for the header.
  ///   - creationDate: the `POT-Creation-Date` value, e.g. `2025-03-01 12:00+0100`; passed in
  ///     so that the same input always gives the same file.
  /// - Returns: the header, then one entry per string sorted by its first reference (file,
  ///   then line; strings without one come last, by id), each with `#.` notes, `#:`
  ///   references, `msgctxt` (the id), `msgid` (the Swedish text) and an empty `msgstr`.
  public static func pot(_ strings: [TranslatableString], creationDate: String) -> String {
    var out = """
      # Swedish texts of naraprint leaflets and posters, for translation.
      # Translate each msgstr; keep {{variables}} and link targets (…) exactly as they are.
      #
      #, fuzzy

      """
    let header = [
      "Project-Id-Version: naraprint",
      "Report-Msgid-Bugs-To: ",
      "POT-Creation-Date: \(creationDate)",
      "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE",
      "Last-Translator: FULL NAME <EMAIL@ADDRESS>",
      "Language-Team: LANGUAGE <LL@li.org>",
      "Language: ",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
    ].map { $0 + "\n" }.joined()
    out += POString.lines("msgid", "").joined(separator: "\n") + "\n"
    out += POString.lines("msgstr", header).joined(separator: "\n") + "\n"

    for s in merged(strings) {
      out += "\n"
      for note in s.notes {
        for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
          out += line.isEmpty ? "#.\n" : "#. \(line)\n"
        }
      }
      for r in s.references {
        out += r.line > 0 ? "#: \(r.file):\(r.line)\n" : "#: \(r.file)\n"
      }
      if !s.id.isEmpty { out += POString.lines("msgctxt", s.id).joined(separator: "\n") + "\n" }
      out += POString.lines("msgid", s.source).joined(separator: "\n") + "\n"
      out += "msgstr \"\"\n"
    }
    return out
  }

  /// The strings with duplicates merged and empty ones dropped, in file order.
  static func merged(_ strings: [TranslatableString]) -> [TranslatableString] {
    struct Key: Hashable { var id: String; var source: String }
    var order: [Key] = []
    var byKey: [Key: TranslatableString] = [:]
    for s in strings where !s.source.isEmpty {
      let k = Key(id: s.id, source: s.source)
      if var m = byKey[k] {
        for r in s.references where !m.references.contains(r) { m.references.append(r) }
        for n in s.notes where !m.notes.contains(n) { m.notes.append(n) }
        byKey[k] = m
      } else {
        byKey[k] = s
        order.append(k)
      }
    }
    return order.map { byKey[$0]! }.sorted { a, b in
      switch (a.references.first, b.references.first) {
      case let (ra?, rb?):
        if ra.file != rb.file { return ra.file < rb.file }
        if ra.line != rb.line { return ra.line < rb.line }
        if ra.column != rb.column { return ra.column < rb.column }
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): break
      }
      return a.id != b.id ? a.id < b.id : a.source < b.source
    }
  }
}

/// PO string literals: escaping and gettext's line wrapping.
enum POString {
  /// gettext's page width: no written line is longer, unless a word is.
  static let width = 79

  /// `value` as a C-style string body: `\` `"` and control characters escaped.
  static func escape(_ value: String) -> String {
    var s = ""
    for u in value.unicodeScalars {
      switch u {
      case "\\": s += "\\\\"
      case "\"": s += "\\\""
      case "\n": s += "\\n"
      case "\t": s += "\\t"
      case "\r": s += "\\r"
      case "\u{07}": s += "\\a"
      case "\u{08}": s += "\\b"
      case "\u{0C}": s += "\\f"
      case "\u{0B}": s += "\\v"
      case _ where u.value < 0x20 || u.value == 0x7F:
        let o = String(u.value, radix: 8)
        s += "\\" + String(repeating: "0", count: 3 - o.count) + o
      default: s.unicodeScalars.append(u)
      }
    }
    return s
  }

  /// `keyword "value"` as lines, the way gettext writes them: on one line if it fits and has
  /// no inner newline; otherwise `keyword ""` followed by pieces that end after each `\n`
  /// and are broken after spaces so that no line is longer than `width` columns.
  static func lines(_ keyword: String, _ value: String) -> [String] {
    let inner = value.dropLast(value.hasSuffix("\n") ? 1 : 0)
    let whole = escape(value)
    if !inner.contains("\n"), keyword.count + 3 + whole.count <= width {
      return ["\(keyword) \"\(whole)\""]
    }
    var out = ["\(keyword) \"\""]
    var segments = value.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
    segments[segments.count - 1].removeLast()  // the last piece has no newline of its own
    if segments.last?.isEmpty == true { segments.removeLast() }
    for segment in segments {
      for chunk in wrap(Array(escape(String(segment))), limit: width - 2) {
        out.append("\"\(String(chunk))\"")
      }
    }
    return out
  }

  /// Breaks `text` after spaces into pieces of at most `limit` characters; a piece with no
  /// space to break at runs on to the next space.
  static func wrap(_ text: [Character], limit: Int) -> [ArraySlice<Character>] {
    var pieces: [ArraySlice<Character>] = []
    var rest = text[...]
    while rest.count > limit {
      let window = rest.prefix(limit)
      let cut = window.lastIndex(of: " ") ?? rest[(rest.startIndex + limit)...].firstIndex(of: " ")
      guard let cut, cut + 1 < rest.endIndex else { break }
      pieces.append(rest[...cut])
      rest = rest[(cut + 1)...]
    }
    if !rest.isEmpty || pieces.isEmpty { pieces.append(rest) }
    return pieces
  }
}

extension POTWriter {
  /// A `.po` file of finished translations (a compendium for `msgmerge --compendium`): a UTF-8
  /// header and one entry per `(msgctxt, msgid, msgstr)`.
  public static func compendium(_ entries: [(context: String?, msgid: String, msgstr: String)]) -> String {
    var out = POString.lines("msgid", "").joined(separator: "\n") + "\n"
    out += POString.lines("msgstr", "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n")
      .joined(separator: "\n") + "\n"
    for e in entries where !e.msgid.isEmpty {
      out += "\n"
      if let c = e.context { out += POString.lines("msgctxt", c).joined(separator: "\n") + "\n" }
      out += POString.lines("msgid", e.msgid).joined(separator: "\n") + "\n"
      out += POString.lines("msgstr", e.msgstr).joined(separator: "\n") + "\n"
    }
    return out
  }
}
