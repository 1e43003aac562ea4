import Foundation
import NaraModel
import TestSupport
import Testing

/// The code table: complete, unique, documented, and docs/diagnostics.md generated from it.
struct DiagnosticDocsTests {
  @Test func docsAreCurrent() throws {
    let docs = try String(contentsOfFile: repoRoot + "/docs/diagnostics.md", encoding: .utf8)
    let fresh = DiagnosticDocs.markdown()
    let diff = lineDiff(expected: fresh, actual: docs)
    #expect(docs == fresh, "docs/diagnostics.md is stale (naraprint explain --markdown > docs/diagnostics.md):\n\(diff.prefix(10).joined(separator: "\n"))")
  }

  @Test func everyCodeIsWellFormedAndExplained() {
    for code in DiagnosticCode.allCases {
      #expect(code.rawValue.range(of: #"^NP0[1-9]\d\d$"#, options: .regularExpression) != nil, "\(code)")
      #expect(!code.info.title.isEmpty && !code.info.explanation.isEmpty && !code.info.fix.isEmpty, "\(code)")
      #expect(code.info.fromInput != code.info.example.isEmpty, "\(code.rawValue): an example exactly when input can cause it")
      #expect(DiagnosticCode(parsing: code.rawValue) == code)
      #expect(DiagnosticDocs.markdown().contains("### \(code.rawValue)"))
    }
    #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
  }

  /// The codes no input reaches are listed as such in the reference.
  @Test func internalCodesExistAndAreMarked() {
    let internalCodes = DiagnosticCode.allCases.filter { !$0.info.fromInput }
    #expect(Set(internalCodes) == [.yamlAlias, .unclosedEmphasis, .renderFailure, .typographyData, .pdfContent])
    for code in internalCodes { #expect(DiagnosticDocs.explain(code).contains("No input gives this")) }
  }

  @Test func parsingCodes() {
    #expect(DiagnosticCode(parsing: "np0301") == .unsetVariable)
    #expect(DiagnosticCode(parsing: "301") == .unsetVariable)
    #expect(DiagnosticCode(parsing: "NP9999") == nil)
    #expect(DiagnosticCode(parsing: "hej") == nil)
  }
}
