import CHyphen
import Foundation
import NaraTypography

/// Hyphenation patterns through libhyphen (the engine LibreOffice uses), e.g. Debian's
/// hyphen-sv `/usr/share/hyphen/hyph_sv_SE.dic`.
///
/// The dictionary is read at the first word (10–15 ms for Swedish) and instances made by
/// `forLanguage` are shared per process. libhyphen is not re-entrant on one dictionary, so
/// every call goes through a lock.
public final class LibhyphenPatterns: PatternHyphenator, @unchecked Sendable {
  public enum LoadError: Error, CustomStringConvertible {
    case notFound(String)
    case unreadable(String)
    public var description: String {
      switch self {
      case .notFound(let p): return "\(p): no such hyphenation dictionary (Debian: apt install hyphen-sv)"
      case .unreadable(let p): return "\(p): libhyphen could not load this dictionary"
      }
    }
  }

  /// The dictionary file.
  public let dictionaryPath: String
  /// Minima passed to libhyphen (it takes the larger of these and the file's header).
  /// hyph_sv_SE.dic says LEFTHYPHENMIN 1, which allows `o-tydligt`; TeX uses 2/2 for Swedish.
  public let leftMin: Int32
  public let rightMin: Int32
  private let lock = NSLock()
  private var dict: UnsafeMutablePointer<HyphenDict>?
  private var loadFailed = false

  /// - Throws: `LoadError.notFound` if the file does not exist. The file is parsed lazily.
  public init(dictionaryPath: String, leftMin: Int = 2, rightMin: Int = 2) throws {
    guard FileManager.default.isReadableFile(atPath: dictionaryPath) else { throw LoadError.notFound(dictionaryPath) }
    self.dictionaryPath = dictionaryPath
    self.leftMin = Int32(leftMin)
    self.rightMin = Int32(rightMin)
  }

  deinit {
    if let dict { hnj_hyphen_free(dict) }
  }

  /// Loads the dictionary now (so a later first word does not pay for it) and reports failure.
  public func load() throws {
    try lock.withLock { if try loadedDictionary() == nil { throw LoadError.unreadable(dictionaryPath) } }
  }

  /// Must be called with the lock held.
  private func loadedDictionary() throws -> UnsafeMutablePointer<HyphenDict>? {
    if let dict { return dict }
    if loadFailed { return nil }
    dict = hnj_hyphen_load(dictionaryPath)
    loadFailed = dict == nil
    return dict
  }

  /// Break offsets (in Characters) for a lower-cased word; [] for words the dictionary's
  /// encoding cannot spell (an ISO-8859-1 file and a word with `ł`, say).
  public func breaks(in lowercasedWord: String) -> [Int] {
    let chars = Array(lowercasedWord)
    guard chars.count >= 2 else { return [] }
    return lock.withLock { () -> [Int] in
      guard let dict = try? loadedDictionary() else { return [] }
      let utf8 = dict.pointee.utf8 != 0
      // Bytes of the word in the dictionary's encoding, and for each byte its Character.
      var bytes: [CChar] = [], owner: [Int] = []
      for (i, c) in chars.enumerated() {
        if utf8 {
          for b in String(c).utf8 { bytes.append(CChar(bitPattern: b)); owner.append(i) }
        } else {
          guard let b = Self.latin1(c) else { return [] }
          bytes.append(CChar(bitPattern: b)); owner.append(i)
        }
      }
      let size = Int32(bytes.count)
      var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
      var hyphword = [CChar](repeating: 0, count: bytes.count * 4 + 16)
      var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
      var pos: UnsafeMutablePointer<Int32>? = nil
      var cut: UnsafeMutablePointer<Int32>? = nil
      let status = hnj_hyphen_hyphenate3(dict, bytes, size, &hyphens, &hyphword, &rep, &pos, &cut, leftMin, rightMin, 0, 0)
      defer {
        if let rep {
          for i in 0..<bytes.count { free(rep[i]) }
          free(rep)
        }
        free(pos)
        free(cut)
      }
      guard status == 0 else { return [] }
      var out: [Int] = []
      for i in 0..<(bytes.count - 1) where hyphens[i] & 1 == 1 {
        // Non-standard breaks change letters (`Schiff=fahrt`); a soft hyphen cannot, skip them.
        if let rep, rep[i] != nil { continue }
        // Break after byte i: valid only at the last byte of a Character.
        guard owner[i] != owner[i + 1] else { continue }
        out.append(owner[i] + 1)
      }
      return out
    }
  }

  /// The ISO-8859-1 byte for a Character, also for decomposed input (`a` + U+030A).
  static func latin1(_ c: Character) -> UInt8? {
    let scalars = c.unicodeScalars
    if scalars.count == 1, let u = scalars.first, u.value <= 0xFF { return UInt8(u.value) }
    for v in UInt8(0xC0)...UInt8(0xFF) where Character(Unicode.Scalar(v)) == c { return v }
    return nil
  }

  // MARK: - Dictionaries per language

  /// Where distributions put libhyphen dictionaries.
  public static let searchDirectories = ["/usr/share/hyphen", "/usr/local/share/hyphen", "/opt/homebrew/share/hyphen"]
  /// The usual file for a bare language tag (Debian hyphen-XX package names).
  static let defaultRegion: [String: String] = [
    "sv": "sv_SE", "en": "en_US", "de": "de_DE", "nb": "nb_NO", "nn": "nn_NO", "no": "nb_NO", "da": "da_DK",
    "fr": "fr", "it": "it_IT", "es": "es", "pt": "pt_PT", "nl": "nl_NL", "pl": "pl_PL", "hu": "hu_HU",
    "ru": "ru_RU", "uk": "uk_UA", "cs": "cs_CZ", "sk": "sk_SK", "sl": "sl_SI", "hr": "hr_HR", "ro": "ro_RO",
    "lt": "lt_LT", "lv": "lv_LV", "is": "is", "ca": "ca", "gl": "gl", "el": "el_GR", "af": "af_ZA",
  ]
  private static let cache = Cache()

  /// The shared patterns for a BCP 47 tag (`sv-SE`, `sv`, `en-GB` …): `hyph_sv_SE.dic` for
  /// Swedish, other languages where a hyphen-XX dictionary is installed, nil otherwise
  /// (Finnish, Sami, Arabic … have none: no hyphenation rather than a wrong language's).
  public static func forLanguage(_ tag: String) -> LibhyphenPatterns? {
    guard let path = dictionaryPath(forLanguage: tag) else { return nil }
    return cache.patterns(path: path)
  }

  /// The dictionary file libhyphen would use for a tag, if installed.
  public static func dictionaryPath(forLanguage tag: String) -> String? {
    let parts = tag.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
    guard let lang = parts.first?.lowercased(), !lang.isEmpty else { return nil }
    let region = parts.dropFirst().first(where: { $0.count == 2 })?.uppercased()
    var names: [String] = []
    if let region { names.append("hyph_\(lang)_\(region).dic") }
    if let d = defaultRegion[lang] { names.append("hyph_\(d).dic") }
    names.append("hyph_\(lang).dic")
    let fm = FileManager.default
    for dir in searchDirectories {
      for name in names where fm.isReadableFile(atPath: dir + "/" + name) { return dir + "/" + name }
      if let any = (try? fm.contentsOfDirectory(atPath: dir))?.sorted().first(where: { $0.hasPrefix("hyph_\(lang)_") && $0.hasSuffix(".dic") }) {
        return dir + "/" + any
      }
    }
    return nil
  }

  private final class Cache: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: LibhyphenPatterns] = [:]
    func patterns(path: String) -> LibhyphenPatterns? {
      lock.withLock {
        if let p = byPath[path] { return p }
        guard let p = try? LibhyphenPatterns(dictionaryPath: path) else { return nil }
        byPath[path] = p
        return p
      }
    }
  }
}
