import Foundation
import NaraColour
import NaraModel

/// Rewrites the colour operators of a content stream from RGB to CMYK, instruction by
/// instruction (`rg`/`RG` → `k`/`K`, `g`/`G` → `k`/`K`, a `/DeviceRGB` colour space set with
/// `cs`/`CS` and its `sc`/`scn` values → `/DeviceCMYK`); everything else is copied byte for
/// byte.
enum CMYKContent {
  static func rewrite(_ data: [UInt8], convert: (Double, Double, Double) -> CMYK,
                      isRegistration: (Double, Double, Double) -> Bool = { _, _, _ in false }) throws
    -> (data: [UInt8]?, usedRegistration: Bool)
  {
    var usedRegistration = false
    let instructions = try ContentTokenizer.instructions(in: data)
    var out: [UInt8] = []
    out.reserveCapacity(data.count + data.count / 8)
    var copied = 0
    var changed = false
    var fillRGB = false, strokeRGB = false
    func operands(_ r: Range<Int>) -> [String] {
      String(decoding: data[r], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        .dropLast().map(String.init)
    }
    func replace(_ r: Range<Int>, with text: String) {
      out += data[copied..<r.lowerBound]
      out += Array(text.utf8)
      copied = r.upperBound
      changed = true
    }
    func numbers(_ ops: [String], _ n: Int) -> [Double]? {
      guard ops.count == n else { return nil }
      let v = ops.compactMap(Double.init)
      return v.count == n ? v.map { min(1, max(0, $0)) } : nil
    }
    func fmt(_ c: CMYK) -> String {
      [c.c, c.m, c.y, c.k].map { v -> String in
        let r = (v * 10_000).rounded() / 10_000
        return r == r.rounded() ? String(Int(r)) : String(format: "%.4f", r).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
      }.joined(separator: " ")
    }
    for ins in instructions {
      switch ins.op {
      case "rg", "RG":
        guard let v = numbers(operands(ins.range), 3) else { throw bad(ins.op) }
        if isRegistration(v[0], v[1], v[2]) {
          // Marks print on every plate: the All separation at full tint.
          usedRegistration = true
          replace(ins.range, with: ins.op == "rg" ? "/NaraAll cs 1 scn" : "/NaraAll CS 1 SCN")
          if ins.op == "rg" { fillRGB = false } else { strokeRGB = false }
        } else {
          replace(ins.range, with: fmt(convert(v[0], v[1], v[2])) + (ins.op == "rg" ? " k" : " K"))
        }
      case "g", "G":
        guard let v = numbers(operands(ins.range), 1) else { throw bad(ins.op) }
        replace(ins.range, with: fmt(convert(v[0], v[0], v[0])) + (ins.op == "g" ? " k" : " K"))
      case "cs", "CS":
        let isRGB = operands(ins.range).first == "/DeviceRGB"
        if ins.op == "cs" { fillRGB = isRGB } else { strokeRGB = isRGB }
        if isRGB { replace(ins.range, with: "/DeviceCMYK " + ins.op) }
      case "sc", "scn", "SC", "SCN":
        guard (ins.op.hasPrefix("s") ? fillRGB : strokeRGB) else { continue }
        guard let v = numbers(operands(ins.range), 3) else { throw bad(ins.op) }
        replace(ins.range, with: fmt(convert(v[0], v[1], v[2])) + " " + ins.op)
      default:
        continue
      }
    }
    guard changed else { return (nil, usedRegistration) }
    out += data[copied...]
    return (out, usedRegistration)
  }

  static func bad(_ op: String) -> RenderError {
    RenderError("making the print PDF failed: a `\(op)` colour operator with unexpected operands")
  }
}
