import Foundation
import Testing
import TestSupport

/// The live preview in a real browser: `Tests/Browser/preview_e2e.py` drives Debian's
/// chromium headless over the DevTools protocol (see that file for the checks). Its
/// screenshots are kept in `.build/test-artifacts/` (preview-ok, -source, -error, -en.png).
@Suite struct BrowserPreviewTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test func editBreakAndFixInChromium() throws {
    let binary = repoRoot + "/.build/debug/naraprint"
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    let browser = try #require(Self.chromium, "chromium is missing: scripts/install-deps --dev installs it")
    let artifacts = repoRoot + "/.build/test-artifacts"
    let r = try run("python3", [repoRoot + "/Tests/Browser/preview_e2e.py", "--binary", binary, "--repo", repoRoot,
                                "--artifacts", artifacts, "--chromium", browser])
    #expect(r.status == 0, "\(r.out)\n\(r.err)")
    #expect(r.out.contains("all preview checks passed"))
    for shot in ["preview-ok", "preview-source", "preview-error", "preview-en"] {
      #expect(FileManager.default.fileExists(atPath: "\(artifacts)/\(shot).png"), "\(shot).png")
    }
  }
}
