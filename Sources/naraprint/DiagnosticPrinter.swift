import Foundation
import NaraModel

/// Prints diagnostics as compilers do: `file:line:col: error: message`, the source line with a
/// caret under the column, then hints.
struct DiagnosticPrinter {
  var colour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  private var sources: [String: [Substring]] = [:]

  func print(_ diagnostics: [Diagnostic]) {
    var copy = self
    for d in diagnostics { FileHandle.standardError.write(Data(copy.format(d).utf8)) }
  }

  mutating func format(_ d: Diagnostic) -> String {
    let label: String
    switch d.severity {
    case .error: label = paint("error", "1;31")
    case .warning: label = paint("warning", "1;33")
    case .note: label = paint("note", "1;36")
    }
    var s = ""
    if let loc = d.location { s += paint("\(loc): ", "1") }
    s += "\(label): \(d.message)\n"
    if let loc = d.location, loc.line > 0, let line = sourceLine(loc) {
      let shown = line.replacingOccurrences(of: "\t", with: " ")
      s += "  \(loc.line) | \(shown)\n"
      let pad = String(repeating: " ", count: String(loc.line).count)
      s += "  \(pad) | " + String(repeating: " ", count: max(0, loc.column - 1)) + paint("^", "1;32") + "\n"
    }
    for h in d.hints { s += "  " + paint("hint:", "1;36") + " \(h)\n" }
    return s
  }

  private mutating func sourceLine(_ loc: SourceLocation) -> String? {
    if sources[loc.file] == nil {
      guard let data = FileManager.default.contents(atPath: loc.file), let text = String(data: data, encoding: .utf8) else { return nil }
      sources[loc.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }
    guard let lines = sources[loc.file], loc.line - 1 < lines.count else { return nil }
    return String(lines[loc.line - 1])
  }

  private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
