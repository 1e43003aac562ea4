import ArgumentParser
import Foundation
import NaraModel

/// How diagnostics are printed: for people (as compilers do) or as JSON lines for tools.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable, Sendable { case human, json }

/// `--diagnostic-format human|json`, shared by render, check, watch and strings.
struct DiagnosticOptions: ParsableArguments {
  @Option(name: .customLong("diagnostic-format"),
          help: ArgumentHelp("How errors and warnings are printed: human, or json (one object per line on standard error).", valueName: "format"))
  var diagnosticFormat: DiagnosticFormat = .human

  var printer: DiagnosticPrinter { DiagnosticPrinter(format: diagnosticFormat) }
}

/// Prints diagnostics as compilers do: `file:line:col: error[NP0301]: message`, the source line
/// with a caret (or `^^^` under the whole token), then hints; or one JSON object a line.
struct DiagnosticPrinter {
  var format = DiagnosticFormat.human
  var colour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  private var sources: [String: [Substring]] = [:]

  init(format: DiagnosticFormat = .human) { self.format = format }

  func print(_ diagnostics: [Diagnostic]) {
    var copy = self
    for d in diagnostics {
      let text = format == .json ? d.jsonLine + "\n" : copy.format(d)
      FileHandle.standardError.write(Data(text.utf8))
    }
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
    s += "\(label)\(paint("[\(d.code.rawValue)]", "1")): \(d.message)\n"
    if let loc = d.location, loc.line > 0, let line = sourceLine(loc) {
      let (shown, column) = Self.excerpt(line, column: loc.column)
      s += "  \(loc.line) | \(shown)\n"
      let pad = String(repeating: " ", count: String(loc.line).count)
      let width = max(1, min(loc.length, max(1, shown.count - column + 1)))
      s += "  \(pad) | " + String(repeating: " ", count: max(0, column - 1)) + paint(String(repeating: "^", count: width), "1;32") + "\n"
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
