import Foundation
@testable import NaraCairo
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Issue 14: a paragraph taller than Pango's 32-bit coordinates.
@Suite struct HugeParagraphTests {
  /// Pango's line positions are 32-bit in 1/1024 pt and wrap past 2 097 152 pt; the shaper
  /// uses each line's own extents, so a very tall paragraph keeps sane line heights.
  @Test func tallParagraphKeepsItsLineHeights() throws {
    let renderer = try CairoRenderer(fontConfig: repoRoot + "/fonts/fonts.conf")
    let text = String(repeating: "1234 ", count: 2_000)
    let p = StyledParagraph(spans: [StyledSpan(text: text, font: FontSpec(family: "Noto Sans", size: 300), colour: Colour(red: 0, green: 0, blue: 0))],
                            alignment: .start, language: "sv", direction: .ltr)
    let shaped = try renderer.shaper.shape(p, width: 20)
    let heights = shaped.lines.map { $0.ascent + $0.descent }
    #expect(heights.reduce(0, +) > 2_200_000, "the paragraph should be taller than Pango's 32-bit range")
    let first = try #require(heights.first)
    #expect(first > 300 && first < 500)
    #expect(heights.allSatisfy { abs($0 - first) < 0.01 }, "\(Set(heights))")
  }

  /// Through the layout: lines never overlap and the overflow figure is the real one.
  @Test func tallFrameOverflowsByTheRightAmount() throws {
    let dir = try tempDirectory()
    let theme = try String(contentsOfFile: repoRoot + "/layouts/theme.yaml", encoding: .utf8)
      .replacingOccurrences(of: "\n  brödtext:", with: "\n  jätte: { font: body, size: 700pt, leading: 1.0, colour: text, hyphenate: false }\n  brödtext:")
    try theme.write(toFile: dir + "/theme.yaml", atomically: true, encoding: .utf8)
    let text = Array(repeating: "1234", count: 800).joined(separator: " ")
    try """
      document:
        size: A5
        margins: 10mm
        lang: sv-SE
      theme: theme.yaml
      pages:
        - items:
            - text: "\(text)"
              style: jätte
              at: [10mm, 10mm]
              width: 20mm
              height: 50mm
      """.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let result = try pipeline.layout(try pipeline.load(dir + "/t.yaml").document)
    let ys = Hardening.runs(try #require(result.document.pages.first).nodes).map(\.origin.y)
    #expect(ys.count > 3_000)
    #expect(zip(ys, ys.dropFirst()).allSatisfy { abs($1 - $0 - 700) < 0.01 }, "lines must follow each other at the leading")
    // The overflow: every line's 700 pt less the frame's 50 mm.
    let expectedMM = (Double(ys.count) * 700 - 50 / 25.4 * 72) / 72 * 25.4
    let overflow = try #require(result.diagnostics.first { $0.message.contains("does not fit its frame") }?.message)
    let mm = try #require(overflow.firstMatch(of: /\(([0-9.]+) mm\)/)).1
    #expect(abs(try #require(Double(mm)) - expectedMM) < 1, "\(overflow) vs \(expectedMM) mm")
  }
}
