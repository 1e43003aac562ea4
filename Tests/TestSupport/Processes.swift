import Foundation
import Testing

/// Runs a command-line tool (a name looked up on the PATH, or a path) and returns its standard
/// output, standard error and status.
@discardableResult
public func run(_ tool: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) throws
  -> (out: String, err: String, status: Int32)
{
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = [tool] + args
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  var environment = ProcessInfo.processInfo.environment
  environment.merge(env) { $1 }
  p.environment = environment
  let out = Pipe(), err = Pipe()
  p.standardOutput = out; p.standardError = err
  try p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
}

/// The PDF's text as pdftotext gives it, with line-end soft hyphens joined and white space
/// folded, so phrases can be searched for; `raw` in content-stream order (labels set side by
/// side stay whole).
public func pdfText(_ pdf: String, raw: Bool = false) throws -> String {
  let r = try run("pdftotext", ["-enc", "UTF-8"] + (raw ? ["-raw"] : []) + [pdf, "-"])
  #expect(r.status == 0, "pdftotext failed: \(r.err)")
  return foldSpace(r.out.replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(of: "\u{00AD}", with: ""))
}

/// Runs of white space (and no-break spaces, form feeds) as one space.
public func foldSpace(_ s: String) -> String {
  s.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{0C}" })
    .joined(separator: " ")
}
