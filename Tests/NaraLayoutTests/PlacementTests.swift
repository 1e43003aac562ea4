import NaraLayout
import NaraModel
import NaraPageTree
import Testing

/// Where items land: `at`, margins, groups, components, transforms, images, right-to-left.
@Suite("Layout: placement")
struct PlacementTests {
  @Test func marginsAreTheDefaultAreaForItemsWithoutAt() throws {
    let r = try layOut(page("""
      - text: Hej
      - rect: { width: auto, height: 10pt, fill: svart }
      """, document: "size: [400pt, 300pt]\n  margins: { top: 30pt, start: 40pt, end: 10pt, bottom: 0pt }"))
    #expect(r.runs.map { [$0.origin.x, $0.origin.y] } == [[40, 39]])
    // As wide as the page between the margins.
    #expect(r.paths.map(box) == [[40, 30, 350, 10]])
  }

  @Test func atIsMeasuredFromThePageNotTheMargins() throws {
    let r = try layOut(page("- rect: { at: [5pt, 7pt], size: [10pt, 10pt], fill: svart }"))
    #expect(r.paths.map(box) == [[5, 7, 10, 10]])
  }

  /// A percentage is of the space the parent offers: to the right margin for a placed item,
  /// the row's width for a row's child. It must be applied once.
  @Test func percentWidthIsAppliedOnce() throws {
    let placed = try layOut(page("- rect: { at: [20pt, 0pt], width: 50%, height: 10pt, fill: svart }"))
    let row = try layOut(page("""
      - row:
          items:
            - rect: { width: 50%, height: 10pt, fill: svart }
            - rect: { width: 1fr, height: 10pt, fill: svart }
      """))
    #expect(placed.paths.map(box) == [[20, 0, 180, 10]])
    #expect(row.paths.map(box) == [[20, 20, 180, 10], [200, 20, 180, 10]])
    
  }

  @Test func lineIsDrawnInTheParentsCoordinatesOffsetByAt() throws {
    let r = try layOut(page("- line: { at: [5pt, 5pt], from: [0pt, 0pt], to: [10pt, 20pt], stroke: svart }"))
    #expect(r.paths.map(box) == [[5, 5, 10, 20]])
  }

  @Test func rightToLeftColumnAlignsStartToTheRight() throws {
    let r = try layOut(page("""
      - stack:
          at: [0pt, 0pt]
          width: 200pt
          align: start
          items:
            - rect: { size: [50pt, 10pt], fill: svart }
      """, document: "size: [400pt, 300pt]\n  margins: 20pt\n  direction: rtl"))
    // The stack spans 200…400 from the right edge; its start is its right side.
    #expect(r.paths.map(box) == [[350, 0, 50, 10]])
  }

  @Test func groupPlacesChildrenRelativeToItself() throws {
    let r = try layOut(page("""
      - group:
          at: [50pt, 60pt]
          items:
            - rect: { at: [10pt, 10pt], size: [20pt, 20pt], fill: svart }
            - rect: { size: [5pt, 5pt], fill: svart }
      """))
    #expect(r.paths.map(box) == [[60, 70, 20, 20], [50, 60, 5, 5]])
  }

  static let card = """
    components:
      kort:
        size: [100pt, 50pt]
        items:
          - rect: { at: [0pt, 0pt], size: [100pt, 50pt], fill: svart }
    """

  /// A component keeps its proportions: the smaller of the two ratios wins.
  @Test(arguments: [("size: [300pt, 100pt]", 2.0), ("size: [150pt, 200pt]", 1.5), ("width: 50pt", 0.5)])
  func componentScalesByTheSmallerRatio(size: String, scale: Double) throws {
    let r = try layOut(page("- use: kort\n  at: [10pt, 20pt]\n  \(size)", after: Self.card))
    let g = try #require(r.groups.first)
    #expect([g.transform.a, g.transform.b, g.transform.c, g.transform.d] == [scale, 0, 0, scale])
    #expect([g.transform.tx, g.transform.ty] == [10, 20])
    guard case .path(let p) = g.children.first else { Issue.record("no path in \(g)"); return }
    #expect(box(p.path.bounds) == [0, 0, 100, 50])
  }

  @Test func componentAtItsDesignSizeIsNotWrapped() throws {
    let r = try layOut(page("- use: kort\n  at: [10pt, 20pt]", after: Self.card))
    #expect(r.groups.isEmpty)
    #expect(r.paths.map(box) == [[10, 20, 100, 50]])
  }

  @Test func rotateTurnsAboutTheItemsCentre() throws {
    let r = try layOut(page("- rect: { at: [100pt, 50pt], size: [100pt, 50pt], fill: svart }\n  rotate: 90deg"))
    let g = try #require(r.groups.first)
    let t = g.transform
    #expect([t.a, t.b, t.c, t.d].map(rounded) == [0, 1, -1, 0])
    // The centre (50, 25) of the item's box stays where it was: (150, 75) on the page.
    #expect(rounded(t.a * 50 + t.c * 25 + t.tx) == 150)
    #expect(rounded(t.b * 50 + t.d * 25 + t.ty) == 75)
    guard case .path(let p) = g.children.first else { Issue.record("no path in \(g)"); return }
    #expect(box(p.path.bounds) == [0, 0, 100, 50])
  }

  @Test func scaleAndOpacityMakeAGroup() throws {
    let r = try layOut(page("- rect: { at: [10pt, 10pt], size: [20pt, 20pt], fill: svart }\n  scale: 2\n  opacity: 0.5"))
    let g = try #require(r.groups.first)
    #expect([g.transform.a, g.transform.d, g.transform.tx, g.transform.ty] == [2, 2, 10, 10])
    #expect(g.opacity == 0.5)
  }

  @Test(arguments: [("contain", [0.0, 25, 100, 50]), ("cover", [-50, 0, 200, 100]), ("fill", [0, 0, 100, 100])])
  func imageFit(fit: String, drawn: [Double]) throws {
    let r = try layOut(page("- image: bild.png\n  at: [0pt, 0pt]\n  size: [100pt, 100pt]\n  fit: \(fit)\n  alt: \"\""))
    let images = flatten(r.nodes).compactMap { if case .image(let i) = $0 { i } else { nil } }
    #expect(images.map { box($0.rect) } == [drawn])
    #expect(images.map { box($0.clip) } == [[0, 0, 100, 100]])
  }

  @Test func imageWithOnlyAWidthKeepsItsProportionsAndIsAFigure() throws {
    let r = try layOut(page("- image: bild.png\n  at: [10pt, 10pt]\n  width: 40pt\n  alt: Karta"))
    let g = try #require(r.groups.first)
    #expect(g.role == .figure(alt: "Karta"))
    guard case .image(let img) = g.children.first else { Issue.record("no image in \(g)"); return }
    #expect(box(img.rect) == [0, 0, 40, 20])
    #expect([g.transform.tx, g.transform.ty] == [10, 10])
  }

  @Test func rightToLeftMirrorsAbsoluteX() throws {
    let r = try layOut(page("- rect: { at: [10pt, 20pt], size: [50pt, 30pt], fill: svart }",
                            document: "size: [400pt, 300pt]\n  margins: 20pt\n  direction: rtl"))
    #expect(r.paths.map(box) == [[340, 20, 50, 30]])
  }

  @Test func rightToLeftReversesARow() throws {
    let r = try layOut(page("""
      - row:
          items:
            - rect: { size: [50pt, 10pt], fill: svart }
            - rect: { size: [60pt, 10pt], fill: svart }
            - rect: { width: 1fr, height: 10pt, fill: svart }
      """, document: "size: [400pt, 300pt]\n  margins: 20pt\n  direction: rtl"))
    // The first child sits at the right (start) edge; the 1fr child fills the rest at the left.
    #expect(r.paths.map(box) == [[330, 20, 50, 10], [270, 20, 60, 10], [20, 20, 250, 10]])
  }

  @Test func rightToLeftTextStartsAtTheRight() throws {
    let r = try layOut(page("- text: Hej", document: "size: [400pt, 300pt]\n  margins: 20pt\n  direction: rtl"))
    // 360 wide, "Hej" 15 wide, set from the start (right) edge.
    #expect(r.runs.map { $0.origin.x } == [365])
  }

  @Test func pageBackgroundRunsIntoTheBleed() throws {
    let yaml = page("- text: Hej", document: "size: [400pt, 300pt]\n  bleed: 3pt")
      .replacingOccurrences(of: "  - items:", with: "  - background: röd\n    items:")
    let r = try layOut(yaml)
    #expect(r.paths.map(box) == [[-3, -3, 406, 306]])
    #expect(r.document.pages.first?.bleed == 3)
  }
}
