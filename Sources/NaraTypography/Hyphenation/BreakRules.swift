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
    // Drop breaks that would leave a piece without a vowel, left to right.
    var sorted = b.sorted()
    var changed = true
    while changed {
      changed = false
      let bounds = [0] + sorted + [n]
      for k in 1..<(bounds.count - 1) {
        let before = chars[bounds[k - 1]..<bounds[k]], after = chars[bounds[k]..<bounds[k + 1]]
        if !before.contains(where: vowels.contains) || !after.contains(where: vowels.contains) {
          sorted.remove(at: k - 1)
          changed = true
          break
        }
      }
    }
    return sorted
  }
}
