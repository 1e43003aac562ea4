import Foundation
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// A page's reading order is the layout's choice, not the drawing order.
@Suite struct ReadingOrderTests {
  func render(readingOrder: String) throws -> (String, Pipeline, String) {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A5, title: Ordning }
      theme: theme.yaml
      pages:
        - \(readingOrder)
          items:
            - text: Läses sist men ritas först
              id: sist
              at: [15mm, 150mm]
            - text: Läses först
              id: rubrik
              heading: 1
              at: [15mm, 15mm]
            - group:
                id: mitten
                items:
                  - text: Läses i mitten
                    id: text
                    at: [15mm, 60mm]
      """.write(toFile: dir + "/o.yaml", atomically: true, encoding: .utf8)
    return (dir + "/o.yaml", try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf"), dir)
  }

  func structure(_ pdf: String) throws -> [String] {
    try run("pdfinfo", ["-struct-text", pdf]).out.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: "\n")
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("\"") }
      // poppler stops a leaf's text at a soft hyphen's ActualText span: compare the starts.
      .map { String($0.prefix(11)) }
  }

  @Test func theDeclaredOrderWins() throws {
    let (path, pipeline, dir) = try render(readingOrder: "reading-order: [rubrik, mitten, sist]")
    _ = try pipeline.render(path, to: dir + "/o.pdf", options: RenderOptions())
    #expect(try structure(dir + "/o.pdf") == ["\"Läses förs", "\"Läses i mi", "\"Läses sist"])
  }

  @Test func withoutOneTheDrawingOrderHolds() throws {
    let (path, pipeline, dir) = try render(readingOrder: "background: vit")
    _ = try pipeline.render(path, to: dir + "/o.pdf", options: RenderOptions())
    #expect(try structure(dir + "/o.pdf") == ["\"Läses sist", "\"Läses förs", "\"Läses i mi"])
  }

  @Test func anUnknownIDIsAnError() throws {
    let (path, pipeline, _) = try render(readingOrder: "reading-order: [rubrk, mitten]")
    do {
      _ = try pipeline.load(path)
      Issue.record("accepted an unknown id")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(d.message == "no item `rubrk` on page 1")
      #expect(d.hints.first == "did you mean `rubrik`?")
      #expect(d.location?.line == 4 && d.location?.column == 21, "\(d)")
    }
  }
}
