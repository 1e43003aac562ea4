import Foundation
import NaraCheck
import NaraLoader
import NaraLocalization
import NaraModel

/// `naraprint strings status`: for every locale and every product (poster, leaflet, kit):
/// translated, fuzzy, changed (since the catalog was merged) and untranslated texts by id with
/// their `.po` line, and what no longer fits or collides – in one run.
public enum LocaleStatus {
  /// A text named in a row: its id and the line of its entry in the `.po` file, if it has one.
  public struct Text: Sendable, Codable, Hashable {
    public var id: String
    public var line: Int?
    public init(id: String, line: Int?) { self.id = id; self.line = line }
  }

  /// One locale and product.
  public struct Row: Sendable, Codable {
    public var locale: String
    public var product: String
    /// The `.po` file, as messages show it.
    public var catalog: String
    public var translated: Int
    /// Marked fuzzy: the Swedish changed and a translator has not checked the entry.
    public var fuzzy: [Text]
    /// Edited in Swedish since the catalog was last merged (`strings update` makes them fuzzy).
    public var changed: [Text]
    public var untranslated: [Text]
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
    let layouts = StringsExtraction.layouts(in: paths)
    guard !layouts.isEmpty else {
      throw DiagnosticsError([.error(.noTranslatableFiles, "no layouts found in \(paths.joined(separator: ", "))",
                                     hints: ["give layout files or folders that hold them (files with `pages:` or `kit:`)"])])
    }
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: localesDirectory)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
    guard !files.isEmpty else {
      throw DiagnosticsError([.error(.noTranslatableFiles, "no .po files in \(localesDirectory)",
                                     hints: ["start one: msginit -l fi -i \(localesDirectory)/naraprint.pot -o \(localesDirectory)/fi.po"])])
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
      for layout in layouts {
        let product = productName(layout)
        var loader = try pipeline.loader(variables: variables, locale: nil, layout: layout, allowUnset: true)
        loader.translations = CatalogTranslations(catalog: catalog, file: displayPath(path))
        loader.language = locale
        var found: [Diagnostic] = []
        var states: [TextTranslation] = []
        do {
          if LayoutLoader.isKit(layout) {
            let kit = try loader.loadKit(path: layout)
            states = kit.translationStates
            for sheet in kit.sheets {
              let result = try pipeline.layout(sheet.document)
              found += result.diagnostics + CollisionCheck.findings(in: result.document).map(\.diagnostic)
            }
          } else {
            let loaded = try loader.load(path: layout)
            states = loaded.translationStates
            let result = try pipeline.layout(loaded.document)
            found += result.diagnostics + CollisionCheck.findings(in: result.document).map(\.diagnostic)
          }
        } catch let e as DiagnosticsError {
          found += e.diagnostics
        }
        var seen = Set<String>()
        states = states.filter { seen.insert($0.id).inserted }
        func texts(_ state: TranslationState) -> [Text] { states.filter { $0.state == state }.map { Text(id: $0.id, line: $0.line) } }
        for var d in Pipeline.translationWarnings(locale: locale, states: states, catalog: path, label: "\(locale), \(product)") {
          if d.code == .untranslated { d.severity = .note }
          problems.append(d)
        }
        let overflows = found.filter { $0.code == .overflow || $0.code == .missingGlyphs }
        let collisions = found.filter { Finding.Kind.collisionCodes.contains($0.code) && $0.severity != .note }
        let errors = found.filter { $0.severity == .error && !overflows.contains($0) && !collisions.contains($0) }
        problems += (overflows + collisions + errors).map { d -> Diagnostic in var c = d; c.message = "\(locale): " + d.message; return c }
        rows.append(Row(locale: locale, product: product, catalog: displayPath(path),
                        translated: states.filter { $0.state == .translated }.count,
                        fuzzy: texts(.fuzzy), changed: texts(.changed), untranslated: texts(.untranslated),
                        overflows: overflows.count, collisions: collisions.count))
      }
    }
    var cells: [[String]] = [["locale", "product", "translated", "fuzzy", "changed", "untranslated", "overflow", "collisions"]]
    for r in rows {
      cells.append([r.locale, r.product, "\(r.translated)", "\(r.fuzzy.count)", "\(r.changed.count)", "\(r.untranslated.count)",
                    r.overflows == 0 ? "fits" : "\(r.overflows) frame\(r.overflows == 1 ? "" : "s")", "\(r.collisions)"])
    }
    return Report(rows: rows, table: textTable(cells), problems: problems)
  }

  /// A kit by its folder (`apt-kit`), a layout by its file (`malbild-poster`).
  static func productName(_ layout: String) -> String {
    let file = (layout as NSString).lastPathComponent
    return LayoutLoader.isKit(layout)
      ? ((LayoutLoader.resolve(layout) as NSString).deletingLastPathComponent as NSString).lastPathComponent
      : (file as NSString).deletingPathExtension
  }
}
