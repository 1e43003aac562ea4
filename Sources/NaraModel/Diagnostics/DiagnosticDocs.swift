/// docs/diagnostics.md and `naraprint explain`, generated from `DiagnosticCode.info`.
public enum DiagnosticDocs {
  /// One code as `naraprint explain NP0301` prints it.
  public static func explain(_ code: DiagnosticCode) -> String {
    let i = code.info
    var s = "\(code.rawValue): \(i.title)\n\n\(i.explanation)\n"
    if i.fromInput {
      s += "\nExample:\n" + i.example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    } else {
      s += "\nNo input gives this: it is an internal failure or a problem with the installation.\n"
    }
    s += "\nFix: \(i.fix)\n"
    return s
  }

  /// The whole reference as Markdown (docs/diagnostics.md).
  public static func markdown() -> String {
    var s = """
      # naraprint diagnostics

      Every error, warning and note naraprint prints has a stable code, `NP` and four digits,
      grouped by the step that finds it. `naraprint explain NP0301` prints one entry;
      `--diagnostic-format json` gives each diagnostic as one JSON object per line (code,
      severity, message, file, line, column, length, item, hints).

      This file is generated: `naraprint explain --markdown > docs/diagnostics.md`.

      | code | title |
      |---|---|

      """
    for code in DiagnosticCode.allCases.sorted() { s += "| [\(code.rawValue)](#\(code.rawValue.lowercased())) | \(code.info.title) |\n" }
    var group = ""
    for code in DiagnosticCode.allCases.sorted() {
      let i = code.info
      if code.group != group { group = code.group; s += "\n## \(group)\n" }
      s += "\n### \(code.rawValue)\n\n**\(i.title)**. \(i.explanation)\n\n"
      if i.fromInput {
        s += "```\n\(i.example)\n```\n\n"
      } else {
        s += "*Not reachable from input*: an internal failure or a problem with the installation.\n\n"
      }
      s += "Fix: \(i.fix)\n"
    }
    return s
  }
}
