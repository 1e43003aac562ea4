import Foundation
import NaraPipeline
import TestSupport
import Testing

/// The caches a pipeline keeps between renders (parsed YAML files, prepared and shaped
/// paragraphs) must never show an old text: every edit to any file a render reads is seen by
/// the next render with the same pipeline, as `watch` and a batch use it.
@Suite struct CacheTests {
  static let layout = """
    theme: theme.yaml
    document: { size: A5, title: Cache }
    variables: { enhet: invånarna }
    pages:
      - items:
          - text: Kommunerna och regionen arbetar tillsammans för {{enhet}}.
            id: brödtext
            at: [15mm, 20mm]
            width: 118mm
            style: brödtext
    """

  func project() throws -> String {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try Self.layout.write(toFile: dir + "/cache.yaml", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func anEditedLayoutIsReadAgain() throws {
    let dir = try project()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var options = RenderOptions()
    options.variables = ["enhet": "invånarna"]
    _ = try pipeline.render(dir + "/cache.yaml", to: dir + "/a.pdf", options: options)
    #expect(try pdfText(dir + "/a.pdf").contains("arbetar tillsammans för invånarna"))
    #expect(pipeline.yamlCache.count == 2, "the layout and its theme are kept")

    // One word changed, same length and same modification second: the text decides.
    try Self.layout.replacingOccurrences(of: "arbetar", with: "verkar ").write(toFile: dir + "/cache.yaml", atomically: false, encoding: .utf8)
    _ = try pipeline.render(dir + "/cache.yaml", to: dir + "/b.pdf", options: options)
    let b = try pdfText(dir + "/b.pdf")
    #expect(b.contains("verkar tillsammans för invånarna"), "\(b)")
    #expect(!b.contains("arbetar"))

    // Another variable value: the paragraph is prepared anew, not taken from the cache.
    options.variables = ["enhet": "Hemtjänst Norr"]
    _ = try pipeline.render(dir + "/cache.yaml", to: dir + "/c.pdf", options: options)
    #expect(try pdfText(dir + "/c.pdf").contains("för Hemtjänst Norr"))
  }

  @Test func anEditedThemeIsReadAgain() throws {
    let dir = try project()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    _ = try pipeline.render(dir + "/cache.yaml", to: dir + "/a.pdf", options: RenderOptions())
    let theme = try String(contentsOfFile: dir + "/theme.yaml", encoding: .utf8)
    // A theme that no longer parses must fail, not render from the cached copy.
    try (theme + "\n  broken: [\n").write(toFile: dir + "/theme.yaml", atomically: false, encoding: .utf8)
    #expect(throws: (any Error).self) { try pipeline.render(dir + "/cache.yaml", to: dir + "/b.pdf", options: RenderOptions()) }
    #expect(!FileManager.default.fileExists(atPath: dir + "/b.pdf"))
    // Fixed again: renders.
    try theme.write(toFile: dir + "/theme.yaml", atomically: false, encoding: .utf8)
    _ = try pipeline.render(dir + "/cache.yaml", to: dir + "/c.pdf", options: RenderOptions())
    #expect(FileManager.default.fileExists(atPath: dir + "/c.pdf"))
  }

  @Test func aFileWithErrorsIsNeverKept() throws {
    let dir = try project()
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    try "theme: theme.yaml\npages: [\n".write(toFile: dir + "/bad.yaml", atomically: false, encoding: .utf8)
    for _ in 0..<2 {
      #expect(throws: (any Error).self) { try pipeline.render(dir + "/bad.yaml", to: dir + "/bad.pdf", options: RenderOptions()) }
    }
    #expect(pipeline.yamlCache.count == 0)
  }
}
