import Foundation
import NaraLoader
import NaraPipeline
import TestSupport
import Testing

/// Issue 16: the format described once. The shipped JSON Schema and the README's reference are
/// what `naraprint schema` writes now; every shipped file passes the schema (checked with
/// Python's `jsonschema`, as an editor would check it); a wrong key fails the schema and the
/// loader alike; local styles render.
@Suite(.serialized) struct SchemaTests {
  let binary = repoRoot + "/.build/debug/naraprint"

  func naraprint(_ args: [String]) throws -> (out: String, err: String, status: Int32) {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
    return try run(binary, args, cwd: repoRoot)
  }

  static let shipped: [String] = {
    let fm = FileManager.default
    var out: [String] = []
    for folder in ["layouts", "layouts/components", "layouts/apt-kit"] {
      let names = (try? fm.contentsOfDirectory(atPath: repoRoot + "/" + folder)) ?? []
      out += names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    }
    return out
  }()

  @Test func theShippedSchemaIsWhatNaraprintSchemaWrites() throws {
    let r = try naraprint(["schema"])
    #expect(r.status == 0, "\(r.err)")
    let shipped = try String(contentsOfFile: repoRoot + "/naraprint.schema.json", encoding: .utf8)
    let difference = Self.firstDifference(shipped, r.out)
    #expect(difference == nil, "naraprint.schema.json is out of date (run `naraprint schema > naraprint.schema.json`): \(difference ?? "")")
    #expect(r.out == FormatSchema.jsonSchema())
  }

  @Test func theReadmeReferenceIsWhatNaraprintSchemaMarkdownWrites() throws {
    let readme = try String(contentsOfFile: repoRoot + "/README.md", encoding: .utf8)
    let markdown = try naraprint(["schema", "--markdown"]).out
    let updated = try #require(FormatSchema.replacingReference(in: readme), "README.md has no format-reference markers")
    let difference = Self.firstDifference(readme, updated)
    #expect(difference == nil, "README.md's key reference is out of date (run `naraprint schema --update-readme README.md`): \(difference ?? "")")
    #expect(updated.contains(markdown))
  }

  /// The first line that differs, for a short message.
  static func firstDifference(_ a: String, _ b: String) -> String? {
    let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
    for i in 0..<max(la.count, lb.count) {
      let x = i < la.count ? la[i] : "(end)", y = i < lb.count ? lb[i] : "(end)"
      if x != y { return "line \(i + 1) is “\(x)”, should be “\(y)”" }
    }
    return nil
  }

  @Test func everyShippedFileNamesTheSchemaInItsFirstLine() throws {
    #expect(Self.shipped.count >= 10)
    for file in Self.shipped {
      let text = try String(contentsOfFile: repoRoot + "/" + file, encoding: .utf8)
      let depth = file.split(separator: "/").count - 1
      let want = "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + "naraprint.schema.json\n"
      #expect(text.hasPrefix(want), "\(file) should start with \(want)")
      let schema = URL(fileURLWithPath: repoRoot + "/" + file).deletingLastPathComponent()
        .appendingPathComponent(String(repeating: "../", count: depth) + "naraprint.schema.json").standardized.path
      #expect(FileManager.default.fileExists(atPath: schema), "\(file): \(schema)")
    }
  }

  /// A project made by `init` has the schema its layouts name.
  @Test func initWritesTheSchemaTheLayoutsName() throws {
    let dir = try tempDirectory() + "/projekt"
    let r = try naraprint(["init", dir, "--template", "kit"])
    #expect(r.status == 0, "\(r.err)")
    let schema = try String(contentsOfFile: dir + "/naraprint.schema.json", encoding: .utf8)
    #expect(schema == FormatSchema.jsonSchema())
    let sheet = try String(contentsOfFile: dir + "/layouts/apt-kit/kit.yaml", encoding: .utf8)
    #expect(sheet.hasPrefix("# yaml-language-server: $schema=../../naraprint.schema.json\n"))
  }

  @Test func everyShippedFilePassesTheSchema() throws {
    let result = try validate(Self.shipped.map { repoRoot + "/" + $0 })
    guard let result else { return }
    #expect(result.status == 0, "\(result.out)\(result.err)")
    #expect(result.out.contains("checked \(Self.shipped.count) files"), "\(result.out)")
  }

  @Test func aMisspelledKeyFailsTheSchemaAndTheLoaderNamesTheSameKey() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A5 }
      theme: theme.yaml
      pages:
        - items:
            - text: Hej
              fnt-size: 12pt
      """.write(toFile: dir + "/fel.yaml", atomically: true, encoding: .utf8)
    guard let result = try validate([dir + "/fel.yaml"]) else { return }
    #expect(result.status != 0)
    #expect(result.out.contains("'fnt-size'"), "\(result.out)")
    let loaded = try naraprint(["check", dir + "/fel.yaml"])
    #expect(loaded.status != 0)
    #expect(loaded.err.contains("fel.yaml:6:9: error[NP0212]: unknown key `fnt-size` in a text item"), "\(loaded.err)")
    #expect(loaded.err.contains("did you mean `font-size`?"), "\(loaded.err)")
  }

  /// `schema --as-json` prints a YAML file as JSON typed as YAML 1.2 types it.
  @Test func asJSONPrintsAFileAsEditorsSeeIt() throws {
    let r = try naraprint(["schema", "--as-json", repoRoot + "/layouts/apt-kit/kit.yaml"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("{\n  \"kit\": {\n    \"title\": "), "\(r.out)")
  }

  /// Each file as JSON (as `naraprint schema --as-json` prints it), checked against the shipped schema by
  /// Python's jsonschema; nil (the test skipped) only without python3.
  func validate(_ files: [String]) throws -> (out: String, err: String, status: Int32)? {
    guard try run("python3", ["--version"]).status == 0 else {
      print("SchemaTests: python3 is not installed; skipping the JSON Schema check"); return nil
    }
    let dir = try tempDirectory()
    var jsonFiles: [String] = []
    for (i, file) in files.enumerated() {
      let json = try YAMLAsJSON.convert(try String(contentsOfFile: file, encoding: .utf8))
      let out = dir + "/\(i)-" + (file as NSString).lastPathComponent + ".json"
      try json.write(toFile: out, atomically: true, encoding: .utf8)
      jsonFiles.append(out)
    }
    let script = """
      import json, sys
      try:
          import jsonschema
      except ImportError:
          sys.exit("python3 has no jsonschema: pip install jsonschema")
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft7Validator.check_schema(schema)
      validator = jsonschema.Draft7Validator(schema)
      bad = 0
      for path in sys.argv[2:]:
          errors = list(validator.iter_errors(json.load(open(path))))
          for e in errors:
              deepest = e
              while deepest.context:
                  deepest = min(deepest.context, key=lambda c: -len(c.absolute_path))
              print(path, list(deepest.absolute_path), deepest.message)
          bad += bool(errors)
      print("checked", len(sys.argv) - 2, "files,", bad, "invalid")
      sys.exit(1 if bad else 0)
      """
    return try run("python3", ["-c", script, repoRoot + "/naraprint.schema.json"] + jsonFiles)
  }

  @Test func aLayoutsOwnStyleRendersItsText() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A5 }
      theme: theme.yaml
      styles:
        notis: { based-on: brödtext, colour: skog }
      pages:
        - items:
            - text: Nästa träff är i mars.
              style: notis
              at: [20mm, 20mm]
              width: 100mm
      """.write(toFile: dir + "/notis.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let loaded = try pipeline.load(dir + "/notis.yaml")
    let skog = try #require(loaded.document.theme.colours["skog"])
    let dump = try pipeline.layout(loaded.document).document.dump()
    let runs = dump.split(separator: "\n").filter { $0.contains(" run ") }
    #expect(!runs.isEmpty, "\(dump)")
    #expect(runs.allSatisfy { $0.contains(skog.hex) }, "\(dump)")
  }
}
