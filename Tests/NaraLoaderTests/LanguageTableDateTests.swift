import Testing

@testable import NaraLoader
import NaraModel

/// `{{x|datum}}`, `|kort` and `|veckodag` take their names from the language table (issue 16).
@Suite("Dates from the language table")
struct LanguageTableDateTests {
  @Test(arguments: ["sv", "en", "fi"])
  func monthsAndWeekdaysComeFromTheTable(language: String) throws {
    let calendar = try #require(LanguageData.forTag(language).calendar)
    for month in 1...12 {
      let iso = "2026-\(month < 10 ? "0" : "")\(month)-03"
      let long = try formatVariable(iso, format: "datum", language: language).get()
      #expect(long.contains(calendar.months[month - 1]), "\(long)")
      if let short = calendar.shortMonths {
        #expect(try formatVariable(iso, format: "kort", language: language).get().contains(short[month - 1]))
      }
    }
    // 2026-12-07 is a Monday.
    #expect(try formatVariable("2026-12-07", format: "veckodag", language: language).get().hasPrefix(calendar.weekdays[0] + " "))
  }

  @Test(arguments: ["ar", "ti"])
  func languagesWithoutNamesKeepISO(language: String) throws {
    #expect(LanguageData.forTag(language).calendar == nil)
    #expect(try formatVariable("2026-12-03", format: "datum", language: language).get() == "2026-12-03")
  }
}
