import Foundation
import NaraLocalization
import NaraModel
import TestSupport
import Testing

/// The outcome of reading a PO text: the catalog or the diagnostics.
struct ReadResult {
  var catalog: POCatalog?
  var diagnostics: [Diagnostic]
  var marked: MarkedText
  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

  /// Expects exactly one error whose message contains `text`, at `marker`.
  func expectError(_ text: String, at marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expect(errors, text, marker, sourceLocation)
  }

  func expectWarning(_ text: String, at marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expect(warnings, text, marker, sourceLocation)
  }

  private func expect(_ list: [Diagnostic], _ text: String, _ marker: String, _ sl: Testing.SourceLocation) {
    guard let m = marked.markers[marker] else { Issue.record("no marker \(marker)", sourceLocation: sl); return }
    let hits = list.filter { $0.message.contains(text) }
    #expect(hits.count == 1, "expected one diagnostic containing \"\(text)\" in:\n\(diagnostics)", sourceLocation: sl)
    guard let d = hits.first else { return }
    #expect(d.location?.file == "fi.po", sourceLocation: sl)
    #expect(d.location?.line == m.line, "line of: \(d)", sourceLocation: sl)
    #expect(d.location?.column == m.column, "column of: \(d)", sourceLocation: sl)
    #expect(!d.hints.isEmpty, "no hint: \(d)", sourceLocation: sl)
  }
}

/// Reads a marked PO text as the file `fi.po`.
func read(_ marked: String, header: Bool = true) -> ReadResult {
  let m = MarkedText((header ? finnishHeader : "") + marked)
  return read(bytes: Data(m.text.utf8), marked: m)
}

func read(bytes: Data, marked: MarkedText = MarkedText("")) -> ReadResult {
  do {
    let c = try POCatalog.parse(bytes, file: "fi.po")
    return ReadResult(catalog: c, diagnostics: c.warnings, marked: marked)
  } catch {
    return ReadResult(catalog: nil, diagnostics: error.diagnostics, marked: marked)
  }
}

/// A translated file's header (8 lines, then a blank one).
let finnishHeader = """
  msgid ""
  msgstr ""
  "Project-Id-Version: naraprint\\n"
  "Language: fi\\n"
  "MIME-Version: 1.0\\n"
  "Content-Type: text/plain; charset=UTF-8\\n"
  "Content-Transfer-Encoding: 8bit\\n"
  "Plural-Forms: nplurals=2; plural=(n != 1);\\n"


  """

/// GNU gettext's command-line tools, run in a fresh temporary directory.
struct Gettext {
  let dir: URL

  init() throws {
    try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/msgfmt"),
                 "gettext is not installed: apt-get install -y gettext (scripts/install-deps)")
    dir = URL(fileURLWithPath: try tempDirectory(prefix: "naraprint-l10n"))
  }

  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
  func write(_ name: String, _ text: String) throws { try text.write(toFile: path(name), atomically: true, encoding: .utf8) }
  func contents(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

  /// Runs `/usr/bin/<tool>` in the directory; returns its exit status and standard error.
  @discardableResult
  func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let r = try TestSupport.run("/usr/bin/" + tool, arguments, cwd: dir.path, env: ["LC_ALL": "C.UTF-8"])
    return (r.status, r.err)
  }

  /// Runs a tool and expects it to succeed.
  func check(_ tool: String, _ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let r = try run(tool, arguments)
    #expect(r.status == 0, "\(tool) \(arguments.joined(separator: " ")) failed:\n\(r.stderr)", sourceLocation: sourceLocation)
  }

  func remove() { try? FileManager.default.removeItem(at: dir) }
}

/// Texts like the leaflets': placeholders, a link, quotes, a tab, line breaks and a long paragraph.
let sampleStrings: [TranslatableString] = [
  TranslatableString(
    id: "sidfot.sida", source: "Sida {{sida}} av {{sidor}}",
    references: [SourceLocation(file: "layouts/vad-ar-nara-vard.yaml", line: 80, column: 9)],
    notes: ["Sidfot, ram 40 × 6 mm, högst 1 rad"]),
  TranslatableString(
    id: "rubrik", source: "Vad är nära vård?",
    references: [SourceLocation(file: "layouts/vad-ar-nara-vard.yaml", line: 12, column: 9)],
    notes: ["Rubrik, ram 170 × 20 mm", "högst 2 rader"]),
  TranslatableString(
    id: "malbild.värde-1.citat",
    source: "”Jag vill bli sedd som en hel människa” – det är kärnan i nära vård, där invånaren, "
      + "vårdcentralen och kommunen tillsammans planerar vården utifrån det som är viktigt för mig. "
      + "Läs mer på [1177.se](https://www.1177.se/varmland/nara-vard) eller ring {{telefon}}.",
    references: [SourceLocation(file: "layouts/vad-ar-nara-vard.yaml", line: 22, column: 11)],
    notes: ["Citat i målbilden, ram 80 × 45 mm"]),
  TranslatableString(
    id: "kit.rad", source: "**{{enhet}}**\n{{datum|datum}}\n\tEn rad med \"citattecken\" och \\ snedstreck",
    references: [SourceLocation(file: "layouts/apt-kit/delar.yaml", line: 13, column: 11)]),
  TranslatableString(
    id: "kit.ord",
    source: "Ettmycketlångtordutanmellanslagsomintekanbrytasnågonstansiallafallintepåvanligtvisochsomfortsätter lite till",
    references: [SourceLocation(file: "layouts/apt-kit/delar.yaml", line: 30, column: 11)]),
]
