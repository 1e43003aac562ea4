/// The closest candidate by edit distance, if it is close enough to be a likely typo.
func closestMatch<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
  let w = Array(word.lowercased())
  var best: (String, Int)?
  // Sorted, so that ties give the same hint on every run.
  for c in candidates.sorted() {
    let d = editDistance(w, Array(c.lowercased()))
    if best == nil || d < best!.1 { best = (c, d) }
  }
  guard let (match, distance) = best else { return nil }
  // Allow about one typo per three letters, at least one.
  return distance <= max(1, w.count / 3) ? match : nil
}

/// Levenshtein distance, with a transposition counting as one edit (`colur`, `clour`).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev2 = [Int](repeating: 0, count: b.count + 1)
  var prev = Array(0...b.count)
  for i in 1...a.count {
    var cur = [Int](repeating: 0, count: b.count + 1)
    cur[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prev2[j - 2] + 1) }
    }
    prev2 = prev; prev = cur
  }
  return prev[b.count]
}
