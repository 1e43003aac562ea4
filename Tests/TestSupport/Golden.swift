import Foundation
import Testing

/// Golden files compared exactly. A missing golden is recorded and fails, so a recording is
/// always looked at; `NARA_RECORD=1` re-records on purpose.
public enum Golden {
  public static var recording: Bool { ProcessInfo.processInfo.environment["NARA_RECORD"] == "1" }

  public static func assertText(_ actual: String, named name: String, in directory: String,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let path = directory + "/" + name
    guard !recording, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      Issue.record("recorded golden \(path); re-run the tests", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let diff = lineDiff(expected: expected, actual: actual).joined(separator: "\n")
      Issue.record(
        Comment(rawValue: "\(name) differs from the golden (NARA_RECORD=1 re-records):\n--- expected\n+++ actual\n\(diff)"),
        sourceLocation: sourceLocation)
    }
  }
}

/// A unified-ish diff: hunks of removed (`-`) and added (`+`) lines between common ones, each
/// headed by its line number in the expected text (longest common subsequence).
public func lineDiff(expected: String, actual: String) -> [String] {
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
