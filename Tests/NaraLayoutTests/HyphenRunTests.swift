@testable import NaraLayout
import NaraPageTree
import Testing

/// At most two hyphenated line ends in a row (typography-sv.md §5), except inside one word
/// longer than any line: its breaks stay, since without them the shaper would split it
/// between letters (and break a word of thousands of letters character by character).
struct HyphenRunTests {
  func paragraph(_ texts: [String]) -> ShapedParagraph {
    ShapedParagraph(lines: texts.map {
      ShapedLine(runs: [], width: 0, ascent: 8, descent: 2, hyphenated: $0.hasSuffix("\u{AD}"), text: $0)
    })
  }

  @Test func aThirdHyphenatedLineInARowIsFound() {
    let p = paragraph(["ett om\u{AD}", "ställ\u{AD}nings ar\u{AD}", "be\u{AD}tet och kom\u{AD}", "muner\u{AD}", "na"])
    let third = p.lines.prefix(3).reduce(0) { $0 + $1.text.utf8.count } - 1
    #expect(LayoutEngine.excessHyphenOffset(in: p, maximumInARow: 2) == third)
  }

  @Test func aWordLongerThanALineKeepsItsBreaks() {
    let piece = String(repeating: "abcdefgh\u{AD}", count: 4)
    let p = paragraph(["Ordet " + piece, piece, piece, piece, "slut."])
    #expect(LayoutEngine.excessHyphenOffset(in: p, maximumInARow: 2) == nil)
    // After it, an ordinary word that makes the run longer still counts.
    let after = paragraph(["Ordet " + piece, piece, piece, "slut och om\u{AD}", "ställ\u{AD}", "ning."])
    let fourth = after.lines.prefix(4).reduce(0) { $0 + $1.text.utf8.count } - 1
    #expect(LayoutEngine.excessHyphenOffset(in: after, maximumInARow: 2) == fourth)
  }
}
