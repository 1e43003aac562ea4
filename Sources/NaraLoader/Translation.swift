import NaraModel
import Yams

/// Translations the loader uses in place of the Swedish source (a gettext catalog, say).
public protocol TranslationSource: Sendable {
  /// The translation of `source` for the text `id`, or nil to keep the source.
  func translation(id: String, source: String) -> String?
  /// Where that translation is written (a `.po` file's msgstr line), so that an error in it
  /// points there, not at the Swedish layout.
  func location(id: String, source: String) -> SourceLocation?
}

extension TranslationSource {
  public func location(id: String, source: String) -> SourceLocation? { nil }
}

/// A translatable text as the layout has it: its id, its Swedish source (component parameters
/// filled in, `{{variables}}` left for the translator to keep) and where it is written.
public struct SourceString: Sendable, Hashable {
  public var id: String
  public var source: String
  public var location: SourceLocation
  public init(id: String, source: String, location: SourceLocation) { self.id = id; self.source = source; self.location = location }
}

/// What one load collects about translatable texts, shared by the readers of its files.
final class StringLedger: @unchecked Sendable {
  var strings: [SourceString] = []
  /// Ids that had no translation (Swedish was used).
  var fallbacks: [String] = []
  /// Where the translation the last `translatable` call used is written, and its Swedish.
  var lastTranslation: (location: SourceLocation, source: String)?
}

extension Reader {
  /// The language the layouts are written in: a text without a translation keeps it.
  static let sourceLanguage = "sv-SE"

  /// Whether the text `id` fell back to Swedish in this load (its frame is then set as Swedish:
  /// Swedish hyphenation, left to right even on a right-to-left page).
  func isFallback(_ id: String) -> Bool { ledger?.fallbacks.contains(id) ?? false }

  /// A text a translator may translate: recorded with its id, replaced by its translation
  /// when one exists, then given its variables.
  func translatable(_ node: Node, id: String, what: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error("\(what) must be text, not \(describe(node))", at: node); return nil
    }
    let source = substituteParameters(scalar.string)
    var chosen = source
    if let ledger {
      ledger.lastTranslation = nil
      ledger.strings.append(SourceString(id: id, source: source, location: location(node)))
      if let translations {
        if let t = translations.translation(id: id, source: source) {
          chosen = t
          ledger.lastTranslation = translations.location(id: id, source: source).map { ($0, source) }
        } else if source.contains(where: \.isLetter) { ledger.fallbacks.append(id) }
      }
    }
    return substitute(chosen, at: node)
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
  func parseMarkup(_ text: String, id: String, node: Node, block: Bool, theme: Theme) -> [TextBlock] {
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
              hints: ["keep the link target as in the Swedish: " + (sourceLinks.sorted().first ?? "(no link)"), hint])
      }
      return blocks
    }
    var parser = MarkupParser(file: displayName, firstLine: (node.mark?.line ?? 0) + (block ? 1 : 0), column: node.mark?.column ?? 0)
    let blocks = parser.parse(text)
    diagnostics += parser.diagnostics
    checkStyles(in: blocks, theme: theme, at: node)
    return blocks
  }
}
