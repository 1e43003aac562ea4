import Foundation
import NaraTypography
import Testing

/// Not a check: with NARAPRINT_DUMP=<file> set, writes every word of NARAPRINT_DUMP_WORDS with
/// its breaks from patterns, patterns+compounds and the full configuration (for hand review).
@Test func dumpForReview() throws {
  let env = ProcessInfo.processInfo.environment
  guard let out = env["NARAPRINT_DUMP"], let input = env["NARAPRINT_DUMP_WORDS"] else { return }
  let words = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n").map(String.init)
  var text = ""
  for w in words where !w.isEmpty {
    let a = Fixtures.compounds?.analyse(w)
    text += "\(w)\t\(Fixtures.plain.hyphenationPreview(of: w))\t\(Fixtures.withCompounds.hyphenationPreview(of: w))\t\(Fixtures.full.hyphenationPreview(of: w))\t\(a?.parts.joined(separator: "|") ?? "")\tj=\(a?.joints ?? []) t=\(a?.tripleJoints ?? []) c=\(a?.contested ?? [])\n"
  }
  try text.write(toFile: out, atomically: true, encoding: .utf8)
}
