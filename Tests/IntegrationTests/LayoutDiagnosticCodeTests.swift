import Foundation
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// One input per code that layout, drawing or the pipeline gives: the code and its span
/// (line, column) at the marker 1️⃣ in the layout.
@Suite(.serialized) struct LayoutDiagnosticCodeTests {
  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  /// Renders `layout` (items under page 1, indented by 6) and returns every diagnostic with
  /// the marker's position.
  func diagnostics(_ items: String, head: String = "document: { size: [100mm, 100mm] }\ntheme: theme.yaml\n",
                   files: [String: [UInt8]] = [:]) throws -> ([Diagnostic], (line: Int, column: Int)?) {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
    let indented = items.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    let marked = MarkedText(head + "pages:\n  - items:\n" + indented + "\n")
    try marked.text.write(toFile: dir + "/l.yaml", atomically: true, encoding: .utf8)
    do {
      let report = try pipeline().render(dir + "/l.yaml", to: dir + "/l.pdf", options: RenderOptions())
      return (report.warnings, marked.markers["1️⃣"])
    } catch let e as DiagnosticsError {
      return (e.diagnostics, marked.markers["1️⃣"])
    }
  }

  func expect(_ code: DiagnosticCode, _ items: String, head: String? = nil, files: [String: [UInt8]] = [:], item: String? = nil,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let (found, marker) = try head.map { try diagnostics(items, head: $0, files: files) } ?? diagnostics(items, files: files)
    let want = try #require(marker, "no marker", sourceLocation: sourceLocation)
    let d = try #require(found.first { $0.code == code }, "no \(code.rawValue) in:\n\(found.map(\.description).joined(separator: "\n"))",
                         sourceLocation: sourceLocation)
    #expect(d.location?.line == want.line && d.location?.column == want.column, "\(code.rawValue) at \(String(describing: d.location))",
            sourceLocation: sourceLocation)
    if let item { #expect(d.itemID == item, "\(code.rawValue) about \(String(describing: d.itemID))", sourceLocation: sourceLocation) }
  }

  @Test func yamlSyntax() throws {
    try expect(.yamlSyntax, "- text: Hej\n  at: [10mm, 10mm]", head: "document: { size: A6 }\ntheme: theme.yaml\n bad1️⃣: [\n")
  }

  @Test func overflowAndShrink() throws {
    try expect(.overflow, "- 1️⃣text: Ett alldeles för långt ord som inte får plats någonstans\n  id: trång\n  size: [15mm, 5mm]", item: "trång")
    try expect(.shrunk, "- 1️⃣text: Ett långt stycke text som måste krympa\n  id: krymp\n  size: [20mm, 12mm]\n  overflow: shrink", item: "krymp")
  }

  @Test func anchorToNothing() throws {
    try expect(.anchor, "- text: Hej\n  anchor: { to: 1️⃣saknas }")
  }

  @Test func charactersNoFontHas() throws {
    try expect(.missingGlyphs, "- 1️⃣text: \"𓀀\"\n  id: hieroglyf\n  at: [10mm, 10mm]", item: "hieroglyf")
  }

  @Test func qrCodeTooSmall() throws {
    try expect(.qrCode, "- 1️⃣qr: https://regionvarmland.se/naravard\n  at: [5mm, 5mm]\n  width: 8mm")
  }

  @Test func brokenImage() throws {
    try expect(.imageUnreadable, "- 1️⃣image: trasig.png\n  at: [5mm, 5mm]\n  width: 20mm\n  alt: Trasig", files: ["trasig.png": [0x89, 0x50, 0x4E, 0x47, 0, 1, 2]])
  }

  @Test func outputThatIsAnInput() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: Hej\n".write(toFile: dir + "/l.yaml", atomically: true, encoding: .utf8)
    do {
      _ = try pipeline().render(dir + "/l.yaml", to: dir + "/theme.yaml", options: RenderOptions())
      Issue.record("overwrote the theme")
    } catch let e as DiagnosticsError {
      #expect(e.diagnostics.first?.code == .outputIsInput)
    }
  }

  @Test func localeThatIsNoTagOrHasNoCatalog() throws {
    let layout = repoRoot + "/layouts/vad-ar-nara-vard.yaml"
    for (locale, code) in [("../x", DiagnosticCode.languageTag), ("se", .unknownLocale)] {
      do {
        _ = try pipeline().build(layout, variables: [:], locale: locale)
        Issue.record("built with --locale \(locale)")
      } catch let e as DiagnosticsError {
        #expect(e.diagnostics.first?.code == code, "\(e.diagnostics)")
      }
    }
  }
}
