import Foundation
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// A layout (and other files) in a fresh folder beside a copy of layouts/theme.yaml, with
/// position markers (`1️⃣`, `2️⃣` …) taken out and remembered: where the finding must point.
private struct Fixture {
  struct Marker: Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var description: String { "\(file):\(line):\(column)" }
  }

  let dir: String
  private(set) var markers: [String: Marker] = [:]
  var layout: String { dir + "/layout.yaml" }
  var layoutText: String { (try? String(contentsOfFile: layout, encoding: .utf8)) ?? "" }

  init(_ layout: String, files: [String: String] = [:]) throws {
    dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    for (name, marked) in files.merging(["layout.yaml": layout], uniquingKeysWith: { $1 }) {
      let (text, found) = Self.unmark(marked)
      for (m, p) in found { markers[m] = Marker(file: name, line: p.line, column: p.column) }
      try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }
  }

  /// Columns count Unicode scalars, as libyaml does; a keycap marker is three scalars.
  static func unmark(_ marked: String) -> (String, [String: (line: Int, column: Int)]) {
    let scalars = Array(marked.unicodeScalars)
    var out = String.UnicodeScalarView()
    var found: [String: (line: Int, column: Int)] = [:]
    var line = 1, column = 1, i = 0
    while i < scalars.count {
      let s = scalars[i]
      if i + 2 < scalars.count, ("0"..."9").contains(s), scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[i...(i + 2)])
        found[name] = (line, column)
        i += 3
        continue
      }
      out.append(s)
      if s == "\n" { line += 1; column = 1 } else { column += 1 }
      i += 1
    }
    return (String(out), found)
  }

  func check() throws -> [Diagnostic] {
    try Preflight.check(layout, variables: [:], locale: nil, pipeline: try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf"))
  }

  /// What `check` found on the pages (its findings start with the page).
  func findings() throws -> [Diagnostic] { try check().filter { $0.message.hasPrefix("page ") } }

  func expectLocation(_ d: Diagnostic?, at marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let want = markers[marker] else { Issue.record("no marker \(marker)", sourceLocation: sourceLocation); return }
    let got = d?.location.map { Marker(file: ($0.file as NSString).lastPathComponent, line: $0.line, column: $0.column) }
    #expect(got == want, "\(d?.message ?? "no finding") should point at \(marker)", sourceLocation: sourceLocation)
  }

  /// A file of the fixture as the finding names it (`/tmp/…/layout.yaml:5:9`).
  func place(_ name: String, _ line: Int, _ column: Int, from d: Diagnostic?) -> String {
    let file = d?.location.map { ($0.file as NSString).deletingLastPathComponent } ?? dir
    return "\(file)/\(name):\(line):\(column)"
  }
}

/// `naraprint check` on real layouts, set with Pango: one finding of each kind, pointing at
/// the item (where its `- text:` starts) and saying what is wrong.
@Suite("check: collisions in real layouts")
struct CollisionFindingTests {
  @Test func twoTextsAtOnePointOverlap() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - text: Första texten
              at: [20mm, 20mm]
            - 1️⃣text: Andra texten
              at: [20mm, 20mm]
      """)
    let found = try f.findings()
    #expect(found.map(\.message) == ["page 1: text `p1.2` (“Andra texten”) overlaps text `p1.1` (“Första texten”) at 20 × 21.3 mm"])
    #expect(found.map(\.severity) == [.error])
    f.expectLocation(found.first, at: "1️⃣")
  }

  static let road = """
    document: { size: A4 }
    theme: theme.yaml
    pages:
      - items:
          - path: "M 10mm 50mm L 150mm 50mm"
            id: väg
            stroke: { colour: sol, width: 4mm }
          - 1️⃣text: Vägen hem
            at: [20mm, 46mm]
    """

  @Test func textOverARoadRunsIntoIt() throws {
    let f = try Fixture(Self.road)
    let found = try f.findings()
    let d = try #require(found.first)
    #expect(found.count == 1)
    #expect(d.severity == .error)
    #expect(d.message == "page 1: text `p1.2` (“Vägen hem”) runs into the line `väg` (\(f.place("layout.yaml", 5, 9, from: d))) at 20 × 47.3 mm")
    #expect(d.hints == ["move it clear of the line (at least 1 mm), or anchor it away from it (`anchor:`)", "or, if it sits there on purpose, say so: `on: väg`"])
    f.expectLocation(d, at: "1️⃣")
  }

  @Test func onMakesTheRoadAGround() throws {
    let f = try Fixture(Self.road + "\n        on: väg")
    #expect(try f.findings().isEmpty)
  }

  static let sky = """
    document: { size: A4 }
    theme: theme.yaml
    pages:
      - items:
          - rect: { id: himmel, at: [10mm, 10mm], size: [100mm, 30mm], fill: ljussjö }
          - rect: { id: kulle, at: [10mm, 40mm], size: [100mm, 30mm], fill: mossa }
          - 1️⃣text: Över himmel och kulle
            at: [20mm, 36mm]
    """

  @Test func onTakesAListOfGrounds() throws {
    #expect(try Fixture(Self.sky + "\n        on: [himmel, kulle]").findings().isEmpty)
    let one = try Fixture(Self.sky + "\n        on: himmel")
    let found = try one.findings()
    #expect(found.map(\.message) == ["page 1: text `p1.3` (“Över himmel och kulle”) runs into the shape `kulle` (\(one.place("layout.yaml", 6, 9, from: found.first))) at 20.2 × 36.7 mm"])
    one.expectLocation(found.first, at: "1️⃣")
  }

  @Test func aStackBackgroundAndAFramesOwnFillAreGrounds() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - stack:
                at: [20mm, 20mm]
                width: 80mm
                fill: ljusskog
                padding: 3mm
                items:
                  - text: I en ruta
                  - text: med bakgrund
            - text: Egen fyllning
              at: [20mm, 80mm]
              width: 60mm
              fill: ljussol
      """)
    #expect(try f.findings().isEmpty)
  }

  @Test func aLabelAnchoredBesideTheRoadIsClear() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - path: "M 10mm 80mm C 60mm 60mm, 100mm 100mm, 150mm 80mm"
              id: väg
              stroke: { colour: sol, width: 6mm }
            - text: Ovanför
              width: 25mm
              anchor: { to: väg, along: 30%, side: above, distance: 2mm }
            - text: Nedanför
              width: 25mm
              anchor: { to: väg, along: 70%, side: below, distance: 2mm }
      """)
    let all = try f.check()
    #expect(all.isEmpty, "\(all.map(\.description))")
    // Centred on the road instead, the label runs into it.
    let onRoad = try Fixture(f.layoutText.replacingOccurrences(of: "along: 30%, side: above, distance: 2mm", with: "along: 30%, self: center"))
    #expect(try onRoad.findings().map { $0.message.hasPrefix("page 1: text `p1.2` (“Ovanför”) runs into the line `väg`") } == [true])
  }

  @Test func textCloseToAShapeIsAClearanceWarning() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - 1️⃣text: Hamn
              id: hamn
              at: [20mm, 60mm]
            - rect: { at: [20mm, 64.7mm], size: [40mm, 5mm], fill: sol }
      """)
    let found = try f.findings()
    let d = try #require(found.first)
    #expect(found.count == 1)
    #expect(d.severity == .warning)
    #expect(d.message == "page 1: text `hamn` (“Hamn”) is 0.4 mm from the shape `p1.2` (\(f.place("layout.yaml", 8, 9, from: d))), closer than its clearance of 1 mm at 20.4 × 61.5 mm")
    f.expectLocation(d, at: "1️⃣")
  }

  /// `Norr` is 8.5 mm wide; `Söder` starts 1, 3 or 6.5 mm after it (the ink is a little further
  /// apart). One em of 11 pt is 3.9 mm.
  @Test(arguments: [("29.5mm", Diagnostic.Severity?.some(.error), "1.3"), ("31.5mm", .warning, "3.3"), ("35mm", nil, "")])
  func twoLabelsOnOneBaseline(x: String, severity: Diagnostic.Severity?, apart: String) throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - text: Norr
              at: [20mm, 80mm]
              width: 9mm
            - 1️⃣text: Söder
              at: [\(x), 80mm]
      """)
    let found = try f.findings()
    guard let severity else { #expect(found.isEmpty, "\(found.map(\.message))"); return }
    #expect(found.map(\.message) == ["page 1: text `p1.2` (“Söder”) is on one line with text `p1.1` (“Norr”), only \(apart) mm apart, and reads as one phrase at 20.4 × 80.3 mm"])
    #expect(found.map(\.severity) == [severity])
    #expect(found.first?.hints == ["keep at least one em (3.9 mm) between them, or put them on different lines"])
    f.expectLocation(found.first, at: "1️⃣")
  }

  @Test func textPastTheTrimIsAnError() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - 1️⃣text: Utanför
              at: [-5mm, 100mm]
      """)
    let found = try f.findings()
    #expect(found.map(\.message) == ["page 1: text `p1.1` (“Utanför”) runs past the trim edge, where the sheet is cut, at -4.7 × 101.3 mm"])
    #expect(found.map(\.severity) == [.error])
    f.expectLocation(found.first, at: "1️⃣")
  }

  /// 3 mm by default; the document can ask for more.
  @Test(arguments: [("{ size: A4 }", "2mm", "3", "2.4"), ("{ size: A4, safe-area: 5mm }", "4mm", "5", "4.4"), ("{ size: A4 }", "4mm", "", "")])
  func textInTheSafeAreaIsAWarning(document: String, x: String, safe: String, inkX: String) throws {
    let f = try Fixture("""
      document: \(document)
      theme: theme.yaml
      pages:
        - items:
            - 1️⃣text: Nära kanten
              at: [\(x), 100mm]
      """)
    let found = try f.findings()
    guard !safe.isEmpty else { #expect(found.isEmpty, "\(found.map(\.message))"); return }
    #expect(found.map(\.message) == ["page 1: text `p1.1` (“Nära kanten”) is within \(safe) mm of the trim edge (the document's safe-area) at \(inkX) × 101.3 mm"])
    #expect(found.map(\.severity) == [.warning])
    f.expectLocation(found.first, at: "1️⃣")
  }

  @Test func textUnderALaterRectIsHidden() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - 1️⃣text: Gömd
              at: [20mm, 120mm]
            - rect: { at: [15mm, 115mm], size: [60mm, 20mm], fill: skog }
      """)
    let found = try f.findings()
    let hidden = try #require(found.first { $0.message.contains("is hidden under") })
    #expect(hidden.message == "page 1: text `p1.1` (“Gömd”) is hidden under the shape `p1.2` drawn after it at 20.2 × 121.3 mm")
    #expect(hidden.severity == .error)
    f.expectLocation(hidden, at: "1️⃣")
    // Covered, it also runs into the shape: two findings, no more.
    #expect(found.count == 2)
    #expect(found.contains { $0.message.hasPrefix("page 1: text `p1.1` (“Gömd”) runs into the shape `p1.2`") })
  }

  static let longWord = """
    document: { size: A4 }
    theme: theme.yaml
    pages:
      - items:
          - 1️⃣text: Kompetensförsörjningen
            at: [20mm, 140mm]
            width: 45mm
            hyphenate: false
    """

  @Test func aLongWordInANarrowFrameIsAForcedBreak() throws {
    let f = try Fixture(Self.longWord)
    let found = try f.findings()
    #expect(found.map(\.message) == ["page 1: text `p1.1` (“Kompetensförsörjningen”) is broken inside “Kompetensförsörjningen” (Kompetensförsörjninge|n), where no break belongs at 20.3 × 141.3 mm"])
    #expect(found.map(\.severity) == [.error])
    f.expectLocation(found.first, at: "1️⃣")
  }

  @Test func shrinkSetsTheLongWordWhole() throws {
    let f = try Fixture(Self.longWord + "\n        overflow: shrink")
    let all = try f.check()
    #expect(all.filter { $0.message.hasPrefix("page ") }.isEmpty, "\(all.map(\.message))")
    #expect(all.map(\.message).contains("text `p1.1` was shrunk to 98 % to fit its frame on page 1"))
  }

  /// Typography ties the range with word joiners (`9.00⁠–⁠11.30`); a line too narrow for it
  /// breaks it at one of them.
  @Test func aRangeSplitAtItsDashIsAForcedBreak() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - 1️⃣text: "kl. 9.00–11.30"
              at: [20mm, 140mm]
              width: 14mm
      """)
    let found = try f.findings()
    // Was a bug: forcedBreaks(in:) sees the word joiner (U+2060) at the line end, not a digit or the dash.
    #expect(found.map(\.message).contains { $0.contains("is broken inside") && $0.contains("9.00") }, "\(found.map(\.message))")
    f.expectLocation(found.first, at: "1️⃣")
  }

  static let component = """
    components:
      etikett:
        size: [40mm, 10mm]
        items:
          - 1️⃣text: Etikett
            at: [0mm, 0mm]
    """

  /// The second placement's text overlaps the first's: the finding points at the text in the
  /// component's file and names the `use` that placed it.
  @Test func aComponentPlacedTwiceNamesThePlacement() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      imports: [komponent.yaml]
      pages:
        - items:
            - use: etikett
              id: a
              at: [20mm, 20mm]
            - 2️⃣use: etikett
              id: b
              at: [20mm, 20mm]
      """, files: ["komponent.yaml": Self.component])
    let found = try f.findings()
    #expect(found.map(\.message) == ["page 1: text `b.1` (“Etikett”) overlaps text `a.1` (“Etikett”) at 20.4 × 21.3 mm"])
    let d = try #require(found.first)
    f.expectLocation(d, at: "1️⃣")
    #expect(d.hints.last == "`b.1` is placed by \(f.place("layout.yaml", 9, 9, from: d))")
    #expect(f.markers["2️⃣"] == .init(file: "layout.yaml", line: 9, column: 9))
  }

  @Test func aComponentInTheLayoutItselfNamesThePlacementToo() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      components:
        etikett:
          size: [40mm, 10mm]
          items:
            - 1️⃣text: Etikett
              at: [0mm, 0mm]
      pages:
        - items:
            - use: etikett
              id: a
              at: [20mm, 20mm]
            - 2️⃣use: etikett
              id: b
              at: [20mm, 20mm]
      """)
    let found = try f.findings()
    let d = try #require(found.first)
    f.expectLocation(d, at: "1️⃣")
    // Was a bug: the placement hint is only added when the component is in another file.
    #expect(d.hints.last == "`b.1` is placed by \(f.place("layout.yaml", 14, 9, from: d))", "\(d.hints)")
  }

  @Test func aComponentPlacedInsideAGroupNamesItsUse() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      imports: [komponent.yaml]
      pages:
        - items:
            - use: etikett
              id: a
              at: [20mm, 20mm]
            - group:
                at: [0mm, 0mm]
                items:
                  - 2️⃣use: etikett
                    id: b
                    at: [20mm, 20mm]
      """, files: ["komponent.yaml": Self.component])
    let found = try f.findings()
    let d = try #require(found.first)
    f.expectLocation(d, at: "1️⃣")
    // Was a bug: the hint names the outermost item (the group, line 9), not the `use`.
    #expect(d.hints.last == "`b.1` is placed by \(f.place("layout.yaml", 12, 15, from: d))", "\(d.hints)")
  }

  /// A shape without an id of its own: the hint asks for one, and doing what it says works.
  @Test func theOnHintForAShapeWithoutAnIdWorks() throws {
    let layout = """
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - text: Hamn
              at: [20mm, 60mm]
            - group:
                at: [0mm, 0mm]
                items:
                  - rect: { at: [20mm, 64.7mm], size: [40mm, 5mm], fill: sol }
      """
    let f = try Fixture(layout)
    let d = try #require(try f.findings().first)
    #expect(d.hints.last == "or, if it sits there on purpose, give the shape (\(f.place("layout.yaml", 10, 15, from: d))) an `id:` and add `on: <that id>` to the text")
    let followed = layout.replacingOccurrences(of: "at: [20mm, 60mm]", with: "at: [20mm, 60mm]\n        on: kaj")
      .replacingOccurrences(of: "- rect: { at:", with: "- rect: { id: kaj, at:")
    #expect(try Fixture(followed).findings().isEmpty)
  }

  /// A shape in a component inside the text's component: `on:` must name it from the text.
  @Test func theOnHintWorksForAShapeInANestedComponent() throws {
    let layout = """
      document: { size: A4 }
      theme: theme.yaml
      components:
        station:
          size: [40mm, 20mm]
          items:
            - rect: { id: himmel, at: [0mm, 0mm], size: [40mm, 20mm], fill: ljussjö }
        karta:
          size: [100mm, 50mm]
          items:
            - use: station
              id: station-1
              at: [10mm, 10mm]
            - text: Etikett
              at: [15mm, 15mm]
      pages:
        - items:
            - use: karta
              id: k
              at: [20mm, 20mm]
      """
    let before = try Fixture(layout).findings()
    #expect(before.map { $0.message.hasPrefix("page 1: text `k.2` (“Etikett”) runs into the shape `k.station-1.himmel`") } == [true])
    let hint = try #require(before.first?.hints.first { $0.contains("`on: ") })
    let suggested = try #require(hint.split(separator: "`").last { $0.hasPrefix("on: ") }, "\(hint)")
    let after = try Fixture(layout.replacingOccurrences(of: "at: [15mm, 15mm]", with: "at: [15mm, 15mm]\n        \(suggested)")).findings()
    // What works: the shape's id as seen from the text's component.
    let named = layout.replacingOccurrences(of: "at: [15mm, 15mm]", with: "at: [15mm, 15mm]\n        on: station-1.himmel")
    #expect(try Fixture(named).findings().isEmpty)
    // Was a bug: the hint gives the shape's last id part (`on: himmel`); from `k.2` that means k.himmel or himmel, not k.station-1.himmel.
    #expect(after.isEmpty, "after `\(suggested)`: \(after.map(\.message))")
  }

  /// `render` goes ahead with what `check` finds, as warnings; `--strict` stops it.
  @Test func renderReportsFindingsAsWarningsAndWrites() throws {
    let f = try Fixture("""
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - text: Första texten
              at: [20mm, 20mm]
            - 1️⃣text: Andra texten
              at: [20mm, 20mm]
      """)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let out = f.dir + "/ut.pdf"
    let report = try pipeline.render(f.layout, to: out, options: RenderOptions())
    let overlap = report.warnings.filter { $0.message.hasPrefix("page 1: text `p1.2` (“Andra texten”) overlaps text `p1.1`") }
    #expect(overlap.map(\.severity) == [.warning])
    f.expectLocation(overlap.first, at: "1️⃣")
    #expect(report.files == [out])
    let size = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int
    #expect((size ?? 0) > 1000)

    var strict = RenderOptions()
    strict.strict = true
    let stopped = f.dir + "/strikt.pdf"
    do {
      _ = try pipeline.render(f.layout, to: stopped, options: strict)
      Issue.record("--strict rendered a layout with a collision")
    } catch let e as DiagnosticsError {
      #expect(e.diagnostics.contains { $0.severity == .error && $0.message.contains("overlaps text `p1.1`") })
    }
    #expect(!FileManager.default.fileExists(atPath: stopped))
  }
}
