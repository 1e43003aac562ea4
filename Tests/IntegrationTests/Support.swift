import Foundation
import NaraCairo
import NaraPipeline
import Testing

/// The repository's top folder (tests run with it as the working directory, but do not rely on it).
let repoRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

/// `../shared/` beside the checkout, as CI provides it.
let sharedRoot = (repoRoot as NSString).deletingLastPathComponent + "/shared"

func tempDirectory() throws -> String {
  let dir = NSTemporaryDirectory() + "naraprint-test-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

/// Runs a command-line tool and returns its standard output and status.
@discardableResult
func run(_ tool: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) throws -> (out: String, err: String, status: Int32) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = [tool] + args
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  var environment = ProcessInfo.processInfo.environment
  environment.merge(env) { $1 }
  p.environment = environment
  let out = Pipe(), err = Pipe()
  p.standardOutput = out; p.standardError = err
  try p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
}

/// PDF text as pdftotext gives it, with line-end soft hyphens joined and white space folded,
/// so phrases can be searched for.
/// The PDF's text; `raw` in content-stream order (labels set side by side stay whole).
func pdfText(_ pdf: String, raw: Bool = false) throws -> String {
  let r = try run("pdftotext", ["-enc", "UTF-8"] + (raw ? ["-raw"] : []) + [pdf, "-"])
  #expect(r.status == 0, "pdftotext failed: \(r.err)")
  return foldSpace(r.out.replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(of: "\u{00AD}", with: ""))
}

func foldSpace(_ s: String) -> String {
  s.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{0C}" })
    .joined(separator: " ")
}

/// Golden files: compared exactly (text) or with a tolerance (PNG). A missing golden is
/// recorded and fails; `NARA_RECORD=1` re-records on purpose.
enum Golden {
  static let directory = repoRoot + "/Tests/IntegrationTests/Golden"
  static var recording: Bool { ProcessInfo.processInfo.environment["NARA_RECORD"] == "1" }

  static func assertText(_ actual: String, named name: String) throws {
    let path = directory + "/" + name
    if recording || !FileManager.default.fileExists(atPath: path) {
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      Issue.record("recorded golden \(name); re-run the tests")
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    if expected != actual {
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      var report: [String] = []
      for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
        report.append("line \(i + 1):\n- \(i < e.count ? e[i] : "")\n+ \(i < a.count ? a[i] : "")")
        if report.count >= 12 { break }
      }
      let lines = report.joined(separator: "\n")
      Issue.record("\(name) differs from the golden (NARA_RECORD=1 re-records):\n\(lines)")
    }
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
