import NaraModel

/// Breaks one lower-cased word by hyphenation patterns (libhyphen in NaraCairo).
public protocol PatternHyphenator: Sendable {
  /// The Character offsets (0 < i < count) where a break is allowed.
  func breaks(in lowercasedWord: String) -> [Int]
}

/// Typography for one language: normalisation (quotes, dashes, no-break spaces) and
/// hyphenation (soft hyphens), both on a paragraph of styled segments.
public struct Typographer: Sendable {
  /// BCP 47 tag the typographer was made for.
  public let language: String
  public let patterns: PatternHyphenator?
  public let exceptions: HyphenationExceptions
  public let compounds: CompoundSplitter?
  /// Words with fewer letters are never hyphenated (typography-sv.md §5: 6).
  public var minimumWordLength: Int
  /// Fewest letters before / after a break (§5: 2/2, as TeX for Swedish; 3/3 for leaflets).
  /// Renders and `naraprint hyphenate` take them from the language table
  /// (`init(language:patterns:exceptions:compounds:hyphenation:)`); the plain initialiser's
  /// defaults are TeX's 2/2, which the rule tests use.
  public var leftMin: Int
  public var rightMin: Int
  let profile: LanguageProfile

  /// - Parameters:
  ///   - language: BCP 47 tag (“sv-SE”, “sv”, “en”, “fi” …). The Swedish rules apply only to
  ///     sv; other languages get a neutral pass (only their quote convention, if known).
  ///   - patterns: the pattern engine for this language, or nil for no hyphenation.
  ///   - exceptions: the project's exception list; it overrides patterns and compounds.
  ///   - compounds: joint finder for unseen compounds (Swedish only).
  public init(language: String, patterns: PatternHyphenator?, exceptions: HyphenationExceptions = .init(),
              compounds: CompoundSplitter? = nil, minimumWordLength: Int = 6, leftMin: Int = 2, rightMin: Int = 2) {
    self.language = language
    self.patterns = patterns
    self.exceptions = exceptions
    self.compounds = compounds
    self.minimumWordLength = minimumWordLength
    self.leftMin = leftMin
    self.rightMin = rightMin
    profile = LanguageProfile.forTag(language)
  }

  /// A typographer with the given hyphenation minima; `hyphenation` defaults to the language's
  /// entry in `LanguageData.table` – what a render uses.
  public init(language: String, patterns: PatternHyphenator?, exceptions: HyphenationExceptions = .init(),
              compounds: CompoundSplitter? = nil, hyphenation: HyphenationSettings) {
    self.init(language: language, patterns: patterns, exceptions: exceptions, compounds: compounds,
              minimumWordLength: hyphenation.minimumWordLength, leftMin: hyphenation.leftMin, rightMin: hyphenation.rightMin)
  }

  /// The minima this typographer hyphenates with.
  public var hyphenation: HyphenationSettings {
    HyphenationSettings(leftMin: leftMin, rightMin: rightMin, minimumWordLength: minimumWordLength)
  }

  /// Normalise a paragraph made of styled segments as ONE text for context (a quote opened
  /// in one segment and closed in the next), returning exactly one string per segment, in
  /// order. Verbatim segments, URLs, e-mail addresses and code-like strings pass through
  /// byte for byte; U+00AD and U+00A0 already present are kept. Idempotent.
  public func normalize(_ segments: [TextSegment]) -> [String] {
    var text = CellText(segments)
    Protection.lockProtectedSpans(in: &text)
    if let quotes = profile.quotes { QuoteRules.apply(quotes, to: &text) }
    if profile.swedishRules {
      SpaceRules.closeAbbreviations(in: &text)
      NumberRules.lockPhoneNumbers(in: &text)
      DashRules.lockNumericCodes(in: &text)
      DashRules.apply(to: &text)
      NumberRules.joinTypedGroups(in: &text)
      NumberRules.groupLongNumbers(in: &text)
      SpaceRules.units(in: &text)
      SpaceRules.beforeNumbers(in: &text)
      SpaceRules.dates(in: &text)
      SpaceRules.initials(in: &text)
    }
    return text.split()
  }

  /// Normalise one plain string (a convenience for the CLI and tests).
  public func normalize(_ text: String) -> String {
    normalize([TextSegment(text)]).joined()
  }

  /// Insert U+00AD at allowed breaks in every segment with `hyphenate == true` and
  /// `verbatim == false`. Skipped: URLs, e-mail, numbers, words with a hyphen or a soft hyphen
  /// already, names (capitalised mid-sentence, or listed as names), all-caps initialisms and
  /// words shorter than `minimumWordLength`. Returns one string per segment.
  public func hyphenate(_ segments: [TextSegment]) -> [String] {
    let scanner = WordScanner(segments: segments, language: language)
    var insertBefore = Set<Int>()
    for word in scanner.words() where shouldHyphenate(word) {
      let lower = String(word.characters.map { Self.lowercase($0) })
      for b in breaks(forLowercased: lower) { insertBefore.insert(word.range.lowerBound + b) }
    }
    return scanner.rebuild(insertingSoftHyphensBefore: insertBefore)
  }

  /// Hyphenate one plain string (a convenience for the CLI and tests).
  public func hyphenate(_ text: String) -> String {
    hyphenate([TextSegment(text)]).joined()
  }

  /// The break points of one word as “om-ställ-nings-ar-be-tet” (for the CLI and tests).
  /// The word is treated as an ordinary lower-case word (no name check); words that would
  /// never be hyphenated (digits, hyphens, too short) come back unchanged.
  public func hyphenationPreview(of word: String) -> String {
    guard word.allSatisfy(\.isLetter) else { return word }
    let lower = String(word.map { Self.lowercase($0) })
    var out = "", i = 0
    let breaks = Set(breaks(forLowercased: lower))
    for c in word {
      if breaks.contains(i) { out.append("-") }
      out.append(c)
      i += 1
    }
    return out
  }

  /// The allowed breaks of a lower-cased word after every rule (exceptions, patterns,
  /// compound joints, special letters, minima), as sorted Character offsets. A word longer
  /// than `HyphenationLimits.longestWord` gets last-resort breaks at a fixed spacing instead.
  public func breaks(forLowercased word: String) -> [Int] {
    let chars = Array(word)
    guard chars.count >= minimumWordLength, chars.allSatisfy(\.isLetter) else { return [] }
    if chars.count > HyphenationLimits.longestWord {
      return HyphenationLimits.fallbackBreaks(count: chars.count, leftMin: leftMin, rightMin: rightMin)
    }
    if let listed = exceptions.breaks(for: word) { return listed }
    var breaks = Set(patterns?.breaks(in: word) ?? [])
    if let compounds, profile.swedishRules {
      let analysis = compounds.analyse(word)
      breaks = BreakRules.applyCompound(analysis, to: breaks)
    }
    if profile.swedishRules { breaks = BreakRules.loanWordEndings(breaks, in: chars).breaks }
    return BreakRules.filter(breaks, in: chars, leftMin: leftMin, rightMin: rightMin)
  }

  /// The breaks of a lower-cased word that stand at a compound's joint (Character offsets):
  /// the breaks a line breaker should prefer. Empty outside Swedish or for a simple word.
  public func compoundJoints(forLowercased word: String) -> Set<Int> {
    guard let compounds, profile.swedishRules else { return [] }
    let chars = Array(word)
    guard chars.count >= minimumWordLength, chars.count <= HyphenationLimits.longestWord, chars.allSatisfy(\.isLetter) else { return [] }
    let a = compounds.analyse(word)
    let allowed = Set(breaks(forLowercased: word))
    return Set(a.joints).intersection(allowed)
  }

  func shouldHyphenate(_ word: ScannedWord) -> Bool {
    guard word.hyphenatable, word.characters.count >= minimumWordLength else { return false }
    let uppercase = word.characters.filter(\.isUppercase).count
    if uppercase >= 2 { return false }  // initialisms, ALL CAPS, McName
    if uppercase == 1 {
      if !word.characters[0].isUppercase { return false }  // camelCase is code or a name
      if !word.atSentenceStart && profile.capitalisedWordsAreNames { return false }
      if let compounds, profile.swedishRules, word.characters.count <= HyphenationLimits.longestWord,
         compounds.isProperName(String(word.characters.map { Self.lowercase($0) })) {
        return false
      }
    }
    return patterns != nil || !exceptions.entries.isEmpty
  }

  static func lowercase(_ c: Character) -> Character {
    let l = c.lowercased()
    return l.count == 1 ? Character(l) : c
  }
}
