import Foundation

/// A JSON value whose objects keep their keys in the order given, so that the schema file is
/// written the same way every time (and reads in the order of the format's description).
indirect enum JSONValue {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  /// Pretty-printed with two spaces, one key a line; short arrays of scalars on one line.
  func rendered(indent: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent), inner = String(repeating: " ", count: indent + 2)
    switch self {
    case .object(let pairs):
      if pairs.isEmpty { return "{}" }
      let lines = pairs.map { "\(inner)\(Self.quote($0.0)): \($0.1.rendered(indent: indent + 2))" }
      return "{\n" + lines.joined(separator: ",\n") + "\n\(pad)}"
    case .array(let values):
      if values.isEmpty { return "[]" }
      if values.allSatisfy(\.isScalar) { return "[" + values.map { $0.rendered() }.joined(separator: ", ") + "]" }
      return "[\n" + values.map { inner + $0.rendered(indent: indent + 2) }.joined(separator: ",\n") + "\n\(pad)]"
    case .string(let s): return Self.quote(s)
    case .number(let v):
      return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    }
  }

  var isScalar: Bool {
    switch self {
    case .object, .array: false
    case .string, .number, .bool, .null: true
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
      }
    }
    return out + "\""
  }
}
