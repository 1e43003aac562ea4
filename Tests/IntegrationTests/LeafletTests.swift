import Foundation
import NaraModel
import NaraPageTree
import NaraPipeline
import Testing

/// The body paragraphs and headings of ../shared/content/leaflet.md, in order.
func leafletPhrases() throws -> [String] {
  let text = try String(contentsOfFile: sharedRoot + "/content/leaflet.md", encoding: .utf8)
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
    for question in ["Hur jobbar vi med nära vård i Värmland?", "Vad innebär den gemensamma", "Hur kan jag som medarbetare och chef"] {
      #expect(tree.contains("H2 (block)\n\"\(question)"), "no H2 \(question)")
    }
    #expect(tree.contains("Link"))
    #expect(tree.contains("LI (block)"))
  }

  @Test func bodyTextMeasureAndSize() throws {
    let doc = try pageTree()
    // Lines of the story, joined per baseline; the last line of each paragraph does not count.
    var paragraphs: [String: [(Double, String, Double)]] = [:]
    var order: [String] = []
    for node in doc.pages[0].nodes {
      guard case .text(let t) = node, t.id.hasPrefix("text#") else { continue }
      let key = t.id + "@\(t.runs.first?.origin.x ?? 0)"
      if paragraphs[key] == nil { order.append(key) }
      for r in t.runs {
        var lines = paragraphs[key] ?? []
        if let i = lines.firstIndex(where: { abs($0.0 - r.origin.y) < 0.01 }) { lines[i].1 += r.text } else { lines.append((r.origin.y, r.text, r.font.size)) }
        paragraphs[key] = lines
      }
    }
    var lengths: [Int] = []
    for key in order {
      let lines = paragraphs[key]!.sorted { $0.0 < $1.0 }
      for line in lines {
        #expect(line.2 >= 9.5, "body text below 9.5 pt: \(line.1)")
      }
      for line in lines.dropLast() where line.2 < 11 {
        lengths.append(line.1.replacingOccurrences(of: "\u{00AD}", with: "").trimmingCharacters(in: .whitespaces).count)
      }
    }
    let average = Double(lengths.reduce(0, +)) / Double(max(1, lengths.count))
    #expect(lengths.count > 25)
    #expect((55...75).contains(average), "average line length \(average) characters")
  }

  @Test func pageTwoIsThePosterComponentScaled() throws {
    let doc = try pageTree()
    let dump = doc.dump()
    let page2 = try #require(dump.components(separatedBy: "page 2 ").last)
    // A3 → A4: 210/297 = 297/420 = 0.7071
    #expect(page2.contains("group [0.71 0 0 0.71 0 0]"), "\(page2.prefix(300))")
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
