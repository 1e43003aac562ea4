import Foundation
import NaraCairo
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Images, shapes, pages and print options, rendered for real.
@Suite(.serialized) struct FeatureTests {
  static let layout = """
    document:
      size: A5
      margins: 12mm
      bleed: 3mm
      title: Provsida
    theme: theme.yaml
    pages:
      - background: ljusskog
        items:
          - image: foto.jpg
            at: [12mm, 12mm]
            width: 60mm
            alt: En grön och gul yta
          - image: prick.png
            at: [80mm, 12mm]
            width: 20mm
            alt: ""
          - image: ikon.svg
            at: [110mm, 12mm]
            width: 20mm
            tint: sjö
            alt: ""
          - group:
              at: [20mm, 80mm]
              rotate: 10deg
              items:
                - bubble: { size: [60mm, 25mm], fill: vit, radius: 4mm, tail: { side: bottom, position: 20%, width: 6mm, length: 5mm } }
                - text: Hej då
                  at: [5mm, 5mm]
                  width: 50mm
          - arrow: { from: [20mm, 140mm], to: [120mm, 140mm], stroke: { colour: sjö, width: 2mm } }
          - path: "M 0 0 L 10 0 L 10 10 Z"
            unit: mm
            at: [20mm, 150mm]
            fill: sol
      - items:
          - text: Sida två
    """

  func write(_ dir: String) throws -> String {
    for f in ["foto.jpg", "prick.png"] {
      try FileManager.default.copyItem(atPath: repoRoot + "/Tests/IntegrationTests/Fixtures/" + f, toPath: dir + "/" + f)
    }
    try FileManager.default.copyItem(atPath: repoRoot + "/assets/ikoner/respekt.svg", toPath: dir + "/ikon.svg")
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try Self.layout.write(toFile: dir + "/prov.yaml", atomically: true, encoding: .utf8)
    return dir + "/prov.yaml"
  }

  @Test func jpegIsEmbeddedAsJPEGAndPagesCount() throws {
    let dir = try tempDirectory()
    let layout = try write(dir)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let report = try pipeline.render(layout, to: dir + "/prov.pdf", options: RenderOptions())
    #expect(report.pageCount == 2)
    let images = try run("pdfimages", ["-list", dir + "/prov.pdf"]).out
    #expect(images.contains(" jpeg "), "the JPEG was re-encoded:\n\(images)")
    #expect(images.split(separator: "\n").count >= 4, "expected the JPEG and the PNG:\n\(images)")
    let info = try run("pdfinfo", [dir + "/prov.pdf"]).out
    #expect(info.contains("Pages:           2"))
    #expect(info.contains("Page size:       419.528 x 595.276 pts"), "\(info)")
    #expect(try pdfText(dir + "/prov.pdf").contains("Hej då Sida två"))
  }

  @Test func bleedAndCropMarksEnlargeTheMedia() throws {
    let dir = try tempDirectory()
    let layout = try write(dir)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var options = RenderOptions()
    options.bleed = true
    _ = try pipeline.render(layout, to: dir + "/bleed.pdf", options: options)
    // A5 plus 3 mm on every side: 154 × 216 mm.
    #expect(try run("pdfinfo", [dir + "/bleed.pdf"]).out.contains("Page size:       436.535 x 612.283 pts"))
    options.cropMarks = true
    _ = try pipeline.render(layout, to: dir + "/marks.pdf", options: options)
    // Plus 8 mm of slug for the marks: 170 × 232 mm.
    #expect(try run("pdfinfo", [dir + "/marks.pdf"]).out.contains("Page size:       481.89 x 657.638 pts"))
  }

  @Test func severalPagesGiveNumberedPNGs() throws {
    let dir = try tempDirectory()
    let layout = try write(dir)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var options = RenderOptions()
    options.format = .png
    options.dpi = 30
    let report = try pipeline.render(layout, to: dir + "/prov.png", options: options)
    #expect(report.files == [dir + "/prov-1.png", dir + "/prov-2.png"])
    let first = try PNGPixels(contentsOf: dir + "/prov-1.png")
    #expect(first.width == 175 && first.height == 248)
    // The page background (ljusskog #e3efe9) fills page 1; page 2 stays white.
    #expect(Array(first.rgba[0..<3]) == [0xe3, 0xef, 0xe9])
    let second = try PNGPixels(contentsOf: dir + "/prov-2.png")
    #expect(Array(second.rgba[0..<3]) == [255, 255, 255])
    // The SVG icon is drawn in its tint (sjö #2b5f8a) somewhere in its box.
    let x0 = Int(110.0 / 25.4 * 30), y0 = Int(12.0 / 25.4 * 30), size = Int(20.0 / 25.4 * 30)
    var tinted = false
    for y in y0..<(y0 + size) { for x in x0..<(x0 + size) {
      let i = (y * first.width + x) * 4
      if abs(Int(first.rgba[i]) - 0x2b) < 12 && abs(Int(first.rgba[i + 1]) - 0x5f) < 12 && abs(Int(first.rgba[i + 2]) - 0x8a) < 12 { tinted = true }
    } }
    #expect(tinted)
  }

  @Test func rotationAndRolesInThePageTree() throws {
    let dir = try tempDirectory()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(try write(dir)).document).document
    let dump = doc.dump()
    // rotate: 10deg → cos 10° = 0.98, sin 10° = 0.17
    #expect(dump.contains("group [0.98 0.17 -0.17 0.98"), "\(dump)")
    #expect(dump.contains("image foto.jpg") && dump.contains("Figure alt=\"En grön och gul yta\""))
    #expect(dump.contains("image prick.png") && dump.contains("Artifact"))
  }
}

/// WCAG AA: every text on the poster has at least 4.5:1 contrast against what lies beneath it.
@Suite struct ContrastTests {
  @Test func posterTextContrastIsAtLeastAA() throws {
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(repoRoot + "/layouts/malbild-poster.yaml").document).document
    var checked = 0
    for page in doc.pages {
      for (run, background) in textOverBackgrounds(page) {
        let ratio = Colour.contrast(run.colour, background)
        #expect(ratio >= 4.5, "contrast \(ratio) for “\(run.text)” (\(run.colour.hex) on \(background.hex))")
        checked += 1
      }
    }
    #expect(checked > 30)
  }

  /// Each glyph run with the colour beneath it (the library's preflight inspection).
  func textOverBackgrounds(_ page: RenderedPage) -> [(GlyphRun, Colour)] {
    PageInspection.textOverBackgrounds(page).map { ($0.run, $0.background) }
  }
}
