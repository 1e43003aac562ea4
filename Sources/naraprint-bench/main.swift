// The benchmark: median times to render the målbild poster in-process, release build.
//   swift run -c release naraprint-bench [--runs N]
// Measured, never asserted: a timed test would be flaky; this prints figures to compare.
import Foundation
import NaraCairo
import NaraCheck
import NaraModel
import NaraPipeline
import NaraPreview

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ d: String) { description = d }
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted(); return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func measure(_ label: String, runs: Int, _ body: () throws -> Void) rethrows {
  try body()  // warm-up: font map, caches, dictionaries
  var times: [Double] = []
  for _ in 0..<runs {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
  }
  let line = label.padding(toLength: 44, withPad: " ", startingAt: 0)
  print("\(line) median \(String(format: "%7.1f", median(times))) ms   min \(String(format: "%7.1f", times.min()!)) ms   (\(runs) runs)")
}

var runs = 15
if let i = CommandLine.arguments.firstIndex(of: "--runs"), i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]) {
  runs = max(1, n)
}
let layout = "layouts/malbild-poster.yaml"
guard FileManager.default.fileExists(atPath: layout) else {
  FileHandle.standardError.write(Data("run the benchmark from the repository's top folder\n".utf8)); exit(1)
}
let out = NSTemporaryDirectory() + "naraprint-bench"
try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

// `--profile leaflet|poster|kit N`: render one product N times and nothing else, for `perf record`.
if let i = CommandLine.arguments.firstIndex(of: "--profile"), i + 1 < CommandLine.arguments.count {
  let product = CommandLine.arguments[i + 1]
  let count = i + 2 < CommandLine.arguments.count ? Int(CommandLine.arguments[i + 2]) ?? 100 : 100
  let paths = ["leaflet": "layouts/vad-ar-nara-vard.yaml", "poster": layout, "kit": "layouts/apt-kit"]
  guard let path = paths[product] else {
    FileHandle.standardError.write(Data("--profile takes leaflet, poster or kit\n".utf8)); exit(2)
  }
  do {
    let pipeline = try Pipeline()
    var options = RenderOptions(); options.format = .pdf
    options.variables = ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"]
    var phases: [String: [Double]] = [:]
    func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
      let t0 = DispatchTime.now().uptimeNanoseconds
      defer { phases[name, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6) }
      return try body()
    }
    for _ in 0..<max(1, count) {
      if product != "kit" { _ = try timed("1 load") { try pipeline.load(path, variables: options.variables) } }
      let built = try timed("2 load + layout") { try pipeline.build(path, variables: options.variables) }
      _ = timed("3 collisions") { CollisionCheck.findings(in: built.0) }
      try timed("4 write PDF") { try pipeline.renderer.writePDF(built.0, to: out + "/profile.pdf", options: PDFOptions(creationDate: Date())) }
      _ = try timed("5 render") { try pipeline.render(path, to: out + "/profile.pdf", options: options) }
    }
    for (name, times) in phases.sorted(by: { $0.key < $1.key }) {
      print("\(name.padding(toLength: 20, withPad: " ", startingAt: 0)) median \(String(format: "%6.1f", median(times))) ms")
    }
  } catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8)); exit(1)
  }
  exit(0)
}

do {
  let t0 = DispatchTime.now().uptimeNanoseconds
  let pipeline = try Pipeline()
  print("start-up (fonts, fontconfig)                  \(String(format: "%7.1f", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)) ms")
  try measure("poster: load + layout", runs: runs) {
    let loaded = try pipeline.load(layout)
    _ = try pipeline.layout(loaded.document)
  }
  let laid = try pipeline.layout(try pipeline.load(layout).document).document
  measure("poster: collision check (page tree)", runs: runs) { _ = CollisionCheck.findings(in: laid) }
  try measure("check poster, 5 locales", runs: max(3, runs / 3)) {
    _ = try CheckRun.run(layout, locales: CheckRun.locales(for: layout), options: CheckRun.Options(), pipeline: pipeline)
  }
  var pdf = RenderOptions(); pdf.format = .pdf
  try measure("poster → PDF (load, layout, write)", runs: runs) { _ = try pipeline.render(layout, to: out + "/poster.pdf", options: pdf) }
  var printPDF = RenderOptions(); printPDF.format = .pdf; printPDF.print = PrintRequest()
  do {
    try measure("poster → print PDF (PDF/X-4, CMYK)", runs: runs) { _ = try pipeline.render(layout, to: out + "/poster-print.pdf", options: printPDF) }
  } catch {
    print("poster → print PDF: \(error)")
  }
  for dpi in [150.0, 300.0] {
    var png = RenderOptions(); png.format = .png; png.dpi = dpi
    try measure("poster → PNG \(Int(dpi)) dpi", runs: max(3, runs / 3)) { _ = try pipeline.render(layout, to: out + "/poster.png", options: png) }
  }
  try measure("leaflet (2 × A4) → PDF", runs: runs) {
    _ = try pipeline.render("layouts/vad-ar-nara-vard.yaml", to: out + "/blad.pdf", options: pdf)
  }
  var kit = RenderOptions()
  kit.variables = ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"]
  try measure("APT kit (5 sheets) → PDF", runs: runs) { _ = try pipeline.render("layouts/apt-kit", to: out + "/kit.pdf", options: kit) }

  // `watch`: the leaflet saved with one word changed, rendered by the pipeline that rendered it
  // before (a copy of the project, so the repository is never written).
  let project = out + "/project"
  try? FileManager.default.removeItem(atPath: project)
  try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
  for folder in ["layouts", "assets"] { try FileManager.default.copyItem(atPath: folder, toPath: project + "/" + folder) }
  let leafletCopy = project + "/layouts/vad-ar-nara-vard.yaml"
  let original = try String(contentsOfFile: leafletCopy, encoding: .utf8)
  guard original.contains("gemensamt system") else { throw BenchError("the leaflet no longer says `gemensamt system`; pick another word to edit") }
  let edited = original.replacingOccurrences(of: "gemensamt system", with: "samlat system")
  var flip = false
  try measure("watch: leaflet saved with one word changed", runs: runs) {
    flip.toggle()
    try (flip ? edited : original).write(toFile: leafletCopy, atomically: true, encoding: .utf8)
    _ = try pipeline.render(leafletCopy, to: out + "/watch.pdf", options: pdf)
  }
  // The same with `--serve`: the render, then both pages drawn again as SVG and thumbnails
  // for the preview and published to it.
  let store = PreviewStore()
  let session = try WatchSession(layout: leafletCopy, output: out + "/serve.pdf", options: pdf, dataFile: nil, settings: WatchSettings(),
                                 root: nil, store: store) { _ in }
  try measure("watch --serve: the same edit, preview drawn", runs: runs) {
    flip.toggle()
    try (flip ? edited : original).write(toFile: leafletCopy, atomically: true, encoding: .utf8)
    session.render()
    guard store.state.ok, store.state.pages.count == 2 else { throw BenchError("the preview has no pages: \(store.state.diagnostics)") }
  }

  // Batch scaling: the same 60 kits on one worker and on two.
  var small = "enhet;datum\n"
  for i in 1...60 { small += "Enhet \(i);2026-12-\(String(format: "%02d", 1 + i % 28))\n" }
  try small.write(toFile: out + "/sextio.csv", atomically: true, encoding: .utf8)
  var perJobs: [Int: Double] = [:]
  for jobs in [1, 2] {
    let dir = out + "/jobs-\(jobs)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var options = BatchOptions(dataFile: out + "/sextio.csv", namePattern: "apt-{{enhet}}.pdf", directory: dir, combinedName: "alla.pdf")
    options.jobs = jobs
    perJobs[jobs] = try Batch.run("layouts/apt-kit", options: options) { _ in }.seconds
  }
  if let one = perJobs[1], let two = perJobs[2] {
    print("60 kits, 1 job / 2 jobs                          \(String(format: "%5.2f", one)) s / \(String(format: "%5.2f", two)) s   speed-up \(String(format: "%.2f", one / two))×")
  }

  // A batch: one kit per row of a 300-row CSV, on all cores.
  let units = ["Hemtjänst", "Vårdcentralen", "Äldreboendet", "Hemsjukvården", "Rehab"]
  var csv = "enhet;datum\n"
  for i in 1...300 { csv += "\(units[i % units.count]) \(i);2026-12-\(String(format: "%02d", 1 + i % 28))\n" }
  try csv.write(toFile: out + "/enheter.csv", atomically: true, encoding: .utf8)
  let batchDir = out + "/batch"
  try? FileManager.default.createDirectory(atPath: batchDir, withIntermediateDirectories: true)
  let batch = BatchOptions(dataFile: out + "/enheter.csv", namePattern: "apt-{{enhet}}.pdf", directory: batchDir, combinedName: "alla.pdf")
  let report = try Batch.run("layouts/apt-kit", options: batch) { _ in }
  print("APT kits from a 300-row CSV (\(batch.jobs) jobs)         \(String(format: "%7.1f", report.seconds)) s   \(String(format: "%.1f", Double(report.rows) / report.seconds)) kits/s   (\(report.failures.count) failed)")
} catch {
  FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8)); exit(1)
}
