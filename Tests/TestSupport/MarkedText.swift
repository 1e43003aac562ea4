/// A fixture with position markers (`1️⃣`, `2️⃣` …) taken out, and where each one stood:
/// 1-based line and column, columns counting Unicode scalars (as libyaml, and so Yams'
/// `Mark.column`, does). (swift-format's `MarkedText`, for YAML and PO.)
public struct MarkedText: Sendable {
  public let text: String
  public let markers: [String: (line: Int, column: Int)]

  public init(_ marked: String) {
    let scalars = Array(marked.unicodeScalars)
    var out = String.UnicodeScalarView()
    var found: [String: (line: Int, column: Int)] = [:]
    var line = 1, column = 1, i = 0
    while i < scalars.count {
      let s = scalars[i]
      // A keycap marker is three scalars: digit, U+FE0F, U+20E3.
      if i + 2 < scalars.count, ("0"..."9").contains(s), scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
        let name = String(String.UnicodeScalarView(scalars[i...(i + 2)]))
        precondition(found[name] == nil, "marker \(name) used twice")
        found[name] = (line, column)
        i += 3
        continue
      }
      out.append(s)
      if s == "\n" { line += 1; column = 1 } else { column += 1 }
      i += 1
    }
    text = String(out)
    markers = found
  }
}
