/// Finds the joints (fogar) of Swedish compounds from the hunspell-sv dictionary, so that
/// hyphenation prefers them and never crosses them wrongly (`fabriks-logiken`, not
/// `fabrik-slogiken`), also in words nobody put in the exception list.
///
/// The lexicon file is read at the first word that needs it and shared by every splitter
/// in the process; a render with no long unknown words never reads it.
public struct CompoundSplitter: Sendable {
  /// The result for one word.
  public struct Analysis: Sendable, Hashable {
    /// The parts of the preferred segmentation (empty if the word is not a compound).
    public var parts: [String] = []
    /// Joints of the preferred segmentations (Character offsets) that no other reading
    /// contradicts: good breaks.
    public var joints: [Int] = []
    /// Joints where the compound dropped one of three equal consonants (`dammoln` =
    /// `damm` + `moln`): a soft hyphen cannot bring the letter back, so never break there.
    public var tripleJoints: [Int] = []
    /// Joints some equally good segmentations have and others not (`urinvånare`: `urin|vånare`
    /// or `ur|invånare`): do not break near them at all.
    public var contested: [Int] = []
    /// The whole word is in the dictionary as it stands (it is still segmented, with longer parts).
    public var isDictionaryWord = false
  }

  private let store: LexiconStore
  /// Shortest part accepted (hunspell-sv allows 1; 2 keeps `om`, `ut`, `in` but not `a`).
  public var minimumPartLength: Int = 2
  /// Shortest part accepted when the whole word is itself in the dictionary.
  public var dictionaryWordMinimumPartLength: Int = 3
  /// Most parts a segmentation may have (longer chains are usually spurious).
  public var maximumParts: Int = 4

  /// A splitter over a lexicon file made by `typography/tools/build-compound-lexicon.py`.
  /// Nothing is read until the first word needs it.
  public init(lexiconPath: String) {
    store = LexiconStore.shared(path: lexiconPath)
  }

  /// The Swedish splitter from the default data directory, or nil if the file is missing.
  public static func swedish(directory: String? = nil) -> CompoundSplitter? {
    guard let dir = directory ?? TypographyData.defaultDirectory() else { return nil }
    let path = dir + "/" + TypographyData.compoundLexiconFileName(language: "sv")
    return Platform.fileExists(path) ? CompoundSplitter(lexiconPath: path) : nil
  }

  /// Whether the lexicon could be read (reads it if that has not happened yet).
  public var isAvailable: Bool { store.lexicon != nil }

  /// Is this lower-cased word listed as a proper name and not also as an ordinary word?
  public func isProperName(_ lowercasedWord: String) -> Bool {
    guard let lex = store.lexicon else { return false }
    let r = lex.roles(of: lowercasedWord)
    return r.contains(.name) && !r.contains(.word)
  }

  /// Is this lower-cased word (or an inflection of it) in the dictionary on its own?
  public func isKnownWord(_ lowercasedWord: String) -> Bool {
    store.lexicon?.roles(of: lowercasedWord).contains(.word) ?? false
  }

  /// Segments a lower-cased word into compound parts.
  public func analyse(_ lowercasedWord: String) -> Analysis {
    guard let lex = store.lexicon else { return Analysis() }
    let chars = Array(lowercasedWord)
    let n = chars.count
    var analysis = Analysis()
    // The search below grows with the square of the length (and more with the parts): a
    // longer “word” is no Swedish compound (see `HyphenationLimits.longestWord`).
    guard n >= 2 * minimumPartLength, n <= HyphenationLimits.longestWord else { return analysis }
    // A text repeats its words, and a frame that shrinks to fit sets its text again at every
    // step: each word is analysed once per process.
    let key = "\(minimumPartLength) \(dictionaryWordMinimumPartLength) \(maximumParts) \(lowercasedWord)"
    if let known = store.analysis(key) { return known }
    defer { store.remember(analysis, for: key) }
    // hunspell-sv lists many compounds whole (`järnvägsstation`), so a dictionary word is
    // segmented too, but with longer parts: short parts inside a listed word are mostly
    // accidents (`kom|munen`), short parts of an unlisted word mostly prefixes (`om|…`).
    analysis.isDictionaryWord = lex.roles(of: lowercasedWord).contains(.word)
    let minPart = analysis.isDictionaryWord ? dictionaryWordMinimumPartLength : minimumPartLength

    var memo: [Range<Int>: CompoundLexicon.Roles] = [:]
    func roles(_ r: Range<Int>) -> CompoundLexicon.Roles {
      if let m = memo[r] { return m }
      let v = lex.roles(of: String(chars[r]))
      memo[r] = v
      return v
    }
    // Depth-first over parts; a part may share its first letter with the previous part's
    // last one when that part ends in a double consonant (hunspell's SIMPLIFIEDTRIPLE).
    var best: [[(range: Range<Int>, triple: Bool)]] = []
    var bestCount = maximumParts + 1
    func search(from start: Int, parts: [(range: Range<Int>, triple: Bool)]) {
      guard parts.count < bestCount else { return }
      let isFirst = parts.isEmpty
      var starts = [(start, false)]
      if let last = parts.last, last.range.count >= 3, start >= 2, chars[start - 1] == chars[start - 2],
         !Self.vowels.contains(chars[start - 1]) {
        starts.append((start - 1, true))
      }
      for (s, triple) in starts {
        for end in stride(from: n, through: s + minPart, by: -1) {
          let r = s..<end
          let roles = roles(r)
          let p = parts + [(r, triple)]
          if end == n {
            if !isFirst && roles.contains(.end) {
              if p.count < bestCount { bestCount = p.count; best = [p] } else if p.count == bestCount { best.append(p) }
            }
          } else if n - end >= minPart, roles.contains(isFirst ? .begin : .middle) {
            search(from: end, parts: p)
          }
        }
      }
    }
    search(from: 0, parts: [])
    guard !best.isEmpty else { return analysis }

    var jointSets: [Set<Int>] = []
    var triples = Set<Int>()
    for seg in best {
      var joints = Set<Int>()
      for part in seg.dropFirst() {
        if part.triple { triples.insert(part.range.lowerBound) } else { joints.insert(part.range.lowerBound) }
      }
      jointSets.append(joints)
    }
    // Different bracketings of one compound (`vind|kraftverk`, `vindkraft|verk`) are not a
    // conflict: both joints are real. A joint is contested only when another reading puts a
    // joint one or two letters away (`urin|vånare` against `ur|invånare`).
    let union = jointSets.reduce(Set<Int>()) { $0.union($1) }
    let contested = union.filter { j in union.contains { $0 != j && abs($0 - j) <= 2 } }
    analysis.parts = best[0].map { String(chars[$0.range]) }
    analysis.joints = union.subtracting(contested).subtracting(triples).sorted()
    analysis.tripleJoints = triples.sorted()
    analysis.contested = contested.sorted()
    return analysis
  }

  static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "å", "ä", "ö", "é", "ü"]
}

/// One lexicon per path per process, read at first use.
final class LexiconStore: Sendable {
  private let path: String
  private let state = Locked<(loaded: Bool, lexicon: CompoundLexicon?)>((false, nil))
  private static let cache = Locked<[String: LexiconStore]>([:])
  /// Analyses already made, by the splitter's settings and the word.
  private let analyses = Locked<[String: CompoundSplitter.Analysis]>([:])
  /// Most analyses kept; past it the memo starts again (so memory stays bounded in a long
  /// batch of many different texts).
  static let analysisMemoLimit = 50_000

  private init(path: String) { self.path = path }

  static func shared(path: String) -> LexiconStore {
    cache.withLock { c in
      if let s = c[path] { return s }
      let s = LexiconStore(path: path)
      c[path] = s
      return s
    }
  }

  func analysis(_ key: String) -> CompoundSplitter.Analysis? {
    analyses.withLock { $0[key] }
  }

  func remember(_ analysis: CompoundSplitter.Analysis, for key: String) {
    analyses.withLock { memo in
      if memo.count >= Self.analysisMemoLimit { memo.removeAll(keepingCapacity: true) }
      memo[key] = analysis
    }
  }

  var lexicon: CompoundLexicon? {
    state.withLock { s in
      if !s.loaded { s = (true, CompoundLexicon(path: path)) }
      return s.lexicon
    }
  }
}
