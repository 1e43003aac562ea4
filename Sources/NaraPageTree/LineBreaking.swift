import NaraModel

/// A place where a line may end, measured on the paragraph set as one long line.
public struct BreakCandidate: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// After a space.
    case space
    /// At a soft hyphen: a hyphen is drawn.
    case softHyphen(SoftHyphen)
    /// After a hyphen or dash in the text (`e-post-`, `2026–`): nothing is added.
    case explicitHyphen
    /// Elsewhere Unicode allows a break (after a slash, between ideographs).
    case other
    /// The paragraph's end or a line break in the text: the line must end here.
    case mandatory
  }
  public var kind: Kind
  /// The UTF-8 offset where the next line starts.
  public var next: Int
  /// Where a line ending here ends, in points from the paragraph's start: its trailing spaces
  /// left out, a drawn hyphen put in.
  public var lineEnd: Double
  /// Where a line starting after this break begins.
  public var lineStart: Double
  /// The interword spaces from the paragraph's start to a line's end here (trailing spaces
  /// left out), and to the start of the next line: a justified line stretches the spaces
  /// between the two.
  public var spacesAtEnd: Int
  public var spacesAtStart: Int
  /// Extra cost of a line ending here (a one-letter word or an abbreviation before it).
  public var penalty: Double

  /// Where in its word a soft hyphen stands.
  public enum SoftHyphen: Sendable, Hashable {
    /// Between the parts of a compound (`kompetens-försörjning`): the break to make first.
    case joint
    /// Inside a part of a compound (`kompetensför-sörjning`): to avoid where a joint is in reach.
    case withinPart
    /// In a word that is not a compound (`utma-ningar`).
    case plain
  }

  public init(kind: Kind, next: Int, lineEnd: Double, lineStart: Double, spacesAtEnd: Int, spacesAtStart: Int, penalty: Double = 0) {
    self.kind = kind; self.next = next; self.lineEnd = lineEnd; self.lineStart = lineStart
    self.spacesAtEnd = spacesAtEnd; self.spacesAtStart = spacesAtStart; self.penalty = penalty
  }

  var hyphenated: Bool { if case .softHyphen = kind { true } else { false } }
}

/// The costs the optimal breaker weighs. Knuth and Plass's model (Software – Practice and
/// Experience 11, 1981) with TeX's defaults where they fit and our own where Swedish text or
/// ragged-right setting asks for more; each value says why.
public struct LineBreakParameters: Sendable {
  /// The measure, and the first line's (less a first-line indent).
  public var width: Double
  public var firstLineWidth: Double
  /// Justified text stretches and shrinks its spaces; other text is ragged.
  public var justify = false
  /// The natural interword space (justified lines stretch it by half and shrink it by a third,
  /// TeX's glue for a text font).
  public var spaceWidth: Double
  /// TeX's \linepenalty: every line costs something, so fewer lines win a tie.
  public var linePenalty = 10.0
  /// A hyphen in a simple word (`utma-ningar`): TeX's \hyphenpenalty.
  public var hyphenPenalty = 50.0
  /// A hyphen inside a part of a compound (`kompetensför-sörjning`, `civilsam-hället`): a
  /// Swedish reader stumbles on a split part, and the joint is usually within reach – so
  /// costly that any joint that fits wins (typography-sv.md §5).
  public var partPenalty = 700.0
  /// A break at a compound joint (`kompetens-försörjning`): the break a Swedish typesetter
  /// makes first, cheaper than any other hyphen.
  public var jointPenalty = 10.0
  /// After a hyphen or dash in the text: TeX's \exhyphenpenalty.
  public var explicitHyphenPenalty = 50.0
  /// Elsewhere (after a slash): a little more than a space.
  public var otherPenalty = 30.0
  /// Two hyphenated lines in a row: TeX's \doublehyphendemerits.
  public var doubleHyphenDemerits = 10_000.0
  /// A third hyphenated line in a row: never, unless nothing else fits.
  public var tripleHyphenDemerits = 10_000_000.0
  /// No hyphen in this many first lines (a lead's, whose first lines the eye reads first).
  public var unhyphenatedFirstLines = 0
  /// A hyphen in those lines costs this much.
  public var earlyHyphenDemerits = 1_000_000.0
  /// A last line shorter than this part of the measure looks like a mistake (one short word
  /// under a full paragraph).
  public var shortLastLine = 0.15
  public var shortLastLineDemerits = 3_000.0
  /// Ragged text: a line this much shorter than the measure (8 %) costs as much as a justified
  /// line whose spaces stretch fully (TeX's \rightskip stretch, in our terms). Tight enough
  /// that an even edge is worth a plain hyphen, loose enough that a split part is not.
  /// (Tuned on the leaflet and the compound tests in LineBreakingTests: 0.1 left the leaflet's
  /// edge more ragged than greedy breaking; 0.05 split parts to fill lines.)
  public var raggedStretch = 0.08

  public init(width: Double, firstLineWidth: Double? = nil, spaceWidth: Double) {
    self.width = width; self.firstLineWidth = firstLineWidth ?? width; self.spaceWidth = spaceWidth
  }
}

/// Knuth–Plass line breaking over measured break candidates: dynamic programming over
/// (break, hyphenated lines in a row, lines so far) – the two counts are what the costs above
/// depend on besides the line itself. Each break looks back only as far as a line can reach,
/// so the work grows with the paragraph's length times the words on a line.
///
/// Written here rather than taken from a library: Pango breaks greedily and offers no hook for
/// another algorithm, and no maintained C or Swift library on this machine does Knuth–Plass
/// over someone else's measurements. Typst's `linebreak.rs` and TeX's parameters are the
/// models (learned from, not copied).
public enum OptimalLineBreaker {
  /// The demerits that stand for “does not fit”.
  static let infinite = Double.greatestFiniteMagnitude

  public struct Result: Sendable, Equatable {
    /// Indices into the candidates of the breaks chosen, in order; the last is the end.
    public var breaks: [Int]
    /// Whether a line had to be overfull (a word longer than the measure).
    public var overfull: Bool
    public var demerits: Double
  }

  /// `candidates[0]` is the paragraph's start (only its `lineStart` and `spacesAtStart` are read); the
  /// last is its end (`.mandatory`). Nil for an empty paragraph.
  public static func breaks(_ candidates: [BreakCandidate], parameters p: LineBreakParameters) -> Result? {
    guard candidates.count >= 2 else { return nil }
    var table = Table(candidates: candidates, parameters: p)
    // Where the last mandatory break before each candidate is: no line crosses one.
    var lastMandatory = 0
    for j in 1..<candidates.count {
      let c = candidates[j]
      var reached = false
      var i = j - 1
      while i >= lastMandatory {
        let from = candidates[i]
        let available = i == 0 ? p.firstLineWidth : p.width
        guard let cost = lineDemerits(natural: c.lineEnd - from.lineStart, available: available, spaces: c.spacesAtEnd - from.spacesAtStart,
                                      lastLine: c.kind == .mandatory, parameters: p)
        else {
          // Too long: so is every line that starts earlier – unless nothing fits at all, when
          // the shortest line (from the previous break) is taken overfull.
          if !reached && i == j - 1 { table.relax(from: i, to: j, lineDemerits: 1e8, overfull: true) }
          break
        }
        table.relax(from: i, to: j, lineDemerits: cost, overfull: false)
        reached = true
        i -= 1
      }
      if c.kind == .mandatory { lastMandatory = j }
    }
    return table.result()
  }

  /// The dynamic programme's table: the least demerits to each (break, hyphens in a row 0…2,
  /// lines so far 0…unhyphenatedFirstLines) and the state it came from.
  struct Table {
    let candidates: [BreakCandidate]
    let p: LineBreakParameters
    let lineStates: Int
    var best: [Double]
    var back: [Int]
    var overfull: [Bool]

    init(candidates: [BreakCandidate], parameters: LineBreakParameters) {
      self.candidates = candidates
      p = parameters
      lineStates = max(0, parameters.unhyphenatedFirstLines) + 1
      let count = candidates.count * 3 * lineStates
      best = [Double](repeating: OptimalLineBreaker.infinite, count: count)
      back = [Int](repeating: -1, count: count)
      overfull = [Bool](repeating: false, count: count)
      best[0] = 0
    }

    func state(_ j: Int, _ h: Int, _ l: Int) -> Int { (j * 3 + h) * lineStates + l }

    mutating func relax(from i: Int, to j: Int, lineDemerits lineCost: Double, overfull isOverfull: Bool) {
      let c = candidates[j]
      let early = lineStates - 1
      var lineDemerits = lineCost
      let penalty = c.penalty + OptimalLineBreaker.breakPenalty(c.kind, parameters: p)
      lineDemerits += penalty * penalty
      if c.kind == .mandatory, i != 0 {
        // A short last line under a paragraph of more than one line.
        if c.lineEnd - candidates[i].lineStart < p.width * p.shortLastLine { lineDemerits += p.shortLastLineDemerits }
      }
      for h in 0..<3 {
        for l in 0..<lineStates {
          let from = best[state(i, h, l)]
          guard from < OptimalLineBreaker.infinite else { continue }
          var total = from + lineDemerits
          var run = 0
          if c.hyphenated {
            run = h + 1
            if run == 2 { total += p.doubleHyphenDemerits }
            if run >= 3 { total += p.tripleHyphenDemerits; run = 2 }
            if l < early { total += p.earlyHyphenDemerits }
          }
          let s = state(j, run, min(early, l + 1))
          if total < best[s] {
            best[s] = total
            back[s] = state(i, h, l)
            overfull[s] = isOverfull
          }
        }
      }
    }

    func result() -> Result? {
      let last = candidates.count - 1
      var end = -1
      var cost = OptimalLineBreaker.infinite
      for h in 0..<3 {
        for l in 0..<lineStates where best[state(last, h, l)] < cost {
          cost = best[state(last, h, l)]
          end = state(last, h, l)
        }
      }
      guard end >= 0 else { return nil }
      var chosen: [Int] = []
      var anyOverfull = false
      var s = end
      // Every step goes back to an earlier break: bounded by the candidates.
      while s > 0, chosen.count < candidates.count {
        chosen.append(s / (3 * lineStates))
        anyOverfull = anyOverfull || overfull[s]
        s = back[s]
      }
      return Result(breaks: chosen.reversed(), overfull: anyOverfull, demerits: cost)
    }
  }

  /// The demerits of a line `natural` points long in `available`, before its break's penalty;
  /// nil when it does not fit.
  /// - Justified: TeX's, (\linepenalty + 100·|r|³)², where r is the part of their stretch (or
  ///   shrink) the spaces must take.
  /// - Ragged: \linepenalty² + (100·r)², where r is the part of the measure left empty over
  ///   `raggedStretch`: the sum of squared gaps, what an even ragged edge minimises. (TeX's
  ///   cubic badness squared grows with the sixth power of a gap, so a line a fifth short
  ///   would cost more than any split word: right for justified text, too harsh for ragged.)
  /// A paragraph's last line is free (TeX's \parfillskip), but for the short-last-line cost.
  static func lineDemerits(natural: Double, available: Double, spaces: Int, lastLine: Bool, parameters p: LineBreakParameters) -> Double? {
    let slack = available - natural
    let lp = p.linePenalty
    if p.justify {
      var badness = 0.0
      if slack < 0 {
        let shrink = Double(spaces) * p.spaceWidth / 3
        guard -slack <= shrink + 0.01 else { return nil }
        let r = shrink > 0 ? -slack / shrink : 0
        badness = min(10_000, 100 * r * r * r)
      } else if !lastLine {
        let stretch = Double(spaces) * p.spaceWidth / 2
        let r = stretch > 0 ? slack / stretch : 100
        badness = min(10_000, 100 * r * r * r)
      }
      return (lp + badness) * (lp + badness)
    }
    guard slack > -0.01 else { return nil }
    if lastLine { return lp * lp }
    let r = max(0, slack) / (available * p.raggedStretch)
    return lp * lp + (100 * r) * (100 * r)
  }

  static func breakPenalty(_ kind: BreakCandidate.Kind, parameters p: LineBreakParameters) -> Double {
    switch kind {
    case .space, .mandatory: 0
    case .softHyphen(.joint): p.jointPenalty
    case .softHyphen(.withinPart): p.partPenalty
    case .softHyphen(.plain): p.hyphenPenalty
    case .explicitHyphen: p.explicitHyphenPenalty
    case .other: p.otherPenalty
    }
  }
}
