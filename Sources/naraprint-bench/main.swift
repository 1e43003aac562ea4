// The benchmark: median times to render the målbild poster in-process, release build.
//   swift run -c release naraprint-bench [--runs N]
// Measured, never asserted: a timed test would be flaky; this prints figures to compare.
import Foundation
import NaraCheck
import NaraModel
import NaraPipeline

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

do {
  let t0 = DispatchTime.now().uptimeNanoseconds
  let pipeline = try Pipeline()
  print("start-up (fonts, fontconfig)                  \(String(format: "%7.1f", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)) ms")
  try measure("poster: load + layout", runs: runs) {
    let loaded = try pipeline.load(layout)
    _ = try pipeline.layout(loaded.document)
  }
  let laid = try pipeline.layout(try pipeline.load(layout).document).document
  try measure("poster: collision check (page tree)", runs: runs) { _ = CollisionCheck.findings(in: laid) }
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
