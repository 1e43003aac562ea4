import Foundation
import NaraCairo
import TestSupport
import Testing

/// The integration tests' golden files (the page tree as text, PNGs with a tolerance).
extension Golden {
  static let directory = repoRoot + "/Tests/IntegrationTests/Golden"

  static func assertText(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try assertText(actual, named: name, in: directory, sourceLocation: sourceLocation)
  }

  /// Fails when more than `maxFraction` of the pixels differ by more than `tolerance` in a
  /// channel; writes expected | diff | actual beside the test output for a look.
  static func assertPNG(_ actual: PNGPixels, named name: String, tolerance: UInt8 = 24, maxFraction: Double = 0.002) throws {
    let path = directory + "/" + name
    if recording || !FileManager.default.fileExists(atPath: path) {
      try actual.write(to: path)
      Issue.record("recorded golden \(name); re-run the tests")
      return
    }
    let expected = try PNGPixels(contentsOf: path)
    guard let (fraction, diff) = actual.difference(from: expected, tolerance: tolerance) else {
      Issue.record("\(name): size \(actual.width)×\(actual.height) differs from the golden's \(expected.width)×\(expected.height)")
      return
    }
    if fraction > maxFraction {
      let out = NSTemporaryDirectory() + "naraprint-golden-failures"
      try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try? actual.write(to: out + "/actual-" + name)
      try? diff.write(to: out + "/diff-" + name)
      try? expected.write(to: out + "/expected-" + name)
      Issue.record("\(name): \(String(format: "%.3f", fraction * 100)) % of pixels differ (allowed \(maxFraction * 100) %); see \(out)")
    }
  }
}
