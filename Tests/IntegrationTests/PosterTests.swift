import Foundation
import NaraCairo
import NaraModel
import NaraPipeline
import Testing

/// Every phrase of ../shared/content/malbild.md, the poster's words, exactly.
func malbildPhrases() throws -> [String] {
  let text = try String(contentsOfFile: sharedRoot + "/content/malbild.md", encoding: .utf8)
  var phrases: [String] = []
  var section = ""
  for raw in text.split(separator: "\n") {
    let line = raw.trimmingCharacters(in: .whitespaces)
    if line.hasPrefix("## ") {
      section = String(line.dropFirst(3))
      // Swedish headings are poster words; English ones describe a section.
      let heading = section.components(separatedBy: " (").first!
      if heading.contains("Principer") || heading.contains("färdriktning") { phrases.append(heading) }
      continue
    }
    if line.hasPrefix("- Title: ") || line.hasPrefix("- Subtitle: ") {
      phrases.append(String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces))
    } else if line.hasPrefix("- ") {
      phrases.append(String(line.dropFirst(2)))
    } else if let dot = line.firstIndex(of: "."), Int(line[..<dot]) != nil {
      phrases.append(String(line[line.index(after: dot)...]).trimmingCharacters(in: .whitespaces))
    } else if line.hasPrefix("|"), !line.contains("---") {
      phrases += line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    } else if section.hasPrefix("The goal"), !line.isEmpty {
      phrases.append(line)
    }
  }
  return phrases
}

@Suite(.serialized) struct PosterTests {
  static let layout = repoRoot + "/layouts/malbild-poster.yaml"

  func renderPoster(format: OutputFormat = .pdf, dpi: Double = 150, name: String = "poster.pdf") throws -> (String, RenderReport) {
    let dir = try tempDirectory()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var options = RenderOptions()
    options.format = format
    options.dpi = dpi
    let out = dir + "/" + name
    return (out, try pipeline.render(Self.layout, to: out, options: options))
  }

  @Test func contentHasAllSections() throws {
    let phrases = try malbildPhrases()
    // Title, subtitle, 5 values, 8 shift cells + Från/Till header, 5 principles + heading,
    // journey heading + 5 stations, goal.
    #expect(phrases.count >= 30, "parsed only \(phrases)")
    #expect(phrases.contains("”Jag får rätt hjälp och stöd i rätt tid”"))
    #expect(phrases.contains("Proaktivt och hälsofrämjande arbete"))
  }

  @Test func pdfIsA3WithOnePage() throws {
    let (pdf, report) = try renderPoster()
    #expect(report.pageCount == 1)
    let info = try run("pdfinfo", [pdf]).out
    #expect(info.contains("Page size:       841.89 x 1190.55 pts (A3)"), "\(info)")
    #expect(info.contains("Pages:           1"))
    #expect(info.contains("Title:           Framtidens Värmland – målbild för nära vård"))
  }

  @Test func everyFontIsEmbeddedAndSubset() throws {
    let (pdf, _) = try renderPoster()
    let lines = try run("pdffonts", [pdf]).out.split(separator: "\n").dropFirst(2)
    #expect(!lines.isEmpty)
    for line in lines {
      let cols = line.split(separator: " ", omittingEmptySubsequences: true)
      // name type [type…] encoding emb sub uni id gen
      let emb = cols[cols.count - 5], sub = cols[cols.count - 4]
      #expect(emb == "yes" && sub == "yes", "not embedded and subset: \(line)")
      #expect(line.contains("Noto"), "a font from outside fonts/fonts.conf: \(line)")
    }
  }

  @Test func everyPhraseOfTheContentIsInThePDF() throws {
    let (pdf, _) = try renderPoster()
    let text = try pdfText(pdf, raw: true)
    for phrase in try malbildPhrases() {
      #expect(text.contains(foldSpace(phrase)), "missing from the poster: \(phrase)")
    }
    // Typed straight quotes came out Swedish.
    #expect(!text.contains("\""))
  }

  @Test func textMeetsPosterSizes() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(Self.layout).document).document
    var sizes: [String: Double] = [:]
    let dump = doc.dump()
    for line in dump.split(separator: "\n") where line.contains(" run ") {
      // run x y w=… Family Style SIZE #colour "text"
      let parts = line.split(separator: " ")
      if let hash = parts.firstIndex(where: { $0.hasPrefix("#") }), let size = Double(parts[hash - 1]) {
        let text = line.split(separator: "\"", maxSplits: 1).last.map(String.init) ?? ""
        sizes[text] = size
      }
    }
    #expect(sizes.first { $0.key.hasPrefix("Framtidens") }?.value ?? 0 >= 60, "title below 60 pt")
    for (text, size) in sizes where text.count > 3 { #expect(size >= 14, "text below 14 pt on the A3 poster: \(text) \(size)") }
  }

  @Test func pageTreeMatchesGolden() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(Self.layout).document).document
    // Paths are machine-independent; keep the dump free of the checkout's location.
    try Golden.assertText(doc.dump().replacingOccurrences(of: repoRoot, with: "<repo>"), named: "malbild-poster.tree.txt")
  }

  @Test func smallPNGMatchesGolden() throws {
    let (png, report) = try renderPoster(format: .png, dpi: 24, name: "poster.png")
    #expect(report.files == [png])
    let pixels = try PNGPixels(contentsOf: png)
    #expect(pixels.width == 281 && pixels.height == 397)
    try Golden.assertPNG(pixels, named: "malbild-poster-24dpi.png")
  }

  @Test func sameInputGivesSameBytes() throws {
    let (a, _) = try renderPoster(name: "a.pdf")
    let (b, _) = try renderPoster(name: "b.pdf")
    #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
  }
}
