/// The project's hyphenation exception list: words the patterns get wrong, written the way
/// a communicator reads them (`omställningsarbetet: om-ställ-nings-ar-be-tet`).
///
/// File format (UTF-8), one entry a line:
///     # comment
///     omställningsarbetet: om-ställ-nings-ar-be-tet
///     dammoln: dammoln          # no break at all (a triple-consonant joint, see §5)
///     fabriks-logiken           # the word is the entry without its hyphens
/// An entry overrides the patterns for that word in any capitalisation.
public struct HyphenationExceptions: Sendable {
  /// An error in an exception file, naming `source:line`.
  public struct ParseError: Error, CustomStringConvertible, Sendable {
    public var source: String
    public var line: Int
    public var message: String
    public var description: String { "\(source):\(line): \(message)" }
  }

  /// Lower-cased word → break offsets (in Characters, 0 < offset < count).
  public private(set) var entries: [String: [Int]] = [:]
  /// Lower-cased names from the names list (`names-sv.txt`): never broken.
  public private(set) var names: Set<String> = []

  /// An empty list.
  public init() {}

  /// Parses an exception list; `source` names it in errors (usually the file path).
  public init(contentsOf text: String, source: String) throws {
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      let trimmed = line.trimmingSpaces()
      if trimmed.isEmpty { continue }
      let key: String, pattern: String
      if let colon = trimmed.firstIndex(of: ":") {
        key = String(trimmed[..<colon]).trimmingSpaces().lowercased()
        pattern = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces().lowercased()
      } else {
        pattern = trimmed.lowercased()
        key = pattern.filter { $0 != "-" }
      }
      func fail(_ message: String) -> ParseError { ParseError(source: source, line: lineNumber, message: message) }
      guard !key.isEmpty, key.allSatisfy(\.isLetter) else {
        throw fail("“\(key)” is not a word: write `word: hyph-en-at-ed` with letters only")
      }
      let letters = pattern.filter { $0 != "-" }
      guard letters == key else {
        if letters.count == key.count + 1 {
          throw fail("“\(pattern)” has one letter more than “\(key)”: a soft hyphen cannot restore the consonant of a triple-consonant joint, so write “\(key)” without a break there")
        }
        throw fail("“\(pattern)” does not spell “\(key)” (only `-` may be added between letters)")
      }
      guard !pattern.hasPrefix("-"), !pattern.hasSuffix("-"), !pattern.contains("--") else {
        throw fail("“\(pattern)”: a break needs letters on both sides")
      }
      var breaks: [Int] = [], offset = 0
      for c in pattern {
        if c == "-" { breaks.append(offset) } else { offset += 1 }
      }
      if let old = entries[key], old != breaks {
        throw fail("“\(key)” is listed twice with different breaks")
      }
      entries[key] = breaks
    }
  }

  /// Reads an exception file; errors name the path and line.
  public init(path: String) throws {
    guard let text = Platform.readText(path) else {
      throw ParseError(source: path, line: 0, message: "cannot read the exception list")
    }
    try self.init(contentsOf: text, source: path)
  }

  /// The project's list for a language (`typography/hyphenation-sv.txt` for sv), found with
  /// `TypographyData.defaultDirectory()` or in `directory`; empty if there is none.
  public static func loadDefault(language: String = "sv", directory: String? = nil) throws -> HyphenationExceptions {
    guard let dir = directory ?? TypographyData.defaultDirectory() else { return .init() }
    let path = dir + "/" + TypographyData.exceptionFileName(language: language)
    var list = Platform.fileExists(path) ? try HyphenationExceptions(path: path) : .init()
    // The names list beside it (`names-sv.txt`): names never broken.
    let namesPath = dir + "/" + TypographyData.namesFileName(language: language)
    if Platform.fileExists(namesPath) {
      guard let text = Platform.readText(namesPath) else { throw ParseError(source: namesPath, line: 0, message: "cannot read the names list") }
      try list.addNames(contentsOf: text, source: namesPath)
    }
    return list
  }

  /// Break offsets for a lower-cased word, if listed (none for a name).
  public func breaks(for lowercasedWord: String) -> [Int]? {
    if let listed = entries[lowercasedWord] { return listed }
    return names.contains(lowercasedWord) ? [] : nil
  }

  /// Adds a names list: one name a line (`#` comments; a line of several words adds each), each
  /// also in the genitive. Letters and `-` only; a name that is also an exception keeps the
  /// exception's breaks.
  public mutating func addNames(contentsOf text: String, source: String) throws {
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
        let lower = word.lowercased()
        guard lower.allSatisfy({ $0.isLetter || $0 == "-" }), lower.contains(where: \.isLetter) else {
          throw ParseError(source: source, line: lineNumber, message: "“\(word)” is not a name: letters only, one name a line")
        }
        for part in lower.split(separator: "-") where !part.isEmpty {
          names.insert(String(part))
          if let last = part.last, !"sxz".contains(last) { names.insert(part + "s") }
        }
      }
    }
  }

  /// Whether a lower-cased word is on the names list.
  public func isListedName(_ lowercasedWord: String) -> Bool { entries[lowercasedWord] == nil && names.contains(lowercasedWord) }

  public var count: Int { entries.count + names.count }

  /// Adds or replaces one entry (tests, `--exceptions` on the command line).
  public mutating func set(_ word: String, breaks: [Int]) { entries[word.lowercased()] = breaks }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
