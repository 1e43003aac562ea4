import NaraModel
import Yams

/// Translations the loader uses in place of the Swedish source (a gettext catalog, say).
public protocol TranslationSource: Sendable {
  /// The translation of `source` for the text `id`, or nil to keep the source.
  func translation(id: String, source: String) -> String?
  /// Where that translation is written (a `.po` file's msgstr line), so that an error in it
  /// points there, not at the Swedish layout.
  func location(id: String, source: String) -> SourceLocation?
  /// Where the text `id` stands: translated, fuzzy, or none; with its entry's line.
  func state(id: String, source: String) -> (state: TranslationState, line: Int?)
  /// The line of an entry for the text `id` whatever its Swedish (a text edited since).
  func line(of id: String) -> Int?
  /// The paragraph keys and Swedish texts the source has, so that a text's paragraphs are
  /// looked up under the keys they were translated with.
  var memory: ParagraphMemory { get }
}

extension TranslationSource {
  public func location(id: String, source: String) -> SourceLocation? { nil }
  public func state(id: String, source: String) -> (state: TranslationState, line: Int?) {
    (translation(id: id, source: source) == nil ? .untranslated : .translated, nil)
  }
  public var memory: ParagraphMemory { ParagraphMemory() }
  public func line(of id: String) -> Int? { nil }
}

/// Where one text stands in a translation.
public enum TranslationState: String, Sendable, Codable, Hashable {
  /// A translation is used.
  case translated
  /// The entry is marked fuzzy (`msgmerge` guessed it, from the text's earlier Swedish or
  /// from a similar text): Swedish is used until a translator checks it.
  case fuzzy
  /// The catalog has this text with other Swedish: it was edited since the catalog was last
  /// merged (`naraprint strings update`). Swedish is used.
  case changed
  /// No translation (a new text, or an empty msgstr). Swedish is used.
  case untranslated
}

/// One text of a translated load and where it stands: the ids `check --strict` names.
public struct TextTranslation: Sendable, Hashable, Codable {
  public var id: String
  public var state: TranslationState
  /// The line of its entry in the catalog, when the catalog has one.
  public var line: Int?
  public init(id: String, state: TranslationState, line: Int?) { self.id = id; self.state = state; self.line = line }
}

/// A translatable text as the layout has it: its id, its Swedish source (component parameters
/// filled in, `{{variables}}` left for the translator to keep) and where it is written.
public struct SourceString: Sendable, Hashable {
  public var id: String
  public var source: String
  public var location: SourceLocation
  /// The item the text belongs to (`berättelse` for `berättelse.p3`); its frame is measured.
  public var item: String
  /// What the text is in its frame, for the translator's note (nil: a whole text).
  public var kind: MarkupSegment.Kind?
  public init(id: String, source: String, location: SourceLocation, item: String? = nil, kind: MarkupSegment.Kind? = nil) {
    self.id = id; self.source = source; self.location = location; self.item = item ?? id; self.kind = kind
  }
}

/// What one load collects about translatable texts, shared by the readers of its files.
final class StringLedger: @unchecked Sendable {
  var strings: [SourceString] = []
  /// Every text with words and where it stands (when translations were given).
  var states: [TextTranslation] = []
  /// Paragraph keys to keep when no translations are given (the template being re-extracted).
  var memory = ParagraphMemory()
  /// Where the translation the last `translatable` call used is written, and its Swedish.
  var lastTranslation: (location: SourceLocation, source: String)?
}

extension Reader {
  /// The language the layouts are written in: a text without a translation keeps it.
  static let sourceLanguage = "sv-SE"

  /// Whether the text `id` fell back to Swedish in this load (its frame is then set as Swedish:
  /// Swedish hyphenation, left to right even on a right-to-left page).
  func isFallback(_ id: String) -> Bool { ledger?.states.contains { $0.id == id && $0.state != .translated } ?? false }

  /// A text a translator translates whole (a title, a label, a table cell, an alt text):
  /// recorded with its id, replaced by its translation when one exists, then given its variables.
  func translatable(_ node: Node, id: String, what: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error("\(what) must be text, not \(describe(node))", at: node, code: .wrongValueKind); return nil
    }
    let source = substituteParameters(scalar.string)
    let remembered = currentMemory.entries(for: id)
    let match: ParagraphMatch = remembered.contains { $0.key.isEmpty && $0.text == source } ? .same
      : remembered.first { $0.key.isEmpty }.map { .edited(previous: $0.text) } ?? .new
    let chosen = lookUp(id: id, item: id, source: source, kind: nil, location: location(node), match: match) ?? source
    return substitute(chosen, at: node)
  }

  /// A text of paragraphs (a text item's or a story's): each heading, paragraph and list item
  /// is translated on its own under its paragraph key, and parsed where its words are written
  /// (the layout, or the translation's `.po` line). A paragraph left in Swedish in a
  /// translated document is marked Swedish: its own hyphenation and direction.
  func translatedBlocks(_ node: Node, id: String, what: String, theme: Theme) -> [TextBlock]? {
    guard case .scalar(let scalar) = node else {
      error("\(what) must be text, not \(describe(node))", at: node, code: .wrongValueKind); return nil
    }
    // Block scalars start on the line after their indicator.
    let firstLine = (node.mark?.line ?? 0) + (scalar.style == .literal || scalar.style == .folded ? 1 : 0)
    let column = node.mark?.column ?? 0
    let segments = MarkupSegments.split(substituteParameters(scalar.string))
    let keys = ParagraphKeys.assign(segments.map { ($0.kind, $0.body) }, remembered: currentMemory.entries(for: id))
    var blocks: [TextBlock] = []
    for (segment, (key, match)) in zip(segments, keys) {
      let context = ParagraphMemory.context(item: id, key: key)
      let at = SourceLocation(file: displayName, line: firstLine + segment.line, column: column)
      let translated = lookUp(id: context, item: id, source: segment.body, kind: segment.kind, location: at, match: match)
      let text = substitute(segment.markup(with: translated ?? segment.body), at: node)
      // A bound on the work of setting one paragraph (a leaflet's longest is 600 characters).
      if text.count > Limits.paragraphCharacters {
        let place = translated != nil ? (ledger?.lastTranslation?.0 ?? at) : at
        diagnostics.append(.error(.tooMany,
          "a paragraph of \(text.count) characters\(translated != nil ? " (in its translation)" : ""); naraprint sets at most \(Limits.paragraphCharacters)",
          at: place, hints: ["split it into paragraphs with a blank line between them"]))
        continue
      }
      var parsed = parseMarkup(text, id: context, at: at, theme: theme)
      if translated == nil, translations != nil, MarkupSegments.hasWords(segment.body) {
        for i in parsed.indices { parsed[i].language = Reader.sourceLanguage }
      }
      blocks += parsed
    }
    return blocks
  }

  /// The paragraph keys to look texts up under: the translation's, else those of the template
  /// being re-extracted.
  private var currentMemory: ParagraphMemory { translations?.memory ?? ledger?.memory ?? ParagraphMemory() }

  /// Records a text and returns its translation, or nil when the Swedish is used (and says why).
  private func lookUp(id: String, item: String, source: String, kind: MarkupSegment.Kind?,
                      location: SourceLocation, match: ParagraphMatch) -> String? {
    guard let ledger else { return nil }
    ledger.lastTranslation = nil
    ledger.strings.append(SourceString(id: id, source: source, location: location, item: item, kind: kind))
    guard let translations, MarkupSegments.hasWords(source) else { return nil }
    var (state, line) = translations.state(id: id, source: source)
    if state == .translated, let t = translations.translation(id: id, source: source) {
      ledger.lastTranslation = translations.location(id: id, source: source).map { ($0, source) }
      ledger.states.append(TextTranslation(id: id, state: .translated, line: line))
      return t
    }
    if state == .untranslated, line == nil, case .edited = match { state = .changed; line = translations.line(of: id) }
    ledger.states.append(TextTranslation(id: id, state: state, line: line))
    return nil
  }

  /// Component parameters only: layout variables (`{{enhet}}`) and page fields stay, for the
  /// translator to keep in place.
  func substituteParameters(_ text: String) -> String {
    guard text.contains("{{"), scopes.count > 1 else { return text }
    var out = ""
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else { out += rest[open.lowerBound...]; rest = ""; break }
      let inner = String(rest[open.upperBound..<close.lowerBound])
      let (name, format) = splitVariableReference(inner)
      if format == nil, let value = scopes.dropFirst().reversed().lazy.compactMap({ $0[name] }).first {
        out += value
      } else {
        out += rest[open.lowerBound..<close.upperBound]
      }
      rest = rest[close.upperBound...]
    }
    return out + rest
  }
}

extension Reader {
  /// Parses a text's markup. A translated text is parsed where the translator wrote it: its
  /// errors (a style that does not exist, markup that does not close, a link that changed)
  /// name the `.po` file and line, and the text's id.
  func parseMarkup(_ text: String, id: String, at location: SourceLocation, theme: Theme) -> [TextBlock] {
    if let (po, source) = ledger?.lastTranslation {
      var parser = MarkupParser(file: po.file, firstLine: po.line, column: po.column)
      let blocks = parser.parse(text)
      let hint = "in the translation of `\(id)`; fix it in \(po.file)"
      diagnostics += parser.diagnostics.map { d in var c = d; c.hints.append(hint); return c }
      checkStyles(in: blocks, theme: theme, at: po, hint: hint)
      // A translation keeps the Swedish text's links (a translator may not send readers elsewhere).
      var sourceParser = MarkupParser(file: po.file, firstLine: po.line, column: po.column)
      let sourceLinks = Set(sourceParser.parse(source).flatMap { $0.inlines.compactMap(\.link) })
      for link in Set(blocks.flatMap { $0.inlines.compactMap(\.link) }).subtracting(sourceLinks).sorted() {
        error("the translation of `\(id)` links to \(link), which the Swedish text does not", at: po,
              hints: ["keep the link target as in the Swedish: " + (sourceLinks.sorted().first ?? "(no link)"), hint],
              code: .translationMismatch, subject: link)
      }
      return blocks
    }
    var parser = MarkupParser(file: location.file, firstLine: location.line, column: location.column)
    let blocks = parser.parse(text)
    diagnostics += parser.diagnostics
    checkStyles(in: blocks, theme: theme, at: location)
    return blocks
  }
}
