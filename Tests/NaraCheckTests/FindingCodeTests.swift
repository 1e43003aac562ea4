@testable import NaraCheck
import NaraModel
import Testing

/// Each kind of finding has a code of its own, and its diagnostic carries the item and where
/// it was written (the collision tests trigger every kind from a layout).
struct FindingCodeTests {
  @Test func everyKindHasItsOwnCode() {
    let codes = Finding.Kind.allCases.map(\.code)
    #expect(Set(codes).count == codes.count)
    #expect(codes.allSatisfy { $0.rawValue.hasPrefix("NP07") })
    let at = NaraModel.SourceLocation(file: "layout.yaml", line: 4, column: 7)
    for kind in Finding.Kind.allCases {
      let d = Finding(kind: kind, severity: .warning, page: 1, id: "söder", location: at, message: "m", hints: []).diagnostic
      #expect(d.code == kind.code && d.itemID == "söder" && d.location == at)
    }
    #expect(!Finding.Kind.collisionCodes.contains(.hairline) && Finding.Kind.collisionCodes.contains(.textOverlap))
  }
}
