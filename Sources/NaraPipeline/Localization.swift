import Foundation
import NaraCairo
import NaraCheck
import NaraLayout
import NaraLoader
import NaraLocalization
import NaraModel
import NaraPageTree

/// A gettext catalog as the loader's source of translations.
struct CatalogTranslations: TranslationSource {
  let catalog: POCatalog
  /// The catalog's file as messages show it.
  var file: String = ""
  func translation(id: String, source: String) -> String? { catalog.translation(id: id, source: source) }
  func location(id: String, source: String) -> SourceLocation? {
    guard !file.isEmpty, let e = catalog.entry(id: id, source: source) else { return nil }
    return SourceLocation(file: file, line: e.msgstrLine, column: 1)
  }
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
    loader.translations = CatalogTranslations(catalog: catalog, file: displayPath(path))
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

/// `naraprint strings status`: for every locale and every product (poster, leaflet, kit):
/// translated, fuzzy (changed in Swedish) and untranslated texts by id with their `.po` line,
/// and what no longer fits or collides – in one run.
public enum LocaleStatus {
  /// One locale and product.
  public struct Row: Sendable, Codable {
    public var locale: String
    public var product: String
    public var translated: Int
    public var fuzzy: [String]
    public var untranslated: [String]
    public var overflows: Int
    public var collisions: Int
  }

  public struct Report: Sendable {
    public var rows: [Row]
    public var table: String
    public var problems: [Diagnostic]
    /// The rows as JSON, for scripts and CI.
    public var json: String {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      return (try? encoder.encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
  }

  public static func run(_ paths: [String], localesDirectory: String, variables: [String: String], pipeline: Pipeline) throws -> Report {
    let extraction = try StringsExtraction.extract(paths, pipeline: pipeline)
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: localesDirectory)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
    guard !files.isEmpty else {
      throw DiagnosticsError([.error("no .po files in \(localesDirectory)",
                                     hints: ["start one: msginit -l fi -i \(localesDirectory)/naraprint.pot -o \(localesDirectory)/fi.po"])])
    }
    // Each product's own texts (a component's texts count for every product that places it).
    var productStrings: [(layout: String, name: String, strings: [TranslatableString])] = []
    for layout in extraction.layouts {
      // A kit by its folder (`apt-kit`), a layout by its file (`malbild-poster`).
      let file = (layout as NSString).lastPathComponent
      let name = file == "kit.yaml" || LayoutLoader.isKit(layout) && !file.hasSuffix(".yaml")
        ? ((LayoutLoader.resolve(layout) as NSString).deletingLastPathComponent as NSString).lastPathComponent
        : (file as NSString).deletingPathExtension
      productStrings.append((layout, name, try StringsExtraction.extract([layout], pipeline: pipeline).strings))
    }
    var rows: [Row] = []
    var problems: [Diagnostic] = []
    for file in files {
      let locale = String(file.dropLast(3))
      let path = (localesDirectory as NSString).appendingPathComponent(file)
      let catalog: POCatalog
      do { catalog = try POCatalog.read(path: path) } catch {
        problems += error.diagnostics
        continue
      }
      for product in productStrings {
        let states = catalog.states(for: product.strings)
        let fuzzy = states.filter { $0.state == .fuzzy }, untranslated = states.filter { $0.state == .untranslated }
        func list(_ items: [(id: String, state: POCatalog.State, line: Int?)]) -> String {
          let shown = items.prefix(12).map { "\($0.id)" + ($0.line.map { " (\(file):\($0))" } ?? "") }
          return shown.joined(separator: ", ") + (items.count > 12 ? " and \(items.count - 12) more" : "")
        }
        if !fuzzy.isEmpty {
          problems.append(Diagnostic(.warning, "\(locale), \(product.name): \(fuzzy.count) text\(fuzzy.count == 1 ? "" : "s") changed in Swedish since translated (fuzzy): \(list(fuzzy))",
                                     at: SourceLocation(file: displayPath(path), line: fuzzy[0].line ?? 0, column: 1),
                                     hints: ["review them (msgmerge --previous shows the old Swedish), then remove the fuzzy flag"]))
        }
        if !untranslated.isEmpty {
          problems.append(Diagnostic(.note, "\(locale), \(product.name): \(untranslated.count) untranslated: \(list(untranslated))"))
        }
        var found: [Diagnostic] = []
        var loader = try pipeline.loader(variables: variables, locale: nil, layout: product.layout, allowUnset: true)
        loader.translations = CatalogTranslations(catalog: catalog, file: displayPath(path))
        loader.language = locale
        do {
          if LayoutLoader.isKit(product.layout) {
            let kit = try loader.loadKit(path: product.layout)
            for sheet in kit.sheets {
              let result = try pipeline.layout(sheet.document)
              found += result.diagnostics + CollisionCheck.findings(in: result.document).map(\.diagnostic)
            }
          } else {
            let result = try pipeline.layout(try loader.load(path: product.layout).document)
            found += result.diagnostics + CollisionCheck.findings(in: result.document).map(\.diagnostic)
          }
        } catch let e as DiagnosticsError {
          found += e.diagnostics
        }
        let overflows = found.filter { $0.code == "overflow" || $0.message.contains("no font can show") }
        let collisions = found.filter { $0.code?.hasPrefix("collision") == true && $0.severity != .note }
        problems += (overflows + collisions).map { d -> Diagnostic in var c = d; c.message = "\(locale): " + d.message; return c }
        rows.append(Row(locale: locale, product: product.name, translated: states.count - fuzzy.count - untranslated.count,
                        fuzzy: fuzzy.map(\.id), untranslated: untranslated.map(\.id),
                        overflows: overflows.count, collisions: collisions.count))
      }
    }
    var cells: [[String]] = [["locale", "product", "translated", "fuzzy", "untranslated", "overflow", "collisions"]]
    for r in rows {
      cells.append([r.locale, r.product, "\(r.translated)", "\(r.fuzzy.count)", "\(r.untranslated.count)",
                    r.overflows == 0 ? "fits" : "\(r.overflows) frame\(r.overflows == 1 ? "" : "s")", "\(r.collisions)"])
    }
    let table = textTable(cells) + "\n(\(extraction.strings.count) texts in \(extraction.layouts.count) layouts)"
    return Report(rows: rows, table: table, problems: problems)
  }
}
