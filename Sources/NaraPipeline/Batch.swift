import Dispatch
import Foundation
import NaraCairo
import NaraLoader
import NaraModel
import NaraPageTree

/// One render per CSV row (a kit for every unit), on all cores.
public struct BatchOptions: Sendable {
  public var dataFile: String
  /// Output file name with `{{column}}` fields (`apt-{{enhet}}.pdf`), in `directory`.
  public var namePattern: String
  public var directory: String
  /// One PDF with every row's pages instead of one file per row.
  public var combine = false
  public var combinedName: String
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  public var render = RenderOptions()
  /// Also write a PNG with previews of every page.
  public var contactSheet: String?
  /// `--root` (see `ProjectRoot`); the layout's project when nil.
  public var root: ProjectRoot?
  public init(dataFile: String, namePattern: String, directory: String, combinedName: String) {
    self.dataFile = dataFile; self.namePattern = namePattern; self.directory = directory; self.combinedName = combinedName
  }
}

public struct BatchReport: Sendable {
  public var written: [String] = []
  /// Rows that failed, by line in the CSV, with what went wrong.
  public var failures: [(line: Int, label: String, diagnostics: [Diagnostic])] = []
  public var warnings: [Diagnostic] = []
  public var rows = 0
  public var seconds = 0.0
}

/// What the batch tells the command line as it goes.
public enum BatchEvent: Sendable {
  case started(total: Int)
  case finished(index: Int, done: Int, total: Int, file: String?, failed: Bool)
}

public enum Batch {
  /// Checks the CSV against what the layout needs, then renders every row. A failing row is
  /// reported and the others go on. Throws only for problems that stop the whole batch (an
  /// unreadable CSV, missing columns).
  public static func run(_ layout: String, options: BatchOptions, progress: @escaping @Sendable (BatchEvent) -> Void) throws -> BatchReport {
    let start = DispatchTime.now().uptimeNanoseconds
    let table = try CSVTable.read(path: options.dataFile)
    if table.rows.isEmpty {
      let shown = displayPath(options.dataFile)
      throw DiagnosticsError([.error(.noRows, "\(shown) has a header but no rows", at: SourceLocation(file: shown, line: 2, column: 1),
                                     hints: ["add one line per unit under the header"])])
    }
    // Columns the layout needs that neither the CSV nor --set gives.
    let needed = LayoutLoader(variables: options.render.variables).variablesNeeded(path: layout)
    try table.requireColumns(needed.sorted(), for: (layout as NSString).lastPathComponent)

    let total = table.rows.count
    progress(.started(total: total))
    let jobs = max(1, min(options.jobs, total))
    let state = BatchState(total: total)
    // One pipeline (font map, shaper, caches) per worker thread: none is shared.
    let workers = Workers(pipelines: try (0..<jobs).map { _ in try Pipeline(near: layout, root: options.root) })
    let pipelines = workers.pipelines
    let names = try outputNames(table, pattern: options.namePattern, directory: options.directory)

    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
      let pipeline = workers.pipelines[worker]
      while let i = state.next() {
        let row = table.rows[i]
        var variables = options.render.variables
        variables.merge(row.values) { $1 }
        let label = table.label(of: row)
        var failure: [Diagnostic] = table.missingValues(in: row, for: needed.sorted())
        var file: String?
        var pages: [RenderedPage] = []
        var warnings: [Diagnostic] = []
        if failure.isEmpty {
          do {
            // One layout per row: the pages for a combined PDF or the contact sheet come from
            // the same layout as the row's own file.
            if options.combine {
              let (doc, _, w) = try pipeline.build(layout, variables: variables, locale: options.render.locale,
                                                   shrinkToFit: options.render.shrinkToFit)
              pages = doc.pages
              warnings = w
            } else {
              var ro = options.render
              ro.variables = variables
              ro.protectedFiles.append(options.dataFile)
              let report = try pipeline.render(layout, to: names[i], options: ro)
              warnings = report.warnings
              file = names[i]
              if options.contactSheet != nil { pages = report.pages }
            }
            if options.render.strict, let w = warnings.first(where: { $0.severity == .warning }) { failure = [w] }
          } catch let e as DiagnosticsError {
            failure = e.diagnostics.filter { $0.severity == .error }
          } catch let e as RenderError {
            failure = [e.diagnostic]
          } catch {
            failure = [.error(.renderFailure, "\(error)")]
          }
        }
        failure = pointAtCells(failure, row: row, columns: table.columns)
        let done = state.finish(i, label: label, line: row.line, file: file, pages: pages, warnings: warnings, failure: failure)
        progress(.finished(index: i, done: done, total: total, file: file, failed: !failure.isEmpty))
      }
    }

    var report = BatchReport()
    report.rows = total
    report.failures = state.failures.sorted { $0.line < $1.line }
    report.warnings = state.warnings
    report.written = (0..<total).compactMap { state.files[$0] }
    let allPages = (0..<total).flatMap { i in (state.pages[i] ?? []).enumerated().map { (i, $0.offset, $0.element) } }
    if options.combine {
      let combined = (options.directory as NSString).appendingPathComponent(options.combinedName)
      let first = try pipelines[0].build(layout, variables: options.render.variables.merging(table.rows[0].values) { $1 }).0
      var doc = PagedDocument(metadata: first.metadata, pages: allPages.map(\.2))
      doc.metadata.title = (layout as NSString).lastPathComponent
      var pdf = PDFOptions(creationDate: Pipeline.creationDate(for: [layout, options.dataFile]))
      pdf.bleed = options.render.bleed
      try pipelines[0].renderer.writePDF(doc, to: combined, options: pdf)
      report.written = [combined]
    }
    if let sheet = options.contactSheet, !allPages.isEmpty {
      let labels = state.labels
      try pipelines[0].renderer.writeContactSheet(allPages.map { ($0.2, "\(labels[$0.0] ?? "") · \($0.1 + 1)") }, to: sheet,
                                                  columns: min(10, max(1, (state.pages[0]?.count ?? 5))))
      report.written.append(sheet)
    }
    report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return report
  }

  /// An error about a value from the CSV (`2026-13-01` is not a date) points at the cell it
  /// came from, with the layout line as a hint; the same error from several sheets is one.
  /// The value is the diagnostic's `subject` (NP0303 carries the value it could not format).
  static let valueCodes: Set<DiagnosticCode> = [.variableFormat]

  static func pointAtCells(_ diagnostics: [Diagnostic], row: CSVTable.Row, columns: [String]) -> [Diagnostic] {
    var seen = Set<String>()
    var out: [Diagnostic] = []
    for d in diagnostics {
      var copy = d
      if valueCodes.contains(d.code), let value = d.subject, !value.isEmpty,
         let column = columns.first(where: { row[$0] == value }) {
        if let where_ = d.location { copy.hints.append("used at \(where_)") }
        copy.location = row.location(of: column)
        copy.message += " (column `\(column)`)"
      }
      if seen.insert(copy.message + (copy.location?.description ?? "")).inserted { out.append(copy) }
    }
    return out
  }

  /// File names from the pattern, made safe for the file system; the same name twice gets
  /// a number.
  static func outputNames(_ table: CSVTable, pattern: String, directory: String) throws -> [String] {
    // `--name` is one file name in the output folder (-o): never a path of its own.
    if pattern.contains("/") || pattern.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      throw DiagnosticsError([.error(.invalidOption, "--name \(pattern) is not a file name", hints: ["give a name such as apt-{{enhet}}.pdf; -o names the folder"])])
    }
    // Every row gets a name of its own: a repeated name is numbered, and a numbered name that
    // another row already has (a unit really called ”X-2”) is numbered on until it is free.
    var used = Set<String>()
    return table.rows.map { row in
      var name = pattern
      for (k, v) in row.values {
        let safe = v.unicodeScalars.map { u -> Character in
          u.value < 0x20 || u.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(u) ? "-" : Character(u)
        }.reduce(into: "") { $0.append($1) }
        name = name.replacingOccurrences(of: "{{\(k)}}", with: safe).replacingOccurrences(of: "{{ \(k) }}", with: safe)
      }
      name = name.replacingOccurrences(of: "{{rad}}", with: String(row.line))
      // Never hidden, never `.` or `..`, and short enough for any file system (255 bytes).
      let ext = (name as NSString).pathExtension
      var stem = (name as NSString).deletingPathExtension
      while stem.hasPrefix(".") || stem.hasPrefix(" ") { stem.removeFirst() }
      if stem.isEmpty { stem = "rad-\(row.line)" }
      while stem.utf8.count > 200 { stem.removeLast() }
      let ns = (ext.isEmpty ? stem : stem + "." + ext) as NSString
      var candidate = ns as String, n = 1
      while used.contains(candidate.lowercased()) {
        n += 1
        candidate = ns.deletingPathExtension + "-\(n)" + (ns.pathExtension.isEmpty ? "" : "." + ns.pathExtension)
      }
      used.insert(candidate.lowercased())
      return (directory as NSString).appendingPathComponent(candidate)
    }
  }
}

/// A path relative to the working directory when it lies inside it.
func displayPath(_ path: String) -> String { LayoutLoader.displayPath(path) }

/// The pipelines, each used by one worker thread only.
final class Workers: @unchecked Sendable {
  let pipelines: [Pipeline]
  init(pipelines: [Pipeline]) { self.pipelines = pipelines }
}

/// Shared between the workers: the next row to take, and what each row gave.
final class BatchState: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private var done = 0
  let total: Int
  var files: [Int: String] = [:]
  var pages: [Int: [RenderedPage]] = [:]
  var labels: [Int: String] = [:]
  var failures: [(line: Int, label: String, diagnostics: [Diagnostic])] = []
  var warnings: [Diagnostic] = []

  init(total: Int) { self.total = total }

  func next() -> Int? {
    lock.lock(); defer { lock.unlock() }
    guard nextIndex < total else { return nil }
    defer { nextIndex += 1 }
    return nextIndex
  }

  func finish(_ i: Int, label: String, line: Int, file: String?, pages: [RenderedPage], warnings: [Diagnostic], failure: [Diagnostic]) -> Int {
    lock.lock(); defer { lock.unlock() }
    done += 1
    labels[i] = label
    if let file { files[i] = file }
    if !pages.isEmpty { self.pages[i] = pages }
    self.warnings += warnings
    if !failure.isEmpty { failures.append((line, label, failure)) }
    return done
  }
}
