/// Where something came from: a file, a 1-based line and column, and how many characters the
/// token there spans (0 when not known).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  /// The length of the token (a YAML value, a CSV cell, a .po string) in characters; 0 when
  /// only its start is known.
  public var length: Int
  public init(file: String, line: Int, column: Int, length: Int = 0) {
    self.file = file; self.line = line; self.column = column; self.length = max(0, length)
  }
  public static let unknown = SourceLocation(file: "<unknown>", line: 0, column: 0)
  public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

  /// The same place with a token length.
  public func spanning(_ length: Int) -> SourceLocation {
    var copy = self; copy.length = max(0, length); return copy
  }
}

/// One message for the user: what went wrong (a stable code and a sentence), where, about
/// which item, and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable, Error, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable { case error, warning, note }
  public var severity: Severity
  /// What kind of problem this is (`NP0301`): tools, summaries and tests read this, never
  /// the message. `naraprint explain CODE` says more.
  public var code: DiagnosticCode
  public var location: SourceLocation?
  public var message: String
  public var hints: [String]
  /// The layout item the diagnostic is about, when there is one (`p1.3`, `titel`).
  public var itemID: String?
  /// The value the diagnostic is about, as data: a variable's name (NP0301), the value that
  /// could not be formatted (NP0303), a column's name (NP0503), a font family (NP0801).
  public var subject: String?

  public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil,
              hints: [String] = [], itemID: String? = nil, subject: String? = nil) {
    self.severity = severity; self.code = code; self.location = location; self.message = message; self.hints = hints
    self.itemID = itemID; self.subject = subject
  }
  /// A diagnostic without a specific code: `NP0200` (an invalid layout value), the default for
  /// the layout loader's value checks.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hints: [String] = []) {
    self.init(severity, .invalidValue, message, at: location, hints: hints)
  }
  public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hints: [String] = [],
                           itemID: String? = nil, subject: String? = nil) -> Diagnostic {
    Diagnostic(.error, code, message, at: location, hints: hints, itemID: itemID, subject: subject)
  }
  public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hints: [String] = [],
                             itemID: String? = nil, subject: String? = nil) -> Diagnostic {
    Diagnostic(.warning, code, message, at: location, hints: hints, itemID: itemID, subject: subject)
  }
  public static func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hints: [String] = [],
                          itemID: String? = nil, subject: String? = nil) -> Diagnostic {
    Diagnostic(.note, code, message, at: location, hints: hints, itemID: itemID, subject: subject)
  }
  /// An error with the default code `NP0200` (see `init(_:_:at:hints:)`).
  public static func error(_ message: String, at location: SourceLocation? = nil, hints: [String] = []) -> Diagnostic {
    Diagnostic(.error, message, at: location, hints: hints)
  }
  /// A warning with the default code `NP0200`.
  public static func warning(_ message: String, at location: SourceLocation? = nil, hints: [String] = []) -> Diagnostic {
    Diagnostic(.warning, message, at: location, hints: hints)
  }

  /// `file:line:col: error[NP0200]: message` followed by `hint:` lines.
  public var description: String {
    var s = (location.map { "\($0): " } ?? "") + "\(severity.rawValue)[\(code.rawValue)]: \(message)"
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
