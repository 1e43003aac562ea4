/// §3–4 of typography-sv.md: no-break spaces after abbreviations, before units and months,
/// between initials and surname; closed abbreviations.
enum SpaceRules {
  static func isOrdinarySpace(_ u: Unicode.Scalar?) -> Bool { u == " " || u == "\t" }

  /// `t. ex.` → `t.ex.`, `bl. a.` → `bl.a.` [ST]. The letters keep their case (`T. ex.` → `T.ex.`).
  static func closeAbbreviations(in text: inout CellText) {
    var i = 0
    while i < text.count {
      defer { i += 1 }
      if let p = text[i - 1], p.isLetter || p == "." { continue }
      for parts in SwedishTables.closedAbbreviations {
        guard let (end, sawSpace) = match(parts, at: i, in: text), sawSpace, text.isFree(i..<end) else { continue }
        var out: [Unicode.Scalar] = []
        for k in i..<end where !(text[k]!.isWhite || text[k] == Typo.nbsp) { out.append(text[k]!) }
        text.replace(i..<end, with: out)
        break
      }
    }
  }

  /// Matches `t. ex.` (any spaces after each full stop) at `i`; returns the end and whether
  /// there was a space to remove.
  private static func match(_ parts: [String], at i: Int, in text: CellText) -> (Int, Bool)? {
    var k = i, sawSpace = false
    for (n, part) in parts.enumerated() {
      for letter in part.unicodeScalars {
        guard let u = text[k], u.properties.lowercaseMapping == String(letter) else { return nil }
        k += 1
      }
      guard text[k] == "." else { return nil }
      k += 1
      if n < parts.count - 1 {
        while text[k] == " " || text[k] == Typo.nbsp { k += 1; sawSpace = true }
      }
    }
    if let u = text[k], u.isLetter { return nil }
    return (k, sawSpace)
  }

  /// `kl. 10.15`, `s. 8`, `ca 40`, `nr 5`, `§ 12`: no-break space before the number.
  static func beforeNumbers(in text: inout CellText) {
    for i in 1..<max(1, text.count) where isOrdinarySpace(text[i]) && !text.isLocked(i) {
      guard let next = text[i + 1], next.isDigit || next == Typo.minus else { continue }
      let (word, start) = text.wordBefore(i)
      if let p = text[start - 1], p.isLetter || p.isDigit { continue }
      if SwedishTables.beforeNumber.contains(word) { text.set(i, Typo.nbsp) }
    }
  }

  /// Scalars that may make up a unit token (`km`, `°C`, `%`, `m²`).
  static func isUnitScalar(_ u: Unicode.Scalar) -> Bool {
    u.isLetter || "%‰°§€£²³µ".unicodeScalars.contains(u)
  }

  /// `40%` → `40 %`, `2 km`, `25mg` → `25 mg`, `37 °C`, `12 §`, `150 kr`: the unit is joined
  /// to its number with a no-break space, inserted if missing for unambiguous units.
  static func units(in text: inout CellText) {
    var i = 0
    while i < text.count {
      defer { i += 1 }
      guard text[i]?.isDigit == true, text[i + 1]?.isDigit != true else { continue }
      // The number must not be part of a word or code (`A4`, `H2O`, `mp3`).
      var s = i
      while let u = text[s - 1], u.isDigit || ((u == "," || u == "." || u == Typo.nbsp) && text[s - 2]?.isDigit == true) { s -= 1 }
      if let p = text[s - 1], p.isLetter { continue }
      var k = i + 1
      let spaced = text[k] == " " || text[k] == Typo.nbsp || text[k] == Typo.narrowNbsp
      if spaced { k += 1 }
      var e = k
      while let u = text[e], isUnitScalar(u) { e += 1 }
      guard e > k, text[e]?.isDigit != true else { continue }
      var token = ""
      for p in k..<e { token.unicodeScalars.append(text[p]!) }
      guard SwedishTables.units.contains(token) else { continue }
      if spaced {
        if text[i + 1] == " ", text.isFree((i + 1)..<(i + 2)) { text.set(i + 1, Typo.nbsp) }
      } else if SwedishTables.unitsInsertSpace.contains(token), text.isFree(k..<e), !text.isLocked(i) {
        text.replace((i + 1)..<(i + 1), with: [Typo.nbsp])
      }
    }
  }

  /// `3 februari 2023` → no-break space between day and month.
  static func dates(in text: inout CellText) {
    for i in 1..<max(1, text.count) where isOrdinarySpace(text[i]) && !text.isLocked(i) {
      guard text[i - 1]?.isDigit == true else { continue }
      let start = text.digitRunStart(before: i)
      guard i - start <= 2, text[start - 1]?.isDigit != true, text[start - 1]?.isLetter != true else { continue }
      var e = i + 1, word = ""
      while let u = text[e], u.isLetter { word.unicodeScalars.append(u); e += 1 }
      word = word.lowercased()
      if SwedishTables.months.contains(word) || (text[e] == "." && SwedishTables.months.contains(word + ".")) {
        text.set(i, Typo.nbsp)
      }
    }
  }

  /// `K. Törnqvist`, `K. G. Törnqvist`: initials stay with the surname [FL].
  static func initials(in text: inout CellText) {
    for i in 0..<text.count {
      guard let u = text[i], u.isUppercaseLetter, text[i + 1] == ".", isOrdinarySpace(text[i + 2]),
            let next = text[i + 3], next.isUppercaseLetter, !text.isLocked(i + 2) else { continue }
      if let p = text[i - 1], p.isLetter || p == "." { continue }
      text.set(i + 2, Typo.nbsp)
    }
  }
}
