/// The compound lexicon file (`typography/compounds-sv.txt`, made from hunspell-sv by
/// `typography/tools/build-compound-lexicon.py`), searched in place.
///
/// Why in place: the body is sorted by UTF-8 bytes, so a look-up is a binary search over
/// the raw file; loading maps the file read-only (`mmap`, no copy, no parsing of the 150 000
/// stems: only the pages a search touches are read) and parses the ~440 suffix rules of its
/// head. Inflected forms are found the way hunspell finds them: strip a suffix, look the
/// stem up, check the stem carries that suffix class and its condition holds.
///
/// `@unchecked Sendable`: the mapped bytes are never written after `init` and unmapped in
/// `deinit`; the memo of looked-up forms is guarded by its lock.
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
    let condition: [(set: [UInt8], negated: Bool, any: Bool)]
    var roles: Roles
    /// Each condition element's set as letters, decoded once (checked for every look-up).
    let letterSets: [[Unicode.Scalar]]

    init(flag: [UInt8], strip: [UInt8], add: [UInt8], condition: [(set: [UInt8], negated: Bool, any: Bool)], roles: Roles) {
      self.flag = flag; self.strip = strip; self.add = add; self.condition = condition; self.roles = roles
      letterSets = condition.map { Array(String(decoding: $0.set, as: UTF8.self).unicodeScalars) }
    }

    /// Whether the stem's last letters meet the condition. Conditions are written in
    /// letters, so the stem's end is decoded backwards, only as far as the condition reaches.
    func matches(stem: [UInt8]) -> Bool {
      var end = stem.count
      for k in stride(from: condition.count - 1, through: 0, by: -1) {
        guard end > 0 else { return false }
        var start = end - 1
        while start > 0, stem[start] & 0xC0 == 0x80 { start -= 1 }
        defer { end = start }
        if condition[k].any { continue }
        var decoder = UTF8()
        var bytes = stem[start..<end].makeIterator()
        guard case .scalarValue(let u) = decoder.decode(&bytes) else { return false }
        if letterSets[k].contains(u) == condition[k].negated { return false }
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

  /// Forms already looked up: splitting a word looks up each of its substrings, and a text
  /// repeats its words and their parts (`vård` in every other compound). Bounded; it starts
  /// over when full.
  private let known = Locked([String: Roles]())
  static let knownCapacity = 100_000

  /// Everything a lower-cased form may be, from its stem and the suffixes that make it.
  func roles(of form: String) -> Roles {
    if let r = known.withLock({ $0[form] }) { return r }
    let r = lookUpRoles(of: form)
    known.withLock {
      if $0.count >= Self.knownCapacity { $0.removeAll(keepingCapacity: true) }
      $0[form] = r
    }
    return r
  }

  private func lookUpRoles(of form: String) -> Roles {
    let bytes = Array(form.utf8)
    var result: Roles = []
    for e in entries(bytes) { result.formUnion(e.roles) }
    // Where each of the last `longestAdd` letters starts, from the end: a suffix of
    // `addLength` letters begins at `starts[addLength]` (the base keeps at least one letter).
    var starts = [bytes.count]
    var i = bytes.count
    while starts.count <= longestAdd, i > 0 {
      i -= 1
      while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
      if i == 0 { break }
      starts.append(i)
    }
    for cut in starts {
      guard let rules = rulesByAdd[Array(bytes[cut...])] else { continue }
      let base = bytes[..<cut]
      for rule in rules {
        let stem = Array(base) + rule.strip
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
