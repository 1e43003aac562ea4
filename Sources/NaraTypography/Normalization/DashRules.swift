/// §2 of typography-sv.md: tankstreck, ranges, pratminus, minus; and the §2 dates/codes
/// whose hyphen must stay.
enum DashRules {
  static let hyphen: Unicode.Scalar = "-"
  /// What a typist uses for a dash: hyphen, double hyphen (handled as a pair), en and em dash.
  static func isDashLike(_ u: Unicode.Scalar?) -> Bool {
    u == "-" || u == Typo.enDash || u == Typo.emDash
  }

  /// Call after `NumberRules.lockPhoneNumbers` and `lockNumericCodes`, which settle the
  /// hyphens that must stay.
  static func apply(to text: inout CellText) {
    ranges(in: &text)
    pratminus(in: &text)
    minus(in: &text)
    spacedDashes(in: &text)
  }

  /// ISO dates (`2024-03-15`) and other chains of three or more hyphen-joined numbers keep
  /// their hyphens; lock them so the range rule does not see `2024-03`.
  static func lockNumericCodes(in text: inout CellText) {
    var i = 0
    while i < text.count {
      guard text[i]?.isDigit == true, text[i - 1]?.isDigit != true else { i += 1; continue }
      var k = i, groups = 0
      while true {
        let n = text.digitRun(from: k)
        guard n > 0 else { break }
        groups += 1
        k += n
        if text[k] == "-", text[k + 1]?.isDigit == true { k += 1 } else { break }
      }
      if groups >= 3 { text.lock(i..<k) }
      i = max(k, i + 1)
    }
  }

  /// A number: digits with an optional decimal or time part (`3`, `2,5`, `10.15`).
  /// Returns its end, or nil if none starts at `i`.
  static func numberEnd(from i: Int, in text: CellText) -> Int? {
    let n = text.digitRun(from: i)
    guard n > 0 else { return nil }
    var k = i + n
    if let sep = text[k], sep == "," || sep == "." || sep == ":", text[k + 1]?.isDigit == true {
      k += 1 + text.digitRun(from: k + 1)
    }
    return k
  }

  static func isGap(_ u: Unicode.Scalar?) -> Bool {
    u == " " || u == Typo.nbsp || u == Typo.narrowNbsp || u == Typo.wordJoiner
  }

  /// `3-7`, `2019 - 2020`, `20-30 %` → `3⁠–⁠7`: en dash with no spaces, word joiners on both
  /// sides because Pango would break after the dash [§2 Splitting].
  static func ranges(in text: inout CellText) {
    var i = 0
    while i < text.count {
      guard text[i]?.isDigit == true, text[i - 1]?.isDigit != true, text[i - 1]?.isLetter != true,
            let end1 = numberEnd(from: i, in: text) else { i += 1; continue }
      var k = end1
      while isGap(text[k]) { k += 1 }
      if text[k] == "-" && text[k + 1] == "-" { k += 2 } else if isDashLike(text[k]) { k += 1 } else { i = end1; continue }
      while isGap(text[k]) { k += 1 }
      guard text[k]?.isDigit == true, let end2 = numberEnd(from: k, in: text) else { i = end1; continue }
      // Long numbers are codes (`232100-0152`), not ranges; a letter straight after the
      // second number means a word (`1-2-årig`), and another hyphen means a chain.
      let long1 = text.digitRun(from: i) > 4, long2 = text.digitRun(from: k) > 4
      if long1 || long2 || text[end2]?.isLetter == true || (text[end2] == "-" && text[end2 + 1]?.isDigit == true)
        || !text.isFree(end1..<k) {
        i = end2; continue
      }
      text.replace(end1..<k, with: [Typo.wordJoiner, Typo.enDash, Typo.wordJoiner])
      i = end1 + 3
    }
  }

  /// `- Text` at the start of a paragraph (or line) → `– Text`.
  static func pratminus(in text: inout CellText) {
    var i = 0
    while i < text.count {
      let atLineStart = i == 0 || text[i - 1] == "\n"
      if atLineStart {
        var k = i
        while text[k] == " " || text[k] == "\t" { k += 1 }
        var d = k
        if text[d] == "-" && text[d + 1] == "-" { d += 2 } else if text[d] == "-" || text[d] == Typo.emDash { d += 1 }
        if d > k, text[d] == " ", text.isFree(k..<d) {
          text.replace(k..<d, with: [Typo.enDash])
        }
      }
      i += 1
    }
  }

  /// `-3 °C` → `−3 °C`: a hyphen after a space (or at the start) and straight before a digit.
  static func minus(in text: inout CellText) {
    for i in 0..<text.count where text[i] == "-" && !text.isLocked(i) {
      let prev = text[i - 1]
      if (prev == nil || prev!.isWhite || prev == "(" || prev == Typo.nbsp), text[i + 1]?.isDigit == true {
        text.set(i, Typo.minus)
      }
    }
  }

  /// ` - `, ` -- `, ` – `, ` — ` between words → no-break space, en dash, space: the dash
  /// can then never start a line (§2, §4).
  static func spacedDashes(in text: inout CellText) {
    var i = 1
    while i < text.count {
      guard let before = text[i - 1], before == " " || before == Typo.nbsp || before == "\t" else { i += 1; continue }
      var d = i
      if text[d] == "-" && text[d + 1] == "-" { d += 2 } else if isDashLike(text[d]) { d += 1 } else { i += 1; continue }
      guard text[d] == " " || text[d] == "\n" || d == text.count, text.isFree((i - 1)..<d) else { i = d; continue }
      // Not at the start of a line: that is pratminus, handled above.
      var s = i - 1
      while s > 0, text[s - 1] == " " || text[s - 1] == "\t" { s -= 1 }
      if s == 0 || text[s - 1] == "\n" { i = d; continue }
      text.replace((i - 1)..<d, with: [Typo.nbsp, Typo.enDash])
      i += 1
    }
  }
}
