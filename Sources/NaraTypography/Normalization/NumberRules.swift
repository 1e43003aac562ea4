/// §3 of typography-sv.md for numbers: phone numbers and digit groups.
enum NumberRules {
  static func isSpace(_ u: Unicode.Scalar?) -> Bool { u == " " || u == Typo.nbsp || u == Typo.narrowNbsp }

  /// Digit groups separated by single spaces, starting at `i`: (group lengths, end).
  static func spacedGroups(from i: Int, in text: CellText) -> (groups: [Int], end: Int) {
    var groups: [Int] = [], k = i
    while true {
      let n = text.digitRun(from: k)
      guard n > 0 else { break }
      groups.append(n)
      k += n
      if isSpace(text[k]), text[k + 1]?.isDigit == true { k += 1 } else { break }
    }
    // A trailing space we stepped over belongs to the prose, not the number.
    return (groups, k)
  }

  /// `054-12 34 56`, `073-456 78 90`, `08-123 456 78`, `010 123 45 67`, `+46 54 12 34 56`:
  /// the hyphen stays, the groups are joined with no-break spaces, and the number is locked
  /// so the range rule never turns `054-12` into a range.
  static func lockPhoneNumbers(in text: inout CellText) {
    var i = 0
    while i < text.count {
      let prev = text[i - 1]
      guard prev?.isDigit != true, prev?.isLetter != true else { i += 1; continue }
      var start = i, k = i, international = false
      if text[k] == "+", text[k + 1]?.isDigit == true { international = true; k += 1 }
      guard text[k] == "0" || international else { i += 1; continue }
      let area = text.digitRun(from: k)
      k += area
      var digitsAfter = 0, groups: [Int] = []
      if !international, text[k] == "-", text[k + 1]?.isDigit == true, (2...4).contains(area) {
        (groups, k) = spacedGroups(from: k + 1, in: text)
        digitsAfter = groups.reduce(0, +)
        guard (5...8).contains(digitsAfter), groups.allSatisfy({ $0 <= 6 }) else { i = k; continue }
      } else {
        (groups, k) = spacedGroups(from: start + (international ? 1 : 0), in: text)
        digitsAfter = groups.reduce(0, +)
        let plausible = international ? (groups.count >= 3 && (8...13).contains(digitsAfter))
                                       : (groups.count >= 3 && (8...11).contains(digitsAfter) && groups.allSatisfy { (2...4).contains($0) })
        guard plausible else { i = max(k, i + 1); continue }
      }
      guard text[k]?.isLetter != true, text.isFree(start..<k) else { i = k; continue }
      for p in start..<k where text[p] == " " { text.set(p, Typo.nbsp) }
      text.lock(start..<k)
      start = k
      i = k
    }
  }

  /// `315 012`, `3 400 000` typed with ordinary spaces: the spaces become no-break spaces.
  /// The first group has 1–3 digits and every later one exactly 3, so `2021 500` (a year
  /// then a count) and `12 34 56` are left alone.
  static func joinTypedGroups(in text: inout CellText) {
    var i = 0
    while i < text.count {
      guard text[i]?.isDigit == true, text[i - 1]?.isDigit != true, text[i - 1]?.isLetter != true else { i += 1; continue }
      let first = text.digitRun(from: i)
      var k = i + first
      var spaces: [Int] = []
      while first <= 3, text[k] == " " || text[k] == Typo.nbsp || text[k] == Typo.narrowNbsp,
            text.digitRun(from: k + 1) == 3, text[k + 4]?.isLetter != true {
        spaces.append(k)
        k += 4
      }
      if !spaces.isEmpty, text[k]?.isDigit != true {
        for s in spaces where text[s] == " " && !text.isLocked(s) { text.set(s, Typo.nbsp) }
      }
      i = max(k, i + first)
    }
  }

  /// `315012` → `315 012`, `12345,67` → `12 345,67`: numbers of five or more digits get
  /// groups of three from the right [§3]. Four digits are left alone (years, `2024`), and so
  /// are codes: numbers after `nr`, `år`, `s.` …, inside words or joined by `-`, `/`, `:`, `.`.
  static func groupLongNumbers(in text: inout CellText) {
    var i = 0
    while i < text.count {
      guard text[i]?.isDigit == true else { i += 1; continue }
      let n = text.digitRun(from: i)
      defer { i += n }
      let before = text[i - 1], after = text[i + n]
      let joiners: Set<Unicode.Scalar> = ["-", ".", ",", ":", "/", "+", "#", Typo.enDash, Typo.wordJoiner]
      guard n >= 5, text[i] != "0", text.isFree(i..<(i + n)) else { continue }
      if let b = before, b.isLetter || b.isDigit || joiners.contains(b) { continue }
      if let a = after, a.isLetter || a.isDigit || a == "-" || a == ":" || a == "/" { continue }
      if after == ".", text[i + n + 1]?.isDigit == true { continue }
      if before != nil, isSpace(before) {
        let word = text.wordBefore(i - 1).word
        if SwedishTables.codeWords.contains(word) { continue }
      }
      var digits: [Unicode.Scalar] = []
      for k in 0..<n {
        if k > 0, (n - k) % 3 == 0 { digits.append(Typo.nbsp) }
        digits.append(text[i + k]!)
      }
      text.replace(i..<(i + n), with: digits)
      i += digits.count - n
    }
  }
}
