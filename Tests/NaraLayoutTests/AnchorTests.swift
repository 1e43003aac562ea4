import Foundation
@testable import NaraLayout
import NaraLoader
import NaraModel
import NaraPageTree
import Testing

// With the fixed-advance shaper (10 pt text: 5 pt a character, 12 pt a line, baseline 9 pt
// below the line's top) on the 400 × 300 pt test page with 20 pt margins.

/// `huvud`, the box other items hang from: 50…150 × 40…70 pt.
private let huvud = "- rect: { id: huvud, at: [50pt, 40pt], size: [100pt, 30pt], fill: svart }"
private let rtl = "size: [400pt, 300pt]\n  margins: 20pt\n  direction: rtl"

/// The fixture with its one `1️⃣` taken out, and the line and column (in Unicode scalars, as
/// libyaml counts) where it stood.
private func marked(_ yaml: String) -> (yaml: String, line: Int, column: Int) {
  guard let r = yaml.range(of: "1️⃣") else { preconditionFailure("no 1️⃣ in the fixture") }
  let before = yaml[..<r.lowerBound]
  let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
  return (yaml.replacingOccurrences(of: "1️⃣", with: ""), lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1)
}

/// Expects exactly one error, with this message, where 1️⃣ stood.
private func expectOneError(_ diagnostics: [Diagnostic], _ message: String, at marker: (line: Int, column: Int), hints: [String]? = nil,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let errors = diagnostics.filter { $0.severity == .error }
  #expect(errors.map(\.message) == [message], sourceLocation: sourceLocation)
  guard let e = errors.first else { return }
  #expect(e.location.map { [$0.line, $0.column] } == [marker.line, marker.column], "\(e)", sourceLocation: sourceLocation)
  #expect(e.location.map { ($0.file as NSString).lastPathComponent } == "layout.yaml", sourceLocation: sourceLocation)
  if let hints { #expect(e.hints == hints, sourceLocation: sourceLocation) }
}

/// What loading (not laying out) the fixture reports.
private func loaderDiagnostics(_ yaml: String) -> [Diagnostic] {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nara-anchor-\(UUID().uuidString)")
  try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  try! Data(layoutTheme.utf8).write(to: dir.appendingPathComponent("theme.yaml"))
  try! Data(yaml.utf8).write(to: dir.appendingPathComponent("layout.yaml"))
  do { return try LayoutLoader().load(path: dir.appendingPathComponent("layout.yaml").path).warnings } catch { return error.diagnostics }
}

@Suite("Layout: anchors to a sibling's box")
struct AnchorBoxTests {
  /// A 20 × 10 pt rect hung from huvud.
  @Test(arguments: [
    ("huvud", [50.0, 70, 20, 10]),
    ("{ to: huvud }", [50, 70, 20, 10]),
    ("{ to: huvud, at: bottom-end, self: top-end }", [130, 70, 20, 10]),
    ("{ to: huvud, at: center, self: center }", [90, 50, 20, 10]),
    ("{ to: huvud, at: top-end, self: top-start }", [150, 40, 20, 10]),
    ("{ to: huvud, at: start, self: end }", [30, 50, 20, 10]),
    ("{ to: huvud, at: top, self: bottom, offset: [0pt, -4pt] }", [90, 26, 20, 10]),
    ("{ to: huvud, at: end, self: start, offset: [5pt, 0pt] }", [155, 50, 20, 10]),
    ("{ to: huvud, at: bottom-right, self: top-right }", [130, 70, 20, 10]),
    ("{ to: huvud, at: bottom, self: top, offset: [1mm, 2mm] }", [92.83, 75.67, 20, 10]),
  ])
  func boxPoints(anchor: String, expected: [Double]) throws {
    let r = try layOut(page(huvud + "\n- rect: { anchor: \(anchor), size: [20pt, 10pt], fill: röd }"))
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.paths.map(box) == [[50, 40, 100, 30], expected])
  }

  /// Right to left, huvud is mirrored to 250…350; its start is its right edge, and an
  /// offset's x runs towards the end (left).
  @Test(arguments: [
    ("huvud", [330.0, 70, 20, 10]),
    ("{ to: huvud, at: top-end, self: top-start }", [230, 40, 20, 10]),
    ("{ to: huvud, at: bottom-start, self: top-start, offset: [5pt, 3pt] }", [325, 73, 20, 10]),
    ("{ to: huvud, at: end, self: start }", [230, 50, 20, 10]),
  ])
  func rightToLeftMirrorsStartAndEnd(anchor: String, expected: [Double]) throws {
    let r = try layOut(page(huvud + "\n- rect: { anchor: \(anchor), size: [20pt, 10pt], fill: röd }", document: rtl))
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.paths.map(box) == [[250, 40, 100, 30], expected])
  }

  /// A free line runs the other way right to left (from its box's right edge); so must one
  /// placed by an anchor.
  @Test func anAnchoredLineIsMirroredRightToLeft() throws {
    let free = try layOut(page("- line: { at: [320pt, 70pt], from: [0pt, 0pt], to: [30pt, 10pt], stroke: svart }", document: rtl))
    let anchored = try layOut(page(huvud + "\n- line: { anchor: huvud, from: [0pt, 0pt], to: [30pt, 10pt], stroke: svart }", document: rtl))
    func ends(_ r: LaidOut) -> [[Double]] {
      flatten(r.nodes).compactMap { n -> [[Double]]? in
        guard case .path(let p) = n, p.fill == nil else { return nil }
        return p.path.commands.compactMap { c -> [Double]? in
          switch c { case .move(let q), .line(let q): [rounded(q.x), rounded(q.y)]; default: nil }
        }
      }.first ?? []
    }
    // Free at x = 320 from the start (right) edge: drawn 50…80, starting at the right.
    #expect(ends(free) == [[80, 70], [50, 80]])
    // Was a bug: placeAnchored does not mirror lines, arrows and paths as placeFree does.
    // Hung from huvud's bottom-start (350, 70) by its own top-start (right) corner.
    #expect(ends(anchored) == [[350, 70], [320, 80]])
  }

  @Test func anAnchoredTextStartsAtTheAnchor() throws {
    let r = try layOut(page(huvud + "\n- text: Hej\n  anchor: { to: huvud, offset: [0pt, 4pt] }"))
    // Top at 70 + 4, baseline 9 below.
    #expect(r.runs.map { [$0.origin.x, $0.origin.y] } == [[50, 83]])
  }

  /// A growing header pushes what hangs from it down.
  @Test(arguments: [("Ett två", 32.0), ("aaaa bbbb cccc dddd eeee", 44), ("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj", 56)])
  func whatHangsFromATextMovesWithItsHeight(header: String, top: Double) throws {
    let r = try layOut(page("""
      - text: \(header)
        id: rubrik
        at: [20pt, 20pt]
        width: 100pt
      - rect: { anchor: rubrik, size: [20pt, 10pt], fill: röd }
      """))
    #expect(r.paths.map(box) == [[20, top, 20, 10]])
  }

  @Test(arguments: [("", [20.0, 70, 100, 210]), (", offset: [0pt, 10pt]", [20, 80, 100, 200])])
  func oneFractionHeightRunsDownToTheBottomMargin(offset: String, expected: [Double]) throws {
    let r = try layOut(page("""
      - rect: { id: huvud, at: [20pt, 20pt], size: [360pt, 50pt], fill: svart }
      - rect: { anchor: { to: huvud\(offset) }, width: 100pt, height: 1fr, fill: röd }
      """))
    #expect(box(r.paths.last) == expected)
  }

  @Test func oneFractionHeightShrinksWhenTheTargetGrows() throws {
    let r = try layOut(page("""
      - rect: { id: huvud, at: [20pt, 20pt], size: [360pt, 80pt], fill: svart }
      - text: Hej
        anchor: huvud
        width: 100pt
        height: 1fr
        fill: röd
      """))
    // The frame's fill: from huvud's bottom (100) to the bottom margin (280).
    #expect(r.paths.map(box) == [[20, 20, 360, 80], [20, 100, 100, 180]])
    #expect(r.runs.map { [$0.origin.x, $0.origin.y] } == [[20, 109]])
  }

  @Test func anchorsInsideAGroupAreRelativeToTheGroup() throws {
    let r = try layOut(page("""
      - group:
          at: [100pt, 100pt]
          items:
            - rect: { id: a, at: [10pt, 10pt], size: [30pt, 20pt], fill: svart }
            - rect: { anchor: { to: a, at: top-end, self: top-start, offset: [2pt, 0pt] }, size: [10pt, 10pt], fill: röd }
      """))
    #expect(r.paths.map(box) == [[110, 110, 30, 20], [142, 110, 10, 10]])
  }

  @Test func aComponentsAnchorsUseItsOwnIds() throws {
    let r = try layOut(page("""
      - use: kort
        id: k1
        at: [10pt, 20pt]
      - use: kort
        id: k2
        at: [200pt, 20pt]
      """, after: """
      components:
        kort:
          size: [100pt, 50pt]
          items:
            - rect: { id: topp, at: [0pt, 0pt], size: [100pt, 20pt], fill: svart }
            - rect: { anchor: topp, size: [30pt, 10pt], fill: röd }
      """))
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.paths.map(box) == [[10, 20, 100, 20], [10, 40, 30, 10], [200, 20, 100, 20], [200, 40, 30, 10]])
  }
}

@Suite("Layout: anchors along a path")
struct AnchorPathTests {
  /// A horizontal road 50…350 at y = 150, its stroke 4 pt wide.
  static let road = "- path: \"M 50pt 150pt L 350pt 150pt\"\n  id: väg\n  stroke: { colour: svart, width: 4pt }"
  /// A vertical road at x = 200 from y = 50 down to 250.
  static let down = "- path: \"M 200pt 50pt L 200pt 250pt\"\n  id: väg\n  stroke: { colour: svart, width: 4pt }"

  func placed(_ road: String, _ anchor: String, document: String = "size: [400pt, 300pt]\n  margins: 20pt") throws -> [Double]? {
    let r = try layOut(page(road + "\n- rect: { anchor: \(anchor), size: [20pt, 10pt], fill: röd }", document: document))
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.paths.count == 2)
    return box(r.paths.last)
  }

  /// The box's nearest edge stands `distance` clear of the stroke (2 pt from its centre).
  @Test(arguments: [
    ("{ to: väg, along: 25%, side: above, distance: 3pt }", [115.0, 135, 20, 10]),
    ("{ to: väg, along: 25%, side: below, distance: 3pt }", [115, 155, 20, 10]),
    ("{ to: väg, along: 25% }", [115, 138, 20, 10]),
    ("{ to: väg, along: 0%, side: below }", [40, 152, 20, 10]),
    ("{ to: väg, along: 100%, side: above, distance: 1mm }", [340, 135.17, 20, 10]),
    ("{ to: väg, along: 50%, side: above, distance: 3pt, offset: [4pt, -1pt] }", [194, 134, 20, 10]),
  ])
  func besideAStraightPath(anchor: String, expected: [Double]) throws {
    #expect(try placed(Self.road, anchor) == expected)
  }

  @Test(arguments: [
    ("{ to: väg, along: 50%, side: start, distance: 3pt }", [175.0, 145, 20, 10]),
    ("{ to: väg, along: 50%, side: end, distance: 3pt }", [205, 145, 20, 10]),
  ])
  func besideAVerticalPath(anchor: String, expected: [Double]) throws {
    #expect(try placed(Self.down, anchor) == expected)
  }

  /// Right to left the road at x = 100 is drawn at x = 300, and its start side is the right.
  @Test(arguments: [
    ("{ to: väg, along: 50%, side: start, distance: 3pt }", [305.0, 145, 20, 10]),
    ("{ to: väg, along: 50%, side: end, distance: 3pt }", [275, 145, 20, 10]),
  ])
  func besideAPathRightToLeft(anchor: String, expected: [Double]) throws {
    let road = "- path: \"M 100pt 50pt L 100pt 250pt\"\n  id: väg\n  stroke: { colour: svart, width: 4pt }"
    #expect(try placed(road, anchor, document: rtl) == expected)
  }

  /// `self:` puts that point of the item on the path, stroke or not.
  @Test(arguments: [
    ("{ to: väg, along: 50%, self: bottom }", [190.0, 140, 20, 10]),
    ("{ to: väg, along: 50%, self: center }", [190, 145, 20, 10]),
    ("{ to: väg, along: 50%, self: top-start, offset: [0pt, -2pt] }", [200, 148, 20, 10]),
  ])
  func selfPointOnThePath(anchor: String, expected: [Double]) throws {
    #expect(try placed(Self.road, anchor) == expected)
  }

  @Test func alongMeasuresTheDrawnPathMovedByAt() throws {
    let moved = Self.road.replacingOccurrences(of: "id: väg", with: "id: väg\n  at: [10pt, 20pt]")
    #expect(try placed(moved, "{ to: väg, along: 25%, side: above, distance: 3pt }") == [125, 155, 20, 10])
  }

  @Test func aLineIsAPathToo() throws {
    let line = "- line: { id: väg, from: [50pt, 150pt], to: [350pt, 150pt], stroke: { colour: svart, width: 4pt } }"
    #expect(try placed(line, "{ to: väg, along: 25%, side: below, distance: 3pt }") == [115, 155, 20, 10])
  }

  /// A see-through road is still a road (drawn in a group for its opacity).
  @Test func aTranslucentPathCanBeMeasuredAlong() throws {
    let r = try layOut(page(Self.road + "\n  opacity: 0.5\n- rect: { anchor: { to: väg, along: 25%, side: above, distance: 3pt }, size: [20pt, 10pt], fill: röd }"))
    // Was a bug: PlacedSiblings.record only sees a path when the item's first node is one; opacity, rotate, scale or alt wrap it in a group.
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    #expect(r.paths.count == 2)
    #expect(box(r.paths.last) == [115, 135, 20, 10])
  }

  /// Half way along a symmetric curve is its top: (200, 125) for this arch.
  @Test func alongACurveIsMeasuredAlongItsLength() throws {
    let arch = "- path: \"M 0pt 200pt C 0pt 100pt, 400pt 100pt, 400pt 200pt\"\n  id: väg\n  stroke: { colour: svart, width: 4pt }"
    #expect(try placed(arch, "{ to: väg, along: 50%, self: center }") == [190, 120, 20, 10])
  }
}

@Suite("Layout: anchor errors")
struct AnchorErrorTests {
  @Test func anUnknownTargetIsAnErrorAtItsName() throws {
    let m = marked(page(huvud + "\n- rect: { anchor: { to: 1️⃣saknas }, size: [20pt, 10pt], fill: röd }"))
    let r = try layOut(m.yaml)
    expectOneError(r.diagnostics, "`p1.2` is anchored to `saknas`, which is not an item placed before it on the same page or in the same group",
                   at: (m.line, m.column),
                   hints: ["items placed before it here: `huvud`", "an anchor can only name an earlier sibling: move the item after its target"])
    // The item is left out, not put somewhere.
    #expect(r.paths.count == 1)
  }

  @Test func aLaterTargetIsAnError() throws {
    let m = marked(page("- rect: { anchor: 1️⃣huvud, size: [20pt, 10pt], fill: röd }\n" + huvud))
    let r = try layOut(m.yaml)
    expectOneError(r.diagnostics, "`p1.1` is anchored to `huvud`, which is not an item placed before it on the same page or in the same group",
                   at: (m.line, m.column),
                   hints: ["place the target first, in the same `items:` list", "an anchor can only name an earlier sibling: move the item after its target"])
    #expect(r.paths.map(box) == [[50, 40, 100, 30]])
  }

  @Test func aTargetInsideAnotherGroupIsNotASibling() throws {
    let m = marked(page("""
      - group:
          at: [0pt, 0pt]
          items:
            - rect: { id: huvud, at: [50pt, 40pt], size: [100pt, 30pt], fill: svart }
      - rect: { anchor: 1️⃣huvud, size: [20pt, 10pt], fill: röd }
      """))
    let r = try layOut(m.yaml)
    expectOneError(r.diagnostics, "`p1.2` is anchored to `huvud`, which is not an item placed before it on the same page or in the same group",
                   at: (m.line, m.column))
  }

  @Test func alongNeedsAPath() throws {
    let m = marked(page("- text: Hej\n  id: rubrik\n  at: [50pt, 40pt]\n- rect: { anchor: { to: 1️⃣rubrik, along: 50% }, size: [20pt, 10pt], fill: röd }"))
    let r = try layOut(m.yaml)
    expectOneError(r.diagnostics, "`along:` needs a path, line or arrow to measure along, and `rubrik` is not one", at: (m.line, m.column),
                   hints: ["anchor to the path's id, or remove `along:` to anchor to the item's box"])
    #expect(r.paths.isEmpty)
  }

  /// A rect is drawn as a path, but it is not a path, line or arrow to measure along.
  @Test func alongARectIsAnErrorToo() throws {
    let m = marked(page(huvud + "\n- rect: { anchor: { to: 1️⃣huvud, along: 50% }, size: [20pt, 10pt], fill: röd }"))
    let r = try layOut(m.yaml)
    // Was a bug: PlacedSiblings.record keeps the outline of any item whose first node is a path (rect, ellipse, filled text frame).
    expectOneError(r.diagnostics, "`along:` needs a path, line or arrow to measure along, and `huvud` is not one", at: (m.line, m.column))
    #expect(r.paths.map(box) == [[50, 40, 100, 30]], "only the rect: the anchored item is not placed")
  }

  @Test(arguments: [
    ("""
      - stack:
          at: [20pt, 20pt]
          items:
            - text: Hej
            - text: Då
              anchor: 1️⃣p1.1.1
      """, "items in a stack, row or grid are placed by it; `anchor` has no effect here"),
    ("- rect: { id: b, at: 1️⃣[0pt, 0pt], anchor: huvud, size: [20pt, 10pt], fill: röd }",
     "an item goes either `at` a point or by its `anchor`, not both"),
    ("- rect: { anchor: { to: huvud, along: 1️⃣120% }, size: [20pt, 10pt], fill: röd }",
     "along must be a share of the path's length, from 0% to 100%, not `120%`"),
    ("- rect: { anchor: { to: huvud, along: 1️⃣halfway }, size: [20pt, 10pt], fill: röd }",
     "along must be a share of the path's length, from 0% to 100%, not `halfway`"),
    ("- rect: { anchor: { to: huvud, side: 1️⃣below }, size: [20pt, 10pt], fill: röd }",
     "`side` and `distance` place an item beside a path; add `along:`"),
    ("- rect: { anchor: { to: huvud, along: 50%, at: 1️⃣top }, size: [20pt, 10pt], fill: röd }",
     "`at` names a point of an item's box; along a path use `self` (or `side`)"),
    ("- rect: { anchor: 1️⃣{ at: top }, size: [20pt, 10pt], fill: röd }",
     "an anchor needs `to:`, the id of the item it hangs from"),
    ("- rect: { anchor: { to: huvud, at: 1️⃣top-middle }, size: [20pt, 10pt], fill: röd }",
     "anchor point cannot be `top-middle`"),
    ("- rect: { anchor: { to: huvud, along: 50%, side: 1️⃣upwards }, size: [20pt, 10pt], fill: röd }",
     "side cannot be `upwards`"),
  ])
  func loaderErrors(fixture: String, message: String) {
    let m = marked(page(huvud + "\n" + fixture))
    expectOneError(loaderDiagnostics(m.yaml), message, at: (m.line, m.column))
  }

  @Test func anchorShorthandInAStackIsRejectedToo() {
    let m = marked(page("""
      - row:
          items:
            - rect: { id: a, size: [20pt, 10pt], fill: svart }
            - rect: { anchor: 1️⃣a, size: [20pt, 10pt], fill: svart }
      """))
    expectOneError(loaderDiagnostics(m.yaml), "items in a stack, row or grid are placed by it; `anchor` has no effect here",
                   at: (m.line, m.column), hints: ["anchor the stack, row or grid itself, or wrap the items in a `group`"])
  }
}

@Suite("Layout: max-lines")
struct MaxLinesTests {
  /// Nine words of four letters: three lines at 100 pt (19 + 14 + 9 characters: the short
  /// last word is tied to the one before it with a no-break space).
  static let nine = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii"

  func text(_ extra: String) -> String { "- text: \(Self.nine)\n  at: [20pt, 20pt]\n  width: 100pt\n  " + extra }

  @Test func moreLinesThanAllowedIsAWarningAtTheText() throws {
    let m = marked(page("- 1️⃣" + text("max-lines: 2").dropFirst(2)))
    let r = try layOut(m.yaml)
    #expect(r.diagnostics.map(\.message) == ["text `p1.1` takes 3 lines on page 1, more than its max-lines: 2"])
    let d = try #require(r.diagnostics.first)
    #expect(d.severity == .warning)
    #expect(d.location.map { [$0.line, $0.column] } == [m.line, m.column])
    #expect(d.hints == ["shorten the text, or add `overflow: shrink` to shrink it down to its style's min-size"])
    #expect(Set(r.runs.map(\.origin.y)).count == 3)
  }

  @Test func withinItsMaxLinesNothingIsSaid() throws {
    let r = try layOut(page(text("max-lines: 3")))
    #expect(r.diagnostics.isEmpty)
    #expect(r.runs.map(\.font.size) == [10, 10, 10])
  }

  /// Two lines of five words (24 characters) need 24 × size/2 ≤ 100: size ≤ 8.33, which
  /// 2 % steps first reach at 0.98¹⁰ = 82 %.
  @Test func shrinkSetsItInMaxLines() throws {
    let r = try layOut(page(text("max-lines: 2\n  overflow: shrink")))
    #expect(r.diagnostics.map(\.message) == ["text `p1.1` was shrunk to 82 % to fit its frame on page 1"])
    #expect(r.diagnostics.map(\.severity) == [.note])
    #expect(r.runs.map(\.text) == ["aaaa bbbb cccc dddd eeee", "ffff gggg hhhh\u{A0}iiii"])
    #expect(r.runs.map { rounded($0.font.size) } == [8.17, 8.17])
  }

  /// At its min-size (9 pt) the text still takes three lines: shrunk, and reported.
  @Test func shrinkStopsAtTheMinSizeAndReports() throws {
    let r = try layOut(page(text("max-lines: 2\n  overflow: shrink\n  min-size: 9pt")))
    #expect(r.diagnostics.map(\.message) == ["text `p1.1` was shrunk to 90 % to fit its frame on page 1",
                                             "text `p1.1` takes 3 lines on page 1, more than its max-lines: 2 even at its style's min-size"])
    #expect(r.diagnostics.map(\.severity) == [.note, .warning])
    #expect(r.diagnostics.last?.hints == ["shorten the text, or give it more room (a wider frame or a higher max-lines)"])
    #expect(r.runs.map { rounded($0.font.size) } == [9, 9, 9])
  }

  @Test func overflowErrorMakesItAnError() throws {
    let r = try layOut(page(text("max-lines: 1\n  overflow: error")))
    #expect(r.diagnostics.map(\.message) == ["text `p1.1` takes 3 lines on page 1, more than its max-lines: 1"])
    #expect(r.diagnostics.map(\.severity) == [.error])
  }

  @Test func maxLinesMustBeAPositiveWholeNumber() {
    let m = marked(page("- text: Hej\n  max-lines: 1️⃣0"))
    let errors = loaderDiagnostics(m.yaml).filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("max-lines") == true, "\(errors)")
    #expect(errors.first?.location.map { [$0.line, $0.column] } == [m.line, m.column])
  }
}

@Suite("Layout: forced breaks")
struct ForcedBreakTests {
  func lines(_ texts: [String], hyphenated: Set<Int> = []) -> [ShapedLine] {
    texts.enumerated().map { i, t in ShapedLine(runs: [], width: 0, ascent: 8, descent: 2, hyphenated: hyphenated.contains(i), text: t) }
  }

  @Test(arguments: [
    (["Kompetensförsörj", "ningen är viktig"], ["Kompetensförsörj|ningen"]),
    (["Vi ses kl. 9.00–", "11.30 i matsalen"], ["9.00–|11.30"]),
    (["Vi ses kl. 9.00-", "11.30"], ["9.00-|11.30"]),
    (["Telefon 054-61", "5000"], ["054-61|5000"]),
    (["Hälso- och sjukvårds", "lagen gäller ", "och omsorgs", "lagen"], ["sjukvårds|lagen", "omsorgs|lagen"]),
  ])
  func aBreakInsideAWordOrRangeIsForced(texts: [String], expected: [String]) {
    #expect(LayoutEngine.forcedBreaks(in: lines(texts)) == expected)
  }

  @Test(arguments: [
    ["Vi ses ", "imorgon"],          // after a space
    ["Vi ses kl. 9.00 – ", "11.30"], // after a spaced dash
    ["Vi ses kl. 9.00 –", "11.30"],  // a spaced dash without its trailing space
    ["e-", "post"],                  // after a hyphen
    ["Till vården,", "och"],         // after punctuation
    ["Vi ses\u{2028}", "imorgon"],   // a line break written in the text
    ["En enda rad"],
  ])
  func aProperBreakIsNotForced(texts: [String]) {
    #expect(LayoutEngine.forcedBreaks(in: lines(texts)).isEmpty)
  }

  /// Typography ties a range with word joiners (U+2060) around its dash; a line too narrow
  /// for it breaks at one of them, which is no break point either.
  @Test func aRangeTiedWithWordJoinersIsForcedAfterTheDash() {
    #expect(LayoutEngine.forcedBreaks(in: lines(["kl.\u{A0}9.00\u{2060}–\u{2060}", "11.30"])) == ["9.00–|11.30"])
  }

  /// Pango breaks before the dash too: `kl. 9.00–11.30` in a 14 mm frame gives `kl. 9.00⁠` and `–⁠11.30`.
  @Test func aRangeTiedWithWordJoinersIsForcedBeforeTheDash() {
    let found = LayoutEngine.forcedBreaks(in: lines(["kl.\u{A0}9.00\u{2060}", "–\u{2060}11.30"]))
    // Was a bug: only a break after the dash counts; a digit then a dash starting the next line is let through.
    #expect(found == ["9.00|–11.30"])
  }

  @Test func aSoftHyphenIsAProperBreak() {
    #expect(LayoutEngine.forcedBreaks(in: lines(["kompetens\u{00AD}", "försörjning"], hyphenated: [0])).isEmpty)
    #expect(LayoutEngine.forcedBreaks(in: lines(["kompetens-", "försörjning"], hyphenated: [0])).isEmpty)
    // A hyphenated flag on the line, whatever it ends with, means the shaper broke at a hyphenation point.
    #expect(LayoutEngine.forcedBreaks(in: lines(["kompetens", "försörjning"], hyphenated: [0])).isEmpty)
  }
}

@Suite("Layout: owners and grounds in the page tree")
struct OwnerTests {
  func textNodes(_ r: LaidOut) -> [TextNode] {
    flatten(r.nodes).compactMap { if case .text(let t) = $0 { t } else { nil } }
  }

  @Test func onNamesTheGroundsOfTheTextsInside() throws {
    let r = try layOut(page("""
      - text: Hej
        at: [20pt, 20pt]
        on: väg
      - stack:
          at: [20pt, 100pt]
          on: [himmel, kulle]
          items:
            - text: Då
      """))
    let texts = textNodes(r)
    #expect(texts.map(\.grounds) == [["p1.väg", "väg"], ["p1.himmel", "himmel", "p1.kulle", "kulle"]])
    #expect(texts.map(\.owners) == [["p1.1"], ["p1.2", "p1.2.1"]])
    // Where each owner was written: `- text:` on line 7, the stack on line 10 and its text on line 14.
    #expect(texts.map { $0.sources.map { [$0.line, $0.column] } } == [[[7, 9]], [[10, 9], [14, 15]]])
  }

  @Test func onInAComponentMeansTheComponentsItemFirst() throws {
    let r = try layOut(page("- use: kort\n  id: k\n  at: [10pt, 20pt]", after: """
      components:
        kort:
          size: [100pt, 50pt]
          items:
            - rect: { id: himmel, at: [0pt, 0pt], size: [100pt, 50pt], fill: svart }
            - text: Hej
              on: himmel
      """))
    let text = try #require(textNodes(r).first)
    #expect(text.grounds == ["k.himmel", "himmel"])
    #expect(text.owners == ["k", "k.2"])
  }
}
