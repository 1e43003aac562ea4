import Foundation

/// The `msgctxt` of each paragraph of a text: the item's id, plus a key for the paragraph
/// (`berättelse.p3`) that stays the same when another paragraph is added, removed or edited,
/// and when the paragraph itself is edited. A text of one paragraph is keyed by its id alone.
///
/// Position or content alone cannot give such keys (an inserted paragraph shifts positions,
/// an edit changes content), so the keys are remembered: the template (`naraprint.pot`) or a
/// catalog holds the keys and the Swedish each paragraph had, and a new extraction aligns the
/// text's paragraphs with them – identical paragraphs first (in order, then moved ones), then
/// an edited paragraph with the remembered one in its place. Only a paragraph with no
/// counterpart gets a new key, numbered past every key the text has had.
///
/// gettext's `msgmerge` keeps a translation only for the same `msgctxt` and `msgid`; so with
/// stable keys every unchanged paragraph keeps its translation however the others move, and
/// an edited one comes out as exactly one fuzzy entry with its own old translation and the
/// old Swedish (`#| msgid`) beside it – not another paragraph's that happens to look alike.
public struct ParagraphMemory: Sendable {
  /// One remembered paragraph: its key (empty for the item's id alone) and its Swedish.
  public struct Entry: Sendable, Hashable {
    public var key: String
    public var text: String
    public init(key: String, text: String) { self.key = key; self.text = text }
  }
  /// Per item id, its paragraphs in the order the file lists them.
  public var items: [String: [Entry]] = [:]

  public init() {}

  /// From the `(msgctxt, msgid)` pairs of a template or catalog, in file order.
  public init(_ pairs: [(context: String, msgid: String)]) {
    for (context, msgid) in pairs {
      let (item, key) = Self.split(context)
      items[item, default: []].append(Entry(key: key, text: msgid))
    }
  }

  public func entries(for item: String) -> [Entry] { items[item] ?? [] }

  /// `berättelse.p3` → (`berättelse`, `p3`); a context without a paragraph key is an item id.
  public static func split(_ context: String) -> (item: String, key: String) {
    guard let dot = context.lastIndex(of: "."), number(of: String(context[context.index(after: dot)...])) != nil else {
      return (context, "")
    }
    return (String(context[..<dot]), String(context[context.index(after: dot)...]))
  }

  /// The number of a paragraph key (`p3` → 3, `li12` → 12); nil for anything else.
  static func number(of key: String) -> Int? {
    for prefix in ["li", "p", "h"] where key.hasPrefix(prefix) {
      let digits = key.dropFirst(prefix.count)
      if !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(digits) }
    }
    return nil
  }

  public static func context(item: String, key: String) -> String { key.isEmpty ? item : item + "." + key }
}

/// How a paragraph was matched to a remembered one.
public enum ParagraphMatch: Sendable, Hashable {
  /// The same Swedish as remembered.
  case same
  /// In the place of a remembered paragraph whose Swedish was different (an edit).
  case edited(previous: String)
  /// No remembered paragraph: new since.
  case new
}

public enum ParagraphKeys {
  /// Keys for `segments` (kind and Swedish, in order) of one item, given what was remembered.
  public static func assign(_ segments: [(kind: MarkupSegment.Kind, text: String)],
                            remembered old: [ParagraphMemory.Entry]) -> [(key: String, match: ParagraphMatch)] {
    let n = segments.count, m = old.count
    var pairOf = [Int?](repeating: nil, count: n)  // new index → old index
    var taken = [Bool](repeating: false, count: m)

    // 1. Identical paragraphs in order: the longest common subsequence (bounded: texts have at
    // most a few hundred paragraphs; past that, a greedy pass).
    if n > 0, m > 0, n * m <= 250_000 {
      var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          table[i][j] = segments[i].text == old[j].text ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
      var i = 0, j = 0
      while i < n, j < m {
        if segments[i].text == old[j].text { pairOf[i] = j; taken[j] = true; i += 1; j += 1 }
        else if table[i + 1][j] >= table[i][j + 1] { i += 1 } else { j += 1 }
      }
    }
    // 2. Moved paragraphs: identical, out of order.
    for i in 0..<n where pairOf[i] == nil {
      if let j = (0..<m).first(where: { !taken[$0] && old[$0].text == segments[i].text }) { pairOf[i] = j; taken[j] = true }
    }
    let exact = pairOf.map { $0 != nil }
    // 3. Edited paragraphs: between two matched neighbours, the unmatched new and remembered
    // paragraphs pair by likeness; one of each left in a gap is the same paragraph rewritten.
    var i = 0
    while i < n {
      guard pairOf[i] == nil else { i += 1; continue }
      var end = i
      while end < n, pairOf[end] == nil { end += 1 }
      let low = (0..<i).reversed().lazy.compactMap { pairOf[$0] }.first.map { $0 + 1 } ?? 0
      let high = (end..<n).lazy.compactMap { pairOf[$0] }.first ?? m
      let olds = low < high ? (low..<high).filter { !taken[$0] } : []
      var candidates: [(score: Double, new: Int, old: Int)] = []
      for a in i..<end {
        for b in olds { candidates.append((likeness(segments[a].text, old[b].text), a, b)) }
      }
      for c in candidates.sorted(by: { $0.score > $1.score }) where c.score >= 0.5 {
        if pairOf[c.new] == nil, !taken[c.old] { pairOf[c.new] = c.old; taken[c.old] = true }
      }
      let leftNew = (i..<end).filter { pairOf[$0] == nil }, leftOld = olds.filter { !taken[$0] }
      if leftNew.count == 1, leftOld.count == 1 { pairOf[leftNew[0]] = leftOld[0]; taken[leftOld[0]] = true }
      i = end
    }
    // 4. New keys, past every remembered one (the id alone counts as the first).
    var next = old.map { ParagraphMemory.number(of: $0.key) ?? 1 }.max() ?? 0
    var out: [(key: String, match: ParagraphMatch)] = []
    for a in 0..<n {
      if let b = pairOf[a] {
        out.append((old[b].key, exact[a] ? .same : .edited(previous: old[b].text)))
      } else if m == 0, n == 1 {
        out.append(("", .new))
      } else {
        next += 1
        out.append((segments[a].kind.keyPrefix + String(next), .new))
      }
    }
    return out
  }

  /// How alike two paragraphs are: the share of words they have in common (Dice's coefficient
  /// over their word multisets), 0…1.
  static func likeness(_ a: String, _ b: String) -> Double {
    func words(_ s: String) -> [String: Int] {
      var out: [String: Int] = [:]
      for w in s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { out[String(w), default: 0] += 1 }
      return out
    }
    let wa = words(a), wb = words(b)
    let total = wa.values.reduce(0, +) + wb.values.reduce(0, +)
    guard total > 0 else { return 0 }
    let common = wa.reduce(0) { $0 + min($1.value, wb[$1.key] ?? 0) }
    return Double(2 * common) / Double(total)
  }
}
