import Foundation
import Testing

@testable import NaraLoader
import NaraModel

private let nbsp = "\u{00A0}"

private func format(_ value: String, _ format: String, _ language: String = "sv") -> String? {
  try? formatVariable(value, format: format, language: language).get()
}

private func failure(_ value: String, _ format: String, _ language: String = "sv") -> VariableFormatError? {
  if case .failure(let e) = formatVariable(value, format: format, language: language) { return e }
  return nil
}

@Suite("Variable formats")
struct VariableFormatTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var value: String, format: String, language: String, expected: String
    var testDescription: String { "\(value) | \(format) (\(language))" }
  }

  @Test(arguments: [
    Case(value: "2026-12-03", format: "datum", language: "sv", expected: "3\(nbsp)december 2026"),
    Case(value: "2026-12-03", format: "datum", language: "sv-SE", expected: "3\(nbsp)december 2026"),
    Case(value: "2026-12-03", format: "datum", language: "sv_FI", expected: "3\(nbsp)december 2026"),
    Case(value: "2026-12-03", format: "datum", language: "en", expected: "3\(nbsp)December 2026"),
    Case(value: "2026-12-03", format: "datum", language: "en-GB", expected: "3\(nbsp)December 2026"),
    Case(value: "2026-12-03", format: "datum", language: "fi", expected: "3.\(nbsp)joulukuuta 2026"),
    Case(value: "2026-12-03", format: "datum", language: "de", expected: "2026-12-03"),
    Case(value: "2026-3-5", format: "datum", language: "de", expected: "2026-03-05"),
    Case(value: " 2026-01-31 ", format: "datum", language: "sv", expected: "31\(nbsp)januari 2026"),
    Case(value: "2024-02-29", format: "datum", language: "sv", expected: "29\(nbsp)februari 2024"),
    Case(value: "2026-12-03", format: "kort", language: "sv", expected: "3\(nbsp)dec. 2026"),
    Case(value: "2026-03-03", format: "kort", language: "sv", expected: "3\(nbsp)mars 2026"),
    Case(value: "2026-05-17", format: "kort", language: "sv", expected: "17\(nbsp)maj 2026"),
    Case(value: "2026-09-01", format: "kort", language: "sv", expected: "1\(nbsp)sep. 2026"),
    Case(value: "2026-12-03", format: "kort", language: "en", expected: "3\(nbsp)Dec 2026"),
    Case(value: "2026-12-03", format: "kort", language: "fi", expected: "3.12.2026"),
    Case(value: "2026-12-03", format: "kort", language: "nb", expected: "2026-12-03"),
    Case(value: "2026-12-03", format: "veckodag", language: "sv", expected: "torsdag 3\(nbsp)december 2026"),
    Case(value: "2026-12-03", format: "veckodag", language: "en", expected: "Thursday 3\(nbsp)December 2026"),
    Case(value: "2026-12-03", format: "veckodag", language: "fi", expected: "torstai 3.\(nbsp)joulukuuta 2026"),
    Case(value: "2026-12-03", format: "veckodag", language: "de", expected: "2026-12-03"),
    Case(value: "2026-12-03", format: "versaler", language: "sv", expected: "2026-12-03"),
    Case(value: "Hemtjänst Norr", format: "versaler", language: "sv", expected: "HEMTJÄNST NORR"),
    Case(value: "Hemtjänst Norr", format: "gemener", language: "sv", expected: "hemtjänst norr"),
    Case(value: "ÅÄÖ", format: "gemener", language: "en", expected: "åäö"),
    Case(value: "", format: "versaler", language: "sv", expected: ""),
    // Chains apply left to right; names are case-insensitive and spaced freely.
    Case(value: "2026-12-03", format: "veckodag | versaler", language: "sv", expected: "TORSDAG 3\(nbsp)DECEMBER 2026"),
    Case(value: "Norr", format: " Versaler|gemener ", language: "sv", expected: "norr"),
  ])
  func formats(_ c: Case) {
    #expect(format(c.value, c.format, c.language) == c.expected)
  }

  /// Weekdays checked against dates whose weekday is known (GNU date, and the calendar).
  @Test(arguments: [
    ("2026-12-03", "torsdag"), ("2024-02-29", "torsdag"), ("2000-01-01", "lördag"), ("1970-01-01", "torsdag"),
    ("2025-06-06", "fredag"), ("1900-03-01", "torsdag"), ("2026-01-04", "söndag"), ("2026-06-22", "måndag"),
    ("0001-01-01", "måndag"), ("2100-12-31", "fredag"), ("2026-12-29", "tisdag"), ("2026-12-30", "onsdag"),
  ])
  func weekdays(_ date: String, _ weekday: String) {
    #expect(format(date, "veckodag")?.hasPrefix(weekday + " ") == true, "\(format(date, "veckodag") ?? "nil")")
  }

  @Test func weekdaysAgreeWithFoundationForTwoYears() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let names = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"]
    var day = try #require(calendar.date(from: DateComponents(year: 2026, month: 1, day: 1)))
    for _ in 0..<730 {
      let c = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
      let iso = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
      #expect(format(iso, "veckodag")?.hasPrefix(names[c.weekday! - 1] + " ") == true, "\(iso)")
      day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
    }
  }

  @Test func allSwedishMonths() {
    let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
    for (i, m) in months.enumerated() {
      #expect(format(String(format: "2026-%02d-15", i + 1), "datum") == "15\(nbsp)\(m) 2026")
    }
  }

  // MARK: Errors

  @Test(arguments: [
    ("2026-13-40", "there is no month 13"),
    ("2026-02-29", "February 2026 has 28 days"),
    ("2026-04-31", "April 2026 has 30 days"),
    ("2026-12-00", "there is no day 0"),
    ("0000-01-01", "there is no year 0"),
    ("3/12", ""),
    ("3.12.2026", ""),
    ("26-12-03", ""),
    ("2026-12-03 18:00", ""),
    ("2026-12", ""),
    ("2026-1a-03", ""),
    ("46359", ""),
    ("torsdag", ""),
  ])
  func invalidDates(_ value: String, _ why: String) throws {
    for f in ["datum", "kort", "veckodag"] {
      let e = try #require(failure(value, f))
      #expect(e.kind == .invalidDate)
      #expect(e.message.hasPrefix("`\(value)` is not a date in the form ÅÅÅÅ-MM-DD"), "\(e.message)")
      #expect(why.isEmpty || e.message.contains(why))
      #expect(e.hints.contains { $0.contains("2026-12-03") })
    }
    // Languages without names still check the date.
    #expect(failure(value, "datum", "de")?.kind == .invalidDate)
  }

  @Test func invalidDateHints() throws {
    #expect(try #require(failure("46359", "datum")).hints.first?.contains("Excel date number") == true)
    #expect(try #require(failure("3/12", "datum")).hints.first?.contains("year first") == true)
    let empty = try #require(failure("", "datum"))
    #expect(empty.message == "an empty value is not a date; expected ÅÅÅÅ-MM-DD, e.g. 2026-12-03")
  }

  @Test func unknownFormatSuggestsTheClosest() throws {
    let e = try #require(failure("2026-12-03", "daum"))
    #expect(e.kind == .unknownFormat)
    #expect(e.message == "unknown format `daum`")
    #expect(e.hints == ["did you mean `datum`?", "known formats: datum, gemener, kort, veckodag, versaler"])
    let far = try #require(failure("x", "fetstil"))
    #expect(far.hints == ["known formats: datum, gemener, kort, veckodag, versaler"])
    // An error later in a chain is reported too.
    #expect(failure("x", "versaler | versal")?.hints.first == "did you mean `versaler`?")
    // The error says where when turned into a diagnostic.
    let here = NaraModel.SourceLocation(file: "layout.yaml", line: 4, column: 9)
    #expect(e.diagnostic(at: here) == .error(.variableFormat, "unknown format `daum`", at: here, hints: e.hints))
  }

  @Test func emptyFormat() throws {
    let e = try #require(failure("x", ""))
    #expect(e.kind == .emptyFormat)
    #expect(failure("x", "versaler |")?.kind == .emptyFormat)
  }

  // MARK: Splitting references

  @Test(arguments: [
    ("datum", "datum", nil),
    ("  datum  ", "datum", nil),
    ("datum | datum", "datum", "datum"),
    ("datum|kort", "datum", "kort"),
    (" enhet |versaler ", "enhet", "versaler"),
    ("datum |", "datum", ""),
    ("datum | veckodag | versaler", "datum", "veckodag | versaler"),
    ("| kort", "", "kort"),
  ] as [(String, String, String?)])
  func splitsReferences(_ inner: String, _ name: String, _ format: String?) {
    let split = splitVariableReference(inner)
    #expect(split.name == name)
    #expect(split.format == format)
  }
}
