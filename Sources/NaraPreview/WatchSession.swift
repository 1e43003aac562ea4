import Foundation
import NaraLoader
import NaraModel
import NaraPipeline

/// What the reader of a preview may change without touching a file: the translation, the
/// CSV row (a unit) and variable values.
public struct WatchSettings: Sendable, Equatable {
  /// nil: the source language.
  public var locale: String?
  /// The 1-based data row of `--data`, when there is one.
  public var row: Int?
  /// Values set from the preview page; they win over `--set` and the CSV row.
  public var variables: [String: String] = [:]
  public init(locale: String? = nil, row: Int? = nil, variables: [String: String] = [:]) {
    self.locale = locale; self.row = row; self.variables = variables
  }
}

/// What a watch session tells the command line.
public enum WatchEvent {
  /// Written: the files, the render's warnings, how long it took, how many files are watched.
  case rendered(files: [String], warnings: [Diagnostic], milliseconds: Int, watching: Int)
  /// Not written: the errors (the last good output stays).
  case failed([Diagnostic])
  /// Files that changed since the last render (about to render again).
  case changed([String])
  /// The font configuration changed: fonts are read again.
  case fontsReloaded
}

/// `watch`: renders a layout, then again whenever a file the render read changes – the
/// layout, its theme, components, kit sheets, images, the translation, the CSV and the font
/// configuration – or the preview page asks for another locale, row or value.
///
/// - Every attempt restamps the files, failed ones too, so an error is reported once per
///   change and not on every poll.
/// - A burst of saves (an editor writing a backup, then the file; a translator's tool writing
///   several .po files) is one render: after a change the session waits until the files have
///   been still for `settle` seconds (at most `maximumSettle`).
/// - A file deleted and written again is a change twice: the render in between reports the
///   missing file, the next one succeeds.
public final class WatchSession {
  public let layout: String
  public let output: String
  public var options: RenderOptions
  /// `--data`: variables from one row of this CSV (the preview can switch rows).
  public let dataFile: String?
  public private(set) var settings: WatchSettings
  let root: ProjectRoot?
  let store: PreviewStore?
  let snapshotter: PreviewSnapshotter
  private var pipeline: Pipeline
  private var stamps = InputStamps([String]())
  /// What the last good render read, kept while later attempts fail.
  private var lastInputs: [String] = []
  private let onEvent: (WatchEvent) -> Void

  public var poll: TimeInterval = 0.25
  public var settle: TimeInterval = 0.12
  public var maximumSettle: TimeInterval = 2

  public init(layout: String, output: String, options: RenderOptions, dataFile: String?, settings: WatchSettings,
              root: ProjectRoot?, store: PreviewStore?, onEvent: @escaping (WatchEvent) -> Void) throws {
    self.layout = layout; self.output = output; self.options = options; self.dataFile = dataFile
    self.settings = settings; self.root = root; self.store = store; self.onEvent = onEvent
    pipeline = try Pipeline(near: layout, root: root)
    snapshotter = PreviewSnapshotter(layout: layout, output: output)
  }

  /// Renders, then watches until the process is stopped.
  public func run() -> Never {
    render()
    while true { _ = step() }
  }

  /// Waits one poll for a change or a request from the preview and renders if there was one.
  /// Returns whether it rendered.
  @discardableResult
  public func step() -> Bool {
    if let store, let request = store.takeRequest(waiting: poll) {
      settings = request
      render()
      return true
    } else if store == nil {
      Thread.sleep(forTimeInterval: poll)
    }
    let changed = stamps.changed()
    guard !changed.isEmpty else { return false }
    settleDown()
    onEvent(.changed(changed))
    if changed.contains(pipeline.fontConfig) || changed.contains(fontFolder) { reloadFonts() }
    render()
    return true
  }

  /// The folder beside the font configuration that holds the font files (`fonts/files/`): a
  /// font added or removed there changes the folder's stamp, and the fonts are read again.
  var fontFolder: String { ((pipeline.fontConfig as NSString).deletingLastPathComponent as NSString).appendingPathComponent("files") }

  /// Waits until no watched file has changed for `settle` seconds (or `maximumSettle` passed).
  private func settleDown() {
    let start = Date()
    var last = InputStamps(stamps.files)
    while Date().timeIntervalSince(start) < maximumSettle {
      Thread.sleep(forTimeInterval: settle)
      let now = InputStamps(stamps.files)
      if now == last { return }
      last = now
    }
  }

  private func reloadFonts() {
    // A broken configuration keeps the fonts in use; the error is the render's to report.
    if let fresh = try? Pipeline(fontConfig: pipeline.fontConfig, near: layout, root: root) {
      pipeline = fresh
      onEvent(.fontsReloaded)
    }
  }

  /// One attempt. The files are stamped before it reads them: a save during the render is a
  /// change the next poll sees.
  public func render() {
    var known = lastInputs + [LayoutLoader.resolve(layout).absolute, pipeline.fontConfig, fontFolder]
    if let dataFile { known.append(dataFile.absolute) }
    let before = InputStamps(known)
    let start = Date()
    var renderOptions = options
    renderOptions.locale = settings.locale
    let rows: [String]
    do {
      let data = try rowVariables()
      rows = data.labels
      renderOptions.variables.merge(data.values) { $1 }
      renderOptions.variables.merge(settings.variables) { $1 }
      let report = try pipeline.render(layout, to: output, options: renderOptions)
      let ms = Int(Date().timeIntervalSince(start) * 1000)
      lastInputs = report.inputs.map(\.absolute)
      stamps = before.keeping(known + lastInputs)
      onEvent(.rendered(files: report.files, warnings: report.warnings, milliseconds: ms, watching: stamps.files.count))
      if let store {
        store.publish(snapshotter.good(report: report, pipeline: pipeline, settings: settings, options: renderOptions, rows: rows,
                                       milliseconds: ms, inputs: stamps.files))
      }
    } catch {
      let diagnostics: [Diagnostic]
      switch error {
      case let e as DiagnosticsError: diagnostics = e.diagnostics
      case let e as RenderError: diagnostics = [e.diagnostic]
      default: diagnostics = [.error(.renderFailure, "\(error)")]
      }
      // Watch what could be read and every file an error points at (a theme with a typo).
      let named = diagnostics.compactMap { $0.location?.file }.filter { $0 != SourceLocation.unknown.file }.map(\.absolute)
      stamps = before.keeping(known + named)
      onEvent(.failed(diagnostics))
      if let store {
        store.publish(snapshotter.failed(diagnostics, settings: settings, previous: store.state, inputs: stamps.files))
      }
    }
  }

  /// The `--data` row's values and every row's label (its first column), or nothing.
  private func rowVariables() throws -> (values: [String: String], labels: [String]) {
    guard let dataFile else { return ([:], []) }
    let table = try CSVTable.read(path: dataFile)
    let labels = table.rows.map(table.label(of:))
    let index = (settings.row ?? 1) - 1
    guard table.rows.indices.contains(index) else {
      throw DiagnosticsError([.error(.invalidOption, "\(LayoutLoader.displayPath(dataFile)) has no data row \(index + 1); it has \(table.rows.count)",
                                     hints: ["choose a row from 1 to \(table.rows.count) with --row"])])
    }
    return (table.rows[index].values, labels)
  }
}

extension String {
  /// The path made absolute against the working folder (stamps and the preview's allow-list
  /// compare absolute paths).
  var absolute: String { LayoutLoader.absolutePath(self) }
}
