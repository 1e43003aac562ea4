import Foundation
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Paragraph rules with the real shaper and the real Swedish hyphenation.
@Suite struct TypesettingTests {
  func layout(_ body: String, width: String = "38mm", style: String = "brödtext") throws -> PagedDocument {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let yaml = """
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - text: |
      \(body.split(separator: "\n").map { "            " + $0 }.joined(separator: "\n"))
              width: \(width)
              style: \(style)
      """
    try yaml.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    return try pipeline.layout(try pipeline.load(dir + "/t.yaml").document).document
  }

  /// The text of each line (runs on one baseline joined), in order.
  func lines(_ doc: PagedDocument) -> [String] {
    var out: [(Double, String)] = []
    func visit(_ nodes: [Node]) {
      for n in nodes {
        if case .text(let t) = n {
          for r in t.runs {
            if let i = out.firstIndex(where: { abs($0.0 - r.origin.y) < 0.01 }) { out[i].1 += r.text } else { out.append((r.origin.y, r.text)) }
          }
        }
        if case .group(let g) = n { visit(g.children) }
      }
    }
    visit(doc.pages[0].nodes)
    return out.sorted { $0.0 < $1.0 }.map(\.1)
  }

  @Test func atMostTwoHyphenatedLinesInARow() throws {
    let text = "Omställningsarbetet kompetensförsörjningen samverkansöverenskommelserna hälsofrämjande förutsättningar befolkningsstrukturen arbetsplatsträffarna organisationsförändringarna"
    let result = lines(try layout(text))
    #expect(result.count >= 6)
    var run = 0
    for line in result {
      run = line.hasSuffix("\u{00AD}") ? run + 1 : 0
      #expect(run <= 2, "three hyphenated lines in a row: \(result)")
    }
    #expect(result.contains { $0.hasSuffix("\u{00AD}") }, "expected some hyphenation at 38 mm: \(result)")
  }

  @Test func shortLastWordNeverStandsAlone() throws {
    let result = lines(try layout("Vi bygger relationer med varandra och tar hand om oss", width: "60mm"))
    let last = try #require(result.last)
    #expect(last.split(separator: " ").count >= 2 || last.contains("\u{00A0}"), "lonely last word: \(result)")
  }

  /// A word marked with a style that says `hyphenate: false` keeps whole; the same word
  /// unmarked gets its break points.
  @Test func wordsMarkedAsNamesAreNeverHyphenated() throws {
    let result = lines(try layout("[samverkansplattformen]{namn} och samverkansplattformen", width: "160mm"))
    let text = result.joined()
    #expect(text.hasPrefix("samverkansplattformen och "), "the marked word kept whole: \(result)")
    #expect(text.contains("sam\u{00AD}") || text.contains("samverkans\u{00AD}"), "the unmarked word has break points: \(result)")
  }

  /// Each language its own patterns (English from Debian's hyphen-en-us), none where Debian
  /// has none (Finnish): never the Swedish ones for other languages.
  @Test func hyphenationFollowsTheLanguage() throws {
    func setText(_ text: String, lang: String) throws -> String {
      let dir = try tempDirectory()
      try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
      try """
        document: { size: A4, lang: \(lang) }
        theme: theme.yaml
        pages:
          - items:
              - text: "\(text)"
                width: 30mm
        """.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
      let p = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
      return try p.layout(try p.load(dir + "/t.yaml").document).document.dump()
    }
    let english = try setText("The transition concerns organisations everywhere", lang: "en")
    #expect(english.contains("tran\\u{AD}si") || english.contains("or\\u{AD}gan"), "\(english)")
    let finnish = try setText("Lähipalveluiden kehittäminen organisaatioissa", lang: "fi")
    #expect(!finnish.contains("\\u{AD}"), "Finnish got break points: \(finnish)")
  }

  @Test func headingsAreNeverHyphenated() throws {
    let result = lines(try layout("# Omställningsarbetet kompetensförsörjningen", width: "50mm"))
    #expect(!result.contains { $0.contains("\u{00AD}") }, "\(result)")
  }

  @Test func swedishTypographyReachesThePage() throws {
    let result = lines(try layout("\"Nära vård\" - det gäller 10000 invånare, 50% av dem kl. 13.30", width: "160mm"))
    let text = result.joined()
    #expect(text.contains("”Nära vård”"))
    #expect(text.contains("\u{00A0}– det"))
    #expect(text.contains("10\u{00A0}000"))
    #expect(text.contains("50\u{00A0}%"))
    #expect(text.contains("kl.\u{00A0}13.30"))
  }
}
