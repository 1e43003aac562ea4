import Foundation
import NaraModel

/// Formats a variable may carry after a bar: `{{datum | datum}}`, `{{datum|kort}}`,
/// `{{enhet|versaler}}`. Formats chain from left to right: `{{datum | veckodag | versaler}}`.
///
/// Dates are read as ISO `ÅÅÅÅ-MM-DD` (one-digit month and day are accepted too) and written
/// in the document's language. Month and weekday names are written out here rather than taken
/// from the machine's locale data, so that output is the same on every machine. Between the
/// day and the month goes a no-break space (U+00A0), as Swedish typography wants: “3 december”
/// must not be split over two lines. The same rule is used for English and Finnish.
public enum VariableFormat: String, CaseIterable, Sendable {
  /// `2026-12-03` → sv “3 december 2026”, en “3 December 2026”, fi “3. joulukuuta 2026”.
  case datum
  /// `2026-12-03` → sv “3 dec. 2026”, en “3 Dec 2026”, fi “3.12.2026”.
  case kort
  /// `2026-12-03` → sv “torsdag 3 december 2026”, en “Thursday 3 December 2026”,
  /// fi “torstai 3. joulukuuta 2026”.
  case veckodag
  /// Capitals: “Hemtjänst Norr” → “HEMTJÄNST NORR”.
  case versaler
  /// Small letters: “Hemtjänst Norr” → “hemtjänst norr”.
  case gemener

  /// The names, sorted, for messages.
  public static var knownNames: [String] { allCases.map(\.rawValue).sorted() }

  /// Applies this format to one value. Dates in other languages than sv, en and fi are
  /// checked but left in ISO form.
  public func apply(to value: String, language: String) -> Result<String, VariableFormatError> {
    switch self {
    case .versaler: return .success(value.uppercased())
    case .gemener: return .success(value.lowercased())
    case .datum, .kort, .veckodag:
      switch CalendarDate.parse(value) {
      case .failure(let error): return .failure(error)
      case .success(let date):
        guard let names = DateNames.forLanguage(language) else { return .success(date.iso) }
        switch self {
        case .datum: return .success(names.long(date))
        case .kort: return .success(names.short(date))
        default: return .success(names.weekday(date) + " " + names.long(date))
        }
      }
    }
  }
}

/// Why a value could not be formatted; `Reader` turns it into a diagnostic at the string.
public struct VariableFormatError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable { case invalidDate, unknownFormat, emptyFormat }
  public var kind: Kind
  public var message: String
  public var hints: [String]
  public init(_ kind: Kind, _ message: String, hints: [String] = []) {
    self.kind = kind; self.message = message; self.hints = hints
  }
  public var description: String { ([message] + hints.map { "hint: \($0)" }).joined(separator: "\n") }
  /// The error as a diagnostic at `location`.
  public func diagnostic(at location: SourceLocation?) -> Diagnostic { .error(.variableFormat, message, at: location, hints: hints) }
}

/// Formats `value` with `format` (a format name, or several separated by `|`, applied left to
/// right) in `language` (`sv`, `sv-SE`, `en`, `fi` …).
public func formatVariable(_ value: String, format: String, language: String) -> Result<String, VariableFormatError> {
  var result = value
  for part in format.split(separator: "|", omittingEmptySubsequences: false) {
    let name = part.trimmingCharacters(in: .whitespaces)
    guard let format = VariableFormat(rawValue: name) ?? VariableFormat(rawValue: name.lowercased()) else {
      let known = VariableFormat.knownNames
      if name.isEmpty {
        return .failure(VariableFormatError(
          .emptyFormat, "a format name is missing after `|`",
          hints: ["write e.g. {{datum | datum}}, or remove the `|`", "known formats: " + known.joined(separator: ", ")]))
      }
      var hints: [String] = []
      if let guess = closestMatch(to: name, in: known) { hints.append("did you mean `\(guess)`?") }
      hints.append("known formats: " + known.joined(separator: ", "))
      return .failure(VariableFormatError(.unknownFormat, "unknown format `\(name)`", hints: hints))
    }
    switch format.apply(to: result, language: language) {
    case .success(let s): result = s
    case .failure(let e): return .failure(e)
    }
  }
  return .success(result)
}

/// Splits the inside of `{{ … }}` at the first bar: `datum | datum` → (`datum`, `datum`);
/// `datum` → (`datum`, nil); `datum |` → (`datum`, "") so that the missing name is reported.
/// A chain keeps its later bars: `datum | veckodag | versaler` → (`datum`, `veckodag | versaler`).
public func splitVariableReference(_ inner: String) -> (name: String, format: String?) {
  guard let bar = inner.firstIndex(of: "|") else { return (inner.trimmingCharacters(in: .whitespaces), nil) }
  return (
    inner[..<bar].trimmingCharacters(in: .whitespaces),
    inner[inner.index(after: bar)...].trimmingCharacters(in: .whitespaces)
  )
}

// MARK: Dates

/// A day of the proleptic Gregorian calendar.
struct CalendarDate: Hashable {
  var year: Int, month: Int, day: Int

  var iso: String {
    func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// 0 = Monday … 6 = Sunday. Days since 0001-01-01 (a Monday), by counting whole years,
  /// leap days and months.
  var weekday: Int {
    let y = year - 1
    var days = y * 365 + y / 4 - y / 100 + y / 400
    for m in 1..<month { days += Self.daysIn(month: m, year: year) }
    days += day - 1
    return days % 7
  }

  static let expected = "ÅÅÅÅ-MM-DD"

  /// Reads `ÅÅÅÅ-MM-DD` (surrounding spaces ignored; month and day may have one digit).
  static func parse(_ raw: String) -> Result<CalendarDate, VariableFormatError> {
    let value = raw.trimmingCharacters(in: .whitespaces)
    func fail(_ why: String? = nil, _ extra: [String] = []) -> Result<CalendarDate, VariableFormatError> {
      let message = value.isEmpty
        ? "an empty value is not a date; expected \(expected), e.g. 2026-12-03"
        : "`\(raw)` is not a date in the form \(expected)" + (why.map { ": \($0)" } ?? "")
      return .failure(VariableFormatError(
        .invalidDate, message, hints: extra + ["write dates as \(expected) with a four-digit year, e.g. 2026-12-03"]))
    }
    if value.isEmpty { return fail() }
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    let digitsOnly = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
    guard parts.count == 3, parts.allSatisfy(digitsOnly), parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count), let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else {
      var extra: [String] = []
      if value.count == 5, value.allSatisfy({ $0.isASCII && $0.isNumber }) {
        extra.append("this looks like an Excel date number; format the column as a date (ÅÅÅÅ-MM-DD) before saving")
      } else if value.contains("/") || value.contains(".") {
        extra.append("day/month forms like 3/12 or 3.12.2026 are ambiguous; write the year first")
      }
      return fail(nil, extra)
    }
    guard year >= 1 else { return fail("there is no year 0") }
    guard (1...12).contains(month) else { return fail("there is no month \(month)") }
    let length = daysIn(month: month, year: year)
    guard (1...length).contains(day) else {
      return fail(day == 0 ? "there is no day 0" : "\(DateNames.english.months[month - 1]) \(year) has \(length) days")
    }
    return .success(CalendarDate(year: year, month: month, day: day))
  }
}

/// Month and weekday names of one language, and how it writes a date: the `calendar` of the
/// language's entry in NaraModel's `LanguageData.table`.
struct DateNames: Sendable {
  var names: CalendarNames

  var months: [String] { names.months }
  func weekday(_ d: CalendarDate) -> String { names.weekdays[d.weekday] }

  static let nbsp = "\u{00A0}"

  /// `3 december 2026`, `3 December 2026`, `3. joulukuuta 2026`.
  func long(_ d: CalendarDate) -> String {
    "\(d.day)\(names.dayNumberSuffix)\(Self.nbsp)\(names.months[d.month - 1]) \(d.year)"
  }

  /// `3 dec. 2026`, `3 Dec 2026`; numeric where the language has no short months (`3.12.2026`).
  func short(_ d: CalendarDate) -> String {
    guard let short = names.shortMonths else { return "\(d.day).\(d.month).\(d.year)" }
    return "\(d.day)\(names.dayNumberSuffix)\(Self.nbsp)\(short[d.month - 1]) \(d.year)"
  }

  static let english = DateNames(names: .english)

  /// `sv`, `sv-SE`, `sv_FI`, `swe` … → Swedish; nil for languages without names in the table.
  static func forLanguage(_ language: String) -> DateNames? {
    LanguageData.forTag(language).calendar.map { DateNames(names: $0) }
  }
}
