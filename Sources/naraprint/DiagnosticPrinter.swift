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
      let (shown, column) = Self.excerpt(line, column: loc.column)
      s += "  \(loc.line) | \(shown)\n"
      let pad = String(repeating: " ", count: String(loc.line).count)
      s += "  \(pad) | " + String(repeating: " ", count: max(0, column - 1)) + paint("^", "1;32") + "\n"
    }
    for h in d.hints { s += "  " + paint("hint:", "1;36") + " \(h)\n" }
    return s
  }

  /// Only lines of files naraprint itself parses are quoted (YAML, PO, CSV), and only from a
  /// file of a sane size: never the contents of some other file a layout pointed at.
  static let quotedExtensions: Set<String> = ["yaml", "yml", "po", "pot", "csv"]

  private mutating func sourceLine(_ loc: SourceLocation) -> String? {
    guard Self.quotedExtensions.contains((loc.file as NSString).pathExtension.lowercased()) else { return nil }
    if sources[loc.file] == nil {
      var st = stat()
      guard stat(loc.file, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) <= Limits.translationFileBytes,
        let data = FileManager.default.contents(atPath: loc.file), let text = String(data: data, encoding: .utf8)
      else { return nil }
      sources[loc.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }
    guard let lines = sources[loc.file], loc.line - 1 < lines.count else { return nil }
    return String(lines[loc.line - 1])
  }

  /// At most `width` characters of a line around `column`, with `…` where it was cut, tabs as
  /// spaces and other control characters as `�` (a terminal never gets raw escapes from a
  /// file); the column moved to match.
  static func excerpt(_ line: String, column: Int, width: Int = 100) -> (String, Int) {
    var chars = Array(line.replacingOccurrences(of: "\r", with: ""))
    chars = chars.map { c in
      if c == "\t" { return " " }
      return c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } ? "\u{FFFD}" : c
    }
    guard chars.count > width else { return (String(chars), column) }
    let start = max(0, min(column - 1 - width / 2, chars.count - width))
    var shown = String(chars[start..<min(chars.count, start + width)])
    var col = column - start
    if start > 0 { shown = "…" + shown; col += 1 }
    if start + width < chars.count { shown += "…" }
    return (shown, col)
  }

  private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
