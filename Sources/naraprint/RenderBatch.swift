import ArgumentParser
import Foundation
import NaraLoader
import NaraModel
import NaraPipeline

extension Render {
  /// `--data`: one render per CSV row on all cores, a progress bar on a terminal (a line per
  /// file otherwise), and a summary. Failing rows are listed; the others are written.
  func runBatch(data: String, base: String, options: RenderOptions, printer: DiagnosticPrinter) throws {
    var directory = FileManager.default.currentDirectoryPath
    var combinedName = "\(base)-alla.pdf"
    if let output {
      if combine { directory = (output as NSString).deletingLastPathComponent; combinedName = (output as NSString).lastPathComponent }
      else { directory = output }
      if directory.isEmpty { directory = FileManager.default.currentDirectoryPath }
    }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
      throw ValidationError("-o \(directory) is not a folder; create it first (with --data, -o names the folder)")
    }
    var batch = BatchOptions(dataFile: data, namePattern: name ?? "\(base)-{{rad}}.pdf", directory: directory, combinedName: combinedName)
    batch.combine = combine
    batch.render = options
    batch.contactSheet = contactSheet
    batch.root = try projectRoot(root)
    if let jobs { batch.jobs = jobs }
    let terminal = isatty(STDERR_FILENO) != 0 && !quiet
    let quiet = self.quiet
    let report = try Batch.run(layout, options: batch) { event in
      switch event {
      case .started(let total):
        if terminal { Progress.draw(done: 0, total: total, note: "") }
      case .finished(_, let done, let total, let file, let failed):
        if terminal {
          Progress.draw(done: done, total: total, note: failed ? "fel" : (file.map { ($0 as NSString).lastPathComponent } ?? ""))
        } else if !quiet, let file, !failed {
          FileHandle.standardError.write(Data("wrote \(displayPath(file))\n".utf8))
        }
      }
    }
    if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    printer.print(Array(Set(report.warnings)).sorted { $0.description < $1.description })
    for f in report.failures {
      FileHandle.standardError.write(Data("\(displayPath(data)):\(f.line): error: the row for \(f.label) failed; its file was not written\n".utf8))
      printer.print(f.diagnostics)
    }
    if !quiet {
      for f in report.written where combine || f.hasSuffix(".png") { FileHandle.standardError.write(Data("wrote \(displayPath(f))\n".utf8)) }
      let ok = report.rows - report.failures.count
      let rate = report.seconds > 0 ? Double(report.rows) / report.seconds : 0
      let summary = "\(report.rows) row\(report.rows == 1 ? "" : "s") in \(String(format: "%.1f", report.seconds)) s (\(String(format: "%.1f", rate)) per second): \(ok) rendered" + (report.failures.isEmpty ? "" : ", \(report.failures.count) failed")
      FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
    if !report.failures.isEmpty { throw ExitCode(1) }
  }
}

func displayPath(_ path: String) -> String { LayoutLoader.displayPath(path) }

/// A one-line progress bar on standard error.
enum Progress {
  static func draw(done: Int, total: Int, note: String) {
    let width = 28
    let filled = total > 0 ? width * done / total : 0
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    FileHandle.standardError.write(Data("\r\u{1B}[K  \(bar) \(done)/\(total)  \(note)".utf8))
  }
}
