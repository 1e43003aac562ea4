/// A failure in a C library call, named so the user (or we) can tell what broke.
public struct RenderError: HintedError, CustomStringConvertible, Sendable {
  public var message: String
  public var hints: [String]
  /// NP0803 unless the caller knows better (an image: NP0802; a PDF read back: NP0805).
  public var code: DiagnosticCode
  public init(_ message: String, hints: [String] = [], code: DiagnosticCode = .renderFailure) {
    self.message = message; self.hints = hints; self.code = code
  }
  public var description: String { message }
  public var diagnostic: Diagnostic { .error(code, message, hints: hints) }
}
