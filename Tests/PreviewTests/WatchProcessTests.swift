import Foundation
import Testing
import TestSupport

/// `naraprint watch` as a user runs it: a process, files saved beside it, its messages read
/// from standard error.
final class WatchProcess {
  let process = Process()
  let log: String
  static let binary = repoRoot + "/.build/debug/naraprint"

  init(_ arguments: [String], in dir: String, environment: [String: String] = [:]) throws {
    log = dir + "/watch.log"
    FileManager.default.createFile(atPath: log, contents: nil)
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = ["watch"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: dir)
    var env = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "NARAPRINT_FONTS": repoRoot + "/fonts"]) { $1 }
    for (k, v) in environment { env[k] = v.isEmpty ? nil : v }
    process.environment = env
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.standardError = handle
    process.standardOutput = handle
    try process.run()
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
  func count(_ text: String) -> Int { output.components(separatedBy: text).count - 1 }

  /// Waits (up to 60 s: the machine may be busy with other tests) until `text` has been
  /// printed `times` times.
  @discardableResult
  func waitFor(_ text: String, times: Int = 1) -> Bool {
    for _ in 0..<600 {
      if count(text) >= times { return true }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return false
  }
}

@Suite(.serialized) struct WatchProcessTests {
  init() throws { try #require(FileManager.default.isExecutableFile(atPath: WatchProcess.binary), "build first: swift build") }

  func project(layout: String) throws -> String {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try layout.write(toFile: dir + "/w.yaml", atomically: true, encoding: .utf8)
    return dir
  }

  static func layout(_ words: String, extra: String = "") -> String {
    "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: \(words)\n\(extra)"
  }

  /// The bug the issue reports: a layout with an error was re-rendered (and its error printed)
  /// on every poll. Now once per change; a fix renders again.
  @Test func anErrorIsPrintedOncePerChange() throws {
    let dir = try project(layout: Self.layout("Första"))
    let watch = try WatchProcess(["w.yaml", "-o", "w.pdf"], in: dir)
    #expect(watch.waitFor("wrote w.pdf"))
    try "document: { size: A6 }\ntheme: theme.yaml\npages: [\n".write(toFile: dir + "/w.yaml", atomically: true, encoding: .utf8)
    #expect(watch.waitFor("not written"))
    Thread.sleep(forTimeInterval: 2)
    #expect(watch.count("not written") == 1, "the error was printed \(watch.count("not written")) times:\n\(watch.output)")
    #expect(watch.count("error[NP0101]") == 1)
    try Self.layout("Andra").write(toFile: dir + "/w.yaml", atomically: true, encoding: .utf8)
    #expect(watch.waitFor("wrote w.pdf", times: 2), "the fix was not rendered:\n\(watch.output)")
    #expect(try pdfText(dir + "/w.pdf").contains("Andra"))
  }

  /// An image replaced (by a different one, the same name) renders again.
  @Test func aReplacedImageRendersAgain() throws {
    let extra = "      - image: bild.svg\n        width: 20mm\n        alt: En prick\n"
    let dir = try project(layout: Self.layout("Med bild", extra: extra))
    func circle(_ colour: String) -> String {
      "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><circle cx='5' cy='5' r='5' fill='\(colour)'/></svg>\n"
    }
    try circle("#0000ff").write(toFile: dir + "/bild.svg", atomically: true, encoding: .utf8)
    let watch = try WatchProcess(["w.yaml", "-o", "w.png", "--dpi", "30"], in: dir)
    #expect(watch.waitFor("wrote w.png"), "\(watch.output)")
    let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/w.png"))
    Thread.sleep(forTimeInterval: 0.3)
    // Replaced by rename, as an image editor saves.
    try circle("#ff0000").write(toFile: dir + "/bild.svg", atomically: true, encoding: .utf8)
    #expect(watch.waitFor("changed: bild.svg"), "the replaced image was not seen:\n\(watch.output)")
    #expect(watch.waitFor("wrote w.png", times: 2), "\(watch.output)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/w.png")) != before, "the PNG shows the new image")
  }

  /// The layout deleted (an editor's save by delete and write, or by mistake) is reported once;
  /// written again, it renders.
  @Test func aDeletedLayoutWrittenAgainRenders() throws {
    let dir = try project(layout: Self.layout("Första"))
    let watch = try WatchProcess(["w.yaml", "-o", "w.pdf"], in: dir)
    #expect(watch.waitFor("wrote w.pdf"))
    try FileManager.default.removeItem(atPath: dir + "/w.yaml")
    #expect(watch.waitFor("not written"))
    #expect(watch.output.contains("NP0100"), "\(watch.output)")
    Thread.sleep(forTimeInterval: 1)
    #expect(watch.count("not written") == 1)
    try Self.layout("Tillbaka").write(toFile: dir + "/w.yaml", atomically: true, encoding: .utf8)
    #expect(watch.waitFor("wrote w.pdf", times: 2), "\(watch.output)")
    #expect(try pdfText(dir + "/w.pdf").contains("Tillbaka"))
  }

  /// A burst of saves within a tenth of a second is one render, not five.
  @Test func aBurstOfSavesIsOneRender() throws {
    let dir = try project(layout: Self.layout("Noll"))
    let watch = try WatchProcess(["w.yaml", "-o", "w.pdf"], in: dir)
    #expect(watch.waitFor("wrote w.pdf"))
    Thread.sleep(forTimeInterval: 0.5)
    for i in 1...5 {
      try Self.layout("Version \(i)").write(toFile: dir + "/w.yaml", atomically: true, encoding: .utf8)
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(watch.waitFor("wrote w.pdf", times: 2))
    Thread.sleep(forTimeInterval: 1.5)
    #expect(watch.count("wrote w.pdf") <= 3, "a burst of five saves made \(watch.count("wrote w.pdf") - 1) renders:\n\(watch.output)")
    #expect(try pdfText(dir + "/w.pdf").contains("Version 5"))
  }

  /// A translation: a changed .po renders again; a unit's row from a CSV: a changed CSV does.
  @Test func aChangedTranslationAndCSVRenderAgain() throws {
    let dir = try tempDirectory()
    for sub in ["layouts", "assets"] { try FileManager.default.copyItem(atPath: repoRoot + "/" + sub, toPath: dir + "/" + sub) }
    try "enhet;datum\nHemtjänst Norr;2026-12-01\nVårdcentralen Syd;2026-12-02\n".write(toFile: dir + "/enheter.csv", atomically: true, encoding: .utf8)
    let watch = try WatchProcess(["layouts/apt-kit", "-o", "kit.pdf", "--locale", "en", "--data", "enheter.csv", "--row", "2"], in: dir)
    #expect(watch.waitFor("wrote kit.pdf"), "\(watch.output)")
    let first = try pdfText(dir + "/kit.pdf")
    #expect(first.contains("Vårdcentralen Syd"), "row 2's unit")
    #expect(first.contains("Facilitator"))
    // The CSV: row 2's unit renamed.
    try "enhet;datum\nHemtjänst Norr;2026-12-01\nVårdcentralen Väst;2026-12-02\n".write(toFile: dir + "/enheter.csv", atomically: true, encoding: .utf8)
    #expect(watch.waitFor("wrote kit.pdf", times: 2), "\(watch.output)")
    #expect(try pdfText(dir + "/kit.pdf").contains("Vårdcentralen Väst"))
    // The translation: one msgstr changed.
    let po = dir + "/layouts/locales/en.po"
    let text = try String(contentsOfFile: po, encoding: .utf8)
    // The sheet's heading (`huvud.rubrik`), which the page shows.
    #expect(text.contains("msgstr \"Facilitator’s guide\"\n"))
    try text.replacingOccurrences(of: "msgstr \"Facilitator’s guide\"\n", with: "msgstr \"Guide for the host\"\n")
      .write(toFile: po, atomically: true, encoding: .utf8)
    #expect(watch.waitFor("changed: layouts/locales/en.po"), "\(watch.output)")
    #expect(watch.waitFor("wrote kit.pdf", times: 3), "\(watch.output)")
    #expect(try pdfText(dir + "/kit.pdf").contains("Guide for the host"))
  }

  /// The project's font configuration saved: the fonts are read again before the next render.
  @Test func aChangedFontConfigurationIsReadAgain() throws {
    let dir = try project(layout: Self.layout("Typsnitt"))
    try FileManager.default.createDirectory(atPath: dir + "/fonts", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: repoRoot + "/fonts/fonts.conf", toPath: dir + "/fonts/fonts.conf")
    try FileManager.default.createSymbolicLink(atPath: dir + "/fonts/files", withDestinationPath: repoRoot + "/fonts/files")
    // The project's own fonts/ (no NARAPRINT_FONTS).
    let watch = try WatchProcess(["w.yaml", "-o", "w.pdf"], in: dir, environment: ["NARAPRINT_FONTS": ""])
    #expect(watch.waitFor("wrote w.pdf"), "\(watch.output)")
    let conf = try String(contentsOfFile: dir + "/fonts/fonts.conf", encoding: .utf8)
    try (conf + "<!-- edited -->\n").write(toFile: dir + "/fonts/fonts.conf", atomically: true, encoding: .utf8)
    #expect(watch.waitFor("the font configuration changed: fonts read again"), "\(watch.output)")
    #expect(watch.waitFor("wrote w.pdf", times: 2), "\(watch.output)")
  }

  /// A font file added to the project's fonts/files/ (a real folder here) reads the fonts again.
  @Test func aFontAddedToTheProjectIsReadAgain() throws {
    let dir = try project(layout: Self.layout("Typsnitt"))
    try FileManager.default.createDirectory(atPath: dir + "/fonts/files", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: repoRoot + "/fonts/fonts.conf", toPath: dir + "/fonts/fonts.conf")
    let fonts = try FileManager.default.contentsOfDirectory(atPath: repoRoot + "/fonts/files").sorted()
    for name in fonts { try FileManager.default.createSymbolicLink(atPath: dir + "/fonts/files/" + name, withDestinationPath: repoRoot + "/fonts/files/" + name) }
    let watch = try WatchProcess(["w.yaml", "-o", "w.pdf"], in: dir, environment: ["NARAPRINT_FONTS": ""])
    #expect(watch.waitFor("wrote w.pdf"), "\(watch.output)")
    Thread.sleep(forTimeInterval: 0.3)
    try FileManager.default.createSymbolicLink(atPath: dir + "/fonts/files/extra", withDestinationPath: repoRoot + "/fonts/files/" + (fonts.first ?? ""))
    #expect(watch.waitFor("the font configuration changed: fonts read again"), "\(watch.output)")
    #expect(watch.waitFor("wrote w.pdf", times: 2), "\(watch.output)")
  }

  /// A port that is taken is a clear error (exit 1), not a hang or a trap; a host that is not
  /// an address is a wrong option (64).
  @Test func aTakenPortAndABadHostAreReported() throws {
    let dir = try project(layout: Self.layout("X"))
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &size) == 0 }
    }
    try #require(bound)
    let port = UInt16(bigEndian: address.sin_port)
    let taken = try run(WatchProcess.binary, ["watch", "w.yaml", "--serve", "--port", "\(port)"], cwd: dir,
                        env: ["NARAPRINT_FONTS": repoRoot + "/fonts", "NO_COLOR": "1"])
    #expect(taken.status == 1, "\(taken.err)")
    #expect(taken.err.contains("error[NP0902]: cannot serve the preview on 127.0.0.1: Address already in use"), "\(taken.err)")
    let host = try run(WatchProcess.binary, ["watch", "w.yaml", "--serve", "--host", "example.org"], cwd: dir)
    #expect(host.status == 64 && host.err.contains("--host takes an address of this machine"))
  }

  @Test func optionsThatNeedEachOtherAreChecked() throws {
    let dir = try project(layout: Self.layout("X"))
    let r = try run(WatchProcess.binary, ["watch", "w.yaml", "--port", "8000"], cwd: dir)
    #expect(r.status == 64 && r.err.contains("--port and --host go with --serve"))
    let row = try run(WatchProcess.binary, ["watch", "w.yaml", "--row", "2"], cwd: dir)
    #expect(row.status == 64 && row.err.contains("--row goes with --data"))
  }
}
