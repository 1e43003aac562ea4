import NaraHyphen
import NaraModel
import NaraTypography

/// Builds the Typographer the typography subcommands use, the same way a render does:
/// libhyphen patterns for the language, the repository's exception list, the compound lexicon
/// and the language table's hyphenation minima.
enum TypographySetup {
  static func typographer(language: String, exceptionsPath: String?) throws -> Typographer {
    let primary = TypographyData.primaryLanguage(language)
    let dir = TypographyData.defaultDirectory()
    var exceptions = try HyphenationExceptions.loadDefault(language: primary, directory: dir)
    if let exceptionsPath {
      // An explicit file is added on top of the default list and wins on conflicts.
      let extra = try HyphenationExceptions(path: exceptionsPath)
      for (word, breaks) in extra.entries { exceptions.set(word, breaks: breaks) }
    }
    let compounds = primary == "sv" ? CompoundSplitter.swedish(directory: dir) : nil
    // The language table's minima, so the breaks shown are the breaks a render makes.
    return Typographer(language: language, patterns: LibhyphenPatterns.forLanguage(language),
                       exceptions: exceptions, compounds: compounds, hyphenation: LanguageData.forTag(language).hyphenation)
  }
}
