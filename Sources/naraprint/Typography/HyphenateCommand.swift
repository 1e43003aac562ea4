import ArgumentParser
import NaraTypography

/// `naraprint hyphenate [--lang sv-SE] [--exceptions FILE] WORD…`
struct HyphenateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hyphenate",
    abstract: "Show where words may break: om-ställ-nings-ar-be-tet.",
    discussion: """
      Uses libhyphen with the language's patterns, the project's exception list \
      (typography/hyphenation-LANG.txt, or $NARAPRINT_TYPOGRAPHY_DIR) and, for Swedish, \
      compound joints from the hunspell-sv lexicon. Add a word to the exception list as \
      `word: hy-phen-at-ed` when it breaks badly.
      """)

  @Option(name: .long, help: "BCP 47 language tag of the words.")
  var lang: String = "sv-SE"

  @Option(name: .long, help: "An extra exception list (`word: hy-phen-at-ed` lines), on top of the default one.")
  var exceptions: String?

  @Flag(name: .long, help: "Also show why: patterns alone and the compound parts found.")
  var explain = false

  @Argument(help: "Words to hyphenate.")
  var words: [String]

  func run() throws {
    let t = try TypographySetup.typographer(language: lang, exceptionsPath: exceptions)
    if t.patterns == nil {
      typographyWarning("naraprint: no hyphenation patterns for “\(lang)” (Swedish needs Debian's hyphen-sv); words are shown unbroken")
    }
    for word in words {
      guard explain else { print(t.hyphenationPreview(of: word)); continue }
      let plain = Typographer(language: lang, patterns: t.patterns, hyphenation: t.hyphenation)
      let lower = word.lowercased()
      let parts = t.compounds?.analyse(lower).parts.joined(separator: "|") ?? ""
      let source = t.exceptions.breaks(for: lower) != nil ? "exception list" : (parts.isEmpty ? "patterns" : "patterns + joints")
      print("\(t.hyphenationPreview(of: word))\tpatterns: \(plain.hyphenationPreview(of: word))\tparts: \(parts.isEmpty ? "–" : parts)\tfrom: \(source)")
      // Each place a rule proposed or refused, with the rule.
      let letters = Array(word)
      for n in t.explainBreaks(forLowercased: lower).notes {
        let at = min(max(0, n.offset), letters.count)
        let shown = String(letters[..<at]) + (n.kept ? "-" : "|") + String(letters[at...])
        print("  \(n.kept ? "break " : "no    ") \(shown)\t\(n.reason)")
      }
    }
  }
}
