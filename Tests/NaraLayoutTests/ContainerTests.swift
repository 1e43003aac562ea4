import NaraLayout
import NaraModel
import NaraPageTree
import Testing

/// Stacks, rows and grids on a 400 × 300 pt page with 20 pt margins (content 360 pt wide).
@Suite("Layout: stacks, rows and grids")
struct ContainerTests {
  @Test func verticalStackWithGapAndPadding() throws {
    let r = try layOut(page("""
      - stack:
          gap: 10pt
          padding: 5pt
          fill: röd
          items:
            - rect: { size: [50pt, 20pt], fill: svart }
            - rect: { size: [80pt, 30pt], fill: svart }
      """))
    // The background first, sized to the stack: 5 + 20 + 10 + 30 + 5 high.
    #expect(r.paths.map(box) == [[20, 20, 360, 70], [25, 25, 50, 20], [25, 55, 80, 30]])
  }

  @Test func rowSharesSpaceBetweenFixedFractionAndAuto() throws {
    let r = try layOut(page("""
      - row:
          gap: 10pt
          items:
            - rect: { width: 100pt, height: 20pt, fill: svart }
            - rect: { width: 2fr, height: 20pt, fill: svart }
            - rect: { width: auto, height: 20pt, fill: svart }
      """))
    // 360 − 2 × 10 gap − 100 fixed = 240 left, shared 2 : 1 (auto counts as 1fr).
    #expect(r.paths.map(box) == [[20, 20, 100, 20], [130, 20, 160, 20], [300, 20, 80, 20]])
  }

  @Test(arguments: [("start", 0.0), ("center", 75.0), ("end", 150.0)])
  func columnCrossAlignment(align: String, x: Double) throws {
    let r = try layOut(page("""
      - stack:
          at: [0pt, 0pt]
          width: 200pt
          align: \(align)
          items:
            - rect: { size: [50pt, 20pt], fill: svart }
      """))
    #expect(r.paths.map(box) == [[x, 0, 50, 20]])
  }

  @Test func columnStretchGivesAutoChildrenTheFullWidth() throws {
    let r = try layOut(page("""
      - stack:
          at: [0pt, 0pt]
          width: 200pt
          align: stretch
          items:
            - rect: { width: auto, height: 20pt, fill: svart }
            - rect: { width: 50pt, height: 20pt, fill: svart }
      """))
    #expect(r.paths.map(box) == [[0, 0, 200, 20], [0, 20, 50, 20]])
  }

  /// Only `stretch` should widen an auto-width child; centred, it keeps its natural width.
  @Test func centredColumnKeepsAutoTextAtItsNaturalWidth() throws {
    let r = try layOut(page("""
      - stack:
          at: [0pt, 0pt]
          width: 200pt
          align: center
          items:
            - text: Hej
      """))
    let run = try #require(r.runs.first)
    // "Hej" is 15 pt wide: centred in 200 pt it starts near 92.5.
    #expect(abs(run.origin.x - 92.5) < 0.1)
    
  }

  @Test(arguments: [("start", 0.0), ("center", 10.0), ("end", 20.0)])
  func rowCrossAlignment(align: String, y: Double) throws {
    let r = try layOut(page("""
      - row:
          at: [0pt, 0pt]
          width: 200pt
          align: \(align)
          items:
            - rect: { size: [50pt, 20pt], fill: svart }
            - rect: { size: [50pt, 40pt], fill: svart }
      """))
    #expect(r.paths.first.flatMap(box) == [0, y, 50, 20])
  }

  @Test func rowStretchMakesATextFrameAsTallAsTheRow() throws {
    let r = try layOut(page("""
      - row:
          items:
            - rect: { width: 100pt, height: 40pt, fill: svart }
            - text: Hej
              fill: röd
      """))
    #expect(r.paths.map(box) == [[20, 20, 100, 40], [120, 20, 260, 40]])
  }

  @Test func columnSpaceBetween() throws {
    let r = try layOut(page("""
      - stack:
          at: [0pt, 0pt]
          size: [100pt, 200pt]
          justify: space-between
          items:
            - rect: { size: [10pt, 20pt], fill: svart }
            - rect: { size: [10pt, 20pt], fill: svart }
            - rect: { size: [10pt, 20pt], fill: svart }
      """))
    #expect(r.paths.map { $0.minY } == [0, 90, 180])
  }

  @Test func columnFractionsShareTheFixedHeight() throws {
    let r = try layOut(page("""
      - stack:
          at: [0pt, 0pt]
          size: [100pt, 200pt]
          gap: 10pt
          items:
            - rect: { width: auto, height: 20pt, fill: svart }
            - rect: { width: auto, height: 1fr, fill: svart }
            - rect: { width: auto, height: 3fr, fill: svart }
      """))
    // 200 − 20 − 2 × 10 = 160 left, shared 1 : 3.
    #expect(r.paths.first.flatMap(box) == [0, 0, 100, 20])
    #expect(r.paths.map(box) == [[0, 0, 100, 20], [0, 30, 100, 40], [0, 80, 100, 120]])
    
  }

  @Test(arguments: [
    ("start", [0.0, 50, 100]), ("center", [75, 125, 175]), ("end", [150, 200, 250]), ("space-between", [0, 125, 250]),
  ])
  func rowJustify(justify: String, xs: [Double]) throws {
    let r = try layOut(page("""
      - row:
          at: [0pt, 0pt]
          width: 300pt
          justify: \(justify)
          items:
            - rect: { size: [50pt, 20pt], fill: svart }
            - rect: { size: [50pt, 20pt], fill: svart }
            - rect: { size: [50pt, 20pt], fill: svart }
      """))
    #expect(r.paths.map { rounded($0.minX) } == xs)
  }

  @Test func gridRowsAreAsTallAsTheirTallestCell() throws {
    let r = try layOut(page("""
      - grid:
          at: [0pt, 0pt]
          width: 200pt
          columns: 2
          column-gap: 10pt
          row-gap: 5pt
          items:
            - rect: { width: auto, height: 20pt, fill: svart }
            - rect: { width: auto, height: 40pt, fill: svart }
            - rect: { width: auto, height: 30pt, fill: svart }
            - rect: { width: auto, height: 10pt, fill: svart }
      """))
    #expect(r.paths.map(box) == [[0, 0, 95, 20], [105, 0, 95, 40], [0, 45, 95, 30], [105, 45, 95, 10]])
  }

  @Test func gridStretchesTextCellsToTheRow() throws {
    let r = try layOut(page("""
      - grid:
          at: [0pt, 0pt]
          width: 200pt
          columns: [60pt, 1fr]
          items:
            - text: abcdefg hijklmn
              fill: röd
            - text: Hej
              fill: svart
            - text: Då
              fill: svart
      """))
    // "abcdefg hijklmn" (75 pt) wraps in 60 pt to two lines: the row is 24 pt high.
    #expect(r.paths.map(box) == [[0, 0, 60, 24], [60, 0, 140, 24], [0, 24, 60, 12]])
  }
}
