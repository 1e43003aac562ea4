import Foundation
import NaraLayout
import NaraModel
import NaraPageTree
import TestSupport
import Testing

/// The page tree of a small layout as text, compared with a checked-in golden file.
/// `NARA_RECORD=1 swift test` (or a missing file) writes it anew and fails, so a recording is
/// always looked at; CI, with the file present, only compares.
@Suite("Layout: golden dump")
struct GoldenTests {
  /// The test target declares no resources, so the file is found beside this source file.
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static let smallLayout = """
    document:
      size: [200pt, 150pt]
      margins: 10pt
      bleed: 2pt
      lang: sv-SE
      title: Liten "prov" sida
    theme: theme.yaml
    pages:
      - background: "#eeeeee"
        items:
          - text: |
              # Nära vård

              Tillsammans utvecklar vi god och **nära** vård.
          - row:
              at: [10pt, 90pt]
              width: 180pt
              gap: 5pt
              align: center
              items:
                - rect: { size: [20pt, 20pt], fill: röd, stroke: { colour: svart, width: 1pt } }
                - text: "[Läs mer](https://example.se)"
                - image: bild.png
                  width: 30pt
                  alt: En karta
          - ellipse: { at: [150pt, 120pt], size: [20pt, 10pt], fill: svart }
            rotate: 90
            opacity: 0.5
    """

  @Test func smallLayoutDump() throws {
    let actual = try layOut(Self.smallLayout).document.dump()
    try assertGolden(actual, named: "small-layout.txt")
  }

  @Test func dumpIsStableAcrossRuns() throws {
    #expect(try layOut(Self.smallLayout).document.dump() == layOut(Self.smallLayout).document.dump())
  }

  @Test func diffShowsOnlyTheDifferingLines() {
    let d = lineDiff(expected: "a\nb\nc\nd", actual: "a\nB\nc\nd\ne")
    #expect(d == ["@@ line 2 @@", "-b", "+B", "@@ line 5 @@", "+e"])
  }

  func assertGolden(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try Golden.assertText(actual, named: name, in: Self.goldenDirectory.path, sourceLocation: sourceLocation)
  }
}
