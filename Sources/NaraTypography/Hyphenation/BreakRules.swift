/// Pure functions that turn pattern breaks into acceptable Swedish breaks (typography-sv.md §5).
enum BreakRules {
  static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "å", "ä", "ö", "é", "è", "ü", "á", "à", "ø", "æ"]

  /// Compound joints win over patterns. Patterns typically put a joint break one letter off
  /// (`fabrik-slogiken`, `målbild-sarbetet`, `budge-tarbete`), so a pattern break next to a
  /// found joint is replaced by the joint. Triple-consonant joints and contested joints
  /// (two equally good readings) clear every break around them.
  static func applyCompound(_ a: CompoundSplitter.Analysis, to patternBreaks: Set<Int>) -> Set<Int> {
    var b = patternBreaks
    for c in a.contested { for d in (c - 1)...(c + 1) { b.remove(d) } }
    for t in a.tripleJoints { for d in (t - 1)...(t + 1) { b.remove(d) } }
    for j in a.joints {
      b.remove(j - 1)
      b.remove(j + 1)
      // A joint next to a contested or triple joint is not trusted either.
      if !a.contested.contains(where: { abs($0 - j) <= 1 }) && !a.tripleJoints.contains(where: { abs($0 - j) <= 1 }) {
        b.insert(j)
      }
    }
    return b
  }

  /// The loan-word endings whose i keeps the consonant before it.
  static let loanEndings: [[Character]] = ["ion", "ient", "iell", "ial"].map(Array.init)

  /// Loan words' endings `-ion`, `-ient`, `-iell`, `-ial` keep the consonant before their i
  /// (Svenska skrivregler: pen-sion, re-li-gion, kli-ent, kom-mer-si-ell, so-ci-al): a break
  /// between that consonant and the i moves to before the consonant (`relig-ion` →
  /// `reli-gion`, `funkt-ion` → `funk-tion`), and `-ion` is never split between its i and o.
  /// Returns the breaks and, for `--explain`, what moved.
  static func loanWordEndings(_ proposed: Set<Int>, in chars: [Character]) -> (breaks: Set<Int>, moved: [(from: Int, to: Int?)]) {
    let n = chars.count
    func ending(at k: Int) -> Bool {
      guard k < n, chars[k] == "i" else { return false }
      return loanEndings.contains { e in k + e.count <= n && chars[k..<(k + e.count)].elementsEqual(e) }
    }
    var b = proposed
    var moved: [(Int, Int?)] = []
    for k in proposed.sorted() {
      if k >= 2, ending(at: k), !vowels.contains(chars[k - 1]) {
        b.remove(k)
        let to = k - 1
        b.insert(to)
        moved.append((k, to))
      } else if k >= 2, k + 1 < n, chars[k - 1] == "i", chars[k] == "o", chars[k + 1] == "n", !vowels.contains(chars[k - 2]) {
        b.remove(k)
        moved.append((k, nil))
      }
    }
    return (b, moved)
  }

  /// The rules every break must pass, whatever proposed it:
  /// - at least `leftMin` letters before and `rightMin` after (`ä-ven`, `o-typisk` never);
  /// - every piece between breaks has a vowel (a syllable on each side, no lone fog-s);
  /// - `ck` is never split;
  /// - `x` stays on the first line (`max-imal`, not `ma-ximal`).
  static func filter(_ proposed: Set<Int>, in chars: [Character], leftMin: Int, rightMin: Int) -> [Int] {
    let n = chars.count
    var b = Set<Int>()
    for var i in proposed {
      if chars[i] == "x", i + 1 < n, vowels.contains(chars[i + 1]) { i += 1 }
      guard i >= leftMin, n - i >= rightMin else { continue }
      if chars[i - 1] == "c" && chars[i] == "k" { continue }
      b.insert(i)
    }
    // Drop breaks that would leave a piece without a vowel, left to right: a break stays when
    // the piece since the last kept break and the piece up to the next proposed one both have
    // a vowel (dropping a break only merges pieces, so the kept ones before it stay good).
    // One pass, with the vowels counted once: linear in the word's length.
    var vowelsBefore = [Int](repeating: 0, count: n + 1)
    for (k, c) in chars.enumerated() { vowelsBefore[k + 1] = vowelsBefore[k] + (vowels.contains(c) ? 1 : 0) }
    func hasVowel(_ from: Int, _ to: Int) -> Bool { vowelsBefore[to] > vowelsBefore[from] }
    let sorted = b.sorted()
    var kept: [Int] = []
    for (k, cut) in sorted.enumerated() {
      let next = k + 1 < sorted.count ? sorted[k + 1] : n
      if hasVowel(kept.last ?? 0, cut) && hasVowel(cut, next) { kept.append(cut) }
    }
    return kept
  }
}
