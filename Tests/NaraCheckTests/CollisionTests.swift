import NaraCheck
import NaraModel
import NaraPageTree
import Testing

// Hand-built pages, 400 × 300 pt, with text ink given word by word, so every distance in
// these tests can be done in your head. Positions in messages are in mm, rounded to 0.1:
// 100 pt = 35.3 mm, 94 pt = 33.2 mm.

/// The line each test item was "written" on in `layout.yaml`.
private let itemLines: [String: Int] = [
  "himmel": 2, "väg": 3, "panel": 4, "norr": 6, "söder": 9, "bild": 12, "bild.1": 13, "lock": 15,
  "kolumn": 18, "kolumn.1": 19, "kolumn.2": 21, "brev": 24, "ruta": 27, "kort": 30, "kort.1": 31,
]

private func written(_ id: String) -> NaraModel.SourceLocation {
  NaraModel.SourceLocation(file: "layout.yaml", line: itemLines[id] ?? 1, column: 7)
}

/// One word whose ink is exactly `box` (page coordinates); its baseline is 2 pt above the
/// box's bottom (a descent).
private func word(_ text: String, _ box: Rect, size: Double = 10) -> GlyphRun {
  var run = GlyphRun(font: FontFace(name: "Test Sans", size: size), origin: Point(x: box.minX, y: box.maxY - 2),
                     glyphs: text.indices.enumerated().map { Glyph(id: 1, advance: size / 2, cluster: $0.offset) },
                     text: text, colour: .black)
  run.ink = [Rect(x: 0, y: 2 - box.height, width: box.width, height: box.height)]
  return run
}

/// A run without measured ink: `count` glyphs of half an em each, baseline at `origin`.
private func plainRun(_ text: String, origin: Point, size: Double = 10) -> GlyphRun {
  GlyphRun(font: FontFace(name: "Test Sans", size: size), origin: origin,
           glyphs: text.indices.enumerated().map { Glyph(id: 1, advance: size / 2, cluster: $0.offset) }, text: text, colour: .black)
}

private func text(_ item: String, _ runs: [GlyphRun], block: Int = 1, owners: [String]? = nil, grounds: [String] = [],
                  forcedBreaks: [String] = []) -> Node {
  var t = TextNode(id: "\(item)#\(block)", role: .paragraph, runs: runs)
  t.owners = owners ?? [item]
  t.sources = t.owners.map(written)
  t.grounds = grounds
  t.forcedBreaks = forcedBreaks
  return .text(t)
}

private func outline(_ r: Rect) -> PathData {
  PathData([.move(Point(x: r.minX, y: r.minY)), .line(Point(x: r.maxX, y: r.minY)), .line(Point(x: r.maxX, y: r.maxY)),
            .line(Point(x: r.minX, y: r.maxY)), .close])
}

private func shape(_ owners: [String], _ path: PathData, fill: Colour? = nil, stroke: Stroke? = nil) -> Node {
  var p = PathNode(path: path, fill: fill, stroke: stroke)
  p.owners = owners
  p.sources = owners.map(written)
  return .path(p)
}

private func rect(_ owners: [String], _ r: Rect, fill: Colour? = .black) -> Node { shape(owners, outline(r), fill: fill) }

private func image(_ owners: [String], _ r: Rect, clip: Rect? = nil) -> Node {
  var i = ImageNode(path: "bild.png", rect: r, clip: clip ?? r, tint: nil, role: .artifact)
  i.owners = owners
  i.sources = owners.map(written)
  return .image(i)
}

private func stroke(_ width: Double) -> Stroke { Stroke(colour: .black, width: .pt(width)) }

private func findings(_ nodes: [Node], safeArea: Double = 0) -> [Finding] {
  var page = RenderedPage(size: Size(width: 400, height: 300), bleed: 0, nodes: nodes)
  page.safeArea = safeArea
  return CollisionCheck.findings(on: page, number: 1)
}

/// Norr's ink: 100…140 × 94…104 pt, baseline 102.
private let norrBox = Rect(x: 100, y: 94, width: 40, height: 10)
private let norr = text("norr", [word("Norr", norrBox)])

@Suite("Check: collisions between texts")
struct TextCollisionTests {
  @Test func overlappingWordsOfTwoItemsAreAnErrorOnTheLaterOne() throws {
    let found = findings([norr, text("söder", [word("Söder", Rect(x: 130, y: 98, width: 40, height: 10))])])
    #expect(found.map(\.kind) == [.textOverlap])
    let f = try #require(found.first)
    #expect(f.severity == .error)
    #expect(f.page == 1)
    #expect(f.id == "söder")
    #expect(f.location == written("söder"))
    #expect(f.message == "page 1: text `söder` (“Söder”) overlaps text `norr` (“Norr”) at 35.3 × 33.2 mm")
    #expect(f.hints == ["give them room: put both in a stack, or anchor one to the other"])
    #expect(f.diagnostic.severity == .error && f.diagnostic.location == written("söder") && f.diagnostic.message == f.message)
  }

  /// Ink boxes are generous; a brush of less than 0.3 pt is no overlap.
  @Test(arguments: [(0.2, [Finding.Kind]()), (0.5, [.textOverlap])])
  func overlapNeedsMoreThanAThirdOfAPoint(overlap: Double, kinds: [Finding.Kind]) {
    let below = text("söder", [word("Söder", Rect(x: 100, y: norrBox.maxY - overlap, width: 40, height: 10))])
    #expect(findings([norr, below]).map(\.kind) == kinds)
  }

  @Test func blocksOfOneTextNeverCollide() {
    let first = text("brev", [word("Hej", norrBox)], block: 1)
    let second = text("brev", [word("då", Rect(x: 120, y: 94, width: 40, height: 10)), word("igen", Rect(x: 142, y: 94, width: 20, height: 10))],
                      block: 2)
    #expect(findings([first, second]).isEmpty)
  }

  /// Without measured ink a run's box is its advance, from 0.75 em above the baseline to
  /// 0.25 em below: 92.5…102.5 pt for a 10 pt run on baseline 100.
  @Test(arguments: [(109.0, [Finding.Kind.textOverlap]), (110.2, [])])
  func theAdvanceBoxStandsInForMissingInk(secondBaseline: Double, kinds: [Finding.Kind]) {
    let a = text("norr", [plainRun("Norr", origin: Point(x: 100, y: 100))])
    let b = text("söder", [plainRun("Söder", origin: Point(x: 100, y: secondBaseline))])
    #expect(findings([a, b]).map(\.kind) == kinds)
  }

  /// Side by side on one baseline: closer than half an em is an error, closer than an em a
  /// warning (10 pt here).
  @Test(arguments: [(3.0, Diagnostic.Severity?.some(.error), "1.1"), (7.0, .warning, "2.5"), (11.0, nil, "")])
  func neighboursOnOneBaseline(gap: Double, severity: Diagnostic.Severity?, mm: String) throws {
    let found = findings([norr, text("söder", [word("Söder", Rect(x: norrBox.maxX + gap, y: 94, width: 40, height: 10))])])
    guard let severity else { #expect(found.isEmpty); return }
    #expect(found.map(\.kind) == [.sameBaseline])
    let f = try #require(found.first)
    #expect(f.severity == severity)
    #expect(f.id == "söder")
    #expect(f.location == written("söder"))
    #expect(f.message == "page 1: text `söder` (“Söder”) is on one line with text `norr` (“Norr”), only \(mm) mm apart, and reads as one phrase at 35.3 × 32.5 mm")
    #expect(f.hints == ["keep at least one em (3.5 mm) between them, or put them on different lines"])
  }

  /// Baselines 3.5 pt apart (more than 0.3 em) are two lines, however close.
  @Test func baselinesMoreThanAThirdOfAnEmApartAreTwoLines() {
    let found = findings([norr, text("söder", [word("Söder", Rect(x: norrBox.maxX + 3, y: 97.5, width: 40, height: 10))])])
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  /// A label set in the gap between two words of another text on the same baseline reads
  /// as one line with it, as much as a label set after it does.
  @Test func aLabelBetweenTheWordsOfAnotherReadsAsOneLine() {
    let sentence = text("norr", [word("Hej", Rect(x: 100, y: 94, width: 20, height: 10)), word("då", Rect(x: 200, y: 94, width: 20, height: 10))])
    let between = text("söder", [word("Söder", Rect(x: 123, y: 94, width: 74, height: 10))])
    let found = findings([sentence, between])
    // Was a bug: the baseline rule measures whole line extents; interleaved lines (gap < 0) are skipped.
    #expect(found.map(\.kind) == [.sameBaseline])
    #expect(found.first?.severity == .error)
  }
}

@Suite("Check: text on artwork")
struct ArtworkTests {
  static let panel = Rect(x: 80, y: 80, width: 200, height: 40)

  @Test func textOverAnotherItemsShapeIsAnError() throws {
    let found = findings([rect(["panel"], Self.panel), norr])
    #expect(found.map(\.kind) == [.artwork])
    let f = try #require(found.first)
    #expect(f.severity == .error)
    #expect(f.id == "norr")
    #expect(f.location == written("norr"))
    #expect(f.message == "page 1: text `norr` (“Norr”) runs into the shape `panel` (layout.yaml:4:7) at 35.3 × 33.2 mm")
    #expect(f.hints == ["move it clear of the shape (at least 0.9 mm), or anchor it away from it (`anchor:`)",
                        "or, if it sits there on purpose, say so: `on: panel`"])
  }

  /// The page background, the text's own frame fill, a stack background around it and
  /// anything `on:` names are grounds, not artwork.
  @Test(arguments: [
    ([String](), ["norr"], [String]()),          // the page background
    (["norr"], ["norr"], []),                     // its own frame fill
    (["kolumn"], ["kolumn", "norr"], []),         // the background of the stack around it
    (["panel"], ["norr"], ["panel"]),             // on: panel
    (["bild", "bild.1"], ["norr"], ["bild"]),     // on: names the group the shape is in
  ])
  func groundsAreNoCollision(shapeOwners: [String], textOwners: [String], grounds: [String]) {
    let found = findings([rect(shapeOwners, Self.panel), text("norr", [word("Norr", norrBox)], owners: textOwners, grounds: grounds)])
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  @Test(arguments: [
    (["kolumn", "kolumn.1"], ["kolumn", "kolumn.2"], [String]()),  // a sibling's shape in the same stack
    (["panel"], ["norr"], ["himmel"]),                              // on: names something else
  ])
  func otherShapesAreArtwork(shapeOwners: [String], textOwners: [String], grounds: [String]) {
    let found = findings([rect(shapeOwners, Self.panel), text("norr", [word("Norr", norrBox)], owners: textOwners, grounds: grounds)])
    #expect(found.map(\.kind) == [.artwork])
    #expect(found.first?.id == textOwners.last)
  }

  /// A shape whose id comes from its place (`p1.3`, `kort.2`) cannot be named in `on:`
  /// before it has an id of its own.
  @Test(arguments: ["p1.3", "kort.2"])
  func theOnHintAsksForAnIdWhenTheShapeHasNone(id: String) throws {
    var p = PathNode(path: outline(Self.panel), fill: .black, stroke: nil)
    p.owners = [id]
    p.sources = [NaraModel.SourceLocation(file: "layout.yaml", line: 4, column: 7)]
    let f = try #require(findings([.path(p), norr]).first)
    #expect(f.hints.last == "or, if it sits there on purpose, give the shape (layout.yaml:4:7) an `id:` and add `on: <that id>` to the text")
  }

  @Test func anImageIsArtworkWhereItShows() throws {
    let over = findings([image(["bild"], Self.panel), norr])
    #expect(over.map(\.message) == ["page 1: text `norr` (“Norr”) runs into the image `bild` (layout.yaml:12:7) at 35.3 × 33.2 mm"])
    // Cropped (`fit: cover`) to its right half, the image is 60 pt from the text.
    let cropped = findings([image(["bild"], Self.panel, clip: Rect(x: 200, y: 80, width: 80, height: 40)), norr])
    #expect(cropped.isEmpty, "\(cropped.map(\.message))")
  }

  /// Clearance is a quarter of the text's size, at least 1 pt; closer is a warning, touching
  /// an error.
  @Test(arguments: [
    (10.0, 2.0, Finding.Kind?.some(.clearance)), (10.0, 2.6, nil), (10.0, 0.0, .artwork),
    (2.0, 0.8, .clearance), (2.0, 1.2, nil),
    (40.0, 9.0, .clearance), (40.0, 10.5, nil),
  ])
  func clearanceIsAQuarterOfTheSize(size: Double, gap: Double, kind: Finding.Kind?) {
    let label = text("norr", [word("Norr", norrBox, size: size)])
    let below = rect(["panel"], Rect(x: 80, y: norrBox.maxY + gap, width: 200, height: 20))
    let found = findings([below, label])
    #expect(found.map(\.kind) == (kind.map { [$0] } ?? []), "\(found.map(\.message))")
  }

  @Test func clearanceWarningSaysHowClose() throws {
    let found = findings([rect(["panel"], Rect(x: 80, y: 106, width: 200, height: 20)), norr])
    let f = try #require(found.first)
    #expect(f.kind == .clearance)
    #expect(f.severity == .warning)
    #expect(f.location == written("norr"))
    #expect(f.message == "page 1: text `norr` (“Norr”) is 0.7 mm from the shape `panel` (layout.yaml:4:7), closer than its clearance of 0.9 mm at 35.3 × 33.2 mm")
  }

  /// A stroke reaches half its width from its centre line: 5 pt for a 10 pt road.
  @Test(arguments: [(7.0, Finding.Kind?.some(.clearance)), (8.0, nil), (4.0, .artwork)])
  func aStrokeCountsHalfItsWidth(aboveCentre: Double, kind: Finding.Kind?) throws {
    let road = shape(["väg"], PathData([.move(Point(x: 20, y: 150)), .line(Point(x: 380, y: 150))]), stroke: stroke(10))
    let label = text("norr", [word("Norr", Rect(x: 100, y: 150 - aboveCentre - 10, width: 40, height: 10))])
    let found = findings([road, label])
    #expect(found.map(\.kind) == (kind.map { [$0] } ?? []), "\(found.map(\.message))")
    if kind == .artwork { #expect(try #require(found.first).message.contains("runs into the line `väg`")) }
  }

  /// The road `M 0 200 C 100 0, 300 0, 400 200` peaks at (200, 50); its bounding box covers
  /// most of the page, but a text in the bend is far from the stroke.
  static let road = PathData([.move(Point(x: 0, y: 200)), .cubic(Point(x: 100, y: 0), Point(x: 300, y: 0), Point(x: 400, y: 200))])

  @Test func aCurvedRoadIsMeasuredAlongTheCurve() {
    let inTheBend = text("norr", [word("Norr", Rect(x: 180, y: 140, width: 40, height: 10))])
    #expect(findings([shape(["väg"], Self.road, stroke: stroke(10)), inTheBend]).isEmpty)
    let onThePeak = text("norr", [word("Norr", Rect(x: 190, y: 42, width: 20, height: 10))])
    #expect(findings([shape(["väg"], Self.road, stroke: stroke(10)), onThePeak]).map(\.kind) == [.artwork])
  }

  /// Filled, the same curve is a hill: under it is on it, above the slope is clear.
  @Test func aFilledCurveIsMeasuredByItsOutline() {
    let hill = PathData(Self.road.commands + [.close])
    let onTheHill = text("norr", [word("Norr", Rect(x: 180, y: 140, width: 40, height: 10))])
    let inTheSky = text("norr", [word("Norr", Rect(x: 20, y: 60, width: 30, height: 10))])
    #expect(findings([shape(["väg"], hill, fill: .black), onTheHill]).map(\.kind) == [.artwork])
    #expect(findings([shape(["väg"], hill, fill: .black), inTheSky]).isEmpty)
  }

  @Test func eachShapeIsReportedOncePerText() {
    let twoWords = text("norr", [word("Norr", norrBox), word("Söder", Rect(x: 150, y: 94, width: 40, height: 10))])
    let found = findings([rect(["panel"], Self.panel), twoWords])
    #expect(found.map(\.kind) == [.artwork])
  }
}

@Suite("Check: transformed groups")
struct TransformTests {
  /// Norr drawn at half its size inside a group scaled by 2: on the page it is norrBox at 10 pt.
  static let scaled = Node.group(GroupNode(transform: .scale(2), children: [
    text("norr", [word("Norr", Rect(x: 50, y: 47, width: 20, height: 5), size: 5)])
  ]))

  @Test func aScaledGroupsTextIsCheckedWhereItIsDrawn() {
    // Over the drawn text: a collision.
    #expect(findings([Self.scaled, rect(["panel"], Rect(x: 130, y: 96, width: 5, height: 5))]).map(\.kind) == [.artwork])
    // Over where the text would be without the transform: nothing.
    let untransformed = findings([Self.scaled, rect(["panel"], Rect(x: 55, y: 48, width: 5, height: 3))])
    #expect(untransformed.isEmpty, "\(untransformed.map(\.message))")
  }

  /// The text is 10 pt on the page, so its clearance is 2.5 pt, not the 1.25 pt of 5 pt.
  @Test func aScaledGroupsTextKeepsAScaledClearance() throws {
    let found = findings([rect(["panel"], Rect(x: 142, y: 94, width: 40, height: 10)), Self.scaled])
    #expect(found.map(\.kind) == [.clearance])
    #expect(try #require(found.first).message.contains("is 0.7 mm from the shape `panel` (layout.yaml:4:7), closer than its clearance of 0.9 mm at 35.3 × 33.2 mm"))
  }

  @Test func aScaledGroupsShapeIsWhereItIsDrawn() {
    // Local 70…80 × 47…52 is 140…160 × 94…104 on the page: it touches Norr.
    let group = Node.group(GroupNode(transform: .scale(2), children: [rect(["panel"], Rect(x: 70, y: 47, width: 10, height: 5))]))
    #expect(findings([group, norr]).map(\.kind) == [.artwork])
    #expect(findings([group, text("norr", [word("Norr", Rect(x: 100, y: 200, width: 40, height: 10))])]).isEmpty)
  }

  @Test func translationThenScaleMovesTheText() throws {
    // Scaled by 2, then moved 10 pt left past the trim.
    let g = Node.group(GroupNode(transform: Transform.scale(2).then(.translation(-110, 0)), children: [
      text("norr", [word("Norr", Rect(x: 50, y: 47, width: 20, height: 5), size: 5)])
    ]))
    let found = findings([g])
    #expect(found.map(\.kind) == [.outsideTrim])
    #expect(try #require(found.first).message == "page 1: text `norr` (“Norr”) runs past the trim edge, where the sheet is cut, at -3.5 × 33.2 mm")
  }
}

@Suite("Check: trim and safe area")
struct EdgeTests {
  @Test func textPastTheTrimIsAnError() throws {
    let found = findings([text("norr", [word("Norr", Rect(x: -14, y: 94, width: 40, height: 10))])], safeArea: Length.mm(3).points)
    #expect(found.map(\.kind) == [.outsideTrim])
    let f = try #require(found.first)
    #expect(f.severity == .error)
    #expect(f.location == written("norr"))
    #expect(f.message == "page 1: text `norr` (“Norr”) runs past the trim edge, where the sheet is cut, at -4.9 × 33.2 mm")
    #expect(f.hints == ["move it inside the page, or give it a narrower width"])
  }

  @Test func textOffThePageSaysSo() {
    let found = findings([text("norr", [word("Norr", Rect(x: 100, y: 310, width: 40, height: 10))])])
    #expect(found.map(\.message) == ["page 1: text `norr` (“Norr”) is off the page at 35.3 × 109.4 mm"])
  }

  @Test(arguments: [
    Rect(x: 370, y: 94, width: 40, height: 10), Rect(x: 100, y: -3, width: 40, height: 10), Rect(x: 100, y: 295, width: 40, height: 10),
  ])
  func everyEdgeIsATrim(box: Rect) {
    #expect(findings([text("norr", [word("Norr", box)])]).map(\.kind) == [.outsideTrim])
  }

  /// A tenth of a point past the edge is rounding, not a collision.
  @Test func aTenthOfAPointIsTolerated() {
    #expect(findings([text("norr", [word("Norr", Rect(x: -0.05, y: 94, width: 40, height: 10))])]).isEmpty)
  }

  @Test func textInTheSafeAreaIsAWarning() throws {
    let found = findings([text("norr", [word("Norr", Rect(x: 5, y: 94, width: 40, height: 10))])], safeArea: Length.mm(3).points)
    #expect(found.map(\.kind) == [.safeArea])
    let f = try #require(found.first)
    #expect(f.severity == .warning)
    #expect(f.location == written("norr"))
    #expect(f.message == "page 1: text `norr` (“Norr”) is within 3 mm of the trim edge (the document's safe-area) at 1.8 × 33.2 mm")
  }

  @Test(arguments: [(Rect(x: 355, y: 94, width: 40, height: 10), true), (Rect(x: 100, y: 285, width: 40, height: 10), true),
                    (Rect(x: 9, y: 9, width: 40, height: 10), false), (Rect(x: 351, y: 281, width: 40, height: 10), false)])
  func theSafeAreaRunsAlongEveryEdge(box: Rect, inside: Bool) {
    let found = findings([text("norr", [word("Norr", box)])], safeArea: Length.mm(3).points)
    #expect(found.map(\.kind) == (inside ? [.safeArea] : []))
  }

  @Test func noSafeAreaNoWarning() {
    #expect(findings([text("norr", [word("Norr", Rect(x: 1, y: 94, width: 40, height: 10))])], safeArea: 0).isEmpty)
  }
}

@Suite("Check: hidden items")
struct HiddenTests {
  static let lid = Rect(x: 90, y: 90, width: 100, height: 20)

  @Test func textUnderALaterOpaqueShapeIsHidden() throws {
    let found = findings([norr, rect(["lock"], Self.lid)])
    // It is covered, and so it also runs into the shape.
    #expect(Set(found.map(\.kind)) == [.hidden, .artwork])
    let f = try #require(found.first { $0.kind == .hidden })
    #expect(f.severity == .error)
    #expect(f.id == "norr")
    #expect(f.location == written("norr"))
    #expect(f.message == "page 1: text `norr` (“Norr”) is hidden under the shape `lock` drawn after it at 35.3 × 33.2 mm")
    #expect(f.hints == ["move the text after the shape in `items:`, or move one of them"])
  }

  /// `on:` says it may sit on the shape, not under it.
  @Test func onDoesNotExcuseBeingUnderneath() {
    let onLid = text("norr", [word("Norr", norrBox)], grounds: ["lock"])
    #expect(findings([onLid, rect(["lock"], Self.lid)]).map(\.kind) == [.hidden])
  }

  @Test func translucentPartialOrEarlierShapesDoNotHide() {
    let onLid = text("norr", [word("Norr", norrBox)], grounds: ["lock"])
    #expect(findings([onLid, rect(["lock"], Self.lid, fill: Colour(red: 0, green: 0, blue: 0, alpha: 0.5))]).isEmpty)
    #expect(findings([onLid, .group(GroupNode(transform: .identity, opacity: 0.5, children: [rect(["lock"], Self.lid)]))]).isEmpty)
    #expect(findings([onLid, rect(["lock"], Rect(x: 90, y: 90, width: 45, height: 20))]).isEmpty)
    #expect(findings([rect(["lock"], Self.lid), onLid]).isEmpty)
  }

  @Test func aShapeUnderALaterOpaqueShapeIsAWarning() throws {
    let found = findings([image(["bild"], Rect(x: 100, y: 100, width: 50, height: 50)), rect(["lock"], Rect(x: 90, y: 90, width: 100, height: 100))])
    #expect(found.map(\.kind) == [.hidden])
    let f = try #require(found.first)
    #expect(f.severity == .warning)
    #expect(f.id == "bild")
    #expect(f.location == written("bild"))
    #expect(f.message == "page 1: the image `bild` is hidden under the shape `lock` drawn after it at 35.3 × 35.3 mm")
  }

  /// An item's own second shape (a frame's border over its fill), or a child over its
  /// container's background, is how the item is drawn.
  @Test func anItemsOwnShapesDoNotHideEachOther() {
    #expect(findings([rect(["ruta"], Rect(x: 100, y: 100, width: 50, height: 50)), rect(["ruta"], Rect(x: 90, y: 90, width: 100, height: 100))]).isEmpty)
    #expect(findings([rect(["kort"], Rect(x: 100, y: 100, width: 50, height: 50)), rect(["kort", "kort.1"], Rect(x: 90, y: 90, width: 100, height: 100))]).isEmpty)
  }

  @Test func thePageBackgroundHidesNothing() {
    #expect(findings([norr, rect([], Rect(x: 0, y: 0, width: 400, height: 300))]).isEmpty)
  }
}

@Suite("Check: forced breaks and pages")
struct ForcedBreakTests {
  @Test func aForcedBreakIsAnError() throws {
    let found = findings([text("norr", [word("Norr", norrBox)], forcedBreaks: ["kompetensförsörj|ning"])])
    #expect(found.map(\.kind) == [.forcedBreak])
    let f = try #require(found.first)
    #expect(f.severity == .error)
    #expect(f.location == written("norr"))
    #expect(f.message == "page 1: text `norr` (“Norr”) is broken inside “kompetensförsörjning” (kompetensförsörj|ning), where no break belongs at 35.3 × 33.2 mm")
    #expect(f.hints.count == 2)
  }

  @Test func atMostThreeBreaksAreReportedPerText() {
    let found = findings([text("norr", [word("Norr", norrBox)], forcedBreaks: ["a|b", "c|d", "e|f", "g|h", "9.00–|11.30"])])
    #expect(found.map(\.message).map { $0.contains("(a|b)") || $0.contains("(c|d)") || $0.contains("(e|f)") } == [true, true, true])
  }

  @Test func findingsNameTheirPage() throws {
    let clean = RenderedPage(size: Size(width: 400, height: 300), bleed: 0, nodes: [norr])
    let crowded = RenderedPage(size: Size(width: 400, height: 300), bleed: 0,
                               nodes: [norr, text("söder", [word("Söder", Rect(x: 130, y: 98, width: 40, height: 10))])])
    let found = CollisionCheck.findings(in: PagedDocument(metadata: DocumentMetadata(language: "sv-SE"), pages: [clean, crowded]))
    #expect(found.map(\.page) == [2])
    #expect(try #require(found.first).message.hasPrefix("page 2: text `söder`"))
  }

  /// A text from a component points at its line in the component's file, and says which
  /// placement it is.
  @Test func aComponentsTextNamesItsPlacement() throws {
    var t = TextNode(id: "a.1#1", role: .paragraph, runs: [word("Söder", Rect(x: 130, y: 98, width: 40, height: 10))])
    t.owners = ["a", "a.1"]
    t.sources = [NaraModel.SourceLocation(file: "layout.yaml", line: 12, column: 9), NaraModel.SourceLocation(file: "komponent.yaml", line: 5, column: 11)]
    t.placedBy = NaraModel.SourceLocation(file: "layout.yaml", line: 12, column: 9)
    let found = findings([norr, .text(t)])
    let f = try #require(found.first)
    #expect(f.id == "a.1")
    #expect(f.location == NaraModel.SourceLocation(file: "komponent.yaml", line: 5, column: 11))
    #expect(f.hints.last == "`a.1` is placed by layout.yaml:12:9")
  }

  @Test func textWithoutInkIsNotChecked() {
    let blank = text("söder", [plainRun("   ", origin: Point(x: 100, y: 102))])
    #expect(findings([norr, blank]).isEmpty)
  }
}
