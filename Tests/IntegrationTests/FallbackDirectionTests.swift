import Foundation
import NaraPageTree
import NaraPipeline
import Testing

/// Swedish that has no translation on an Arabic page: set left to right in its own language,
/// so its punctuation stays at the end of the sentence; `end`-aligned texts keep to the page's
/// end edge.
@Suite struct FallbackDirectionTests {
  @Test func untranslatedSwedishOnAnArabicPageReadsLeftToRight() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let dir = try tempDirectory()
    var options = RenderOptions()
    options.locale = "ar"
    options.variables = ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"]
    let pdf = dir + "/kit-ar.pdf"
    _ = try pipeline.render(repoRoot + "/layouts/apt-kit", to: pdf, options: options)
    let text = try pdfText(pdf, raw: true)
    // The kit has no Arabic yet: its Swedish sentences end with their full stop.
    #expect(text.contains("Börja i det ni redan gör."), "\(text.prefix(400))")
    #expect(!text.contains(".Börja") && !text.contains("?Hur"), "punctuation at the wrong end")
    // Its structure elements say they are Swedish; the document stays Arabic.
    let qdf = pdf + ".qdf"
    _ = try run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf])
    let objects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
    #expect(objects.components(separatedBy: "/Lang (sv-SE)").count > 20, "Swedish elements tagged sv-SE")
    #expect(objects.contains("/Lang (ar)"))
    // The page number (end-aligned) is at the page's end edge: the left in Arabic.
    let (document, _, _) = try pipeline.build(repoRoot + "/layouts/apt-kit", variables: options.variables, locale: "ar")
    func runs(_ nodes: [Node]) -> [GlyphRun] {
      nodes.flatMap { n -> [GlyphRun] in
        switch n {
        case .text(let t): t.runs
        case .group(let g): runs(g.children)
        default: []
        }
      }
    }
    let page = try #require(document.pages.first)
    let sida = try #require(runs(page.nodes).first { $0.text.hasPrefix("Sida") })
    #expect(sida.origin.x < page.size.width / 3, "Sida 1 av 5 at x = \(sida.origin.x)")
  }
}
