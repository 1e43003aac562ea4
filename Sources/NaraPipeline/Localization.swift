import Foundation
import NaraCairo
import NaraLayout
import NaraLoader
import NaraLocalization
import NaraModel
import NaraPageTree

/// A gettext catalog as the loader's source of translations.
struct CatalogTranslations: TranslationSource {
  let catalog: POCatalog
  func translation(id: String, source: String) -> String? { catalog.translation(id: id, source: source) }
}

extension Pipeline {
  /// `locales/<locale>.po` beside the layout (or a kit's folder), or up to two folders above.
  public static func catalogPath(for layout: String, locale: String) -> String? {
    var dir = URL(fileURLWithPath: LayoutLoader.resolve(layout)).standardized.deletingLastPathComponent()
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("locales/\(locale).po").path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    return nil
  }

  /// A loader for a locale: its catalog's translations and its language (and direction).
  func loader(variables: [String: String], locale: String?, layout: String, allowUnset: Bool = false) throws -> LayoutLoader {
    var loader = LayoutLoader(variables: variables)
    loader.allowUnsetVariables = allowUnset
    guard let locale else { return loader }
    guard let path = Self.catalogPath(for: layout, locale: locale) else {
      let expected = (URL(fileURLWithPath: LayoutLoader.resolve(layout)).deletingLastPathComponent().path as NSString)
        .appendingPathComponent("locales/\(locale).po")
      throw DiagnosticsError([.error(
        "no translation for `\(locale)`: \(displayPath(expected)) not found",
        hints: ["start one from the template: msginit -l \(locale) -i layouts/locales/naraprint.pot -o layouts/locales/\(locale).po",
                "extract the template first: naraprint strings extract layouts -o layouts/locales/naraprint.pot"])])
    }
    let catalog = try POCatalog.read(path: path)
    loader.translations = CatalogTranslations(catalog: catalog)
    loader.language = locale
    return loader
  }

  /// The note that says which texts stayed Swedish.
  static func fallbackNote(locale: String, total: Int, fallbacks: [String]) -> Diagnostic? {
    let ids = Array(Set(fallbacks)).sorted()
    guard !ids.isEmpty else { return nil }
    let shown = ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? " and \(ids.count - 12) more" : "")
    return Diagnostic(.note, "\(locale): \(ids.count) of \(total) texts have no translation; Swedish is used for: \(shown)",
                      hints: ["translate them in the locale's .po file (fuzzy entries are not used)"])
  }
}

/// `naraprint strings extract`: every translatable text of every layout as a gettext template,
/// with notes that tell the translator how much room each text has.
public enum StringsExtraction {
  public struct Result: Sendable {
    public var strings: [TranslatableString]
    public var layouts: [String]
    public var warnings: [Diagnostic]
  }

  /// The layouts and kits under `paths` (folders are searched; a kit's sheets come with it).
  public static func layouts(in paths: [String]) -> [String] {
    var found: [String] = []
    var sheets = Set<String>()
    let fm = FileManager.default
    for path in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
      let files: [String]
      if isDir.boolValue {
        let base = URL(fileURLWithPath: path).standardized
        files = (fm.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? [])
          .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
          .map { base.appendingPathComponent($0).path }
      } else {
        files = [URL(fileURLWithPath: path).standardized.path]
      }
      for file in files {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
        if text.range(of: "(?m)^kit:", options: .regularExpression) != nil {
          found.append(file)
          // Its sheets are part of it.
          for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
            let name = line.trimmingCharacters(in: .whitespaces).dropFirst(2).trimmingCharacters(in: .whitespaces)
            sheets.insert(URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(name).standardized.path)
          }
        } else if text.range(of: "(?m)^pages:", options: .regularExpression) != nil {
          found.append(file)
        }
      }
    }
    return found.filter { !sheets.contains($0) }
  }

  public static func extract(_ paths: [String], pipeline: Pipeline) throws -> Result {
    let layouts = layouts(in: paths)
    guard !layouts.isEmpty else {
      throw DiagnosticsError([.error("no layouts found in \(paths.joined(separator: ", "))",
                                     hints: ["give layout files or folders that hold them (files with `pages:` or `kit:`)"])])
    }
    var order: [String] = []
    var merged: [String: TranslatableString] = [:]
    var warnings: [Diagnostic] = []
    for layout in layouts {
      var loader = LayoutLoader()
      loader.allowUnsetVariables = true
      var strings: [SourceString] = []
      var fits: [String: TextFit] = [:]
      if LayoutLoader.isKit(layout) {
        let kit = try loader.loadKit(path: layout)
        strings = kit.strings
        for sheet in kit.sheets { fits.merge(try pipeline.layout(sheet.document).fits) { a, _ in a } }
      } else {
        let loaded = try loader.load(path: layout)
        strings = loaded.strings
        let result = try pipeline.layout(loaded.document)
        fits = result.fits
        warnings += result.diagnostics.filter { $0.severity == .error }
      }
      // Only texts with words: an arrow or a bullet has nothing to translate.
      for s in strings where s.source.contains(where: \.isLetter) {
        let key = s.id + "\u{4}" + s.source
        if var existing = merged[key] {
          if !existing.references.contains(s.location) { existing.references.append(s.location) }
          merged[key] = existing
        } else {
          order.append(key)
          merged[key] = TranslatableString(id: s.id, source: s.source, references: [s.location],
                                           notes: note(for: s, fit: fits[s.id], layout: layout))
        }
      }
    }
    return Result(strings: order.compactMap { merged[$0] }, layouts: layouts, warnings: warnings)
  }

  /// “Frame 95 × 225 mm …; the Swedish text fills 48 % of it.”
  static func note(for s: SourceString, fit: TextFit?, layout: String) -> [String] {
    var notes = ["id: \(s.id)"]
    if s.source.contains("{{") { notes.append("keep every {{…}} exactly as it is: naraprint fills it in") }
    if s.source.contains("](") { notes.append("keep the web address inside (…) unchanged; translate the link text in […]") }
    guard let fit else { return notes }
    let width = Length(points: fit.width).millimetres
    let size = formatNumber(fit.size)
    let where_ = "in \((layout as NSString).lastPathComponent), page \(fit.page)"
    if let capacity = fit.capacity, capacity > 0 {
      let share = Int((fit.used / capacity * 100).rounded())
      let room = fit.used > 0 ? capacity / fit.used : 0
      notes.append("room: \(formatNumber(width)) mm wide lines, \(formatNumber(Length(points: capacity).millimetres)) mm of height at \(size) pt \(where_); the Swedish text fills \(share) %" +
                   (room >= 1.05 ? ", so a translation may be about \(Int(((room - 1) * 100).rounded(.down))) % longer" : ", so a translation should not be longer"))
    } else {
      notes.append("room: \(formatNumber(width)) mm wide lines at \(size) pt \(where_); the frame grows with the text, but a much longer text pushes what follows")
    }
    return notes
  }
}

/// `naraprint strings status`: every locale's counts and what no longer fits, in one run.
public enum LocaleStatus {
  public struct Report: Sendable {
    public var table: String
    public var problems: [Diagnostic]
  }

  public static func run(_ paths: [String], localesDirectory: String, variables: [String: String], pipeline: Pipeline) throws -> Report {
    let extraction = try StringsExtraction.extract(paths, pipeline: pipeline)
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: localesDirectory)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
    guard !files.isEmpty else {
      throw DiagnosticsError([.error("no .po files in \(localesDirectory)",
                                     hints: ["start one: msginit -l fi -i \(localesDirectory)/naraprint.pot -o \(localesDirectory)/fi.po"])])
    }
    var rows: [[String]] = [["locale", "translated", "fuzzy", "untranslated", "overflow"]]
    var problems: [Diagnostic] = []
    for file in files {
      let locale = String(file.dropLast(3))
      let path = (localesDirectory as NSString).appendingPathComponent(file)
      let catalog: POCatalog
      do { catalog = try POCatalog.read(path: path) } catch {
        problems += error.diagnostics
        rows.append([locale, "–", "–", "–", "cannot read"])
        continue
      }
      let counts = catalog.status(for: extraction.strings)
      var overflows: [Diagnostic] = []
      for layout in extraction.layouts {
        var loader = try pipeline.loader(variables: variables, locale: nil, layout: layout, allowUnset: true)
        loader.translations = CatalogTranslations(catalog: catalog)
        loader.language = locale
        do {
          if LayoutLoader.isKit(layout) {
            let kit = try loader.loadKit(path: layout)
            for sheet in kit.sheets { overflows += try pipeline.layout(sheet.document).diagnostics }
          } else {
            overflows += try pipeline.layout(try loader.load(path: layout).document).diagnostics
          }
        } catch let e as DiagnosticsError {
          overflows += e.diagnostics
        }
      }
      let reported = overflows.filter { ["does not fit", "too tall", "no font can show"].contains(where: $0.message.contains) }
        .map { d -> Diagnostic in var c = d; c.message = "\(locale): " + d.message; return c }
      problems += reported
      rows.append([locale, "\(counts.translated)", "\(counts.fuzzy)", "\(counts.untranslated)",
                   reported.isEmpty ? "fits" : "\(reported.count) frame\(reported.count == 1 ? "" : "s")"])
    }
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
    let table = rows.map { row in
      row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n(\(extraction.strings.count) texts in \(extraction.layouts.count) layouts)"
    return Report(table: table, problems: problems)
  }
}
