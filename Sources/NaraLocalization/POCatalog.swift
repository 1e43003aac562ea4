import Foundation
import NaraModel

/// One language's translations, read from a gettext `.po` file.
///
/// Hand-written, with `POParser`: no Swift package in the project's registries reads PO files,
/// and every error must name the file and line the translator has to fix. naraprint reads the
/// `.po` directly (no `.mo`), so it also checks what `msgfmt -c` would not: the `{{…}}`
/// placeholders and link targets that the Swedish text has.
public struct POCatalog: Sendable {
  /// The header's `Language:` value (e.g. `fi`); empty in a template.
  public var language: String
  /// Every entry but the header and plural entries (which naraprint does not use), obsolete
  /// (`#~`) entries included unless an active entry has the same key.
  public var entries: [Key: Entry]
  /// The header's fields, e.g. `Content-Type` → `text/plain; charset=UTF-8`.
  public var headerFields: [String: String]
  /// The file is marked as a draft: the header is `#, fuzzy`, or it has the field
  /// `X-Naraprint-Status: draft`.
  public var isDraft: Bool
  /// Warnings found while reading (e.g. a link target the translation changed).
  public var warnings: [Diagnostic]

  /// An entry's identity: `msgctxt` (the text's id) and `msgid` (the Swedish text).
  public struct Key: Hashable, Sendable {
    public var context: String?
    public var msgid: String
    public init(context: String?, msgid: String) { self.context = context; self.msgid = msgid }
  }

  /// One entry's translation and what the file says about it.
  public struct Entry: Sendable {
    public var msgstr: String
    /// Marked `#, fuzzy`: a guess (e.g. by `msgmerge`) that a translator has not checked.
    public var fuzzy: Bool
    /// Written as `#~`: no longer in the template.
    public var obsolete: Bool
    /// The line of the entry's first keyword (`msgctxt`, else `msgid`).
    public var line: Int
    /// The line of its `msgstr`.
    public var msgstrLine: Int
    /// The `#,` flags, e.g. `fuzzy`.
    public var flags: [String]
    /// The translator's own `# ` comments.
    public var translatorComments: [String]
    /// The `#| msgid` that a fuzzy entry was translated from, if the file keeps it.
    public var previousMsgid: String?

    public init(
      msgstr: String, fuzzy: Bool = false, obsolete: Bool = false, line: Int = 0, msgstrLine: Int = 0,
      flags: [String] = [], translatorComments: [String] = [], previousMsgid: String? = nil
    ) {
      self.msgstr = msgstr; self.fuzzy = fuzzy; self.obsolete = obsolete; self.line = line
      self.msgstrLine = msgstrLine; self.flags = flags; self.translatorComments = translatorComments
      self.previousMsgid = previousMsgid
    }
  }

  /// A catalog built in code (tests, or translations from elsewhere); `read` and `parse` build
  /// and check one from a file.
  public init(
    language: String, entries: [Key: Entry], headerFields: [String: String] = [:], isDraft: Bool = false,
    warnings: [Diagnostic] = []
  ) {
    self.language = language; self.entries = entries; self.headerFields = headerFields
    self.isDraft = isDraft; self.warnings = warnings
  }

  /// The largest `.po` file read, in bytes: 20 MB (naraprint's own are about 60 kB). A larger
  /// one is refused before it is read.
  public static let maximumFileSize = 20 * 1024 * 1024

  /// Reads and checks the `.po` file at `path` (named in diagnostics as given).
  public static func read(path: String) throws(DiagnosticsError) -> POCatalog {
    var isDirectory: ObjCBool = false
    var data: Data?
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
      switch LimitedRead.read(path, limit: maximumFileSize) {
      case .data(let d): data = d
      case .tooLarge(let size): throw DiagnosticsError([tooLarge(size, file: path)])
      case .unreadable: data = nil
      }
    }
    guard let data else {
      throw DiagnosticsError([.error(.catalogUnreadable,
        "translation file not found", at: SourceLocation(file: path, line: 0, column: 0),
        hints: ["start a new language with `msginit --no-translator -l LANG -i po/naraprint.pot -o \(path)`"])])
    }
    return try parse(data, file: path)
  }

  /// Reads and checks a `.po` file's bytes; `file` names it in diagnostics. Throws every error
  /// found (with the warnings), sorted by line.
  public static func parse(_ data: Data, file: String) throws(DiagnosticsError) -> POCatalog {
    if data.count > maximumFileSize { throw DiagnosticsError([tooLarge(data.count, file: file)]) }
    let text: String
    switch UTF8Check.decode(data, file: file) {
    case .success(let t): text = t
    case .failure(let d): throw DiagnosticsError([d])
    }
    var parser = POParser(file: file)
    parser.parse(text)
    var diagnostics = parser.allDiagnostics
    func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    // The header: the entry with an empty msgid and no msgctxt.
    var headerFields: [String: String] = [:]
    var isDraft = false
    if let header = parser.entries.first(where: { $0.context == nil && $0.msgid?.text == "" && !$0.obsolete }),
      let value = header.msgstr {
      var contentTypeLine = value.line
      for piece in value.pieces where piece.text.contains("Content-Type:") { contentTypeLine = piece.line }
      for field in value.text.split(separator: "\n") {
        guard let colon = field.firstIndex(of: ":") else { continue }
        headerFields[String(field[..<colon]).trimmingCharacters(in: .whitespaces)] =
          String(field[field.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
      }
      isDraft = header.flags.contains("fuzzy")
        || headerFields["X-Naraprint-Status"]?.lowercased().hasPrefix("draft") == true
      let charset = headerFields["Content-Type"].flatMap { ct in
        ct.range(of: "charset=").map { String(ct[$0.upperBound...].prefix { $0 != ";" && $0 != " " }) }
      }
      if charset.map({ ["UTF-8", "UTF8"].contains($0.uppercased()) }) != true {
        diagnostics.append(.error(.poEncoding,
          charset.map { "the header declares charset=\($0)" } ?? "the header does not declare a charset",
          at: at(contentTypeLine),
          hints: [
            "naraprint reads UTF-8 only: convert the file with `msgconv -t UTF-8 \(file) -o \(file)`, or re-save it "
              + "as UTF-8 and set `Content-Type: text/plain; charset=UTF-8\\n`"
          ]))
      }
    } else if parser.allDiagnostics.isEmpty {
      diagnostics.append(.error(.poSyntax,
        "the file has no header entry (`msgid \"\"` with the `Content-Type` and `Language` fields)", at: at(1),
        hints: ["create translation files from the template with `msginit`, which writes the header",
                "or add `msgid \"\"` / `msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"` at the top"]))
    }

    // Entries, duplicates and the checks on each translation.
    var entries: [Key: Entry] = [:]
    var firstLine: [Key: Int] = [:]
    for raw in parser.entries {
      guard let msgid = raw.msgid, let msgstr = raw.msgstr, raw.msgidPlural == nil else { continue }
      let key = Key(context: raw.context?.text, msgid: msgid.text)
      if !raw.obsolete {
        if let first = firstLine[key] {
          diagnostics.append(.error(.poSyntax,
            "the same msgctxt and msgid appear twice", at: at(raw.line, raw.context?.column ?? msgid.column),
            hints: ["the first is at line \(first); keep one of them (`msguniq` merges duplicates)"]))
          continue
        }
        firstLine[key] = raw.line
      }
      if key.context == nil, key.msgid.isEmpty { continue }  // the header
      let entry = Entry(
        msgstr: msgstr.text, fuzzy: raw.flags.contains("fuzzy"), obsolete: raw.obsolete, line: raw.line,
        msgstrLine: msgstr.line, flags: raw.flags, translatorComments: raw.translatorComments,
        previousMsgid: raw.previousMsgid)
      if raw.obsolete, entries[key] != nil { continue }
      entries[key] = entry
      if !entry.fuzzy, !entry.obsolete, !entry.msgstr.isEmpty {
        diagnostics += check(msgid: msgid.text, msgstr: msgstr.text, at: at(msgstr.line, msgstr.column))
      }
      // A control character would cut or garble the text: one error an entry. In the msgstr
      // it is at the character when written as it is (gettext's tools write ESC so), at the
      // msgstr when made by an escape (\000, \a …), with the escape's place in a hint.
      if let bad = entry.msgstr.unicodeScalars.first(where: POParser.isControl) {
        let c = msgstr.control
        var hints = ["remove the escape (\\000, \\x1b …) from the msgstr"]
        if let c, c.raw { hints = ["delete it; it is invisible in most editors"] }
        if let c, !c.raw { hints.insert("the escape is at line \(c.line), column \(c.column)", at: 0) }
        diagnostics.append(.error(.poEncoding,
          "the translation contains the control character \(POParser.controlName(bad.value)), which would cut or garble it",
          at: c.flatMap { $0.raw ? at($0.line, $0.column) : nil } ?? at(msgstr.line, msgstr.column), hints: hints))
      } else if let (what, c) = [("id (msgctxt)", raw.context?.control), ("Swedish text (msgid)", msgid.control)]
        .lazy.compactMap({ w, c in c.map { (w, $0) } }).first, c.raw || !msgstr.text.isEmpty {
        // The same in what it translates: no layout text has one (the YAML reader refuses
        // them), so the entry is never used. A template's untranslated entries may have
        // escaped ones: naraprint's POT writer escapes whatever text it is given.
        diagnostics.append(.error(.poEncoding,
          "the \(what) contains the control character \(POParser.controlName(c.value)), which no layout text has",
          at: at(c.line, c.column),
          hints: c.raw
            ? ["delete it; it is invisible in most editors"]
            : ["the entry matches no text, so its translation is never used: remove the escape (\\000, \\x1b …), or the entry"]))
      }
    }

    diagnostics.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
    return POCatalog(
      language: headerFields["Language"] ?? "", entries: entries, headerFields: headerFields, isDraft: isDraft,
      warnings: diagnostics)
  }

  /// The error for a file over `maximumFileSize`; `size` is nil when it is not known (a pipe).
  static func tooLarge(_ size: Int?, file: String) -> Diagnostic {
    let limit = "\(maximumFileSize / (1024 * 1024)) MB"
    return .error(.catalogUnreadable,
      size.map { "\(file) is \(String(format: "%.1f", Double($0) / (1024 * 1024))) MB; naraprint reads .po files up to \(limit)" }
        ?? "\(file) is larger than \(limit), the most naraprint reads from a .po file",
      at: SourceLocation(file: file, line: 0, column: 0),
      hints: ["a translation of naraprint's layouts is well under 1 MB: check that this is the file you meant"])
  }

  /// Placeholders the translation must keep (errors) and link targets it should keep (warnings).
  static func check(msgid: String, msgstr: String, at location: SourceLocation) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let wanted = Invariants.placeholders(in: msgid), have = Invariants.placeholders(in: msgstr)
    let missing = wanted.filter { !have.contains($0) }.uniqued(), extra = have.filter { !wanted.contains($0) }.uniqued()
    for m in missing {
      var hints = ["keep every {{…}} of the Swedish text exactly as written; only its place in the sentence may change"]
      if extra.count == 1 { hints.insert("did you mean `\(m)` where the translation has `\(extra[0])`?", at: 0) }
      out.append(.error(.translationMismatch, "the translation lacks `\(m)`, which the Swedish text has", at: location, hints: hints, subject: m))
    }
    for e in extra {
      out.append(.error(.translationMismatch,
        "the translation has `\(e)`, which the Swedish text lacks", at: location,
        hints: ["naraprint fills in only the {{…}} of the Swedish text: "
          + (wanted.isEmpty ? "it has none" : wanted.uniqued().joined(separator: ", "))]))
    }
    let links = Invariants.linkTargets(in: msgid), newLinks = Invariants.linkTargets(in: msgstr)
    if links.sorted() != newLinks.sorted() {
      out.append(.warning(.translationMismatch,
        "the translation changes the link targets: " + (newLinks.isEmpty ? "none" : newLinks.joined(separator: ", "))
          + " instead of " + (links.isEmpty ? "none" : links.joined(separator: ", ")),
        at: location, hints: ["translate the link text in […], and keep the address in (…) as it is"]))
    }
    return out
  }

  /// The translation to use: the non-empty `msgstr` of a non-fuzzy, non-obsolete entry; nil
  /// otherwise (and the Swedish text is used).
  public func translation(id: String, source: String) -> String? {
    guard let e = entry(id: id, source: source), !e.fuzzy, !e.obsolete, !e.msgstr.isEmpty else { return nil }
    return e.msgstr
  }

  /// The entry for a text: `msgctxt` is its id (none when the id is empty), `msgid` its source.
  public func entry(id: String, source: String) -> Entry? {
    entries[Key(context: id.isEmpty ? nil : id, msgid: source)]
  }

  /// How many of `strings` have a translation to use, only a fuzzy one, or none (missing,
  /// empty or obsolete).
  /// Where each text stands in this catalog.
  public enum State: String, Sendable, Codable { case translated, fuzzy, untranslated }

  /// Each text's state, with the line of its entry when the catalog has one (for a translator
  /// to go to).
  public func states(for strings: [TranslatableString]) -> [(id: String, state: State, line: Int?)] {
    var out: [(id: String, state: State, line: Int?)] = []
    var seen = Set<Key>()
    for str in strings {
      let key = Key(context: str.id.isEmpty ? nil : str.id, msgid: str.source)
      guard seen.insert(key).inserted else { continue }
      let e = entries[key]
      let line = e.flatMap { $0.obsolete ? nil : $0.line }
      if translation(id: str.id, source: str.source) != nil {
        out.append((str.id, .translated, line))
      } else if let e, e.fuzzy, !e.obsolete, !e.msgstr.isEmpty {
        out.append((str.id, .fuzzy, line))
      } else {
        out.append((str.id, .untranslated, line))
      }
    }
    return out
  }

  public func status(for strings: [TranslatableString]) -> (translated: Int, fuzzy: Int, untranslated: Int) {
    var r = (translated: 0, fuzzy: 0, untranslated: 0)
    for s in Set(strings.map { Key(context: $0.id.isEmpty ? nil : $0.id, msgid: $0.source) }) {
      let e = entries[s]
      if translation(id: s.context ?? "", source: s.msgid) != nil {
        r.translated += 1
      } else if let e, e.fuzzy, !e.obsolete, !e.msgstr.isEmpty {
        r.fuzzy += 1
      } else {
        r.untranslated += 1
      }
    }
    return r
  }
}

extension Array where Element: Hashable {
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
