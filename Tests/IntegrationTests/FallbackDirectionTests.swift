import Foundation
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Swedish that has no translation on an Arabic page: each paragraph left untranslated is set
/// left to right in its own language, so its punctuation stays at the end of the sentence,
/// and tagged Swedish in the PDF; `end`-aligned texts keep to the page's end edge.
@Suite struct FallbackDirectionTests {
  /// A copy of the project whose Arabic catalog lacks the translations of `ids`.
  func workspace(untranslated ids: Set<String>) throws -> String {
    let dir = try tempDirectory()
    for sub in ["layouts", "assets"] { try FileManager.default.copyItem(atPath: repoRoot + "/" + sub, toPath: dir + "/" + sub) }
    let path = dir + "/layouts/locales/ar.po"
    var out: [String] = []
    var blanking = false, current: String?
    for line in try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n") {
      if line.hasPrefix("msgctxt \"") { current = String(line.dropFirst(9).dropLast()) }
      if line.hasPrefix("msgstr "), let c = current, ids.contains(c) { out.append("msgstr \"\""); blanking = true; continue }
      if blanking, line.hasPrefix("\"") { continue }
      blanking = false
      out.append(line)
    }
    try out.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return dir
  }

  @Test func untranslatedSwedishOnAnArabicPageReadsLeftToRight() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    // One heading and one paragraph of the leaflet's story, and the kit's page number, stay Swedish.
    let dir = try workspace(untranslated: ["text.h7", "text.p8", "fot.sida"])
    var options = RenderOptions()
    options.locale = "ar"
    options.variables = ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"]
    let pdf = dir + "/blad-ar.pdf"
    let report = try pipeline.render(dir + "/layouts/vad-ar-nara-vard.yaml", to: pdf, options: options)
    let warning = try #require(report.warnings.first { $0.code == .untranslated })
    #expect(warning.message.contains("text.h7") && warning.message.contains("text.p8"), "\(warning.message)")
    let text = try pdfText(pdf, raw: true)
    // The Swedish sentences end with their punctuation; the rest of the story is Arabic.
    #expect(text.contains("Hur jobbar vi med nära vård i Värmland?"), "\(text.prefix(600))")
    #expect(text.contains("som ska stötta i arbetet framåt."))
    #expect(!text.contains("?Hur") && !text.contains(".Värmlands"), "punctuation at the wrong end")
    #expect(!text.contains("Nära vård är en omställning"), "the translated paragraphs are Arabic")
    // Their structure elements say they are Swedish; the document stays Arabic.
    let qdf = pdf + ".qdf"
    _ = try run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf])
    let objects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
    // The heading and the paragraph (two elements when the paragraph runs on into the next column).
    let swedish = objects.components(separatedBy: "/Lang (sv-SE)").count - 1
    #expect((2...3).contains(swedish), "the heading and the paragraph tagged sv-SE: \(swedish)")
    #expect(objects.contains("/Lang (ar)"))

    // The kit's page number (end-aligned), left in Swedish, is at the page's end edge: the left in Arabic.
    let (document, _, _) = try pipeline.build(dir + "/layouts/apt-kit", variables: options.variables, locale: "ar")
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
