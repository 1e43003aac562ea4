import Foundation
import NaraHyphen
import NaraTypography

/// Shared fixtures: the real Swedish patterns, the repository's exception list and lexicon.
enum Fixtures {
  static let repoTypography: String = {
    // Tests run from the package root; fall back to the locator.
    TypographyData.defaultDirectory() ?? "typography"
  }()

  static let swedishPatterns: LibhyphenPatterns? = LibhyphenPatterns.forLanguage("sv-SE")

  static let exceptions: HyphenationExceptions = {
    (try? HyphenationExceptions.loadDefault(language: "sv", directory: repoTypography)) ?? .init()
  }()

  static let compounds: CompoundSplitter? = CompoundSplitter.swedish(directory: repoTypography)

  /// Patterns only (what LibreOffice does).
  static let plain = Typographer(language: "sv-SE", patterns: swedishPatterns)
  /// Patterns and the exception list.
  static let withExceptions = Typographer(language: "sv-SE", patterns: swedishPatterns, exceptions: exceptions)
  /// Patterns and the compound splitter, no exception list (what an unseen word gets).
  static let withCompounds = Typographer(language: "sv-SE", patterns: swedishPatterns, compounds: compounds)
  /// Everything: the configuration the renderer uses.
  static let full = Typographer(language: "sv-SE", patterns: swedishPatterns, exceptions: exceptions, compounds: compounds)

  static func lines(_ file: String) -> [String] {
    guard let text = try? String(contentsOfFile: repoTypography + "/" + file, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map { line in
      var l = Substring(line)
      if let h = l.firstIndex(of: "#") { l = l[..<h] }
      return l.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }

  /// Golden lines `word: hy-phen-at-ed` → (word, acceptable break offsets).
  static func golden(_ file: String) -> [(word: String, breaks: Set<Int>)] {
    lines(file).map { line in
      let pattern = line.contains(":") ? String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimmingCharacters(in: .whitespaces) : line
      var breaks = Set<Int>(), i = 0
      for c in pattern { if c == "-" { breaks.insert(i) } else { i += 1 } }
      return (pattern.replacingOccurrences(of: "-", with: ""), breaks)
    }
  }
}

