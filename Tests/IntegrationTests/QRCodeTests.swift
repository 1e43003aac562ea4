import Foundation
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// The `qr` item: a QR code drawn as vectors that a scanner reads back.
@Suite struct QRCodeTests {
  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  func layout(_ items: String, in dir: String) throws -> String {
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let path = dir + "/qr.yaml"
    try """
      document: { size: [80mm, 80mm], margins: 5mm }
      theme: theme.yaml
      pages:
        - items:
      \(items)
      """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aScannerReadsTheCodeAndThePDFHasNoImage() throws {
    let dir = try tempDirectory()
    let path = try layout("""
          - qr: "https://regionvarmland.se/naravard?kalla=affisch"
            id: kod
            at: [10mm, 10mm]
            width: 50mm
            alt: QR-kod till regionvarmland.se/naravard
      """, in: dir)
    var options = RenderOptions()
    options.dpi = 200
    options.format = .png
    _ = try pipeline().render(path, to: dir + "/qr.png", options: options)
    let scan = try run("zbarimg", ["-q", "--raw", dir + "/qr.png"])
    #expect(scan.status == 0, "\(scan.err) \(scan.out)")
    #expect(scan.out.trimmingCharacters(in: .whitespacesAndNewlines) == "https://regionvarmland.se/naravard?kalla=affisch")
    // Vectors: the PDF holds no raster image, and the code is one figure with its alt text.
    _ = try pipeline().render(path, to: dir + "/qr.pdf", options: RenderOptions())
    let images = try run("pdfimages", ["-list", dir + "/qr.pdf"])
    #expect(images.out.split(separator: "\n").count == 2, "only the header lines: \(images.out)")
    let qdf = dir + "/qr.qdf"
    _ = try run("qpdf", ["--qdf", "--object-streams=disable", dir + "/qr.pdf", qdf])
    let objects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
    #expect(objects.contains("/Alt (QR-kod till regionvarmland.se/naravard)") || objects.contains("/Alt <"), "the figure has its alt text")
  }

  @Test func badCodesAreExplained() throws {
    let long = String(repeating: "https://regionvarmland.se/naravard/", count: 120)
    // Loading errors: named at their lines.
    let messages = try errors(rendering: """
          - qr: https://regionvarmland.se
            at: [5mm, 5mm]
          - qr: https://regionvarmland.se
            at: [5mm, 5mm]
            width: 20mm
            level: X
          - qr: "\(long)"
            at: [5mm, 5mm]
            width: 20mm
      """)
    #expect(messages.contains("5: a QR code needs a width"), "\(messages)")
    #expect(messages.contains("10: level cannot be `X`"), "\(messages)")
    // Too much text for any QR code: an error at the item.
    let tooLong = try errors(rendering: """
          - qr: "\(long)"
            at: [5mm, 5mm]
            width: 20mm
      """)
    #expect(tooLong.contains { $0.hasPrefix("5: cannot make a QR code of this text: 4200 bytes do not fit") }, "\(tooLong)")
  }

  /// The errors a layout of these items gives, as "line: message"; nothing may be written.
  func errors(rendering items: String) throws -> [String] {
    let dir = try tempDirectory()
    let path = try layout(items, in: dir)
    defer { #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"), "a PDF was written") }
    do {
      _ = try pipeline().render(path, to: dir + "/out.pdf", options: RenderOptions())
      Issue.record("rendered bad QR codes")
      return []
    } catch let e as DiagnosticsError {
      return e.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" }
    }
  }

  @Test func aSmallCodeIsAWarning() throws {
    let dir = try tempDirectory()
    let path = try layout("""
          - qr: https://regionvarmland.se/naravard
            at: [5mm, 5mm]
            width: 8mm
      """, in: dir)
    let report = try pipeline().render(path, to: dir + "/small.pdf", options: RenderOptions())
    #expect(report.warnings.contains { $0.message.hasPrefix("the QR code's modules are 0.22 mm: too small") }, "\(report.warnings)")
  }
}
