/// The compound lexicon file (`typography/compounds-sv.txt`, made from hunspell-sv by
/// `typography/tools/build-compound-lexicon.py`), searched in place.
///
/// Why in place: the body is sorted by UTF-8 bytes, so a look-up is a binary search over
/// the raw file; loading maps the file read-only (`mmap`, no copy, no parsing of the 150 000
/// stems: only the pages a search touches are read) and parses the ~440 suffix rules of its
/// head. Inflected forms are found the way hunspell finds them: strip a suffix, look the
/// stem up, check the stem carries that suffix class and its condition holds.
///
/// `@unchecked Sendable`: the mapped bytes are never written after `init` and unmapped in `deinit`.
final class CompoundLexicon: @unchecked Sendable {
  /// What a word form may be: first/middle/last part of a compound, a word, a name.
  struct Roles: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let begin = Roles(rawValue: 1), middle = Roles(rawValue: 2), end = Roles(rawValue: 4)
    static let word = Roles(rawValue: 8), name = Roles(rawValue: 16)
    /// Suffix-rule markers (never in a looked-up result).
    static let permit = Roles(rawValue: 32), onlyInCompound = Roles(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }
    init<S: Sequence>(letters: S) where S.Element == UInt8 {
      var r: Roles = []
      for b in letters {
        switch b {
        case UInt8(ascii: "B"): r.insert(.begin)
        case UInt8(ascii: "M"): r.insert(.middle)
        case UInt8(ascii: "E"): r.insert(.end)
        case UInt8(ascii: "W"): r.insert(.word)
        case UInt8(ascii: "N"): r.insert(.name)
        case UInt8(ascii: "P"): r.insert(.permit)
        case UInt8(ascii: "Z"): r.insert(.onlyInCompound)
        default: break
        }
      }
      self = r
    }
  }

  struct SuffixRule: Sendable {
    var flag: [UInt8]
    var strip: [UInt8]
    var add: [UInt8]
    /// hunspell condition on the stem's end: one element per letter, a set and a negation.
    var condition: [(set: [UInt8], negated: Bool, any: Bool)]
    var roles: Roles

    func matches(stem: [UInt8]) -> Bool {
      // Conditions are written in letters; compare on Characters' UTF-8 by decoding.
      let letters = Array(String(decoding: stem, as: UTF8.self).unicodeScalars)
      guard letters.count >= condition.count else { return false }
      for (k, c) in condition.enumerated() {
        if c.any { continue }
        let u = letters[letters.count - condition.count + k]
        let inSet = String(decoding: c.set, as: UTF8.self).unicodeScalars.contains(u)
        if inSet == c.negated { return false }
      }
      return true
    }
  }

  /// The file's bytes: mapped read-only, or (where mapping fails) a private copy.
  private let bytes: UnsafeBufferPointer<UInt8>
  private let mapped: Bool
  private let bodyStart: Int
  /// Rules by the text they add, so a form only tries the rules that could have made it.
  private let rulesByAdd: [[UInt8]: [SuffixRule]]
  private let longestAdd: Int

  init?(path: String) {
    guard let file = Platform.mapFile(path) else { return nil }
    let bytes = file.bytes
    self.bytes = bytes
    mapped = file.mapped
    var rules: [[UInt8]: [SuffixRule]] = [:]
    var start = 0, longest = 0, body: Int? = nil
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 10 { end += 1 }
      let line = bytes[start..<end]
      if line.elementsEqual("%%".utf8) { body = end + 1; break }
      let f = line.split(separator: 9, omittingEmptySubsequences: false).map(Array.init)
      if f.count >= 5, f[0].elementsEqual("SFX".utf8) {
        let rule = SuffixRule(flag: f[1], strip: f[2], add: f[3], condition: Self.parseCondition(f[4]),
                              roles: Roles(letters: f.count > 5 ? f[5] : []))
        rules[rule.add, default: []].append(rule)
        longest = max(longest, String(decoding: rule.add, as: UTF8.self).unicodeScalars.count)
      }
      start = end + 1
    }
    guard let body else {
      Platform.unmap(bytes, mapped: mapped)
      return nil
    }
    bodyStart = body
    rulesByAdd = rules
    longestAdd = longest
  }

  deinit { Platform.unmap(bytes, mapped: mapped) }

  static func parseCondition(_ c: [UInt8]) -> [(set: [UInt8], negated: Bool, any: Bool)] {
    var out: [(set: [UInt8], negated: Bool, any: Bool)] = []
    let scalars = Array(String(decoding: c, as: UTF8.self).unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == "." { out.append(([], false, true)); i += 1; continue }
      if scalars[i] == "[" {
        var j = i + 1, negated = false
        if j < scalars.count, scalars[j] == "^" { negated = true; j += 1 }
        var set = String.UnicodeScalarView()
        while j < scalars.count, scalars[j] != "]" { set.append(scalars[j]); j += 1 }
        out.append((Array(String(set).utf8), negated, false))
        i = j + 1
        continue
      }
      out.append((Array(String(scalars[i]).utf8), false, false))
      i += 1
    }
    return out
  }

  /// The (roles, suffix flags) of every line whose stem is exactly `key`.
  func entries(_ key: [UInt8]) -> [(roles: Roles, flags: ArraySlice<UInt8>)] {
    let bytes = self.bytes
    var lo = bodyStart, hi = bytes.count
    while lo < hi {
      var line = (lo + hi) / 2
      while line > lo, bytes[line - 1] != 10 { line -= 1 }
      if compareKey(at: line, key) < 0 {
        var next = line
        while next < bytes.count, bytes[next] != 10 { next += 1 }
        lo = next + 1
      } else {
        hi = line
      }
    }
    var out: [(roles: Roles, flags: ArraySlice<UInt8>)] = []
    var line = lo
    while line < bytes.count, compareKey(at: line, key) == 0 {
      var end = line
      while end < bytes.count, bytes[end] != 10 { end += 1 }
      let fields = bytes[line..<end].split(separator: 9, omittingEmptySubsequences: false)
      if fields.count >= 2 {
        out.append((Roles(letters: fields[1]), fields.count > 2 ? ArraySlice(fields[2]) : []))
      }
      line = end + 1
    }
    return out
  }

  /// Compares the stem field of the line at `line` with `key`, byte by byte.
  private func compareKey(at line: Int, _ key: [UInt8]) -> Int {
    let bytes = self.bytes
    var i = line, k = 0
    while true {
      let a: UInt8 = i < bytes.count && bytes[i] != 9 && bytes[i] != 10 ? bytes[i] : 0
      let b: UInt8 = k < key.count ? key[k] : 0
      if a != b { return a < b ? -1 : 1 }
      if a == 0 { return 0 }
      i += 1; k += 1
    }
  }

  /// Everything a lower-cased form may be, from its stem and the suffixes that make it.
  func roles(of form: String) -> Roles {
    let scalars = Array(form.unicodeScalars)
    var result: Roles = []
    for e in entries(Array(form.utf8)) { result.formUnion(e.roles) }
    for addLength in 0...min(longestAdd, scalars.count - 1) {
      let add = Array(String(String.UnicodeScalarView(scalars[(scalars.count - addLength)...])).utf8)
      guard let rules = rulesByAdd[add] else { continue }
      let base = Array(String(String.UnicodeScalarView(scalars[..<(scalars.count - addLength)])).utf8)
      for rule in rules {
        let stem = base + rule.strip
        guard stem.count >= 2, rule.matches(stem: stem) else { continue }
        for e in entries(stem) where Self.contains(e.flags, rule.flag) {
          result.formUnion(derivedRoles(stem: e.roles, rule: rule.roles))
        }
      }
    }
    return result
  }

  /// Whether the flag (one UTF-8 character) is among a stem's flags; byte search is exact
  /// because UTF-8 is self-synchronising.
  static func contains(_ flags: ArraySlice<UInt8>, _ flag: [UInt8]) -> Bool {
    guard !flag.isEmpty, flags.count >= flag.count else { return false }
    if flag.count == 1 { return flags.contains(flag[0]) }
    var i = flags.startIndex
    while i + flag.count <= flags.endIndex {
      if flags[i..<(i + flag.count)].elementsEqual(flag) { return true }
      i += 1
    }
    return false
  }

  /// hunspell's compounding: a suffix may end a last part (COMPOUNDEND on the stem); on a
  /// first or middle part only if the suffix carries that flag or permits the stem's.
  private func derivedRoles(stem: Roles, rule: Roles) -> Roles {
    if stem.contains(.name) { return .name }
    var r: Roles = []
    if stem.contains(.end) || rule.contains(.end) { r.insert(.end) }
    if rule.contains(.begin) || (stem.contains(.begin) && rule.contains(.permit)) { r.insert(.begin) }
    if rule.contains(.middle) || (stem.contains(.middle) && rule.contains(.permit)) { r.insert(.middle) }
    if !rule.contains(.onlyInCompound) { r.insert(.word) }
    return r
  }
}
