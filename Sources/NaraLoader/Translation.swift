import NaraModel
import Yams

/// Translations the loader uses in place of the Swedish source (a gettext catalog, say).
public protocol TranslationSource: Sendable {
  /// The translation of `source` for the text `id`, or nil to keep the source.
  func translation(id: String, source: String) -> String?
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
      ledger.strings.append(SourceString(id: id, source: source, location: location(node)))
      if let translations {
        if let t = translations.translation(id: id, source: source) { chosen = t } else if source.contains(where: \.isLetter) { ledger.fallbacks.append(id) }
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
