/// Where something came from: a file and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
  public static let unknown = SourceLocation(file: "<unknown>", line: 0, column: 0)
  public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// One message for the user: what went wrong, where, and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable, Error, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable { case error, warning, note }
  public var severity: Severity
  public var location: SourceLocation?
  public var message: String
  public var hints: [String]
  /// What kind of problem this is, for tools and summaries (`overflow`, `collision`,
  /// `untranslated` …); nil for the rest. Code reads this, never the message.
  public var code: String?

  public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hints: [String] = []) {
    self.severity = severity; self.location = location; self.message = message; self.hints = hints
  }
  public static func error(_ message: String, at location: SourceLocation? = nil, hints: [String] = []) -> Diagnostic {
    Diagnostic(.error, message, at: location, hints: hints)
  }
  public static func warning(_ message: String, at location: SourceLocation? = nil, hints: [String] = []) -> Diagnostic {
    Diagnostic(.warning, message, at: location, hints: hints)
  }

  /// `file:line:col: error: message` followed by `hint:` lines.
  public var description: String {
    var s = (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    for h in hints { s += "\n  hint: \(h)" }
    return s
  }
}

/// Thrown when a step finds errors; carries all of them (not just the first).
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// An error that says what to do about it (a renderer's, whose module the layout cannot see).
public protocol HintedError: Error {
  var message: String { get }
  var hints: [String] { get }
}
