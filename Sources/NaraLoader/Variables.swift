import Foundation
import NaraModel
import Yams

extension Reader {
  /// Variables the layout fills in per page.
  static let pageFields: Set<String> = ["sida", "sidor", "page", "pages"]

  /// Replaces `{{name}}` with its value from the innermost scope that has it.
  func substitute(_ text: String, at node: Node) -> String {
    guard text.contains("{{") else { return text }
    var out = ""
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        // An unclosed `{{` would print as it stands: an error where it was written (the same
        // text read again gives the same error, which the loader reports once).
        let shown = rest[open.lowerBound...].prefix(24)
        error("`\(shown)\(shown.count < rest[open.lowerBound...].count ? "…" : "")` is not closed: a `{{` needs its `}}`", at: node,
              hints: ["close it with }}, as in {{enhet}}"], code: .unclosedVariable)
        out += rest[open.lowerBound...]; rest = ""; break
      }
      let (name, format) = splitVariableReference(String(rest[open.upperBound..<close.lowerBound]))
      if Reader.pageFields.contains(name) {
        // Filled in per page by the layout.
        out += "{{\(name)}}"
      } else if let value = scopes.reversed().lazy.compactMap({ $0[name] }).first {
        if let format {
          switch formatVariable(value, format: format, language: language) {
          case .success(let formatted): out += formatted
          case .failure(let e):
            var d = e.diagnostic(at: span(node))
            d.subject = value
            diagnostics.append(d)
            out += value
          }
        } else {
          out += value
        }
      } else if let missing = missingVariables {
        missing.names.insert(name)
        out += "{{\(name)}}"
      } else {
        let key = "\(name)@\(node.mark?.line ?? 0)"
        if !reportedMissing.contains(key) {
          reportedMissing.insert(key)
          let known = Set(scopes.flatMap(\.keys)).sorted()
          var hints = ["set it with --set \(name)=… or a column `\(name)` in --data"]
          if let g = closestMatch(to: name, in: known) { hints.insert("did you mean `{{\(g)}}`?", at: 0) }
          error("the variable `{{\(name)}}` has no value", at: node, hints: hints, code: .unsetVariable, subject: name)
        }
        out += "{{\(name)}}"
      }
      rest = rest[close.upperBound...]
    }
    return out + rest
  }

}
