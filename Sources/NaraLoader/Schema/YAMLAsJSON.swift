import Foundation
import Yams

/// A YAML file as JSON, its scalars typed the way YAML 1.2's core schema (and so
/// yaml-language-server) types them: `on`, `yes` and `no` stay text, `true`/`false` are
/// booleans, numbers are numbers. For checking a file against `naraprint schema` with any
/// JSON Schema validator.
public enum YAMLAsJSON {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  public static func convert(_ yaml: String) throws(Failure) -> String {
    let node: Node?
    do { node = try Yams.compose(yaml: yaml) } catch { throw Failure(description: "\(error)") }
    guard let node else { return "null\n" }
    return json(node).rendered() + "\n"
  }

  static func json(_ node: Node) -> JSONValue {
    switch node {
    case .mapping(let m): .object(m.map { (key(of: $0.key), json($0.value)) })
    case .sequence(let s): .array(s.map(json))
    case .scalar(let s): scalar(s)
    case .alias: .string("")
    }
  }

  static func key(of node: Node) -> String {
    if case .scalar(let s) = node { return s.string }
    return json(node).rendered()
  }

  static func scalar(_ s: Node.Scalar) -> JSONValue {
    guard s.style == .plain else { return .string(s.string) }
    switch s.string {
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case "", "~", "null", "Null", "NULL": return .null
    default: break
    }
    let t = s.string
    if t.range(of: #"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
      let v = Double(t), v.isFinite {
      return .number(v)
    }
    return .string(t)
  }
}
