import NaraLayout
import NaraModel
import NaraPageTree
import Testing

/// Text frames with the fixed-advance shaper: 10 pt text is 5 pt a character, 12 pt a line,
/// the first baseline 9 pt below the frame's top.
@Suite("Layout: text frames")
struct TextTests {
  static let fourWords = "abcdefg hijklmn opqrstu vwxyzab"

  @Test(arguments: [
    (160.0, ["abcdefg hijklmn opqrstu vwxyzab"]),
    (80.0, ["abcdefg hijklmn", "opqrstu vwxyzab"]),
    (40.0, ["abcdefg", "hijklmn", "opqrstu", "vwxyzab"]),
  ])
  func wrapsToLinesAtTheWidth(width: Double, lines: [String]) throws {
    let r = try layOut(page("- text: \(Self.fourWords)\n  at: [0pt, 0pt]\n  width: \(Int(width))pt\n  fill: röd"))
    #expect(r.runs.map(\.text) == lines)
    // One line every leading × size = 12 pt.
    #expect(r.runs.map(\.origin.y) == lines.indices.map { 9 + 12 * Double($0) })
    #expect(r.runs.allSatisfy { $0.origin.x == 0 })
    #expect(r.paths.map(box) == [[0, 0, width, 12 * Double(lines.count)]])
  }

  @Test func softHyphenBreaksWithAHyphen() throws {
    let r = try layOut(page("- text: \"abcdefg\\u00ADhijklmn\"\n  at: [0pt, 0pt]\n  width: 50pt"))
    #expect(r.runs.map(\.text) == ["abcdefg-", "hijklmn"])
    #expect(r.runs.map(\.width) == [40, 35])
  }

  @Test func backslashAtLineEndForcesABreak() throws {
    let r = try layOut(page("- text: |\n    Rad ett\\\n    rad två\n  at: [0pt, 0pt]"))
    #expect(r.runs.map(\.text) == ["Rad ett", "rad\u{00A0}två"])
    #expect(r.runs.map(\.origin.y) == [9, 21])
  }

  @Test func linePitchIsLeadingTimesSize() throws {
    let r = try layOut(page("- text: \(Self.fourWords)\n  at: [0pt, 0pt]\n  width: 40pt\n  style: stor"))
    // 20 pt text at leading 1.5: 30 pt apart, the first baseline (30 − 20) / 2 + 16 down.
    #expect(r.runs.map(\.origin.y) == [21, 51, 81, 111])
    #expect(r.runs.allSatisfy { $0.font.size == 20 })
  }

  @Test func frameOverridesOfTheStyle() throws {
    let r = try layOut(page("- text: Hej\n  at: [0pt, 0pt]\n  font-size: 30pt\n  leading: 40pt\n  weight: bold\n  colour: röd"))
    let run = try #require(r.runs.first)
    #expect(run.font == FontFace(name: "Test Sans Bold", size: 30))
    #expect(run.colour.hex == "#ff0000")
    #expect(run.origin.y == 29)  // (40 − 30) / 2 + 24
  }

  @Test func shaperIsAskedForTheWidthInsideThePadding() throws {
    let r = try layOut(page("- text: Hej\n  at: [0pt, 0pt]\n  width: 100pt\n  padding: [5pt, 10pt]"))
    #expect(r.shaper.requests.map(\.width) == [80])
    #expect(r.runs.map { [$0.origin.x, $0.origin.y] } == [[10, 14]])
  }

  @Test func spaceBeforeAndAfterCollapseToTheLarger() throws {
    let r = try layOut(page("- text: |\n    Första\n\n    Andra\n  at: [0pt, 0pt]\n  style: luft\n  fill: röd"))
    // Not before the first block; between blocks max(4 after, 6 before); not after the last.
    #expect(r.runs.map(\.origin.y) == [9, 27])
    #expect(r.paths.map(box) == [[0, 0, 380, 30]])
  }

  @Test(arguments: [("top", 9.0), ("middle", 33.0), ("bottom", 57.0)])
  func verticalAlignmentInAFixedHeight(valign: String, baseline: Double) throws {
    let r = try layOut(page("- text: Hej\n  at: [0pt, 0pt]\n  size: [200pt, 60pt]\n  valign: \(valign)"))
    #expect(r.runs.map(\.origin.y) == [baseline])
  }

  @Test(arguments: [("start", 0.0), ("center", 92.5), ("end", 185.0)])
  func horizontalAlignmentComesFromTheShaper(align: String, x: Double) throws {
    let r = try layOut(page("- text: Hej\n  at: [0pt, 0pt]\n  width: 200pt\n  align: \(align)"))
    #expect(r.runs.map(\.origin.x) == [x])
  }

  @Test func headingsAndListItems() throws {
    let r = try layOut(page("- text: |\n    # Rubrik\n\n    - ett\n    - två\n  at: [0pt, 0pt]"))
    let texts = flatten(r.nodes).compactMap { if case .text(let t) = $0 { t } else { nil } }
    #expect(texts.map(\.id) == ["p1.1#1", "p1.1#2", "p1.1#3"])
    #expect(texts.map(\.role) == [.heading(1), .listItem, .listItem])
    // The heading: 20 pt at leading 1.0, baseline 16. Items: a marker hanging in the 10 pt
    // list indent, the text after it.
    #expect(texts[0].runs.map { [$0.origin.x, $0.origin.y] } == [[0, 16]])
    #expect(texts[0].runs.first?.font.name == "Test Sans Bold")
    #expect(texts[1].runs.map { [$0.origin.x, $0.origin.y] } == [[0, 29], [10, 29]])
    #expect(texts[1].runs.map(\.text) == ["•", "ett"])
    #expect(texts[2].runs.map(\.origin.y) == [41, 41])
  }

  @Test func linkAndStrongInlinesBecomeSeparateRuns() throws {
    let r = try layOut(page("- text: \"Se **detta** och [mer](https://x.se)\"\n  at: [0pt, 0pt]"))
    // The short last word is tied to the one before with a no-break space.
    #expect(r.runs.map(\.text) == ["Se ", "detta", " och\u{00A0}", "mer"])
    #expect(r.runs.map(\.origin.x) == [0, 15, 40, 65])
    #expect(r.runs.map(\.font.name) == ["Test Sans", "Test Sans Bold", "Test Sans", "Test Sans"])
    #expect(r.runs.last?.link == "https://x.se")
    #expect(r.runs.last?.underline == true)
  }

  // MARK: Overflow

  /// Four lines (48 pt) in a 20 pt frame on page 2.
  static func overflowing(_ policy: String?) -> String {
    let second = "  - items:\n      - text: \(fourWords)\n        id: lång\n        at: [0pt, 0pt]\n        size: [40pt, 20pt]\n"
      + (policy.map { "        overflow: \($0)\n" } ?? "")
    return page("- text: Sida ett") + second
  }

  @Test func overflowIsAWarningNamingTextPageAndLines() throws {
    let r = try layOut(Self.overflowing(nil))
    #expect(r.diagnostics.count == 1)
    let d = try #require(r.diagnostics.first)
    #expect(d.severity == .warning)
    #expect(d.message == "text `lång` does not fit its frame on page 2: 3 lines (9.88 mm) too long")
    #expect(d.location?.line == 9)
    // Nothing is clipped: all four lines are still drawn.
    #expect(r.runs(of: "lång").count == 4)
  }

  @Test func overflowErrorMakesItAnError() throws {
    let r = try layOut(Self.overflowing("error"))
    #expect(r.diagnostics.map(\.severity) == [.error])
    #expect(r.diagnostics.first?.message.contains("`lång`") == true)
  }

  @Test func overflowShrinkFitsTheFrame() throws {
    let r = try layOut(page("- text: \(Self.fourWords)\n  at: [0pt, 0pt]\n  size: [80pt, 20pt]\n  overflow: shrink"))
    #expect(r.diagnostics.map(\.message) == ["text `p1.1` was shrunk to 83 % to fit its frame on page 1"])
    // The layout asked for it: a note, not a warning.
    #expect(r.diagnostics.first?.severity == .note)
    let runs = r.runs
    #expect(runs.count == 2)
    #expect(runs.allSatisfy { $0.font.size < 10 && $0.font.size > 8 })
    // The last line's descent ends inside the 20 pt frame.
    let last = try #require(runs.last)
    #expect(last.origin.y + 0.2 * last.font.size <= 20)
  }

  @Test func shrinkStopsAtTheStylesMinimumSize() throws {
    let r = try layOut(page("- text: \(Self.fourWords)\n  at: [0pt, 0pt]\n  size: [40pt, 12pt]\n  overflow: shrink\n  min-size: 9pt"))
    let sizes = r.runs.map(\.font.size)
    #expect(!sizes.isEmpty)
    #expect(sizes.allSatisfy { $0 >= 9 - 0.001 }, "\(sizes)")
    
    // It still does not fit at the minimum: that is reported too.
    #expect(r.diagnostics.contains { $0.message.contains("does not fit its frame on page 1") })
  }
}
