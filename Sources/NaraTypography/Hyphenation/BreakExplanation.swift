/// Why a word breaks where it does, and why not elsewhere: `naraprint hyphenate --explain`.
/// It walks the same steps as `Typographer.breaks(forLowercased:)` – exceptions, patterns,
/// compound joints, the filters – and names the rule at each place; a test checks that the
/// breaks it keeps are exactly the ones a render uses.
public struct BreakExplanation: Sendable, Hashable {
  /// The Character offset (the break stands before this letter).
  public var offset: Int
  public var kept: Bool
  public var reason: String
}

extension Typographer {
  /// Every place a rule proposed or refused, in word order, with its reason; kept breaks also
  /// say how a line breaker weighs them (a joint first, a break inside a part last).
  public func explainBreaks(forLowercased word: String) -> (breaks: [Int], notes: [BreakExplanation]) {
    let chars = Array(word)
    var notes: [BreakExplanation] = []
    func note(_ at: Int, _ kept: Bool, _ reason: String) { notes.append(BreakExplanation(offset: at, kept: kept, reason: reason)) }
    guard chars.allSatisfy(\.isLetter) else { return ([], [BreakExplanation(offset: 0, kept: false, reason: "not hyphenated: not letters only")]) }
    guard chars.count >= minimumWordLength else {
      return ([], [BreakExplanation(offset: 0, kept: false, reason: "not hyphenated: fewer than \(minimumWordLength) letters")])
    }
    if chars.count > HyphenationLimits.longestWord {
      let b = breaks(forLowercased: word)
      return (b, b.map { BreakExplanation(offset: $0, kept: true, reason: "longer than \(HyphenationLimits.longestWord) letters: a break every few letters") })
    }
    if exceptions.isListedName(word) {
      return ([], [BreakExplanation(offset: 0, kept: false, reason: "not hyphenated: a name (typography/names-sv.txt)")])
    }
    if let listed = exceptions.breaks(for: word) {
      if listed.isEmpty { return ([], [BreakExplanation(offset: 0, kept: false, reason: "not hyphenated: the exception list says so (typography/hyphenation-sv.txt)")]) }
      return (listed, listed.map { BreakExplanation(offset: $0, kept: true, reason: "the exception list (typography/hyphenation-sv.txt)") })
    }
    let proposed = Set(patterns?.breaks(in: word) ?? [])
    var candidates = proposed
    var analysis: CompoundSplitter.Analysis?
    if let compounds, profile.swedishRules {
      let a = compounds.analyse(word)
      analysis = a
      candidates = BreakRules.applyCompound(a, to: proposed)
      for p in proposed.sorted() where !candidates.contains(p) {
        if a.tripleJoints.contains(where: { abs($0 - p) <= 1 }) {
          note(p, false, "a reduced triple consonant (\(a.parts.joined(separator: "|"))): no break can bring the third letter back")
        } else if a.contested.contains(where: { abs($0 - p) <= 1 }) {
          note(p, false, "two readings of the compound disagree here")
        } else if a.joints.contains(where: { abs($0 - p) == 1 }) {
          note(p, false, "one letter off the joint: the joint wins")
        }
      }
      for j in a.joints where candidates.contains(j) && !proposed.contains(j) { note(j, true, "compound joint (\(a.parts.joined(separator: "|")))") }
    }
    if profile.swedishRules {
      let loan = BreakRules.loanWordEndings(candidates, in: chars)
      candidates = loan.breaks
      for (from, to) in loan.moved {
        note(from, false, to == nil ? "-ion is not split between its i and o" : "a loan word's -ion/-ient/-iell/-ial keeps the consonant before its i: the break moves before it")
      }
    }
    let kept = BreakRules.filter(candidates, in: chars, leftMin: leftMin, rightMin: rightMin)
    let keptSet = Set(kept)
    for c in candidates.sorted() where !keptSet.contains(c) {
      var at = c
      if chars[c] == "x", c + 1 < chars.count, BreakRules.vowels.contains(chars[c + 1]) { at = c + 1 }
      if keptSet.contains(at) { continue }
      let reason: String
      if at < leftMin { reason = "fewer than \(leftMin) letters before it" }
      else if chars.count - at < rightMin { reason = "fewer than \(rightMin) letters after it" }
      else if chars[at - 1] == "c" && chars[at] == "k" { reason = "ck is never split" }
      else { reason = "a piece without a vowel" }
      note(c, false, reason)
    }
    let joints = analysis.map { Set($0.joints) } ?? []
    for k in kept {
      let source = proposed.contains(k) ? "patterns" : "compound joint"
      let weight: String
      if joints.contains(k) { weight = "a joint: the best break at a line end" }
      else if !joints.isEmpty { weight = "inside a part of the compound: costly at a line end" }
      else { weight = "an ordinary break" }
      if let i = notes.firstIndex(where: { $0.offset == k && $0.kept }) { notes[i].reason += "; \(weight)" }
      else { note(k, true, "\(source); \(weight)") }
    }
    notes.sort { ($0.offset, $0.kept ? 1 : 0) < ($1.offset, $1.kept ? 1 : 0) }
    return (kept, notes)
  }
}
