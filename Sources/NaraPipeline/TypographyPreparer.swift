import Foundation
import NaraHyphen
import NaraLayout
import NaraModel
import NaraTypography

/// Bridges the layout's `TextPreparer` seam to NaraTypography: one `Typographer` per language,
/// built on first use with that language's libhyphen patterns (none where Debian has none)
/// and the project's exception list.
public final class TypographyPreparer: TextPreparer, @unchecked Sendable {
  private let lock = NSLock()
  private var typographers: [String: Typographer] = [:]
  private let dataDirectory: String?
  /// Problems loading exception lists, reported once.
  public private(set) var warnings: [String] = []

  public init(dataDirectory: String? = TypographyData.defaultDirectory()) {
    self.dataDirectory = dataDirectory
  }

  public func prepare(_ segments: [PreparedSegment], language: String) -> [String] {
    let key = PreparedKey(segments: segments, language: language)
    if let done = lock.withLock({ prepared[key] }) { return done }
    let result = Timings.shared.measure("  of which typography") {
      let typographer = self.typographer(for: language)
      let input = segments.map { TextSegment($0.text, verbatim: $0.verbatim, hyphenate: $0.hyphenate) }
      let normalized = typographer.normalize(input)
      let again = zip(input, normalized).map { TextSegment($1, verbatim: $0.verbatim, hyphenate: $0.hyphenate) }
      return typographer.hyphenate(again)
    }
    lock.withLock {
      if prepared.count >= Self.preparedCapacity { prepared.removeAll(keepingCapacity: true) }
      prepared[key] = result
    }
    return result
  }

  public func compoundJoints(inLowercasedWord word: String, language: String) -> Set<Int> {
    typographer(for: language).compoundJoints(forLowercased: word)
  }

  /// Paragraphs already prepared, by their text and language: the same paragraph is set the
  /// same way every time, so `watch` prepares only the paragraph that was edited and a batch
  /// prepares a kit's fixed texts once. Bounded; it starts over when full.
  private struct PreparedKey: Hashable { let segments: [PreparedSegment]; let language: String }
  private var prepared: [PreparedKey: [String]] = [:]
  static let preparedCapacity = 20_000

  public func typographer(for language: String) -> Typographer {
    lock.lock(); defer { lock.unlock() }
    if let t = typographers[language] { return t }
    let primary = TypographyData.primaryLanguage(language)
    var exceptions = HyphenationExceptions()
    do { exceptions = try HyphenationExceptions.loadDefault(language: primary, directory: dataDirectory) } catch {
      warnings.append("\(error)")
    }
    // Swedish without its exception list breaks some compounds wrongly: say so, never silently.
    if primary == "sv", exceptions.count == 0 {
      warnings.append("the Swedish hyphenation exceptions (typography/hyphenation-sv.txt) were not found, so some compounds may break in the wrong place; `naraprint doctor` shows where naraprint looks")
    }
    let compounds = primary == "sv" ? CompoundSplitter.swedish(directory: dataDirectory) : nil
    // The minima come from the language table, as for `naraprint hyphenate`.
    let t = Typographer(language: language, patterns: LibhyphenPatterns.forLanguage(language), exceptions: exceptions,
                        compounds: compounds, hyphenation: LanguageData.forTag(language).hyphenation)
    typographers[language] = t
    return t
  }
}
