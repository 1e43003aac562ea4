import Foundation
import NaraModel
import Yams

/// Reads one YAML file into typed values, collecting every error with its line and column
/// instead of stopping at the first. Typed accessors return nil after recording an error, so
/// callers simply skip what could not be read.
final class Reader {
  let file: String
  /// Shown in messages (relative to the working directory where possible).
  let displayName: String
  let text: String
  var diagnostics: [Diagnostic] = []
  /// Translatable texts found and translations to use (shared by the readers of one load).
  var ledger: StringLedger?
  var translations: TranslationSource?
  /// When set, a variable without a value is recorded here instead of being an error (to
  /// learn which variables a layout needs from outside, e.g. CSV columns).
  var missingVariables: MissingVariables?
  /// The document's language, for formatted variables (`{{datum|datum}}`).
  var language = "sv-SE"
  /// Variables visible while reading (component parameters over global variables).
  var scopes: [[String: String]] = []
  /// Variables that were referenced but that nobody set (reported once each).
  var reportedMissing: Set<String> = []
  /// The folder the files this one names must be in.
  var root = ProjectRoot(path: "/", reason: "no root")

  init(file: String, text: String) {
    self.file = file
    self.text = text
    displayName = Reader.displayPath(file)
  }

  static func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }

  // MARK: Reading the file

  /// Reads and composes a YAML file; nil (with diagnostics) if it cannot. What keeps the file
  /// from being read (a folder, outside the project, not UTF-8, a control character, empty) is
  /// NP0100, a theme or component that is not a .yaml file NP0103; YAML syntax errors have
  /// their own codes.
  static func open(_ path: String, root: ProjectRoot, what: String = "layout", diagnostics: inout [Diagnostic],
                   from: SourceLocation? = nil, cache: YAMLCache? = nil) -> (Reader, Node)? {
    let shown = displayPath(path)
    let here = from ?? SourceLocation(file: shown, line: 0, column: 0)
    if ProjectRoot.kind(of: path) == .directory {
      diagnostics.append(.error(.fileUnreadable, "\(shown) is a folder", at: here,
                                hints: ["give a layout file (.yaml), or a kit folder with a kit.yaml in it"]))
      return nil
    }
    let real: String
    switch root.admit(path, what: what, maxBytes: Limits.yamlFileBytes) {
    case .success(let r): real = r
    case .failure(let refusal):
      diagnostics.append(.error(.fileUnreadable, refusal.message, at: here, hints: refusal.hints)); return nil
    }
    // Only YAML is parsed as YAML: an error never quotes the lines of some other file.
    if from != nil, !["yaml", "yml"].contains((path as NSString).pathExtension.lowercased()) {
      diagnostics.append(.error(.notYAML, "\(shown) is not a YAML file", at: here,
                                hints: ["a \(what) is a .yaml file; rename it if it is one"]))
      return nil
    }
    guard let data = FileManager.default.contents(atPath: real) else {
      diagnostics.append(.error(.fileUnreadable, "cannot read \(shown)", at: here, hints: ["check the file's permissions"]))
      return nil
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      let (line, column) = firstInvalidUTF8(data)
      diagnostics.append(.error(.fileUnreadable, 
        "the file is not valid UTF-8", at: SourceLocation(file: shown, line: line, column: column),
        hints: ["save the file as UTF-8 (most editors: “Save with encoding” → UTF-8)"]))
      return nil
    }
    // A control character (NUL, ESC …) in the file itself: named where it is (libyaml would
    // report it at the start of the file).
    if let (line, column, scalar) = firstControlCharacter(text) {
      diagnostics.append(.error(.fileUnreadable, 
        "the file contains the control character U+\(String(format: "%04X", scalar)), which no text may hold",
        at: SourceLocation(file: shown, line: line, column: column), hints: ["delete it; it is invisible in most editors"]))
      return nil
    }
    let reader = Reader(file: path, text: text)
    reader.root = root
    if let node = cache?.node(path: real, text: text) { return (reader, node) }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        diagnostics.append(.error(.fileUnreadable, "the file is empty", at: SourceLocation(file: shown, line: 1, column: 1)))
        return nil
      }
      // Escapes can make them too (`"\0"` in a quoted string): never a silently cut text. The
      // same walk counts the values with aliases expanded, bounding all later work.
      var budget = Limits.yamlNodes
      reader.rejectControlCharacters(in: node, budget: &budget)
      if budget < 0 {
        diagnostics.append(.error(.fileUnreadable, 
          "the file holds more than \(Limits.yamlNodes) values once its aliases (*name) are expanded",
          at: SourceLocation(file: shown, line: 1, column: 1),
          hints: ["an alias repeats what its anchor (&name) holds; aliases of aliases multiply it – write the values out or use a component"]))
        return nil
      }
      if reader.diagnostics.contains(where: { $0.severity == .error }) { diagnostics += reader.diagnostics; return nil }
      if reader.diagnostics.isEmpty { cache?.store(path: real, text: text, node: node) }
      return (reader, node)
    } catch let error as YamlError {
      diagnostics.append(reader.diagnostic(for: error))
      return nil
    } catch {
      diagnostics.append(.error(.fileUnreadable, "cannot parse YAML: \(error)", at: SourceLocation(file: shown, line: 1, column: 1)))
      return nil
    }
  }

  /// The line, column and value of the first C0 control character other than tab, line feed
  /// and carriage return (and of DEL), if any.
  static func firstControlCharacter(_ text: String) -> (Int, Int, UInt32)? {
    var line = 1, column = 1
    for u in text.unicodeScalars {
      if u == "\n" { line += 1; column = 1; continue }
      if (u.value < 0x20 && u != "\t" && u != "\r") || u.value == 0x7F { return (line, column, u.value) }
      column += 1
    }
    return nil
  }

  /// Reports every scalar that holds a control character (from an escape such as `"\0"`);
  /// stops when `budget` values have been visited (it is then negative).
  func rejectControlCharacters(in node: Node, budget: inout Int) {
    budget -= 1
    if budget < 0 { return }
    switch node {
    case .scalar(let s):
      if let (_, _, value) = Self.firstControlCharacter(s.string) {
        error("the text contains the control character U+\(String(format: "%04X", value)) (written as an escape), which would cut or garble it",
              at: node, hints: ["remove the escape (\\0, \\x1b …) from the string"], code: .fileUnreadable)
      }
    case .mapping(let m):
      for (k, v) in m where budget >= 0 { rejectControlCharacters(in: k, budget: &budget); rejectControlCharacters(in: v, budget: &budget) }
    case .sequence(let seq): for n in seq where budget >= 0 { rejectControlCharacters(in: n, budget: &budget) }
    case .alias: break
    }
  }

  private func diagnostic(for error: YamlError) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var hints = ["YAML needs consistent indentation with spaces (no tabs) and a space after each `:`"]
      if problem.contains("tab") { hints = ["indent with spaces, not tabs"] }
      if let context { hints.insert("\(context.text) at line \(context.mark.line)", at: 0) }
      return .error(.yamlSyntax, "YAML syntax error: \(problem)", at: location(mark), hints: hints)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.sorted()
      return .error(.yamlDuplicateKey, "`\(keys.joined(separator: "`, `"))` is given twice in the same mapping", at: location(context.mark),
                    hints: ["remove one of them"], subject: keys.first)
    case .reader(let problem, _, _, _):
      return .error(.yamlSyntax, "cannot read YAML: \(problem)", at: SourceLocation(file: displayName, line: 1, column: 1))
    default:
      return .error(.yamlSyntax, "cannot parse YAML: \(error)", at: SourceLocation(file: displayName, line: 1, column: 1))
    }
  }

  /// Line and column (in characters) of the first byte that is not valid UTF-8: overlong
  /// forms and surrogates included, as the standard decoder judges them.
  static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = data.makeIterator()
    var line = 1, column = 1
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1 && encoded.first == 0x0A { line += 1; column = 1 } else { column += 1 }
      case .error: return (line, column)
      case .emptyInput: return (line, column)
      }
    }
  }

  // MARK: Locations and messages

  func location(_ mark: Mark?) -> SourceLocation {
    SourceLocation(file: displayName, line: mark?.line ?? 0, column: mark?.column ?? 0)
  }
  func location(_ node: Node) -> SourceLocation { location(node.mark) }

  /// An error at a node, spanning its token; `code` defaults to NP0200 (an invalid layout value).
  func error(_ message: String, at node: Node, hints: [String] = [], code: DiagnosticCode = .invalidValue, subject: String? = nil) {
    diagnostics.append(.error(code, message, at: span(node), hints: hints, subject: subject))
  }
  func error(_ message: String, at location: SourceLocation, hints: [String] = [], code: DiagnosticCode = .invalidValue, subject: String? = nil) {
    diagnostics.append(.error(code, message, at: location, hints: hints, subject: subject))
  }
  func warning(_ message: String, at node: Node, hints: [String] = [], code: DiagnosticCode = .invalidValue, subject: String? = nil) {
    diagnostics.append(.warning(code, message, at: span(node), hints: hints, subject: subject))
  }

  // MARK: Mappings with known keys

  /// The entries of a mapping, checked against the keys that are allowed here. Unknown keys
  /// are errors with a did-you-mean hint; duplicates are errors.
  func fields(_ node: Node, allowed: [String], what: String, aliases: [String: String] = [:]) -> Fields? {
    guard case .mapping(let mapping) = node else {
      error("\(what) must be a mapping of keys and values, not \(describe(node))", at: node,
            hints: ["write it as `key: value` lines indented under it"], code: .wrongValueKind)
      return nil
    }
    var result = Fields(node: node)
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        error("a key must be a plain word", at: keyNode, code: .unknownKey); continue
      }
      var key = scalar.string
      if let canonical = aliases[key] { key = canonical }
      guard allowed.contains(key) else {
        var hints: [String] = []
        if let guess = closestMatch(to: key, in: allowed) { hints.append("did you mean `\(guess)`?") }
        if let known = FormatSchema.misplacedKeyHints[key] { hints.append(known) }
        hints.append("allowed here: " + allowed.sorted().joined(separator: ", "))
        error("unknown key `\(scalar.string)` in \(what)", at: keyNode, hints: hints, code: .unknownKey, subject: scalar.string)
        continue
      }
      if result.entries[key] != nil {
        error("`\(key)` is given twice in \(what)", at: keyNode, hints: ["remove one of them"], code: .yamlDuplicateKey, subject: key)
        continue
      }
      result.entries[key] = (keyNode, value)
      result.order.append(key)
    }
    return result
  }

  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): s.string.isEmpty ? "an empty value" : "the value `\(s.string)`"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  // MARK: Scalars

  /// A string with `{{variables}}` substituted.
  func string(_ node: Node, what: String) -> String? {
    guard case .scalar(let s) = node else {
      error("\(what) must be text, not \(describe(node))", at: node, code: .wrongValueKind); return nil
    }
    return substitute(s.string, at: node)
  }

  /// The raw scalar text (no substitution); for keys and enumerations.
  func rawScalar(_ node: Node, what: String) -> String? {
    guard case .scalar(let s) = node else {
      error("\(what) must be a single value, not \(describe(node))", at: node, code: .wrongValueKind); return nil
    }
    return substitute(s.string, at: node)
  }

  func bool(_ node: Node, what: String) -> Bool? {
    guard let s = rawScalar(node, what: what) else { return nil }
    switch s.lowercased() {
    case "true", "yes", "on", "ja": return true
    case "false", "no", "off", "nej": return false
    default:
      error("\(what) must be true or false, not `\(s)`", at: node, code: .notANumber); return nil
    }
  }

  func number(_ node: Node, what: String, range: ClosedRange<Double>? = nil) -> Double? {
    guard let s = rawScalar(node, what: what) else { return nil }
    guard let v = Double(s.replacingOccurrences(of: ",", with: ".")), v.isFinite else {
      error("\(what) must be a number, not `\(s)`", at: node, code: .notANumber); return nil
    }
    if let range, !range.contains(v) {
      error("\(what) must be between \(formatNumber(range.lowerBound)) and \(formatNumber(range.upperBound)), not \(s)", at: node,
            code: .outOfRange)
      return nil
    }
    return v
  }

  func integer(_ node: Node, what: String, range: ClosedRange<Int>) -> Int? {
    guard let s = rawScalar(node, what: what) else { return nil }
    guard let v = Int(s), range.contains(v) else {
      error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not `\(s)`", at: node,
            code: Int(s) == nil ? .notANumber : .outOfRange)
      return nil
    }
    return v
  }

  /// One of a fixed set of words.
  func choice<T: RawRepresentable & CaseIterable>(_ node: Node, what: String, as: T.Type, aliases: [String: T] = [:]) -> T?
  where T.RawValue == String {
    guard let s = rawScalar(node, what: what) else { return nil }
    if let v = T(rawValue: s) ?? aliases[s] { return v }
    let options = T.allCases.map(\.rawValue)
    var hints = ["use one of: " + options.joined(separator: ", ")]
    if let g = closestMatch(to: s, in: options + aliases.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
    error("\(what) cannot be `\(s)`", at: node, hints: hints, code: .notAllowed, subject: s)
    return nil
  }

  /// A length with its unit (`12mm`); `0` may go without one. Limits guard against absurd values.
  func length(_ node: Node, what: String, allowNegative: Bool = false, max: Length = .mm(10_000)) -> Length? {
    guard let s = rawScalar(node, what: what) else { return nil }
    let v: Length
    if let parsed = Length.parse(s) {
      v = parsed
    } else if Double(s) == 0 {
      v = .zero
    } else if Double(s) != nil {
      error("\(what) `\(s)` needs a unit", at: node, hints: ["write \(s)mm or \(s)pt (units: mm, cm, pt, in, px)"], code: .invalidLength)
      return nil
    } else {
      error("\(what) must be a length such as 12mm or 9.5pt, not `\(s)`", at: node, code: .invalidLength); return nil
    }
    if !allowNegative && v.points < 0 {
      error("\(what) cannot be negative (\(s))", at: node, code: .outOfRange); return nil
    }
    if abs(v.points) > max.points {
      error("\(what) \(s) is larger than the \(formatNumber(max.millimetres)) mm this allows", at: node,
            hints: ["check the number and its unit"], code: .outOfRange)
      return nil
    }
    return v
  }

  /// `[x, y]` as two lengths.
  func point(_ node: Node, what: String) -> Point? {
    guard case .sequence(let seq) = node, seq.count == 2 else {
      error("\(what) must be two lengths in brackets, like [20mm, 40mm]", at: node, code: .invalidLength); return nil
    }
    guard let x = length(seq[0], what: "\(what) x", allowNegative: true),
      let y = length(seq[1], what: "\(what) y", allowNegative: true)
    else { return nil }
    return Point(x: x.points, y: y.points)
  }

  /// `auto`, a length, a share (`1fr`) or a percentage (`50%`).
  func dimension(_ node: Node, what: String) -> Extent? {
    guard let s = rawScalar(node, what: what) else { return nil }
    if s == "auto" { return .auto }
    if s.hasSuffix("fr"), let v = Double(s.dropLast(2)), v > 0, v.isFinite { return .fraction(v) }
    if s.hasSuffix("%"), let v = Double(s.dropLast(1)), v >= 0, v <= 1000 { return .percent(v / 100) }
    return length(node, what: what).map { .fixed($0) }
  }

  /// A path relative to this file.
  func resolvePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).standardized.path
  }
}

/// Variables a layout uses that nobody gave a value (shared by the readers of one load).
final class MissingVariables: @unchecked Sendable {
  var names: Set<String> = []
}

/// A checked mapping: key → (key node, value node), in file order.
struct Fields {
  let node: Node
  var entries: [String: (key: Node, value: Node)] = [:]
  var order: [String] = []
  subscript(key: String) -> Node? { entries[key]?.value }
  func has(_ key: String) -> Bool { entries[key] != nil }
}
