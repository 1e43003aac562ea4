import ArgumentParser
import Foundation
import NaraFiles
import NaraLocalization
import NaraModel
import NaraPipeline

struct Strings: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Translations: extract the texts as a gettext template, report each locale's state.",
    subcommands: [Extract.self, Update.self, Status.self])

  /// `strings update`: extract the template again and merge it into every catalog with
  /// gettext's msgmerge (`--previous`), so a translator sees the old Swedish beside the new.
  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract the template again and merge it into every .po (msgmerge --previous): changed texts become fuzzy.",
      discussion: """
        Writes layouts/locales/naraprint.pot, then runs `msgmerge --previous --update` on each
        .po file beside it (gettext must be installed). A text whose Swedish changed is marked
        fuzzy with its previous Swedish (#| msgid) for the translator; `strings status` lists
        them with their lines.
        """)
    @Argument(help: "Layout files, kits or folders (default: layouts).")
    var paths: [String] = ["layouts"]
    @Option(help: "The folder with the template and the .po files (default: layouts/locales).")
    var locales = "layouts/locales"

    @OptionGroup var diagnosticOptions: DiagnosticOptions


    func run() throws {
      let printer = diagnosticOptions.printer
      do {
        let template = (locales as NSString).appendingPathComponent("naraprint.pot")
        try Strings.writeTemplate(paths, to: template, printer: printer)
        let catalogs = ((try? FileManager.default.contentsOfDirectory(atPath: locales)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
        let templateCatalog = try POCatalog.read(path: template)
        for file in catalogs {
          let path = (locales as NSString).appendingPathComponent(file)
          // Translations of whole texts, cut into the template's paragraphs.
          let carried = ParagraphCompendium.entries(catalog: try POCatalog.read(path: path), template: templateCatalog)
          var arguments = ["msgmerge", "--quiet", "--previous", "--update", "--backup=none"]
          let compendium = FileManager.default.temporaryDirectory.appendingPathComponent("naraprint-\(UUID().uuidString).po").path
          defer { try? FileManager.default.removeItem(atPath: compendium) }
          if !carried.isEmpty {
            try POTWriter.compendium(carried).write(toFile: compendium, atomically: true, encoding: .utf8)
            arguments += ["--compendium", compendium]
          }
          let p = Process()
          p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
          p.arguments = arguments + [path, template]
          let err = Pipe()
          p.standardError = err
          do { try p.run() } catch {
            throw RenderError("cannot run msgmerge: \(error)", hints: ["install gettext (apt-get install gettext)"])
          }
          let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
          p.waitUntilExit()
          guard p.terminationStatus == 0 else {
            throw RenderError("msgmerge could not merge \(path): \(message.trimmingCharacters(in: .whitespacesAndNewlines))",
                              hints: ["fix the .po file (msgfmt -c \(path) names the line), then run strings update again"])
          }
          if !carried.isEmpty {
            FileHandle.standardError.write(Data("\(path): \(carried.count) translations of whole texts carried over to their paragraphs\n".utf8))
          }
          FileHandle.standardError.write(Data("merged \(path)\n".utf8))
        }
      } catch let e as DiagnosticsError {
        printer.print(e.diagnostics); throw ExitCode(2)
      } catch let e as RenderError {
        printer.print([e.diagnostic]); throw ExitCode(1)
      }
    }
  }

  /// Extracts every text of `paths` and writes the template, the same for `extract` and `update`.
  static func writeTemplate(_ paths: [String], to output: String, printer: DiagnosticPrinter) throws {
    // The template being replaced keeps each paragraph's key (`berättelse.p3`) where it was.
    let result = try StringsExtraction.extract(paths, pipeline: try Pipeline(near: paths.first), memory: StringsExtraction.memory(ofTemplate: output))
    // Fixed date: the same layouts give the same template.
    let pot = POTWriter.pot(result.strings, creationDate: "2026-01-01 00:00+0000")
    let dir = (output as NSString).deletingLastPathComponent
    if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    try AtomicFile.write(to: output) { temp in try pot.write(toFile: temp, atomically: false, encoding: .utf8) }
    printer.print(result.warnings)
    FileHandle.standardError.write(Data("wrote \(output): \(result.strings.count) texts from \(result.layouts.count) layouts\n".utf8))
  }

  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write every translatable text of the layouts as a gettext template (.pot).",
      discussion: """
        Each text's Swedish source is the msgid, its id the msgctxt, the layout line the
        reference, and a note says how much room the text has in its frame. Start a
        translation with `msginit -l fi -i naraprint.pot -o fi.po`, update one with
        `msgmerge -U fi.po naraprint.pot`.
        """)
    @Argument(help: "Layout files, kits or folders (default: layouts).")
    var paths: [String] = ["layouts"]
    @Option(name: .shortAndLong, help: "The template to write (default: layouts/locales/naraprint.pot).")
    var output = "layouts/locales/naraprint.pot"

    @OptionGroup var diagnosticOptions: DiagnosticOptions


    func run() throws {
      let printer = diagnosticOptions.printer
      do {
        try Strings.writeTemplate(paths, to: output, printer: printer)
      } catch let e as DiagnosticsError {
        printer.print(e.diagnostics); throw ExitCode(2)
      } catch let e as RenderError {
        printer.print([e.diagnostic]); throw ExitCode(1)
      }
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "For every locale and product: translated, fuzzy and untranslated texts by id, and what no longer fits or collides.")
    @Argument(help: "Layout files, kits or folders (default: layouts).")
    var paths: [String] = ["layouts"]
    @Option(help: "The folder with the .po files (default: layouts/locales).")
    var locales = "layouts/locales"
    @Option(name: .customLong("set"), help: ArgumentHelp("Values for {{variables}} (defaults are used for the rest).", valueName: "name=value"))
    var variables: [String] = []
    @Flag(help: "Print the rows as JSON (for scripts and CI) instead of the table.")
    var json = false

    @OptionGroup var diagnosticOptions: DiagnosticOptions


    func run() throws {
      let printer = diagnosticOptions.printer
      do {
        let pipeline = try Pipeline(near: paths.first)
        let report = try LocaleStatus.run(paths, localesDirectory: locales, variables: try variableValues(variables), pipeline: pipeline)
        if json { print(report.json) } else {
          print(report.table)
          printer.print(report.problems)
        }
        if report.problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
      } catch let e as DiagnosticsError {
        printer.print(e.diagnostics); throw ExitCode(2)
      }
    }
  }
}
