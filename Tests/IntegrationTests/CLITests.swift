import Foundation
import NaraModel
import TestSupport
import Testing

/// The command line as a user meets it: exit codes, error format, files written or not.
@Suite(.serialized) struct CLITests {
  let binary = repoRoot + "/.build/debug/naraprint"

  func naraprint(_ args: [String], cwd: String) throws -> (out: String, err: String, status: Int32) {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    return try run(binary, args, cwd: cwd, env: ["NO_COLOR": "1", "NARAPRINT_FONTS": repoRoot + "/fonts"])
  }

  @Test func timingsNameEveryStep() throws {
    let dir = try tempDirectory()
    let r = try naraprint(["render", repoRoot + "/layouts/vad-ar-nara-vard.yaml", "-o", dir + "/blad.pdf", "--timings", "-q"], cwd: dir)
    #expect(r.status == 0, "\(r.err)")
    let lines = r.err.split(separator: "\n").map(String.init)
    for step in ["fonts (fontconfig, Pango)", "load (YAML, translations)", "layout (typography, shaping)", "  of which typography",
                 "checks (collisions)", "write PDF (Cairo, qpdf)", "since main"] {
      let line = lines.first { $0.hasPrefix(step + " ") }
      #expect(line != nil, "no `\(step)` in:\n\(r.err)")
      if let line, let ms = Double(line.dropFirst(step.count).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ms", with: "")) {
        #expect(ms >= 0 && ms < 600_000, "\(line)")
      } else {
        Issue.record("no time in `\(line ?? "")`")
      }
    }
    // Without the flag: nothing but the file.
    let quiet = try naraprint(["render", repoRoot + "/layouts/vad-ar-nara-vard.yaml", "-o", dir + "/blad.pdf", "-q"], cwd: dir)
    #expect(quiet.err.isEmpty, "\(quiet.err)")
  }

  @Test func rendersThePosterNextToTheWorkingDirectory() throws {
    let dir = try tempDirectory()
    let r = try naraprint(["render", repoRoot + "/layouts/malbild-poster.yaml"], cwd: dir)
    #expect(r.status == 0, "\(r.err)")
    #expect(FileManager.default.fileExists(atPath: dir + "/malbild-poster.pdf"))
    #expect(r.err.contains("wrote malbild-poster.pdf (1 page)"))
  }

  /// A one-sentence change in the Swedish, and a paragraph added: `strings update` marks
  /// exactly the entry of that paragraph fuzzy, with the previous Swedish; the new paragraph
  /// gets a key of its own and every other paragraph keeps its key and its translation;
  /// `strings status --json` lists them with their lines.
  @Test func stringsUpdateMarksAChangedSentenceFuzzy() throws {
    let dir = try tempDirectory()
    for sub in ["layouts", "assets"] { try FileManager.default.copyItem(atPath: repoRoot + "/" + sub, toPath: dir + "/" + sub) }
    let leaflet = dir + "/layouts/vad-ar-nara-vard.yaml"
    let original = try String(contentsOfFile: leaflet, encoding: .utf8)
    let sentence = "Vi måste hitta nya sätt att arbeta på för att räcka till."
    let anchor = "      Nära vård handlar om att byta fokus"
    #expect(original.contains(sentence) && original.contains(anchor))
    let changed = original.replacingOccurrences(of: sentence, with: "Vi måste hitta nya arbetssätt för att räcka till.")
      .replacingOccurrences(of: anchor, with: "      Ett nytt stycke om samverkan mellan kommun och region.\n\n" + anchor)
    try changed.write(toFile: leaflet, atomically: true, encoding: .utf8)
    // The entries marked fuzzy, by msgctxt (the header aside).
    func fuzzy(_ po: String) -> [String: String] {
      var out: [String: String] = [:]
      for entry in po.components(separatedBy: "\n\n") where entry.contains("#, fuzzy") {
        guard let line = entry.split(separator: "\n").first(where: { $0.hasPrefix("msgctxt \"") }) else { continue }
        out[String(line.dropFirst(9).dropLast())] = entry
      }
      return out
    }
    let before = fuzzy(try String(contentsOfFile: dir + "/layouts/locales/fi.po", encoding: .utf8))
    let r = try naraprint(["strings", "update"], cwd: dir)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.err.contains("merged layouts/locales/fi.po"))
    let fi = try String(contentsOfFile: dir + "/layouts/locales/fi.po", encoding: .utf8)
    let after = fuzzy(fi)
    #expect(Set(after.keys).subtracting(before.keys) == ["text.p2"], "\(after.keys.sorted())")
    let entry = try #require(after["text.p2"])
    #expect(entry.contains("#| msgctxt \"text.p2\""), "\(entry)")
    // The previous Swedish, as msgmerge wraps it in `#|` lines.
    let previous = entry.split(separator: "\n").filter { $0.hasPrefix("#| \"") }.map { $0.dropFirst(4).dropLast() }.joined()
    #expect(previous.hasSuffix("Vi måste hitta nya sätt att arbeta på för att räcka till."), "\(entry)")
    #expect(fi.contains("msgctxt \"text.p14\"\nmsgid \"Ett nytt stycke om samverkan mellan kommun och region.\"\nmsgstr \"\""), "the new paragraph has a key of its own")
    let check = try run("msgfmt", ["-c", "-o", "/dev/null", dir + "/layouts/locales/fi.po"])
    #expect(check.status == 0, "\(check.err)")
    let status = try naraprint(["strings", "status", "layouts/vad-ar-nara-vard.yaml", "--json"], cwd: dir)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [[String: Any]], "\(status.out)")
    let row = try #require(rows.first { $0["locale"] as? String == "fi" })
    #expect((row["fuzzy"] as? [[String: Any]])?.map { $0["id"] as? String } == ["text.p2"], "\(row)")
    #expect((row["fuzzy"] as? [[String: Any]])?.first?["line"] as? Int != nil)
    #expect((row["untranslated"] as? [[String: Any]])?.map { $0["id"] as? String } == ["text.p14"], "\(row)")
    #expect(row["translated"] as? Int == 50)
  }

  /// Every input path works as given: `../` from another folder, through a symlinked folder,
  /// with spaces and non-ASCII letters in the names – for render, check and strings.
  @Test func pathsWorkAsGiven() throws {
    let root = try tempDirectory()
    let work = root + "/en mapp/där"
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/länk till layouts", withDestinationPath: repoRoot + "/layouts")
    // A relative path that climbs out of the working folder.
    let up = String(repeating: "../", count: work.split(separator: "/").count) + String(repoRoot.dropFirst()) + "/layouts/malbild-poster.yaml"
    let checked = try naraprint(["check", up, "--locale", "sv"], cwd: work)
    #expect(checked.status == 0, "\(checked.err)")
    // Through the symlink: images and imports resolve where the files really are.
    let rendered = try naraprint(["render", "../../länk till layouts/vad-ar-nara-vard.yaml", "-o", "ut fil.pdf"], cwd: work)
    #expect(rendered.status == 0, "\(rendered.err)")
    #expect(FileManager.default.fileExists(atPath: work + "/ut fil.pdf"))
    let kit = try naraprint(["render", "../../länk till layouts/apt-kit", "--set", "enhet=Hemtjänst Norr", "--set", "datum=2026-12-03", "-o", "kit.pdf"], cwd: work)
    #expect(kit.status == 0, "\(kit.err)")
    let extracted = try naraprint(["strings", "extract", "../../länk till layouts", "-o", "mall.pot"], cwd: work)
    #expect(extracted.status == 0 && extracted.err.contains("from 3 layouts"), "\(extracted.err)")
  }

  /// `init` makes a project outside the checkout that renders at once, from each template;
  /// a folder that is not empty is refused.
  @Test(arguments: [("poster", "layouts/malbild-poster.yaml"), ("leaflet", "layouts/vad-ar-nara-vard.yaml"), ("kit", "layouts/apt-kit")])
  func initMakesAProjectThatRenders(template: String, layout: String) throws {
    let dir = try tempDirectory()
    let made = try naraprint(["init", "mitt projekt", "--template", template], cwd: dir)
    #expect(made.status == 0, "\(made.err)")
    let project = dir + "/mitt projekt"
    #expect(FileManager.default.fileExists(atPath: project + "/layouts/theme.yaml"))
    #expect(FileManager.default.fileExists(atPath: project + "/README.md"))
    let rendered = try naraprint(["render", layout, "--set", "enhet=Hemtjänst Norr", "--set", "datum=2026-12-03", "-o", "ut.pdf"], cwd: project)
    #expect(rendered.status == 0, "\(rendered.err)")
    let again = try naraprint(["init", "mitt projekt"], cwd: dir)
    #expect(again.status != 0 && again.err.contains("is not empty"), "\(again.err)")
  }

  /// A render never writes over a file it reads (here: the page tree aimed at the layout).
  @Test func anOutputThatIsAnInputIsRefused() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let layout = "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: Hej\n"
    try layout.write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
    let r = try naraprint(["render", "a.yaml", "--page-tree", "./a.yaml"], cwd: dir)
    #expect(r.status == 2 && r.err.contains("the page tree ./a.yaml is a file this render reads"), "\(r.err)")
    #expect(try String(contentsOfFile: dir + "/a.yaml", encoding: .utf8) == layout)
    #expect(!FileManager.default.fileExists(atPath: dir + "/a.pdf"))
  }

  /// A font the theme names that naraprint does not have: `render` says so (as `check` does)
  /// instead of falling back in silence; `--strict` refuses it.
  @Test func renderWarnsAboutAnUnknownFont() throws {
    let dir = try tempDirectory()
    let theme = try String(contentsOfFile: repoRoot + "/layouts/theme.yaml", encoding: .utf8)
      .replacingOccurrences(of: "  display: Noto Sans Display", with: "  display: Comic Sans MS")
    try theme.write(toFile: dir + "/theme.yaml", atomically: true, encoding: .utf8)
    try "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: Hej\n        style: titel\n"
      .write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
    let r = try naraprint(["render", "a.yaml"], cwd: dir)
    #expect(r.status == 0 && r.err.contains("warning[NP0801]: the font `Comic Sans MS` is not in naraprint's font configuration"), "\(r.err)")
    let strict = try naraprint(["render", "a.yaml", "--strict", "-o", "b.pdf"], cwd: dir)
    #expect(strict.status == 2 && !FileManager.default.fileExists(atPath: dir + "/b.pdf"), "\(strict.err)")
  }

  /// `doctor` names where the data came from and exits 0 when all is there.
  @Test func doctorSaysWhereTheDataIs() throws {
    let r = try naraprint(["doctor"], cwd: try tempDirectory())
    #expect(r.status == 0, "\(r.out)\(r.err)")
    #expect(r.out.contains("ok      fonts: \(repoRoot)/fonts/fonts.conf (from beside the program)"), "\(r.out)")
    #expect(r.out.contains("Swedish hyphenation exceptions"))
    let version = try naraprint(["--version"], cwd: repoRoot)
    #expect(version.out.trimmingCharacters(in: .whitespacesAndNewlines) == NaraprintVersion.string)
  }

  @Test func pngFormatFromTheExtension() throws {
    let dir = try tempDirectory()
    let r = try naraprint(["render", repoRoot + "/layouts/malbild-poster.yaml", "-o", "poster.png", "--dpi", "30"], cwd: dir)
    #expect(r.status == 0, "\(r.err)")
    let head = try #require(FileManager.default.contents(atPath: dir + "/poster.png")).prefix(8)
    #expect(Array(head) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  }

  @Test func errorsNameFileLineColumnAndLeaveTheOldFile() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let layout = """
      document:
        size: A3
        margins: 18
      theme: theme.yaml
      pages:
        - items:
            - text: Hej
              style: rubrk
              colur: skog

      """
    try layout.write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
    try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/bad.pdf"))
    let r = try naraprint(["render", "bad.yaml"], cwd: dir)
    #expect(r.status == 2)
    #expect(r.err.contains("bad.yaml:3:12: error[NP0216]: margins `18` needs a unit"), "\(r.err)")
    #expect(r.err.contains("bad.yaml:8:16: error[NP0217]: no paragraph style `rubrk` in the theme"))
    #expect(r.err.contains("hint: did you mean `rubrik`?"))
    #expect(r.err.contains("bad.yaml:9:9: error[NP0212]: unknown key `colur` in a text item"))
    #expect(r.err.contains("hint: did you mean `colour`?"))
    #expect(r.err.contains("3 errors; nothing written"))
    // The caret line under the source line.
    #expect(r.err.contains("  3 |   margins: 18\n    |            ^"))
    #expect(String(decoding: FileManager.default.contents(atPath: dir + "/bad.pdf") ?? Data(), as: UTF8.self) == "old")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("partial") }
    #expect(leftovers.isEmpty)
  }

  @Test func missingFileAndBrokenUTF8() throws {
    let dir = try tempDirectory()
    let missing = try naraprint(["render", "nowhere.yaml"], cwd: dir)
    #expect(missing.status == 2)
    #expect(missing.err.contains("error[NP0100]: file not found: nowhere.yaml"))
    try Data([0x64, 0x6F, 0x63, 0x3A, 0x0A, 0x20, 0x20, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x4E, 0xE4, 0x72, 0x61, 0x0A])
      .write(to: URL(fileURLWithPath: dir + "/latin1.yaml"))
    let broken = try naraprint(["render", "latin1.yaml"], cwd: dir)
    #expect(broken.status == 2)
    #expect(broken.err.contains("latin1.yaml:2:11: error[NP0100]: the file is not valid UTF-8"), "\(broken.err)")
  }

  @Test func badOptionsAreUsageErrors() throws {
    let dir = try tempDirectory()
    let r = try naraprint(["render", repoRoot + "/layouts/malbild-poster.yaml", "--dpi", "5000"], cwd: dir)
    #expect(r.status == 64)
    #expect(r.err.contains("--dpi must be between 10 and 1200"))
    let mismatch = try naraprint(["render", repoRoot + "/layouts/malbild-poster.yaml", "-o", "x.png", "--format", "pdf"], cwd: dir)
    #expect(mismatch.status == 64)
  }

  @Test func watchRendersAgainOnSave() throws {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    let layout = dir + "/w.yaml"
    try "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: Första\n".write(toFile: layout, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = ["watch", layout, "-o", dir + "/w.pdf"]
    p.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "NARAPRINT_FONTS": repoRoot + "/fonts"]) { $1 }
    let err = Pipe()
    p.standardError = err
    try p.run()
    defer { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
    func waitFor(_ text: String) throws -> Bool {
      for _ in 0..<100 {
        if try pdfTextIfPresent(dir + "/w.pdf").contains(text) { return true }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return false
    }
    #expect(try waitFor("Första"))
    Thread.sleep(forTimeInterval: 0.5)
    try "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: Andra\n".write(toFile: layout, atomically: true, encoding: .utf8)
    #expect(try waitFor("Andra"), "the saved change was not rendered")
  }

  func pdfTextIfPresent(_ pdf: String) throws -> String {
    guard FileManager.default.fileExists(atPath: pdf) else { return "" }
    return try run("pdftotext", [pdf, "-"]).out
  }

  @Test func helpListsTheCommands() throws {
    let r = try naraprint(["--help"], cwd: repoRoot)
    for command in ["render", "check", "watch", "strings", "hyphenate", "normalize"] { #expect(r.out.contains(command)) }
  }
}
