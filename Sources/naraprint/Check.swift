import ArgumentParser
import Foundation
import NaraModel
import NaraPipeline

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Preflight a layout or kit in every locale: collisions, overflow, glyphs, fonts, image resolution, text size, contrast.",
    discussion: """
      Checks Swedish and every translation beside the layout (locales/*.po), and prints a table \
      per locale. Finds text that overlaps text, runs into artwork it does not sit on (`on:`), \
      shares a baseline too closely with another, runs past the trim or into the safe area, \
      hides under a shape, or is broken inside a word or number. Writes nothing. Exit status 0 \
      when all is well, 1 when there are errors (or warnings, with --strict), 2 when the layout \
      cannot be read.
      """)

  @Argument(help: "The layout file or kit.")
  var layout: String
  @Option(name: .customLong("set"), help: ArgumentHelp("Set a variable used as {{name}}.", valueName: "name=value"))
  var variables: [String] = []
  @Option(help: ArgumentHelp("The locales to check, comma-separated (sv is the Swedish source); every locale beside the layout when not given.",
                             valueName: "locales"))
  var locale: String?
  @Flag(help: "Fill each {{variable}} with a long realistic value (one at a time, then all at once) and report what breaks.")
  var stress = false
  @Option(help: ArgumentHelp("Check the layout with every row of this CSV.", valueName: "file.csv"))
  var data: String?
  @Flag(help: "Add the print shop's preflight: images under 300 ppi, hairlines, backgrounds short of the bleed, total ink against the paper's limit.")
  var print = false
  @Option(help: ArgumentHelp("The folder files may be read from (default: the layout's project).", valueName: "dir"))
  var root: String?
  @Flag(help: "Warnings make the check fail too.")
  var strict = false

  @OptionGroup var diagnosticOptions: DiagnosticOptions


  func run() throws {
    let printer = diagnosticOptions.printer
    var options = CheckRun.Options()
    options.variables = try variableValues(variables)
    options.stress = stress
    options.dataFile = data
    options.print = print
    let locales = locale.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
      ?? CheckRun.locales(for: layout)
    do {
      let results = try CheckRun.run(layout, locales: locales, options: options, pipeline: try Pipeline(near: layout, root: projectRoot(root)))
      for r in results { printer.print(r.diagnostics) }
      let errors = results.reduce(0) { $0 + $1.errors }, warnings = results.reduce(0) { $0 + $1.warnings }
      var out = ""
      if results.count > 1 || stress || data != nil { out += CheckRun.table(results) + "\n" }
      out += errors + warnings == 0 ? "check: all is well\n" : "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
      FileHandle.standardError.write(Data(out.utf8))
      if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    } catch let e as DiagnosticsError {
      printer.print(e.diagnostics); throw ExitCode(2)
    } catch let e as RenderError {
      printer.print([e.diagnostic]); throw ExitCode(1)
    }
  }
}
