import ArgumentParser
import Foundation
import NaraCairo
import NaraModel
import NaraPipeline

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Preflight a layout or kit: overflow, missing glyphs and fonts, image resolution, text size, contrast.",
    discussion: "Writes nothing. Exit status 0 when all is well, 1 when there are warnings (with --strict) or errors.")

  @Argument(help: "The layout file or kit.")
  var layout: String
  @Option(name: .customLong("set"), help: ArgumentHelp("Set a variable used as {{name}}.", valueName: "name=value"))
  var variables: [String] = []
  @Option(help: ArgumentHelp("Check a translation (layouts/locales/LOCALE.po).", valueName: "locale"))
  var locale: String?
  @Flag(help: "Warnings make the check fail too.")
  var strict = false

  func run() throws {
    let printer = DiagnosticPrinter()
    let values = try variableValues(variables)
    do {
      let diagnostics = try Preflight.check(layout, variables: values, locale: locale, pipeline: try Pipeline())
      printer.print(diagnostics)
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.filter { $0.severity == .warning }.count
      FileHandle.standardError.write(Data((errors + warnings == 0 ? "check: all is well\n" : "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n").utf8))
      if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    } catch let e as DiagnosticsError {
      printer.print(e.diagnostics); throw ExitCode(2)
    } catch let e as RenderError {
      printer.print([e.diagnostic]); throw ExitCode(1)
    }
  }
}
