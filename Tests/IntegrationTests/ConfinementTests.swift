import Foundation
import TestSupport
import Testing

/// Reads stay inside the project root; input that would make naraprint do unbounded work is
/// refused with a limit that names what to change. Through the command line, as a user meets
/// it: exit status 2, a message with file:line:col, and nothing written.
@Suite struct ConfinementTests {
  let binary = repoRoot + "/.build/debug/naraprint"

  /// A project folder (`proj/layouts/…`, so its root is `proj`) with the shipped theme, and a
  /// secret beside it, outside the root.
  func project() throws -> (root: String, layouts: String, outside: String) {
    let base = try tempDirectory()
    let root = base + "/proj", layouts = root + "/layouts", outside = base + "/hemligt"
    for d in [layouts, root + "/assets", outside] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: layouts + "/theme.yaml")
    try FileManager.default.copyItem(atPath: repoRoot + "/assets/ikoner/flagga.svg", toPath: root + "/assets/flagga.svg")
    try FileManager.default.copyItem(atPath: repoRoot + "/assets/ikoner/flagga.svg", toPath: outside + "/bild.svg")
    try "components:\n  lösenord: {items: []}\nSECRET_TOKEN: abc123\n".write(toFile: outside + "/delar.yaml", atomically: true, encoding: .utf8)
    return (root, layouts, outside)
  }

  func layout(_ items: String, extra: String = "") -> String {
    """
    theme: theme.yaml
    document: { size: A5 }
    \(extra)
    pages:
      - items:
    \(items.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n"))
    """
  }

  /// Renders and expects a refusal: status 2, each phrase in the errors, no PDF.
  func expectRefused(_ dir: String, _ file: String, args: [String] = [], _ phrases: [String],
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
    let out = dir + "/ut.pdf"
    let r = try run(binary, ["render", file, "-o", out] + args, cwd: dir)
    #expect(r.status == 2, "exit status \(r.status): \(r.err)", sourceLocation: sourceLocation)
    for p in phrases { #expect(r.err.contains(p), "“\(p)” not in: \(r.err)", sourceLocation: sourceLocation) }
    #expect(!FileManager.default.fileExists(atPath: out), "nothing written", sourceLocation: sourceLocation)
    #expect(!r.err.contains("SECRET_TOKEN") && !r.err.contains("abc123"), "no content of a file outside", sourceLocation: sourceLocation)
  }

  @Test func anAbsolutePathOutsideTheRootIsRefused() throws {
    let p = try project()
    try layout("- image: \(p.outside)/bild.svg\n  width: 20mm").write(toFile: p.layouts + "/a.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "a.yaml", ["a.yaml:6:16: error[NP0100]:", "bild.svg is outside the project root \(p.root)", "--root"])
  }

  @Test func dotDotOutOfTheRootIsRefusedForImportsAndThemes() throws {
    let p = try project()
    try layout("- text: Hej", extra: "imports: [../../hemligt/delar.yaml]").write(toFile: p.layouts + "/b.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "b.yaml", ["b.yaml:3:11: error[NP0100]:", "delar.yaml is outside the project root"])
    try layout("- text: Hej").replacingOccurrences(of: "theme: theme.yaml", with: "theme: /etc/passwd")
      .write(toFile: p.layouts + "/c.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "c.yaml", ["/etc/passwd is outside the project root"])
  }

  @Test func aSymbolicLinkLeadingOutIsRefusedOneInsideIsFollowed() throws {
    let p = try project()
    try FileManager.default.createSymbolicLink(atPath: p.root + "/assets/ut.svg", withDestinationPath: p.outside + "/bild.svg")
    try FileManager.default.createSymbolicLink(atPath: p.root + "/assets/in.svg", withDestinationPath: p.root + "/assets/flagga.svg")
    try layout("- image: ../assets/ut.svg\n  width: 20mm").write(toFile: p.layouts + "/d.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "d.yaml", ["ut.svg is a symbolic link to \(p.outside)/bild.svg, outside the project root"])
    try layout("- image: ../assets/in.svg\n  width: 20mm\n  alt: Flagga").write(toFile: p.layouts + "/e.yaml", atomically: true, encoding: .utf8)
    let ok = try run(binary, ["render", "e.yaml", "-o", "e.pdf"], cwd: p.layouts)
    #expect(ok.status == 0, "\(ok.err)")
  }

  @Test func pathsFromSetAndFromACSVCellAreConfinedToo() throws {
    let p = try project()
    try layout("- image: \"../{{bild}}\"\n  width: 20mm\n  alt: Bild").write(toFile: p.layouts + "/f.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "f.yaml", args: ["--set", "bild=../hemligt/bild.svg"],
                      ["is outside the project root", "the path comes from a variable"])
    // The same value from a unit's CSV: that row fails, by its line; the good row is written.
    try "bild\nassets/flagga.svg\n../hemligt/bild.svg\n".write(toFile: p.layouts + "/rader.csv", atomically: true, encoding: .utf8)
    let out = p.root + "/ut"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let r = try run(binary, ["render", "f.yaml", "--data", "rader.csv", "-o", out], cwd: p.layouts)
    #expect(r.status != 0)
    #expect(r.err.contains("rader.csv:3"), "\(r.err)")
    #expect(r.err.contains("outside the project root"), "\(r.err)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".pdf") }
    #expect(written.count == 1, "\(written)")
  }

  @Test func rootWidensWhatMayBeRead() throws {
    let p = try project()
    try layout("- image: ../../hemligt/bild.svg\n  width: 20mm\n  alt: Bild").write(toFile: p.layouts + "/g.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "g.yaml", ["outside the project root"])
    let base = (p.root as NSString).deletingLastPathComponent
    let r = try run(binary, ["render", "g.yaml", "-o", "g.pdf", "--root", base], cwd: p.layouts)
    #expect(r.status == 0, "\(r.err)")
    let bad = try run(binary, ["render", "g.yaml", "-o", "g.pdf", "--root", base + "/finns-inte"], cwd: p.layouts)
    #expect(bad.status != 0 && bad.err.contains("is not a folder"), "\(bad.err)")
  }

  @Test func aLocaleIsATagNeverAPath() throws {
    let p = try project()
    try layout("- text: Hej").write(toFile: p.layouts + "/h.yaml", atomically: true, encoding: .utf8)
    let r = try run(binary, ["check", "h.yaml", "--locale", "../../hemligt/x"], cwd: p.layouts)
    #expect(r.status == 2 && r.err.contains("is not a language tag"), "\(r.err)")
  }

  @Test func aThemeThatIsNotYAMLIsNotQuoted() throws {
    let p = try project()
    try "SECRET_TOKEN=abc123\nPASSWORD: abc123\n".write(toFile: p.layouts + "/miljö.env", atomically: true, encoding: .utf8)
    try layout("- text: Hej").replacingOccurrences(of: "theme: theme.yaml", with: "theme: miljö.env")
      .write(toFile: p.layouts + "/i.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "i.yaml", ["miljö.env is not a YAML file"])
  }

  @Test func specialFilesAreRefusedByNameWithoutBlocking() throws {
    let p = try project()
    #expect(mkfifo(p.layouts + "/fifo.yaml", 0o644) == 0)
    try layout("- text: Hej", extra: "imports: [fifo.yaml]").write(toFile: p.layouts + "/j.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "j.yaml", ["fifo.yaml is not a regular file"])
  }

  @Test func aBillionLaughsFileIsRefusedQuickly() throws {
    let p = try project()
    var lines = ["  a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in 1..<10 { lines.append("  a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
    try ("variables:\n" + lines.joined(separator: "\n") + "\n" + layout("- text: Hej"))
      .write(toFile: p.layouts + "/k.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "k.yaml", ["more than 400000 values once its aliases"])
  }

  @Test func componentsPlacingComponentsAreBounded() throws {
    let p = try project()
    // Ten levels of a component placing the one below it ten times: 10^10 items if expanded.
    var components = "components:\n  c0:\n    items:\n      - rect: {at: [0mm, 0mm], size: [1mm, 1mm]}\n"
    for i in 1...10 {
      components += "  c\(i):\n    items:\n" + String(repeating: "      - use: c\(i - 1)\n        at: [0mm, 0mm]\n", count: 10)
    }
    try (components + layout("- use: c10\n  at: [0mm, 0mm]")).write(toFile: p.layouts + "/l.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "l.yaml", ["more than 20000 items once its components are placed"])
  }

  @Test func marginsThatLeaveNoRoomAreAnError() throws {
    let p = try project()
    try layout("- text: Hej").replacingOccurrences(of: "document: { size: A5 }", with: "document: { size: A5, margins: 80mm }")
      .write(toFile: p.layouts + "/m.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "m.yaml", ["the margins leave no room on the page: 160 mm of 148 mm across"])
  }

  @Test func aLongLineIsQuotedAsAShortExcerptWithoutControlCharacters() throws {
    let p = try project()
    let long = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    try "theme: theme.yaml\ndocument: {size: A5}\npages: \(long)\n".write(toFile: p.layouts + "/n.yaml", atomically: true, encoding: .utf8)
    let r = try run(binary, ["render", "n.yaml", "-o", "n.pdf"], cwd: p.layouts)
    #expect(r.status == 2)
    let longest = r.err.split(separator: "\n").map(\.count).max() ?? 0
    #expect(longest < 200, "an excerpt of \(longest) characters")
  }

  /// Names from CSV values stay single, visible file names in the output folder.
  @Test func csvValuesNeverMakeAPathOrAHiddenFile() throws {
    let p = try project()
    try layout("- text: \"{{enhet}}\"\n  at: [10mm, 10mm]\n  width: 100mm").write(toFile: p.layouts + "/o.yaml", atomically: true, encoding: .utf8)
    let long = String(repeating: "Hemtjänst ", count: 40)
    try "enhet\n..\n../../o\n.dold\n\(long)\nNorr\n".write(toFile: p.layouts + "/enheter.csv", atomically: true, encoding: .utf8)
    let out = p.root + "/ut"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let r = try run(binary, ["render", "o.yaml", "--data", "enheter.csv", "--name", "{{enhet}}.pdf", "-o", out], cwd: p.layouts)
    #expect(r.status == 0, "\(r.err)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(written.count == 5, "\(written)")
    #expect(written.allSatisfy { !$0.hasPrefix(".") && $0.hasSuffix(".pdf") && $0.utf8.count <= 255 }, "\(written)")
    #expect(written.contains("rad-2.pdf") && written.contains("dold.pdf") && written.contains("Norr.pdf"), "\(written)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: p.layouts).filter { $0.hasSuffix(".pdf") }.isEmpty)
    let bad = try run(binary, ["render", "o.yaml", "--data", "enheter.csv", "--name", "../{{enhet}}.pdf", "-o", out], cwd: p.layouts)
    #expect(bad.status != 0 && bad.err.contains("is not a file name"), "\(bad.err)")
  }

  @Test func aParagraphOverTheLimitIsAnErrorAtItsText() throws {
    let p = try project()
    let words = Array(repeating: "omställning", count: 2_000).joined(separator: " ")
    try layout("- text: \"\(words)\"\n  at: [10mm, 10mm]\n  size: [60mm, 100mm]").write(toFile: p.layouts + "/q.yaml", atomically: true, encoding: .utf8)
    try expectRefused(p.layouts, "q.yaml", ["q.yaml:6:15: error[NP0203]: a paragraph of 23999 characters; naraprint sets at most 20000",
                                            "split it into paragraphs"])
  }

  @Test func aSetValueWithAControlCharacterOrOverTheLimitIsRefused() throws {
    let p = try project()
    try layout("- text: \"{{enhet}}\"\n  at: [10mm, 10mm]\n  width: 60mm").write(toFile: p.layouts + "/s.yaml", atomically: true, encoding: .utf8)
    for (value, phrase) in [("Norr\u{1B}[31m", "contains a control character"),
                            (String(repeating: "x", count: 10_001), "a variable holds at most 10000")] {
      let r = try run(binary, ["render", "s.yaml", "-o", "s.pdf", "--set", "enhet=\(value)"], cwd: p.layouts)
      #expect(r.status != 0 && r.err.contains(phrase), "\(r.err.prefix(300))")
      #expect(!FileManager.default.fileExists(atPath: p.layouts + "/s.pdf"))
    }
  }
}
