import Foundation
import NaraLayout
import NaraModel
import NaraPageTree
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
    let url = Self.goldenDirectory.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["NARA_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
      try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded golden, re-run: \(url.path)", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let diff = lineDiff(expected: expected, actual: actual).joined(separator: "\n")
      Issue.record(
        Comment(rawValue: "\(name) differs (NARA_RECORD=1 to re-record):\n--- expected\n+++ actual\n\(diff)"),
        sourceLocation: sourceLocation)
    }
  }
}

/// A unified-ish diff: hunks of removed (`-`) and added (`+`) lines between common ones, each
/// headed by its line number in the expected text (longest common subsequence).
func lineDiff(expected: String, actual: String) -> [String] {
  let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  // lcs[i][j]: common lines of a[i...] and b[j...].
  var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in stride(from: a.count - 1, through: 0, by: -1) {
    for j in stride(from: b.count - 1, through: 0, by: -1) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  var out: [String] = [], hunk: [String] = []
  var i = 0, j = 0, hunkStart = 0
  func flush() {
    if !hunk.isEmpty { out.append("@@ line \(hunkStart + 1) @@"); out += hunk; hunk = [] }
  }
  while i < a.count || j < b.count {
    if i < a.count, j < b.count, a[i] == b[j] {
      flush(); i += 1; j += 1
    } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
      if hunk.isEmpty { hunkStart = i }
      hunk.append("-" + a[i]); i += 1
    } else {
      if hunk.isEmpty { hunkStart = i }
      hunk.append("+" + b[j]); j += 1
    }
  }
  flush()
  return out
}
