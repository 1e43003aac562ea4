import Foundation

extension Diagnostic {
  /// The diagnostic as one line of JSON (`--diagnostic-format json`): code, severity, message,
  /// file, line, column, length, item, subject and hints; unknown fields are null.
  public var jsonLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(DiagnosticJSON(self)) else { return "{\"code\":\"\(code.rawValue)\"}" }
    return String(decoding: data, as: UTF8.self)
  }
}

/// A diagnostic in the JSON form `--diagnostic-format json` prints, for embedding in other JSON
/// (the live preview's state).
public struct DiagnosticJSON: Encodable {
  var d: Diagnostic
  public init(_ d: Diagnostic) { self.d = d }
  enum Key: String, CodingKey { case code, severity, message, file, line, column, length, item, subject, hints }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(d.code.rawValue, forKey: .code)
    try c.encode(d.severity.rawValue, forKey: .severity)
    try c.encode(d.message, forKey: .message)
    let known = d.location.flatMap { $0.line > 0 ? $0 : nil }
    try c.encode(d.location?.file, forKey: .file)
    try c.encode(known?.line, forKey: .line)
    try c.encode(known?.column, forKey: .column)
    try c.encode(known?.length, forKey: .length)
    try c.encode(d.itemID, forKey: .item)
    try c.encode(d.subject, forKey: .subject)
    try c.encode(d.hints, forKey: .hints)
  }
}
