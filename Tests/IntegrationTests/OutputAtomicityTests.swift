import Foundation
@testable import NaraCairo
@testable import NaraFiles
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Issue 14: a PNG set is replaced whole; temporary files go on SIGINT and SIGTERM.
@Suite(.serialized) struct PNGSetTests {
  static func layout(pages: Int) -> String {
    "document:\n  size: A6\n  margins: 10mm\n  lang: sv-SE\ntheme: theme.yaml\npages:\n"
      + (1...pages).map { "  - items:\n      - text: Sida \($0)\n        at: [10mm, 10mm]\n        width: 60mm\n" }.joined()
  }

  func render(_ dir: String, pages: Int) throws -> [String] {
    try Self.layout(pages: pages).write(toFile: dir + "/set.yaml", atomically: true, encoding: .utf8)
    var options = RenderOptions()
    options.format = .png
    options.dpi = 20
    return try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf").render(dir + "/set.yaml", to: dir + "/set.png", options: options).files
  }

  func pngs(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".png") }.sorted()
  }

  @Test func aShorterSetRemovesTheOldPages() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    _ = try render(dir, pages: 3)
    #expect(try pngs(dir) == ["set-1.png", "set-2.png", "set-3.png"])
    #expect(try render(dir, pages: 2) == [dir + "/set-1.png", dir + "/set-2.png"])
    #expect(try pngs(dir) == ["set-1.png", "set-2.png"])
    _ = try render(dir, pages: 1)
    #expect(try pngs(dir) == ["set.png"])
    #expect(Hardening.partialFiles(in: dir).isEmpty)
  }

  /// A page that fails leaves the old set untouched, and no temporaries.
  @Test func aFailingPageLeavesTheOldSet() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    _ = try render(dir, pages: 3)
    let before = try pngs(dir).map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
    try Self.layout(pages: 2).write(toFile: dir + "/set.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var doc = try pipeline.layout(try pipeline.load(dir + "/set.yaml").document).document
    doc.pages[1].size = Size(width: 100_000, height: 100_000)  // too many pixels: page 2 fails
    let renderer = try CairoRenderer(fontConfig: repoRoot + "/fonts/fonts.conf")
    #expect(throws: RenderError.self) { try renderer.writePNGs(doc, to: dir + "/set.png", dpi: 72) }
    #expect(try pngs(dir) == ["set-1.png", "set-2.png", "set-3.png"])
    #expect(try pngs(dir).map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) } == before)
    #expect(Hardening.partialFiles(in: dir).isEmpty)
  }

  @Test func registryTracksLiveTemporaries() throws {
    let dir = try tempDirectory()
    var seen: [String] = []
    try AtomicFile.write(to: dir + "/a.txt") { temp in
      seen = TemporaryFiles.livePaths.filter { $0 == temp }
      try "x".write(toFile: temp, atomically: false, encoding: .utf8)
    }
    #expect(seen.count == 1)
    #expect(!TemporaryFiles.livePaths.contains { $0.hasPrefix(dir) })
  }
}

/// SIGINT and SIGTERM in the middle of a batch: the temporaries go, the process still dies of
/// the signal.
@Suite(.serialized) struct SignalCleanupTests {
  let binary = repoRoot + "/.build/debug/naraprint"

  @Test(arguments: [SIGTERM, SIGINT]) func signalRemovesTemporaries(_ sig: Int32) throws {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    let dir = try tempDirectory()
    let out = dir + "/ut"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let rows = (1...80).map { "Enhet \($0);2026-12-03" }.joined(separator: "\n")
    try "enhet;datum\n\(rows)\n".write(toFile: dir + "/enheter.csv", atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = ["render", repoRoot + "/layouts/apt-kit", "--data", dir + "/enheter.csv", "-o", out, "--jobs", "2"]
    p.currentDirectoryURL = URL(fileURLWithPath: dir)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"; env["NARAPRINT_FONTS"] = repoRoot + "/fonts"
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    // Wait for a temporary file, then freeze the process so it stays there while we look.
    let deadline = Date().addingTimeInterval(120)
    var caught = false
    while Date() < deadline, p.isRunning {
      if !Hardening.partialFiles(in: out).isEmpty {
        kill(p.processIdentifier, SIGSTOP)
        if !Hardening.partialFiles(in: out).isEmpty { caught = true; break }
        kill(p.processIdentifier, SIGCONT)
      }
      usleep(2_000)
    }
    #expect(caught, "no temporary file seen while rendering")
    kill(p.processIdentifier, sig)
    kill(p.processIdentifier, SIGCONT)
    let stop = Date().addingTimeInterval(60)
    while p.isRunning, Date() < stop { usleep(10_000) }
    if p.isRunning {
      Issue.record("naraprint did not end on signal \(sig)")
      kill(p.processIdentifier, SIGKILL)
    }
    p.waitUntilExit()
    #expect(p.terminationReason == .uncaughtSignal)
    #expect(p.terminationStatus == sig)
    #expect(Hardening.partialFiles(in: out).isEmpty, "left behind: \(Hardening.partialFiles(in: out))")
  }
}
