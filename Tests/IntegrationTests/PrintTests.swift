import Foundation
import NaraCairo
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// `render --print`: a PDF/X-4 file in CMYK, read back as a prepress tool would (ISO 15930-7).
@Suite struct PrintTests {
  /// One pipeline per test (a pipeline belongs to one thread).
  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  func render(_ layout: String, print: PrintRequest? = PrintRequest(), variables: [String: String] = [:],
              format: OutputFormat = .pdf, proof: Bool = false, name: String = "out.pdf") throws -> String {
    let dir = try tempDirectory()
    var options = RenderOptions()
    options.print = print
    options.variables = variables
    options.format = format
    options.proof = proof
    options.dpi = 20
    let out = dir + "/" + name
    _ = try pipeline().render(layout, to: out, options: options)
    return out
  }

  /// The PDF with every stream uncompressed, as text (qpdf's QDF form).
  func uncompressed(_ pdf: String) throws -> String {
    let qdf = pdf + ".qdf"
    let r = try run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf])
    #expect(r.status == 0 || r.status == 3, "qpdf: \(r.err)")
    return String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
  }

  /// Every match of a pattern for an operator with its operands.
  func operators(in text: String, _ pattern: String) -> [String] {
    guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
  }

  /// `pdfinfo -box` values for page 1: name → [llx, lly, urx, ury].
  func boxes(_ pdf: String, page: Int = 1) throws -> [String: [Double]] {
    let r = try run("pdfinfo", ["-box", "-f", "\(page)", "-l", "\(page)", pdf])
    var out: [String: [Double]] = [:]
    for line in r.out.split(separator: "\n") {
      let parts = line.split(separator: " ", omittingEmptySubsequences: true)
      guard let i = parts.firstIndex(where: { $0.hasSuffix("Box:") }), parts.count >= i + 5 else { continue }
      out[String(parts[i].dropLast())] = parts[(i + 1)...(i + 4)].compactMap { Double($0) }
    }
    return out
  }

  static let mm = 72 / 25.4

  @Test func thePosterHasTrimBleedAndMediaBoxes() throws {
    let pdf = try render(repoRoot + "/layouts/malbild-poster.yaml")
    let b = try boxes(pdf)
    let slug = 10 * Self.mm, bleed = 3 * Self.mm
    let trim = try #require(b["TrimBox"]), bleedBox = try #require(b["BleedBox"]), media = try #require(b["MediaBox"])
    #expect(abs(trim[2] - trim[0] - 297 * Self.mm) < 0.05 && abs(trim[3] - trim[1] - 420 * Self.mm) < 0.05, "\(trim)")
    #expect(abs(trim[0] - bleedBox[0] - bleed) < 0.05 && abs(bleedBox[2] - trim[2] - bleed) < 0.05, "\(bleedBox) vs \(trim)")
    #expect(abs(bleedBox[0] - media[0] - slug) < 0.05 && abs(media[3] - bleedBox[3] - slug) < 0.05, "\(media)")
  }

  @Test func everyPageOfEveryProductHasItsBoxes() throws {
    for (layout, pages) in [("layouts/vad-ar-nara-vard.yaml", 2), ("layouts/apt-kit", 5)] {
      let pdf = try render(repoRoot + "/" + layout, variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"])
      for page in 1...pages {
        let b = try boxes(pdf, page: page)
        #expect(b["TrimBox"] != nil && b["BleedBox"] != nil, "\(layout) page \(page): \(b)")
        if let t = b["TrimBox"], let bl = b["BleedBox"] {
          #expect(abs(t[2] - t[0] - 210 * Self.mm) < 0.05, "\(layout) page \(page) is A4 at the trim")
          // The leaflet bleeds 3 mm; the kit (an office print) has no bleed of its own.
          let expected = layout.contains("kit") ? 0 : 3 * Self.mm
          #expect(abs(t[0] - bl[0] - expected) < 0.05, "\(layout) page \(page): bleed \((t[0] - bl[0]) / Self.mm) mm")
        }
      }
    }
  }

  @Test func noDeviceRGBAndAnOutputIntentWithACMYKProfile() throws {
    let text = try uncompressed(try render(repoRoot + "/layouts/vad-ar-nara-vard.yaml"))
    #expect(!text.contains("/DeviceRGB"))
    let rgbOperators = operators(in: text, #"(?:[-0-9.]+\s+){3}(rg|RG)\b"#)
    #expect(rgbOperators.isEmpty, "\(rgbOperators.prefix(3))")
    #expect(!operators(in: text, #"(?:[-0-9.]+\s+){4}k\b"#).isEmpty, "colours are set in CMYK")
    #expect(text.contains("/S /GTS_PDFX"))
    #expect(text.contains("/OutputConditionIdentifier (FOGRA39)"))
    #expect(text.contains("/RegistryName (http://www.color.org)"))
    #expect(text.contains("/DestOutputProfile"))
    #expect(text.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"))
    #expect(text.contains("/GTS_PDFXVersion (PDF/X-4)") && text.contains("/Trapped /False"))
    #expect(text.contains("<xmpMM:DocumentID>uuid:") && text.contains("<xmpMM:RenditionClass>default"))
    // Still the accessible PDF: tags, language, alt text.
    #expect(text.contains("/StructTreeRoot") && text.contains("/Lang (sv-SE)") && text.contains("/Alt"))
    // The leaflet's link stays (the tags point at it) but is hidden: nothing to click on paper.
    #expect(text.contains("/Subtype /Link") && text.contains("/F 2"), "the link is hidden")
    // The embedded profile is a CMYK output profile ('prtr', 'CMYK' at bytes 12 and 16).
    let profile = try Data(contentsOf: URL(fileURLWithPath: repoRoot + "/colour/naraprint-coated-fogra39.icc"))
    #expect(String(decoding: profile[12..<16], as: UTF8.self) == "prtr" && String(decoding: profile[16..<20], as: UTF8.self) == "CMYK")
  }

  @Test func smallBlackTextIsBlackInkAlone() throws {
    let text = try uncompressed(try render(repoRoot + "/layouts/apt-kit", variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"]))
    let fills = operators(in: text, #"(?:[-0-9.]+\s+){4}k\b"#).map { $0.split(whereSeparator: \.isWhitespace).dropLast().compactMap { Double($0) } }
    #expect(fills.contains([0, 0, 0, 1]), "body text in 100 % K")
    // No four-colour black anywhere (the marks are in the All separation).
    let richBlack = fills.filter { $0.count == 4 && $0[3] > 0.8 && $0[0] + $0[1] + $0[2] > 0.05 }
    #expect(richBlack.isEmpty, "\(richBlack.prefix(3))")
    #expect(text.contains("/NaraAll CS 1 SCN"), "crop marks in registration colour")
    #expect(text.contains("/Separation") && text.contains("/All"), "the All separation")
  }

  @Test func fontsAreEmbeddedAndGhostscriptReadsItWithoutComplaint() throws {
    let pdf = try render(repoRoot + "/layouts/malbild-poster.yaml", print: { var r = PrintRequest(); r.registrationMarks = true; r.slugLine = true; return r }())
    let fonts = try run("pdffonts", [pdf]).out.split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "\(fonts)")
    let gs = try run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiff32nc", "-r20", "-sOutputFile=" + pdf + ".tif", pdf])
    #expect(gs.status == 0)
    #expect(gs.out.isEmpty && gs.err.isEmpty, "Ghostscript said: \(gs.out) \(gs.err)")
  }

  @Test func aThemeColourGivenInCMYKIsUsedExactly() throws {
    let dir = try tempDirectory()
    try """
      colours:
        sol: { rgb: "#f2a541", cmyk: [0, 40, 80, 0] }
        djup: cmyk(100, 60, 0, 20)
      fonts: { body: Noto Sans }
      styles:
        brödtext: { font: body, size: 10pt, colour: djup }
      default-style: brödtext
      """.write(toFile: dir + "/theme.yaml", atomically: true, encoding: .utf8)
    try """
      document: { size: A6, bleed: 3mm }
      theme: theme.yaml
      pages:
        - items:
            - rect: { at: [-3mm, -3mm], size: [111mm, 30mm], fill: sol }
            - text: Djupblå text
              at: [10mm, 40mm]
      """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
    let text = try uncompressed(try render(dir + "/p.yaml"))
    #expect(text.contains("0 0.4 0.8 0 k"), "the theme's CMYK for sol")
    #expect(text.contains("1 0.6 0 0.2 k"), "the theme's CMYK for djup")
  }

  /// An SVG with a gradient (Cairo writes an RGB shading with stitched functions): the
  /// gradient runs between CMYK colours.
  @Test func aGradientIsConvertedToo() throws {
    let dir = try tempDirectory()
    try """
      <svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
        <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#f2a541"/><stop offset="0.5" stop-color="#ffffff"/><stop offset="1" stop-color="#1f5c4a"/></linearGradient></defs>
        <rect width="100" height="50" fill="url(#g)"/>
      </svg>
      """.write(toFile: dir + "/grad.svg", atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A6 }
      theme: theme.yaml
      pages:
        - items:
            - image: grad.svg
              at: [10mm, 10mm]
              width: 80mm
              alt: En övergång från orange till grönt
      """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
    let text = try uncompressed(try render(dir + "/p.yaml"))
    #expect(!text.contains("/DeviceRGB"))
    #expect(text.contains("/ShadingType 2"))
    // The white stop is paper: no ink.
    #expect(text.contains("/C1 [\n    0\n    0\n    0\n    0\n  ]") || text.contains("/C0 [\n    0\n    0\n    0\n    0\n  ]"), "a stop in 0 0 0 0")
  }

  @Test func theScreenPDFStaysRGBWithoutAnOutputIntent() throws {
    let text = try uncompressed(try render(repoRoot + "/layouts/malbild-poster.yaml", print: nil))
    #expect(!text.contains("/OutputIntents") && !text.contains("GTS_PDFX") && !text.contains("/TrimBox"))
  }

  /// A CMYK JPEG (Adobe APP14, inverted, as Photoshop and Pillow write them) shows its true
  /// colours in the screen PDF, the print PDF and PNG.
  @Test func aCMYKJPEGKeepsItsColours() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/Tests/IntegrationTests/Fixtures/cmyk-orange.jpg", toPath: dir + "/bild.jpg")
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: [60mm, 40mm] }
      theme: theme.yaml
      pages:
        - items:
            - image: bild.jpg
              at: [0mm, 0mm]
              size: [60mm, 40mm]
              fit: fill
              alt: En orange yta
      """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
    func centre(_ png: String) throws -> (Int, Int, Int) {
      let pixels = try PNGPixels(contentsOf: png)
      let p = pixels.pixel(x: pixels.width / 2, y: pixels.height / 2)
      return (Int(p.r), Int(p.g), Int(p.b))
    }
    let screen = try render(dir + "/p.yaml", print: nil)
    _ = try run("pdftoppm", ["-r", "20", "-png", "-singlefile", screen, screen])
    let printPDF = try render(dir + "/p.yaml", name: "print.pdf")
    _ = try run("pdftoppm", ["-r", "20", "-png", "-singlefile", printPDF, printPDF])
    let png = try render(dir + "/p.yaml", print: nil, format: .png, name: "bild.png")
    for (what, file) in [("screen PDF", screen + ".png"), ("print PDF", printPDF + ".png"), ("PNG", png)] {
      let (r, g, b) = try centre(file)
      #expect(r > 200 && g > 60 && g < 150 && b < 90, "\(what): \(r), \(g), \(b) is not orange")
    }
  }

  @Test func aSoftProofIsDullerThanTheScreen() throws {
    let plain = try render(repoRoot + "/layouts/malbild-poster.yaml", print: nil, format: .png, name: "p.png")
    let proof = try render(repoRoot + "/layouts/malbild-poster.yaml", print: nil, format: .png, proof: true, name: "proof.png")
    // The sun, top right: #f2a541 on screen; on coated paper a little less saturated.
    let a = try PNGPixels(contentsOf: plain), b = try PNGPixels(contentsOf: proof)
    let x = a.width - 3, y = 2
    let s = a.pixel(x: x, y: y), p = b.pixel(x: x, y: y)
    #expect(s.r == 242 && s.g == 165, "\(s)")
    #expect(p != s, "the proof changed the colour")
    #expect(Int(p.r) - Int(p.b) < Int(s.r) - Int(s.b), "less saturated: \(p) vs \(s)")
  }

  @Test func checkPrintFindsHairlinesBackgroundsShortOfTheBleedAndInk() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A5, bleed: 3mm }
      theme: theme.yaml
      pages:
        - items:
            - rect: { id: band, at: [-1mm, -3mm], size: [150mm, 20mm], fill: skog }
            - line: { id: hårstreck, from: [20mm, 60mm], to: [100mm, 60mm], stroke: { colour: text, width: 0.1pt } }
      """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
    let found = try Preflight.check(dir + "/p.yaml", variables: [:], locale: nil, pipeline: try pipeline(), print: true)
    let messages = found.map(\.message)
    #expect(messages.contains { $0.hasPrefix("page 1: the shape `band` reaches for the start edge but stops short of the 3 mm bleed") }, "\(messages)")
    #expect(messages.contains("page 1: the line `hårstreck` is 0.1 pt wide; a press needs at least 0.25 pt"), "\(messages)")
    #expect(messages.contains { $0.hasPrefix("the most ink any colour takes is") && $0.hasSuffix("of the 330 % FOGRA39 allows") }, "\(messages)")
    let band = try #require(found.first { $0.message.contains("`band`") })
    #expect(band.location?.line == 5)
    // Without --print none of these.
    let plain = try Preflight.check(dir + "/p.yaml", variables: [:], locale: nil, pipeline: try pipeline())
    #expect(!plain.contains { $0.message.contains("bleed") || $0.message.contains("0.25 pt") })
  }
}

struct RGB: Equatable, CustomStringConvertible {
  var r, g, b: UInt8
  var description: String { "(\(r), \(g), \(b))" }
}

extension PNGPixels {
  func pixel(x: Int, y: Int) -> RGB {
    let i = (y * width + x) * 4
    return RGB(r: rgba[i], g: rgba[i + 1], b: rgba[i + 2])
  }
}
