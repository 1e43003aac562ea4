import Foundation
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// The body paragraphs and headings of Fixtures/content/leaflet.md (a copy of ../shared/content/), in order.
func leafletPhrases() throws -> [String] {
  let text = try String(contentsOfFile: repoRoot + "/Tests/IntegrationTests/Fixtures/content/leaflet.md", encoding: .utf8)
  guard let start = text.range(of: "## Vad är nära vård") else { return [] }
  return text[start.lowerBound...].split(separator: "\n").map {
    $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "^#+ ", with: "", options: .regularExpression)
  }.filter { !$0.isEmpty }
}

@Suite(.serialized) struct LeafletTests {
  static let layout = repoRoot + "/layouts/vad-ar-nara-vard.yaml"

  func render(_ name: String = "blad.pdf", options: RenderOptions = RenderOptions()) throws -> (String, RenderReport) {
    let dir = try tempDirectory()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    return (dir + "/" + name, try pipeline.render(Self.layout, to: dir + "/" + name, options: options))
  }

  func pageTree() throws -> PagedDocument {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let result = try pipeline.layout(try pipeline.load(Self.layout).document)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return result.document
  }

  @Test func twoA4Pages() throws {
    let (pdf, report) = try render()
    #expect(report.pageCount == 2)
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    let info = try run("pdfinfo", ["-f", "1", "-l", "2", pdf]).out
    #expect(info.contains("Page    1 size:  595.276 x 841.89 pts (A4)"), "\(info)")
    #expect(info.contains("Page    2 size:  595.276 x 841.89 pts (A4)"))
  }

  @Test func everyPhraseInReadingOrder() throws {
    let (pdf, _) = try render()
    // -raw keeps the content stream's order, which is the layout's reading order.
    let raw = try run("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"]).out
    let text = foldSpace(raw.replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(of: "\u{00AD}", with: ""))
    let phrases = try leafletPhrases()
    #expect(phrases.count == 14, "\(phrases)")
    var position = text.startIndex
    for phrase in phrases {
      guard let r = text.range(of: foldSpace(phrase), range: position..<text.endIndex) else {
        Issue.record("missing or out of order: \(phrase)")
        continue
      }
      position = r.upperBound
    }
    // Page 2 is the målbild.
    #expect(text.contains("Framtidens Värmland"))
    #expect(text.range(of: "Framtidens Värmland")!.lowerBound > text.range(of: "arbetsmaterial att använda")!.lowerBound)
  }

  @Test func theWebAddressIsALiveLink() throws {
    let (pdf, _) = try render()
    let urls = try run("pdfinfo", ["-url", pdf]).out
    #expect(urls.contains("1  Annotation    https://regionvarmland.se/naravard"), "\(urls)")
  }

  @Test func structureTreeHasHeadingsParagraphsAndLists() throws {
    let (pdf, _) = try render()
    // Indentation depends on the tree's depth; compare lines without it.
    let tree = try run("pdfinfo", ["-struct-text", pdf]).out.replacingOccurrences(of: "\u{00A0}", with: " ")
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    #expect(tree.contains("H1 (block)\n\"Vad är nära vård – och varför"), "\(tree.prefix(600))")
    for question in ["Hur jobbar vi med nära vård", "Vad innebär den gemensamma", "Hur kan jag som medarbetare"] {
      #expect(tree.contains("H2 (block)\n\"\(question)"), "no H2 \(question)")
    }
    #expect(tree.contains("Link"))
    #expect(tree.contains("LI (block)"))
  }

  /// Page 1 as design.md asks of a leaflet read in the hand: body text 11–12 pt, 45–75
  /// characters a line, on a baseline grid shared by both columns; both columns filled;
  /// margins of at least 15 mm on both pages.
  @Test func bodyTextMeasureGridAndFill() throws {
    let doc = try pageTree()
    let mm = 72 / 25.4
    // Lines of the story, joined per column and baseline.
    var lines: [String: (x: Double, y: Double, text: String, size: Double, last: Bool)] = [:]
    var paragraphEnds = Set<String>()
    for node in doc.pages[0].nodes {
      guard case .text(let t) = node, t.id.hasPrefix("text#") else { continue }
      var keys: [String] = []
      for r in t.runs {
        let column = r.origin.x < 105 * mm ? "1" : "2"
        let key = column + "@" + String(format: "%.2f", r.origin.y)
        if lines[key] == nil { lines[key] = (r.origin.x, r.origin.y, "", r.font.size, false); keys.append(key) }
        lines[key]!.text += r.text
      }
      if let last = keys.last { paragraphEnds.insert(last) }
    }
    let body = lines.filter { $0.value.size < 12.1 }
    #expect(body.count > 40)
    for (_, l) in body { #expect(l.size >= 11, "body text below 11 pt: \(l.text)") }
    let measures = body.filter { !paragraphEnds.contains($0.key) }.map { $0.value.text.replacingOccurrences(of: "\u{00AD}", with: "").trimmingCharacters(in: .whitespaces).count }
    let average = Double(measures.reduce(0, +)) / Double(max(1, measures.count))
    #expect((45...75).contains(average), "average line length \(average) characters")
    // One baseline grid: every body baseline in both columns on the same 15 pt grid.
    let top = body.values.map(\.y).min() ?? 0
    for (_, l) in body {
      let steps = (l.y - top) / 15
      #expect(abs(steps - steps.rounded()) < 0.01, "a baseline off the grid: \(l.text) at \(l.y)")
    }
    // Both columns are filled: the second ends in the last eighth of its frame.
    let secondEnd = lines.filter { $0.key.hasPrefix("2@") }.map(\.value.y).max() ?? 0
    #expect(secondEnd > (62 + 220 * 0.875) * mm, "column 2 ends at \(secondEnd / mm) mm")
    // Margins: text keeps 15 mm from the trim on both pages.
    for (p, page) in doc.pages.enumerated() {
      for box in PageInspection.textBoxes(page) {
        #expect(box.minX >= 15 * mm - 0.5 && box.maxX <= 195 * mm + 0.5 && box.maxY <= 282 * mm + 0.5,
                "page \(p + 1): text within 15 mm of the edge: \(box.text) \(box.minX / mm)–\(box.maxX / mm) × \(box.maxY / mm) mm")
      }
    }
  }

  @Test func pageTwoIsThePosterComponentPlacedForA4() throws {
    let doc = try pageTree()
    let dump = doc.dump()
    let page2 = try #require(dump.components(separatedBy: "page 2 ").last)
    // A3 → A4 at 0.66: body text 13.2 pt, 15 mm margins, the bands still in the bleed.
    #expect(page2.contains("group [0.66 0 0 0.66 "), "\(page2.prefix(300))")
    #expect(page2.contains("text malbild.titel#1 H1"))
    #expect(page2.contains("\"Framtidens Värmland\""))
  }

  @Test func readableInBlackAndWhite() throws {
    let doc = try pageTree()
    for page in doc.pages {
      for (run, background) in ContrastTests().textOverBackgrounds(page) {
        let ratio = Colour.contrast(run.colour.greyscale, background.greyscale)
        #expect(ratio >= 4.5, "greyscale contrast \(ratio) for “\(run.text)”")
      }
    }
  }

  @Test func sameBytesTwice() throws {
    let (a, _) = try render("a.pdf")
    let (b, _) = try render("b.pdf")
    #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
  }
}

/// A story longer than its frames is named, with its last frame, page and how much is left.
@Suite struct OverflowTests {
  func layout(strict: Bool) throws -> (String, Pipeline, RenderOptions) {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let words = Array(repeating: "Omställningen till en god och nära vård pågår i hela länet.", count: 40).joined(separator: " ")
    try """
      document: { size: A5 }
      theme: theme.yaml
      stories:
        lång:
          style: brödtext
          content: |
            \(words)
      pages:
        - items:
            - text: { story: lång, id: första, at: [15mm, 15mm], size: [55mm, 60mm] }
            - text: { story: lång, id: andra, at: [78mm, 15mm], size: [55mm, 60mm] }
      """.write(toFile: dir + "/lang.yaml", atomically: true, encoding: .utf8)
    var options = RenderOptions()
    options.strict = strict
    return (dir + "/lang.yaml", try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf"), options)
  }

  @Test func overflowIsAWarningNamingTheFrame() throws {
    let (path, pipeline, options) = try layout(strict: false)
    let report = try pipeline.render(path, to: (path as NSString).deletingLastPathComponent + "/lang.pdf", options: options)
    let warning = try #require(report.warnings.first { $0.message.contains("does not fit") })
    #expect(warning.message.hasPrefix("story `lång` does not fit: "))
    #expect(warning.message.contains("left over after frame `andra` on page 1"))
    #expect(warning.message.range(of: #"\d+ lines \(\d+(\.\d+)? mm\)"#, options: .regularExpression) != nil, "\(warning.message)")
    #expect(warning.location?.line == 11)
  }

  @Test func strictMakesItAnErrorAndWritesNothing() throws {
    let (path, pipeline, options) = try layout(strict: true)
    let out = (path as NSString).deletingLastPathComponent + "/lang.pdf"
    #expect(throws: DiagnosticsError.self) { try pipeline.render(path, to: out, options: options) }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
