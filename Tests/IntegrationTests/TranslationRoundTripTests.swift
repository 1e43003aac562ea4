import Foundation
import TestSupport
import Testing

/// The translator's round trip with gettext's own tools and the command line, as the README
/// gives it: extract → msginit → translate → render → check; then the Swedish changes.
@Suite(.serialized) struct TranslationRoundTripTests {
  let binary = repoRoot + "/.build/debug/naraprint"

  func naraprint(_ args: [String], cwd: String) throws -> (out: String, err: String, status: Int32) {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    return try run(binary, args, cwd: cwd, env: ["NO_COLOR": "1", "NARAPRINT_FONTS": repoRoot + "/fonts"])
  }

  func workspace() throws -> String {
    let dir = try tempDirectory()
    for sub in ["layouts", "assets"] { try FileManager.default.copyItem(atPath: repoRoot + "/" + sub, toPath: dir + "/" + sub) }
    return dir
  }

  @Test func extractInitTranslateRenderCheckAndUpdate() throws {
    let dir = try workspace()
    let pot = "layouts/locales/naraprint.pot", so = "layouts/locales/so.po"
    #expect(try naraprint(["strings", "extract", "layouts", "-o", pot], cwd: dir).status == 0)
    // A new language from the template, "translated" by gettext's own tools: msgen copies each
    // Swedish text, msgfilter marks it, so every entry is translated and recognisable.
    #expect(try run("msginit", ["--no-translator", "-l", "so", "-i", pot, "-o", so], cwd: dir).status == 0)
    #expect(try run("msgen", ["-o", so, so], cwd: dir).status == 0)
    let filter = try run("msgfilter", ["-i", so, "-o", so, "sed", "-e", "s/vård/VÅRD/g"], cwd: dir)
    #expect(filter.status == 0, "\(filter.err)")
    let valid = try run("msgfmt", ["-c", "-o", "/dev/null", so], cwd: dir)
    #expect(valid.status == 0, "\(valid.err)")
    // Every text is translated: strict checks pass in the new locale.
    let checked = try naraprint(["check", "layouts/vad-ar-nara-vard.yaml", "--locale", "so", "--strict"], cwd: dir)
    #expect(checked.status == 0, "\(checked.err)")
    let rendered = try naraprint(["render", "layouts/vad-ar-nara-vard.yaml", "--locale", "so", "-o", "so.pdf"], cwd: dir)
    #expect(rendered.status == 0, "\(rendered.err)")
    let text = try pdfText(dir + "/so.pdf")
    #expect(text.contains("Nära VÅRD är en omställning"), "\(text.prefix(300))")

    // The Swedish of one paragraph changes, and the catalog is not merged: the paragraph is
    // Swedish, named as changed, and a strict check fails.
    let leaflet = dir + "/layouts/vad-ar-nara-vard.yaml"
    let sentence = "Vi måste hitta nya sätt att arbeta på för att räcka till."
    try String(contentsOfFile: leaflet, encoding: .utf8).replacingOccurrences(of: sentence, with: "Vi måste arbeta på nya sätt.")
      .write(toFile: leaflet, atomically: true, encoding: .utf8)
    let stale = try naraprint(["check", "layouts/vad-ar-nara-vard.yaml", "--locale", "so", "--strict"], cwd: dir)
    #expect(stale.status == 1)
    #expect(stale.err.contains("so: 1 of 51 texts use the Swedish, changed in Swedish since the catalog was last merged: text.p2 (line "), "\(stale.err)")
    #expect(stale.err.contains("run `naraprint strings update`"))
    let strictRender = try naraprint(["render", "layouts/vad-ar-nara-vard.yaml", "--locale", "so", "--strict", "-o", "stale.pdf"], cwd: dir)
    #expect(strictRender.status != 0 && strictRender.err.contains("text.p2"), "\(strictRender.err)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/stale.pdf"))
    // Merged: exactly that entry is fuzzy, and named so.
    let updated = try naraprint(["strings", "update"], cwd: dir)
    #expect(updated.status == 0, "\(updated.err)")
    let fuzzy = try naraprint(["check", "layouts/vad-ar-nara-vard.yaml", "--locale", "so", "--strict"], cwd: dir)
    #expect(fuzzy.status == 1)
    #expect(fuzzy.err.contains("so: 1 of 51 texts use the Swedish, fuzzy"), "\(fuzzy.err)")
    #expect(fuzzy.err.contains(": text.p2 (line "))
    #expect(try run("msgfmt", ["-c", "-o", "/dev/null", so], cwd: dir).status == 0)
    // Without --strict it is a warning, and the render goes ahead.
    #expect(try naraprint(["render", "layouts/vad-ar-nara-vard.yaml", "--locale", "so", "-o", "so.pdf"], cwd: dir).status == 0)
  }

  /// A catalog from before texts were cut into paragraphs (one entry for the whole story):
  /// `strings update` carries each paragraph's translation over; nothing is lost or fuzzy.
  @Test func wholeTextTranslationsAreCarriedOverToParagraphs() throws {
    let dir = try workspace()
    let leaflet = try String(contentsOfFile: dir + "/layouts/vad-ar-nara-vard.yaml", encoding: .utf8)
    // The story's Swedish as the block scalar gives it.
    let lines = leaflet.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix("    content: |") }) + 1
    let end = try #require(lines[start...].firstIndex { !$0.isEmpty && !$0.hasPrefix("      ") })
    var story = lines[start..<end].map { $0.isEmpty ? "" : String($0.dropFirst(6)) }.joined(separator: "\n")
    while story.hasSuffix("\n\n") { story.removeLast() }
    func quoted(_ s: String) -> String {
      "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
    try """
      msgid ""
      msgstr ""
      "Language: en\\n"
      "Content-Type: text/plain; charset=UTF-8\\n"

      msgctxt "text"
      msgid \(quoted(story))
      msgstr \(quoted(story.replacingOccurrences(of: "vård", with: "VÅRD")))

      """.write(toFile: dir + "/layouts/locales/en.po", atomically: true, encoding: .utf8)
    let updated = try naraprint(["strings", "update"], cwd: dir)
    #expect(updated.status == 0, "\(updated.err)")
    #expect(updated.err.contains("layouts/locales/en.po: 13 translations of whole texts carried over to their paragraphs"), "\(updated.err)")
    let en = try String(contentsOfFile: dir + "/layouts/locales/en.po", encoding: .utf8)
    #expect(en.contains("msgctxt \"text.h7\"\nmsgid \"Hur jobbar vi med nära vård i Värmland?\"\nmsgstr \"Hur jobbar vi med nära VÅRD i Värmland?\""), "headings lose their ## in both")
    // No paragraph of the story is fuzzy (msgmerge may still guess other, new entries from them).
    let fuzzyStory = en.components(separatedBy: "\n\n").filter { $0.contains("#, fuzzy") && $0.contains("\nmsgctxt \"text.") }
    #expect(fuzzyStory.isEmpty, "\(fuzzyStory)")
    let states = try naraprint(["strings", "status", "layouts/vad-ar-nara-vard.yaml", "--json"], cwd: dir)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(states.out.utf8)) as? [[String: Any]], "\(states.out)")
    let row = try #require(rows.first { $0["locale"] as? String == "en" })
    let untranslated = (row["untranslated"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    #expect(!untranslated.contains { $0.hasPrefix("text.") }, "\(untranslated)")
    #expect(row["translated"] as? Int == 13)
  }
}
