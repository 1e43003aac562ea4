import ArgumentParser
import Foundation
import NaraFiles
import NaraModel
import NaraPipeline
import NaraPreview

struct Watch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a layout, then again every time a file it reads is saved (Ctrl-C stops).",
    discussion: """
      Watches every file the render read: the layout, its theme, components and kit sheets, \
      images, the translation (--locale), the CSV (--data) and the font configuration. A burst \
      of saves is one render; a render with errors prints them once and keeps the last good file.

      With --serve, a live preview in the browser on http://127.0.0.1:7373/: every page, the \
      errors and warnings, the language, CSV row and variables (switchable on the page), and \
      where a clicked text is written.
      """)

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
  @Option(help: ArgumentHelp("Take variables from a row of this CSV (one unit's kit).", valueName: "file.csv"))
  var data: String?
  @Option(help: ArgumentHelp("The CSV row to render (1 is the first under the header).", valueName: "n"))
  var row: Int?
  @Option(help: ArgumentHelp("The folder files may be read from (default: the layout's project).", valueName: "dir"))
  var root: String?
  @Flag(help: "Serve a live preview in the browser.")
  var serve = false
  @Option(help: ArgumentHelp("The preview's port (0: any free port).", valueName: "port"))
  var port: Int?
  @Option(help: ArgumentHelp("The address the preview listens on: 127.0.0.1 unless you want other machines to see it.", valueName: "address"))
  var host: String = "127.0.0.1"

  @OptionGroup var diagnosticOptions: DiagnosticOptions

  func validate() throws {
    if let port, !(0...65535).contains(port) { throw ValidationError("--port takes 0 to 65535 (got \(port))") }
    if (port != nil || host != "127.0.0.1") && !serve { throw ValidationError("--port and --host go with --serve") }
    if row != nil && data == nil { throw ValidationError("--row goes with --data FILE.csv") }
    if let row, row < 1 { throw ValidationError("--row counts from 1 (the first row under the header)") }
    guard host == "localhost" || PreviewServer.isAddress(host) else {
      throw ValidationError("--host takes an address of this machine: 127.0.0.1 (the default), ::1, or 0.0.0.0 for every network (got \(host))")
    }
  }

  func run() throws {
    do {
      try watch()
    } catch let e as RenderError {
      diagnosticOptions.printer.print([e.diagnostic])
      throw ExitCode(1)
    }
  }

  private func watch() throws {
    // Stop on Ctrl-C and on a plain kill, even if whoever started us ignored those signals
    // (ignored signals are inherited across exec). The handler removes temporary files first.
    TemporaryFiles.installSignalCleanup(evenIfIgnored: true)
    var options = RenderOptions()
    options.variables = try variableValues(variables)
    let base = ((layout as NSString).lastPathComponent as NSString).deletingPathExtension
    let target = output ?? "\(base).pdf"
    options.format = (target as NSString).pathExtension.lowercased() == "png" ? .png : .pdf
    options.dpi = dpi
    if let data { options.protectedFiles = [data] }
    let store = serve ? PreviewStore() : nil
    let printer = diagnosticOptions.printer
    let session = try WatchSession(
      layout: layout, output: target, options: options, dataFile: data, settings: WatchSettings(locale: locale, row: row),
      root: projectRoot(root), store: store
    ) { event in
      switch event {
      case .rendered(let files, let warnings, let ms, let watching):
        printer.print(warnings)
        let shown = files.map(displayPath).joined(separator: ", ")
        FileHandle.standardError.write(Data("wrote \(shown) in \(ms) ms – watching \(watching) files\n".utf8))
      case .failed(let diagnostics):
        printer.print(diagnostics)
        FileHandle.standardError.write(Data("not written; fix the errors and save again\n".utf8))
      case .changed(let files):
        let names = files.prefix(3).map(displayPath).joined(separator: ", ") + (files.count > 3 ? " …" : "")
        FileHandle.standardError.write(Data("changed: \(names)\n".utf8))
      case .fontsReloaded:
        FileHandle.standardError.write(Data("the font configuration changed: fonts read again\n".utf8))
      }
    }
    if let store {
      let server = try startServer(store: store)
      FileHandle.standardError.write(Data("preview: \(server.url)  (Ctrl-C stops)\n".utf8))
    }
    session.run()
  }

  /// Starts the preview server on another thread and waits until it listens. Without --port,
  /// 7373 or the next free one of the twenty after it.
  private func startServer(store: PreviewStore) throws -> PreviewServer {
    let candidates = port.map { [UInt16($0)] } ?? (0..<20).map { UInt16(7373 + $0) }
    var lastError: Error?
    for candidate in candidates {
      let server = try PreviewServer(store: store, host: host == "localhost" ? "127.0.0.1" : host, port: candidate)
      let done = DispatchSemaphore(value: 0)
      let result = Locked<Error?>(nil)
      Task {
        do { try await server.start() } catch { result.set(error) }
        done.signal()
      }
      done.wait()
      guard let error = result.value else { return server }
      lastError = error
    }
    throw RenderError(lastError.map { "\($0)" } ?? "cannot serve the preview",
                      hints: [port == nil ? "ports 7373 to 7392 are taken: choose one with --port, or --port 0 to let the system choose"
                                          : "choose another port with --port, or --port 0 to let the system choose"],
                      code: .invalidOption)
  }
}

enum LayoutResolution {
  static func file(_ path: String) -> String {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path + "/kit.yaml" }
    return path
  }
}
