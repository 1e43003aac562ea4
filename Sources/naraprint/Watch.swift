import ArgumentParser
import Foundation
import NaraFiles
import NaraModel
import NaraPipeline

struct Watch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a layout, then again every time one of its files is saved (Ctrl-C stops).",
    discussion: "Watches the layout, its theme, imported components and kit sheets. A render with errors prints them and keeps the last good file.")

  @Argument(help: "The layout file or kit.")
  var layout: String
  @Option(name: .shortAndLong, help: "Output file (.pdf or .png).")
  var output: String?
  @Option(help: "Resolution of PNG output.")
  var dpi: Double = 150
  @Option(name: .customLong("set"), help: ArgumentHelp("Set a variable used as {{name}}.", valueName: "name=value"))
  var variables: [String] = []
  @Option(help: ArgumentHelp("Render a translation.", valueName: "locale"))
  var locale: String?
  @Option(help: ArgumentHelp("The folder files may be read from (default: the layout's project).", valueName: "dir"))
  var root: String?

  @OptionGroup var diagnosticOptions: DiagnosticOptions

  func run() throws {
    // Stop on Ctrl-C and on a plain kill, even if whoever started us ignored those signals
    // (ignored signals are inherited across exec). The handler removes temporary files first.
    TemporaryFiles.installSignalCleanup(evenIfIgnored: true)
    var options = RenderOptions()
    options.variables = try variableValues(variables)
    let base = ((layout as NSString).lastPathComponent as NSString).deletingPathExtension
    let target = output ?? "\(base).pdf"
    options.format = (target as NSString).pathExtension.lowercased() == "png" ? .png : .pdf
    options.dpi = dpi
    options.locale = locale
    let pipeline = try Pipeline(near: layout, root: projectRoot(root))
    let printer = diagnosticOptions.printer
    var watched: [String: Date] = [:]
    func stamp(_ files: [String]) -> [String: Date] {
      Dictionary(files.map { ($0, (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }) { a, _ in a }
    }
    func render() {
      let start = Date()
      do {
        // One layout per save: the render says which files it read.
        let report = try pipeline.render(layout, to: target, options: options)
        watched = stamp(report.inputs)
        printer.print(report.warnings)
        let ms = Int(Date().timeIntervalSince(start) * 1000)
        FileHandle.standardError.write(Data("wrote \(target) in \(ms) ms – watching \(watched.count) files\n".utf8))
      } catch let e as DiagnosticsError {
        printer.print(e.diagnostics)
        FileHandle.standardError.write(Data("not written; fix the errors and save again\n".utf8))
        // Keep watching what could be read, and the layout itself.
        if watched.isEmpty { watched = stamp([LayoutResolution.file(layout)]) }
      } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    render()
    while true {
      Thread.sleep(forTimeInterval: 0.3)
      let now = stamp(Array(watched.keys))
      if now != watched {
        // Let the editor finish writing.
        Thread.sleep(forTimeInterval: 0.1)
        render()
      }
    }
  }
}

enum LayoutResolution {
  static func file(_ path: String) -> String {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path + "/kit.yaml" }
    return path
  }
}
