import Foundation
import NaraLoader
import NaraModel
@testable import NaraPipeline
import Testing

/// A batch row's error about a value points at the CSV cell it came from, found by the
/// diagnostic's code and subject, never by its message.
struct PointAtCellsTests {
  @Test func aValueErrorPointsAtItsCell() throws {
    let table = try CSVTable.parse(Data("enhet;datum\nNorr;2026-13-01\n".utf8), file: "u.csv")
    let layout = NaraModel.SourceLocation(file: "kit.yaml", line: 7, column: 9, length: 17)
    let bad = Diagnostic.error(.variableFormat, "`2026-13-01` is not a date in the form ÅÅÅÅ-MM-DD", at: layout, subject: "2026-13-01")
    let out = Batch.pointAtCells([bad, bad], row: table.rows[0], columns: table.columns)
    #expect(out.count == 1)
    #expect(out.first?.location?.file == "u.csv" && out.first?.location?.line == 2 && out.first?.location?.column == 6, "\(out)")
    #expect(out.first?.hints.contains("used at kit.yaml:7:9") == true)
    // The same text in a message without the code (or the value as data) is left alone.
    let other = Diagnostic.error(.overflow, "text `2026-13-01` does not fit", at: layout)
    #expect(Batch.pointAtCells([other], row: table.rows[0], columns: table.columns).first?.location == layout)
  }
}
