/// A failure in a C library call, named so the user (or we) can tell what broke.
public struct RenderError: HintedError, CustomStringConvertible, Sendable {
  public var message: String
  public var hints: [String]
  public init(_ message: String, hints: [String] = []) { self.message = message; self.hints = hints }
  public var description: String { message }
  public var diagnostic: Diagnostic { .error(message, hints: hints) }
}
