import NaraTypography
import Testing

/// Joint finding on `typography/tests/heldout-compounds-sv.txt`, a list written by hand
/// before the splitter was tuned and never tuned on. Prints the figures quoted in
/// typography/README.md and checks that the compound splitter never does worse than the
/// plain patterns.
struct HeldOutMeasurement {
  struct Entry {
    var word: String
    var joints: [Int]
    var triples: [Int]
  }

  struct Figures: CustomStringConvertible {
    var joints = 0, jointsBroken = 0, crossings = 0, triples = 0, triplesBroken = 0, words = 0
    var description: String {
      "words \(words), joints \(jointsBroken)/\(joints) broken at the joint, \(crossings) breaks one letter off a joint, triple-consonant joints broken \(triplesBroken)/\(triples)"
    }
  }

  static let entries: [Entry] = Fixtures.lines("tests/heldout-compounds-sv.txt").map { line in
    var word = "", joints: [Int] = [], triples: [Int] = []
    for c in line {
      switch c {
      case "|": joints.append(word.count)
      case "+": triples.append(word.count)
      default: word.append(c)
      }
    }
    return Entry(word: word, joints: joints, triples: triples)
  }

  static func measure(_ t: Typographer) -> Figures {
    var f = Figures()
    for e in entries {
      let b = Set(t.breaks(forLowercased: e.word))
      f.words += 1
      f.joints += e.joints.count
      f.jointsBroken += e.joints.filter(b.contains).count
      let all = Set(e.joints)
      f.crossings += b.filter { x in !all.contains(x) && e.joints.contains { abs($0 - x) == 1 } }.count
      f.triples += e.triples.count
      f.triplesBroken += e.triples.filter { b.contains($0) || b.contains($0 + 1) }.count
    }
    return f
  }

  @Test func splitterBeatsPlainPatternsOnHeldOutCompounds() throws {
    try #require(Fixtures.swedishPatterns != nil && Fixtures.compounds != nil)
    #expect(Self.entries.count >= 120)
    let plain = Self.measure(Fixtures.plain), compound = Self.measure(Fixtures.withCompounds)
    print("held-out plain patterns: \(plain)")
    print("held-out with compounds: \(compound)")
    #expect(compound.jointsBroken >= plain.jointsBroken)
    #expect(compound.crossings <= plain.crossings)
    #expect(compound.triplesBroken <= plain.triplesBroken)
  }
}
