import Foundation
import NaraModel
import TestSupport
import Testing

/// `--diagnostic-format json`, the human format's codes, and `naraprint explain`.
@Suite(.serialized) struct DiagnosticFormatTests {
  let binary = repoRoot + "/.build/debug/naraprint"

  func naraprint(_ args: [String], cwd: String) throws -> (out: String, err: String, status: Int32) {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    return try run(binary, args, cwd: cwd, env: ["NO_COLOR": "1", "NARAPRINT_FONTS": repoRoot + "/fonts"])
  }

  /// Every stderr line parsed as a JSON object.
  func objects(_ stderr: String) throws -> [[String: Any]] {
    try stderr.split(separator: "\n").filter { $0.hasPrefix("{") }.map { line in
      let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
      return try #require(parsed as? [String: Any], "not an object: \(line)")
    }
  }

  func project() throws -> String {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    return dir
  }

  @Test func jsonErrorHasEveryField() throws {
    let dir = try project()
    try "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: \"Hej {{enhet}}\"\n"
      .write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
    let r = try naraprint(["render", "a.yaml", "--diagnostic-format", "json"], cwd: dir)
    #expect(r.status == 2)
    let all = try objects(r.err)
    let d = try #require(all.first { $0["code"] as? String == "NP0301" }, "\(r.err)")
    #expect(d["severity"] as? String == "error")
    #expect((d["message"] as? String)?.contains("{{enhet}}") == true)
    #expect(d["file"] as? String == "a.yaml")
    #expect(d["line"] as? Int == 5 && d["column"] as? Int == 15 && d["length"] as? Int == 15, "\(d)")
    #expect(d["subject"] as? String == "enhet")
    #expect(d["item"] is NSNull)
    #expect((d["hints"] as? [String])?.isEmpty == false)
    for key in ["code", "severity", "message", "file", "line", "column", "length", "item", "subject", "hints"] {
      #expect(d[key] != nil, "no \(key)")
    }
  }

  @Test func jsonWarningNamesItsItem() throws {
    let dir = try project()
    try "document: { size: A6 }\ntheme: theme.yaml\npages:\n  - items:\n      - text: Ett alldeles för långt ord som inte får plats\n        id: trång\n        size: [20mm, 6mm]\n"
      .write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
    let r = try naraprint(["check", "a.yaml", "--diagnostic-format", "json"], cwd: dir)
    let all = try objects(r.err)
    let overflow = try #require(all.first { $0["code"] as? String == "NP0601" }, "\(r.err)")
    #expect(overflow["severity"] as? String == "warning")
    #expect(overflow["item"] as? String == "trång")
    #expect(overflow["line"] as? Int == 5 && overflow["file"] as? String == "a.yaml", "\(overflow)")
    // Human format: the same with the code in brackets.
    let human = try naraprint(["check", "a.yaml"], cwd: dir)
    #expect(human.err.contains("a.yaml:5:9: warning[NP0601]: text `trång` does not fit"), "\(human.err)")
  }

  @Test func explainPrintsOneCodeAndTheReference() throws {
    let dir = try tempDirectory()
    let one = try naraprint(["explain", "NP0301"], cwd: dir)
    #expect(one.status == 0 && one.out.hasPrefix("NP0301: a variable has no value"), "\(one.out)")
    let short = try naraprint(["explain", "301"], cwd: dir)
    #expect(short.out == one.out)
    let unknown = try naraprint(["explain", "NP9999"], cwd: dir)
    #expect(unknown.status == 64)
    let markdown = try naraprint(["explain", "--markdown"], cwd: dir)
    let docs = try String(contentsOfFile: repoRoot + "/docs/diagnostics.md", encoding: .utf8)
    #expect(markdown.out == docs, "docs/diagnostics.md is stale: run `naraprint explain --markdown > docs/diagnostics.md`")
  }
}
