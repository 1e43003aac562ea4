import Foundation
@testable import NaraCairo
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

@Suite struct LinkTargetTests {
  static let layout = """
    document:
      size: A5
      margins: 10mm
      lang: sv-SE
      title: Länkar
    theme: theme.yaml
    pages:
      - items:
          - text: |
              Se [ett](https://example.org/1), [två](https://example.org/2), [tre](https://example.org/3) och [fyra](https://example.org/sök?q='x'&r=ä).
            at: [10mm, 10mm]
            width: 120mm
    """

  /// The /URI of every link annotation, as qpdf reads them.
  func uris(_ pdf: String) throws -> [String] {
    let q = try QPDFJSON(pdf)
    return q.dictionaries.filter { $0["/Subtype"] as? String == "/Link" }
      .compactMap { q.dict($0["/A"])?["/URI"] as? String }.map { String($0.dropFirst(2)) }.sorted()
  }

  func qpdfCheck(_ pdf: String) throws {
    let r = try run("qpdf", ["--check", pdf])
    #expect(r.status == 0, "qpdf --check: \(r.out) \(r.err)")
    #expect(!(r.out + r.err).lowercased().contains("warning"), "\(r.out) \(r.err)")
  }

  /// Any URL ends up as the link target: what Cairo or the PDF string would mangle is
  /// percent-encoded, nothing is added.
  @Test func everyURLBecomesTheTarget() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try Self.layout.write(toFile: dir + "/l.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    // Through the markup: quotes and a non-ASCII letter.
    _ = try pipeline.render(dir + "/l.yaml", to: dir + "/markup.pdf", options: RenderOptions())
    #expect(try uris(dir + "/markup.pdf").contains("https://example.org/s%C3%B6k?q=%27x%27&r=%C3%A4"))
    try qpdfCheck(dir + "/markup.pdf")
    // Straight into the page tree: what the markup cannot write (parentheses) or the loader
    // would refuse.
    var doc = try pipeline.layout(try pipeline.load(dir + "/l.yaml").document).document
    let targets = [
      "https://example.org/1": "https://example.org/a_(b)?q='x'&r=ä",
      "https://example.org/2": #"https://example.org/x\y z"#,
      "https://example.org/3": "mailto:a@example.org",
    ]
    doc.pages = doc.pages.map { var p = $0; p.nodes = Hardening.mapLinks(p.nodes) { targets[$0] ?? $0 }; return p }
    let renderer = try CairoRenderer(fontConfig: repoRoot + "/fonts/fonts.conf")
    try renderer.writePDF(doc, to: dir + "/direct.pdf", options: PDFOptions(creationDate: Date(timeIntervalSince1970: 0)))
    #expect(try uris(dir + "/direct.pdf") == [
      "https://example.org/a_%28b%29?q=%27x%27&r=%C3%A4",
      "https://example.org/s%C3%B6k?q=%27x%27&r=%C3%A4",
      "https://example.org/x%5Cy%20z",
      "mailto:a@example.org",
    ])
    try qpdfCheck(dir + "/direct.pdf")
  }

  @Test func encodingLeavesURLsAsGiven() {
    #expect(Painter.percentEncodedForPDF("example.org/x") == "example.org/x")
    #expect(Painter.percentEncodedForPDF("https://example.org/%41#frag") == "https://example.org/%41#frag")
    #expect(Painter.linkAttributes("https://e.org/(a)'") == "uri='https://e.org/%28a%29%27'")
  }
}
