import Foundation
import TestSupport
import Testing

/// The copies in Fixtures/content/ are the project's texts in ../shared/content/ (when the
/// checkout has it beside it, as the project's CI does): a text changed there must be copied
/// here, and the poster and leaflet tests then check the layouts against it.
@Suite(
  "Shared content",
  .enabled(if: FileManager.default.fileExists(atPath: sharedRoot + "/content"),
           "../shared/content is not beside the checkout: the fixture copies are not compared with it"))
struct SharedContentTests {
  @Test(arguments: ["malbild.md", "leaflet.md"])
  func fixtureCopyMatchesShared(_ name: String) throws {
    let shared = try String(contentsOfFile: sharedRoot + "/content/" + name, encoding: .utf8)
    let copy = try String(contentsOfFile: repoRoot + "/Tests/IntegrationTests/Fixtures/content/" + name, encoding: .utf8)
    #expect(copy == shared, "Tests/IntegrationTests/Fixtures/content/\(name) differs from ../shared/content/\(name): copy it again")
  }
}
