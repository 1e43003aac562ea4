import ArgumentParser
import Foundation
import NaraModel

/// `naraprint explain NP0301`: what a diagnostic code means, with an example and the fix.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain a diagnostic code (NP0301), or print them all.",
    discussion: """
      Every error, warning and note has a code such as NP0301, printed in brackets \
      (error[NP0301]) and as `code` in --diagnostic-format json. Without a code, lists them; \
      --markdown prints the whole reference (docs/diagnostics.md).
      """)

  @Argument(help: "The code, e.g. NP0301 (or 301).")
  var code: String?
  @Flag(help: "Print the whole reference as Markdown (docs/diagnostics.md).")
  var markdown = false

  func run() throws {
    if markdown {
      Swift.print(DiagnosticDocs.markdown(), terminator: "")
      return
    }
    guard let code else {
      for c in DiagnosticCode.allCases.sorted() { Swift.print("\(c.rawValue)  \(c.info.title)") }
      return
    }
    guard let known = DiagnosticCode(parsing: code) else {
      throw ValidationError("there is no diagnostic code \(code); `naraprint explain` lists them")
    }
    Swift.print(DiagnosticDocs.explain(known), terminator: "")
  }
}
