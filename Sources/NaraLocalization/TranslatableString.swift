import Foundation
import NaraModel

/// One piece of Swedish text that a translator translates: one PO entry.
///
/// `id` becomes the entry's `msgctxt` and `source` its `msgid`, so a translation stays tied to
/// the element it was made for even where two elements share the same Swedish text.
public struct TranslatableString: Sendable, Hashable {
  /// The text's stable id (`msgctxt`), e.g. `malbild.värde-1.citat`.
  public var id: String
  /// The Swedish text (`msgid`): light markup, may contain `{{variables}}` and
  /// `{{enhet|datum}}`-style formatted variables.
  public var source: String
  /// Where the text is written, e.g. `layouts/vad-ar-nara-vard.yaml:22` (`#:` lines).
  public var references: [SourceLocation]
  /// Notes for the translator, such as the frame size and the room left (`#.` lines).
  public var notes: [String]

  public init(id: String, source: String, references: [SourceLocation] = [], notes: [String] = []) {
    self.id = id; self.source = source; self.references = references; self.notes = notes
  }
}

/// The parts of a text that a translation must carry over unchanged.
enum Invariants {
  /// Every `{{…}}` variable reference in `text`, whitespace inside the braces removed, in order
  /// (`{{ datum | datum }}` → `{{datum|datum}}`). A `{{` without `}}` is not a reference.
  static func placeholders(in text: String) -> [String] {
    var out: [String] = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      let inner = rest[open.upperBound..<close.lowerBound].filter { !$0.isWhitespace }
      out.append("{{\(inner)}}")
      rest = rest[close.upperBound...]
    }
    return out
  }

  /// The targets of Markdown links `[text](target)`, in order.
  static func linkTargets(in text: String) -> [String] {
    var out: [String] = []
    var rest = Substring(text)
    while let mid = rest.range(of: "](") {
      guard let close = rest[mid.upperBound...].firstIndex(of: ")") else { break }
      out.append(rest[mid.upperBound..<close].trimmingCharacters(in: .whitespaces))
      rest = rest[rest.index(after: close)...]
    }
    return out
  }
}
