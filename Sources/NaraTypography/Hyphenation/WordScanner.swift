/// A word found in a paragraph for hyphenation.
struct ScannedWord {
  /// Character positions in the whole paragraph.
  var range: Range<Int>
  var characters: [Character]
  /// True if the word is letters only and every letter sits in a segment that may be hyphenated.
  var hyphenatable: Bool
  /// First word of the paragraph, of a line, or after `.`, `!`, `?` (not after `t.ex.`).
  var atSentenceStart: Bool
}

/// Splits a paragraph of segments into words, and puts it back together with soft hyphens.
struct WordScanner {
  let chars: [Character]
  let segmentOf: [Int]
  let segments: [TextSegment]

  /// Around a word but not part of it: quotes, brackets, sentence punctuation.
  static let leading: Set<Character> = ["(", "[", "{", "”", "“", "„", "’", "‘", "'", "\"", "«", "»", "–", "—", "¿", "¡", "*", "_"]
  static let trailing: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "]", "}", "”", "’", "\"", "'", "»", "«", "…", "*", "_"]
  static let sentenceEnd: Set<Character> = [".", "!", "?", "…"]

  init(segments: [TextSegment], language: String) {
    var chars: [Character] = [], owner: [Int] = []
    for (i, s) in segments.enumerated() {
      for c in s.text { chars.append(c); owner.append(i) }
    }
    self.chars = chars
    segmentOf = owner
    self.segments = segments
  }

  func words() -> [ScannedWord] {
    var out: [ScannedWord] = []
    var i = 0, sentenceStart = true
    while i < chars.count {
      if chars[i].isWhitespace {
        if chars[i].isNewline { sentenceStart = true }
        i += 1
        continue
      }
      var end = i
      while end < chars.count, !chars[end].isWhitespace { end += 1 }
      var lo = i, hi = end
      while lo < hi, Self.leading.contains(chars[lo]) { lo += 1 }
      while hi > lo, Self.trailing.contains(chars[hi - 1]) { hi -= 1 }
      let core = Array(chars[lo..<hi])
      if !core.isEmpty {
        let lettersOnly = core.allSatisfy(\.isLetter)
        let allowed = (lo..<hi).allSatisfy { segments[segmentOf[$0]].hyphenate && !segments[segmentOf[$0]].verbatim }
        out.append(ScannedWord(range: lo..<hi, characters: core, hyphenatable: lettersOnly && allowed,
                               atSentenceStart: sentenceStart))
        // What follows starts a sentence if this token ends one and is not an abbreviation.
        let token = String(chars[i..<end]).lowercased()
        var stripped = Substring(token)
        while let l = stripped.last, "”’\")]»".contains(l) { stripped.removeLast() }
        if let last = stripped.last, Self.sentenceEnd.contains(last) {
          let bare = String(stripped.drop(while: { Self.leading.contains($0) }))
          sentenceStart = !SwedishTables.abbreviationsWithStop.contains(bare) && !Self.isInitial(bare)
        } else {
          sentenceStart = false
        }
      }
      // A dash alone (pratminus, tankstreck) does not end or start anything.
      i = end
    }
    return out
  }

  /// `K.` in `K. Törnqvist` is an initial, not the end of a sentence.
  static func isInitial(_ token: String) -> Bool {
    token.count == 2 && token.first!.isLetter && token.last == "."
  }

  /// The segments with U+00AD inserted before the given Character positions; the soft hyphen
  /// goes into the segment of the letter before it (where the line will end).
  func rebuild(insertingSoftHyphensBefore positions: Set<Int>) -> [String] {
    var out = [String](repeating: "", count: segments.count)
    for (p, c) in chars.enumerated() {
      if positions.contains(p), p > 0 { out[segmentOf[p - 1]].unicodeScalars.append(Typo.softHyphen) }
      out[segmentOf[p]].append(c)
    }
    return out
  }
}
