/// A paragraph as one sequence of scalars, each remembering which segment it came from and
/// whether rules may touch it. Rules rewrite this sequence; `split` gives the segments back.
///
/// Why scalars and not Characters: the rules insert and replace single code points
/// (U+00A0, U+2060 …), and a space followed by a combining mark must not merge with it.
struct Cell: Equatable {
  var scalar: Unicode.Scalar
  var segment: Int
  /// Verbatim segments, URLs, e-mail addresses, code-like strings, and text a rule has
  /// already settled (a phone number): later rules read it as context but never change it.
  var locked: Bool
}

struct CellText {
  var cells: [Cell]
  let segmentCount: Int

  init(_ segments: [TextSegment]) {
    var cells: [Cell] = []
    for (i, s) in segments.enumerated() {
      for u in s.text.unicodeScalars { cells.append(Cell(scalar: u, segment: i, locked: s.verbatim)) }
    }
    self.cells = cells
    segmentCount = segments.count
  }

  var count: Int { cells.count }

  /// The scalar at `i`, or nil outside the text (so rules can look around without bounds checks).
  subscript(i: Int) -> Unicode.Scalar? { i >= 0 && i < cells.count ? cells[i].scalar : nil }

  func isLocked(_ i: Int) -> Bool { i >= 0 && i < cells.count && cells[i].locked }

  /// True if every cell in the range may be rewritten.
  func isFree(_ range: Range<Int>) -> Bool {
    range.lowerBound >= 0 && range.upperBound <= cells.count && !cells[range].contains { $0.locked }
  }

  /// Replace a range with new scalars. Inserted cells take the segment of the first replaced
  /// cell (or, for a pure insertion, of the cell before), so styling follows the text around.
  mutating func replace(_ range: Range<Int>, with scalars: [Unicode.Scalar]) {
    let segment: Int
    if range.lowerBound < cells.count && !range.isEmpty { segment = cells[range.lowerBound].segment }
    else if range.lowerBound > 0 { segment = cells[range.lowerBound - 1].segment }
    else { segment = cells.first?.segment ?? 0 }
    // Keep the segments of replaced cells one to one where lengths allow, so a replacement
    // that straddles a segment boundary does not move text between styles.
    var new: [Cell] = []
    for (k, u) in scalars.enumerated() {
      let seg = range.lowerBound + k < range.upperBound ? cells[range.lowerBound + k].segment : segment
      new.append(Cell(scalar: u, segment: seg, locked: false))
    }
    cells.replaceSubrange(range, with: new)
  }

  mutating func set(_ i: Int, _ u: Unicode.Scalar) { cells[i].scalar = u }

  mutating func lock(_ range: Range<Int>) {
    for i in range where i >= 0 && i < cells.count { cells[i].locked = true }
  }

  /// The text of each segment, in order, one string per input segment.
  func split() -> [String] {
    var out = [String.UnicodeScalarView](repeating: String.UnicodeScalarView(), count: segmentCount)
    for c in cells { out[c.segment].append(c.scalar) }
    return out.map { String($0) }
  }

  /// The word (run of letters) ending just before `end`, lower-cased, including a final full stop
  /// and inner full stops (`t.ex.`), for table look-ups such as “kl.” or “ca”.
  func wordBefore(_ end: Int) -> (word: String, start: Int) {
    var i = end
    while i > 0, let u = self[i - 1], u.isLetter || u == "." || u == "§" { i -= 1 }
    var s = ""
    for k in i..<end { s.unicodeScalars.append(self[k]!) }
    return (s.lowercased(), i)
  }

  /// Length of the run of ASCII digits starting at `i`.
  func digitRun(from i: Int) -> Int {
    var k = i
    while let u = self[k], u.isDigit { k += 1 }
    return k - i
  }

  /// Start of the run of ASCII digits ending just before `end`.
  func digitRunStart(before end: Int) -> Int {
    var k = end
    while let u = self[k - 1], u.isDigit { k -= 1 }
    return k
  }
}
