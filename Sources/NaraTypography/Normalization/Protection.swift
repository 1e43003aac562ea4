/// Finds what typography must never touch inside running text – URLs, e-mail addresses,
/// template variables, code-like strings – and locks those cells (typography-sv.md §0.1, §8.1).
enum Protection {
  /// Punctuation that surrounds an address in prose but is not part of it.
  static let leadingPunctuation: Set<Unicode.Scalar> = ["(", "[", "{", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "<"]
  static let trailingPunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "]", "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", ">"]
  /// Characters that do not occur in Swedish prose words but do in code.
  static let codeCharacters: Set<Unicode.Scalar> = ["_", "=", "\\", "<", ">", "|", "`", "{", "}", "~", "^", "#", "@"]

  static func lockProtectedSpans(in text: inout CellText) {
    lockDelimited(in: &text, open: ["{", "{"], close: ["}", "}"])
    lockDelimited(in: &text, open: ["`"], close: ["`"])
    var i = 0
    while i < text.count {
      guard let u = text[i], !u.isWhite else { i += 1; continue }
      var end = i
      while let v = text[end], !v.isWhite { end += 1 }
      var lo = i, hi = end
      while lo < hi, let u = text[lo], leadingPunctuation.contains(u) { lo += 1 }
      while hi > lo, let u = text[hi - 1], trailingPunctuation.contains(u) { hi -= 1 }
      if lo < hi {
        var core = ""
        for k in lo..<hi { core.unicodeScalars.append(text[k]!) }
        if isProtected(core) { text.lock(lo..<hi) }
      }
      i = end
    }
  }

  /// Is this whitespace-free token an address or code rather than prose?
  static func isProtected(_ token: String) -> Bool {
    if token.contains("://") || token.lowercased().hasPrefix("www.") { return true }
    if token.unicodeScalars.contains(where: { codeCharacters.contains($0) }) { return true }
    if token.contains("::") || token.contains("()") { return true }
    if token.hasPrefix("--"), token.unicodeScalars.dropFirst(2).first?.isLetter == true { return true }
    if token.hasPrefix("/") || token.hasPrefix("./") || token.hasPrefix("../") { return true }
    return looksLikeHostOrFile(token)
  }

  /// `regionvarmland.se/naravard`, `sub.example.com`, `hyphenation-sv.txt`.
  static func looksLikeHostOrFile(_ token: String) -> Bool {
    let host = token.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? token
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return false }
    guard labels.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.isLetter || $0.isDigit || $0 == "-" } }) else { return false }
    let last = labels.last!.lowercased()
    if AddressTables.fileExtensions.contains(last) && labels.count == 2 && labels[0].count >= 2 { return true }
    // Every label longer than one letter: keeps `t.ex`, `bl.a`, `o.s.v` out.
    guard labels.allSatisfy({ $0.count >= 2 }) else { return false }
    return AddressTables.topLevelDomains.contains(last)
  }

  /// Lock `{{ … }}` and `` `…` `` spans, which may contain spaces.
  private static func lockDelimited(in text: inout CellText, open: [Unicode.Scalar], close: [Unicode.Scalar]) {
    func matches(_ at: Int, _ seq: [Unicode.Scalar]) -> Bool {
      seq.enumerated().allSatisfy { text[at + $0.offset] == $0.element }
    }
    var i = 0
    while i < text.count {
      if matches(i, open) {
        var j = i + open.count
        while j < text.count, !matches(j, close) { j += 1 }
        if j < text.count {
          text.lock(i..<(j + close.count))
          i = j + close.count
          continue
        }
      }
      i += 1
    }
  }
}
