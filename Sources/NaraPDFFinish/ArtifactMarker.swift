/// Step 5: content that Cairo drew outside any tag (decoration) becomes an Artifact
/// (ISO 14289-1 §7.1: content is either tagged or an artifact).
///
/// The rule, on the instructions of a page's content:
/// 1. A *run* is a maximal stretch of instructions outside every marked-content sequence
///    (`BDC`/`BMC` … `EMC` at depth 0).
/// 2. Inside a run, a `q` or `BT` whose `Q`/`ET` lies outside the run (and such a `Q`/`ET`)
///    is a *barrier*: Cairo opens a `q` before a tag and closes it inside another, so runs
///    need not balance. A matched pair that has a barrier between its ends becomes two
///    barriers as well (repeated until nothing changes).
/// 3. The run is cut at its barriers; the pieces between them are balanced in `q`/`Q` and
///    `BT`/`ET`. Each piece that paints (`painting` below, which includes `BT`) is wrapped in
///    `/Artifact BMC … EMC`, from its start to its last painting operator (or the `Q`/`ET`
///    closing a pair around that operator); barriers, pieces that only set state and state
///    set after the last mark stay outside.
/// So marked content and `q`/`Q` stay properly nested, an artifact inside a text object
/// stays inside it, and tagged content is never touched.
enum ArtifactMarker {
  /// Operators that put marks on the page (`n` ends a clipping path: wrapped with the rest).
  static let painting: Set<String> = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "sh", "Do", "BI", "BT", "Tj", "TJ", "'", "\""]

  /// The stream with every painting piece outside marked content wrapped as an Artifact, or
  /// nil when nothing needs wrapping.
  static func mark(_ data: [UInt8]) throws -> [UInt8]? {
    let ins = try ContentTokenizer.instructions(in: data)
    let wraps = try pieces(ins)
    guard !wraps.isEmpty else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(data.count + wraps.count * 20)
    var copied = 0
    for w in wraps {
      let start = ins[w.lowerBound].range.lowerBound, end = ins[w.upperBound - 1].range.upperBound
      out += data[copied..<start]
      if start > 0, !ContentTokenizer.isWhite(data[start - 1]) { out.append(10) }
      out += Array("/Artifact BMC\n".utf8)
      out += data[start..<end]
      out += Array("\nEMC\n".utf8)
      copied = end
    }
    out += data[copied...]
    return out
  }

  /// The instruction ranges to wrap, in order.
  static func pieces(_ ins: [ContentInstruction]) throws -> [Range<Int>] {
    var result: [Range<Int>] = []
    var depth = 0
    var runStart = 0
    for (k, i) in ins.enumerated() {
      switch i.op {
      case "BDC", "BMC":
        if depth == 0 { result += try piecesOfRun(ins, runStart..<k) }
        depth += 1
      case "EMC":
        guard depth > 0 else { throw ContentTokenizer.error("EMC without BDC/BMC", at: i.range.lowerBound) }
        depth -= 1
        if depth == 0 { runStart = k + 1 }
      default:
        break
      }
    }
    guard depth == 0 else { throw ContentTokenizer.error("\(depth) marked-content sequence(s) not closed", at: ins.last?.range.upperBound ?? 0) }
    result += try piecesOfRun(ins, runStart..<ins.count)
    return result
  }

  private static func piecesOfRun(_ ins: [ContentInstruction], _ run: Range<Int>) throws -> [Range<Int>] {
    guard !run.isEmpty else { return [] }
    var barriers = Set<Int>()
    var pairs: [(Int, Int)] = []
    var stack: [Int] = []  // indices of open q / BT
    for k in run {
      let op = ins[k].op
      if op == "q" || op == "BT" { stack.append(k); continue }
      guard op == "Q" || op == "ET" else { continue }
      let opener = op == "Q" ? "q" : "BT"
      if let j = stack.lastIndex(where: { ins[$0].op == opener }) {
        // Openers above the match are left open inside the pair: barriers.
        barriers.formUnion(stack[(j + 1)...])
        pairs.append((stack[j], k))
        stack.removeSubrange(j...)
      } else {
        barriers.insert(k)
      }
    }
    barriers.formUnion(stack)
    // A pair with a barrier inside cannot sit in one piece: its ends become barriers too.
    var changed = true
    while changed {
      changed = false
      for (o, c) in pairs where !barriers.contains(o) && (o + 1..<c).contains(where: barriers.contains) {
        barriers.insert(o); barriers.insert(c); changed = true
      }
    }
    var out: [Range<Int>] = []
    var pieceStart = run.lowerBound
    for k in run.lowerBound...run.upperBound where k == run.upperBound || barriers.contains(k) {
      defer { pieceStart = k + 1 }
      guard let lastPaint = (pieceStart..<k).last(where: { painting.contains(ins[$0].op) }) else { continue }
      // State set after the last mark stays outside, unless a pair around that mark ends there.
      let end = pairs.filter { $0.0 <= lastPaint && lastPaint < $0.1 && $0.0 >= pieceStart }.map(\.1).max() ?? lastPaint
      out.append(pieceStart..<end + 1)
    }
    return out
  }
}
