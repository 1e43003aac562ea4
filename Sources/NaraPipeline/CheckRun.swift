import Foundation
import NaraCheck
import NaraLoader
import NaraModel

/// `naraprint check` over every locale, and with variables stressed: one preflight per
/// locale (and per stressed value or CSV row), findings told apart by where they come from.
public enum CheckRun {
  /// The source language's name in `--locale` lists and tables.
  public static let sourceLocale = "sv"

  /// What one locale's check found.
  public struct LocaleResult: Sendable {
    public var locale: String
    public var diagnostics: [Diagnostic]
    /// Texts (of those with words) that fall back to Swedish; nil for the source language.
    public var untranslated: Int?
    public var texts: Int
    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var collisions: Int { diagnostics.filter { Finding.Kind.collisionCodes.contains($0.code) }.count }
    public var overflows: Int { diagnostics.filter { $0.code == .overflow }.count }
  }

  public struct Options: Sendable {
    public var variables: [String: String] = [:]
    /// Fill each variable with a long realistic value, one at a time and all at once.
    public var stress = false
    /// Check every row of this CSV.
    public var dataFile: String?
    /// Add the print shop's preflight (`check --print`).
    public var print = false
    public init() {}
  }

  /// Swedish plus every `locales/*.po` beside the layout (or up to two folders above it).
  public static func locales(for layout: String) -> [String] {
    var dir = URL(fileURLWithPath: LayoutLoader.absolutePath(LayoutLoader.resolve(layout))).deletingLastPathComponent()
    for _ in 0..<3 {
      let folder = dir.appendingPathComponent("locales").path
      if let files = try? FileManager.default.contentsOfDirectory(atPath: folder) {
        let found = files.filter { $0.hasSuffix(".po") }.map { String($0.dropLast(3)) }.sorted()
        if !found.isEmpty { return [sourceLocale] + found.filter { $0 != sourceLocale } }
      }
      dir.deleteLastPathComponent()
    }
    return [sourceLocale]
  }

  /// Long values that a real unit could give: the longest unit name the region has, the
  /// date with the longest Swedish month and weekday, a long name for anything else.
  public static func stressValue(for variable: String) -> String {
    let name = variable.lowercased()
    if name.contains("datum") || name.contains("date") { return "2026-09-30" }
    if name.contains("tid") || name.contains("time") || name.contains("klock") { return "kl. 13.00–16.30" }
    return "Kommunala hälso- och sjukvårdsenheten för hemsjukvård, rehabilitering och palliativ vård i Karlstads, Hammarö och Forshaga kommuner"
  }

  /// Ordinary values for variables the user did not set, so each stressed variable is
  /// judged on its own.
  static func ordinaryValue(for variable: String) -> String {
    let name = variable.lowercased()
    if name.contains("datum") || name.contains("date") { return "2026-12-03" }
    if name.contains("tid") || name.contains("time") { return "kl. 9.00" }
    return "Hemtjänst Norr"
  }

  public static func run(_ layout: String, locales: [String], options: Options, pipeline: Pipeline) throws -> [LocaleResult] {
    let needed = LayoutLoader(variables: options.variables).variablesNeeded(path: layout)
    var base = options.variables
    for v in needed where base[v] == nil { base[v] = ordinaryValue(for: v) }
    var rows: [CSVTable.Row] = []
    var table: CSVTable?
    if let data = options.dataFile {
      let t = try CSVTable.read(path: data)
      try t.requireColumns(needed.filter { options.variables[$0] == nil }.sorted(), for: (layout as NSString).lastPathComponent)
      table = t; rows = t.rows
    }
    var results: [LocaleResult] = []
    for locale in locales {
      let loc: String? = locale == sourceLocale ? nil : locale
      let outcome = try Preflight.run(layout, variables: base, locale: loc, pipeline: pipeline, print: options.print)
      let baseline = outcome.diagnostics
      var diagnostics = baseline
      var seen = Set(baseline.map(key))
      func add(_ found: [Diagnostic], because reason: String, hint: String? = nil) {
        for var d in found where seen.insert(key(d)).inserted {
          d.message = reason + d.message
          if let hint { d.hints.append(hint) }
          diagnostics.append(d)
        }
      }
      if options.stress {
        let stressed = Set(needed).union(options.variables.keys).sorted()
        for v in stressed {
          var values = base
          values[v] = stressValue(for: v)
          add(try Preflight.check(layout, variables: values, locale: loc, pipeline: pipeline),
              because: "with {{\(v)}} = “\(shorten(values[v]!))”: ")
        }
        if stressed.count > 1 {
          var values = base
          for v in stressed { values[v] = stressValue(for: v) }
          add(try Preflight.check(layout, variables: values, locale: loc, pipeline: pipeline), because: "with every variable long: ")
        }
      }
      for row in rows {
        var values = base
        for (k, v) in row.values where options.variables[k] == nil { values[k] = v }
        let label = needed.sorted().first.flatMap { row[$0] }.map { " (\(shorten($0)))" } ?? ""
        add(try Preflight.check(layout, variables: values, locale: loc, pipeline: pipeline),
            because: "row \(row.line)\(label): ", hint: "the row is \(table?.file ?? "the CSV"):\(row.line)")
      }
      results.append(LocaleResult(locale: locale, diagnostics: diagnostics.map { prefixed($0, locale: locales.count > 1 ? locale : nil) },
                                  untranslated: outcome.untranslated, texts: outcome.texts))
    }
    return results
  }

  static func key(_ d: Diagnostic) -> String { "\(d.location?.description ?? "")|\(d.severity)|\(d.code.rawValue)|\(d.message)" }

  /// Codes whose messages already begin with the locale they are about.
  static let perLocaleCodes: Set<DiagnosticCode> = [.untranslated, .fuzzyTranslation, .changedSource]

  static func shorten(_ s: String) -> String { s.count > 48 ? String(s.prefix(46)) + "…" : s }

  static func prefixed(_ d: Diagnostic, locale: String?) -> Diagnostic {
    guard let locale, !(perLocaleCodes.contains(d.code) && d.subject == locale) else { return d }
    var c = d
    c.message = "[\(locale)] " + c.message
    return c
  }

  /// The summary table, a row per locale.
  public static func table(_ results: [LocaleResult]) -> String {
    var rows = [["locale", "errors", "warnings", "collisions", "overflows", "untranslated"]]
    for r in results {
      rows.append([r.locale, "\(r.errors)", "\(r.warnings)", "\(r.collisions)", "\(r.overflows)",
                   r.untranslated.map { "\($0) of \(r.texts)" } ?? "–"])
    }
    return textTable(rows)
  }
}

/// Rows of cells as aligned columns, two spaces apart (the tables `check` and `strings
/// status` print).
func textTable(_ rows: [[String]]) -> String {
  let columns = rows.map(\.count).max() ?? 0
  let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
  return rows.map { row in
    row.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }.joined(separator: "  ")
      .trimmingCharacters(in: .whitespaces)
  }.joined(separator: "\n")
}
