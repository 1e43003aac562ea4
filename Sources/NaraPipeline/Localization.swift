import Foundation
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
  /// The catalog's paragraph keys, in file order (obsolete entries left out).
  let memory: ParagraphMemory

  init(catalog: POCatalog, file: String = "") {
    self.catalog = catalog; self.file = file
    memory = ParagraphMemory(catalog.entries.filter { !$0.value.obsolete && $0.key.context != nil }
      .sorted { $0.value.line < $1.value.line }.map { ($0.key.context!, $0.key.msgid) })
  }

  func translation(id: String, source: String) -> String? { catalog.translation(id: id, source: source) }
  func line(of id: String) -> Int? {
    catalog.entries.filter { $0.key.context == id && !$0.value.obsolete }.map(\.value.line).min()
  }
  func state(id: String, source: String) -> (state: TranslationState, line: Int?) {
    guard let e = catalog.entry(id: id, source: source), !e.obsolete else { return (.untranslated, nil) }
    if catalog.translation(id: id, source: source) != nil { return (.translated, e.line) }
    return (e.fuzzy && !e.msgstr.isEmpty ? .fuzzy : .untranslated, e.line)
  }
  func location(id: String, source: String) -> SourceLocation? {
    guard !file.isEmpty, let e = catalog.entry(id: id, source: source) else { return nil }
    return SourceLocation(file: file, line: e.msgstrLine, column: 1)
  }
}

extension Pipeline {
  /// `locales/<locale>.po` beside the layout (or a kit's folder), or up to two folders above.
  public static func catalogPath(for layout: String, locale: String) -> String? {
    var dir = URL(fileURLWithPath: LayoutLoader.absolutePath(LayoutLoader.resolve(layout))).deletingLastPathComponent()
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("locales/\(locale).po").path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    return nil
  }

  /// The translations a layout can be rendered in: every `<tag>.po` in the `locales/` folders
  /// `catalogPath` looks in (the nearest folder wins), sorted.
  public static func availableLocales(for layout: String) -> [String] {
    var dir = URL(fileURLWithPath: LayoutLoader.absolutePath(LayoutLoader.resolve(layout))).deletingLastPathComponent()
    var found = Set<String>()
    for _ in 0..<3 {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("locales").path)) ?? []
      for name in names.prefix(1000) where name.hasSuffix(".po") {
        let tag = String(name.dropLast(3))
        if isLanguageTag(tag) { found.insert(tag) }
      }
      dir.deleteLastPathComponent()
    }
    return found.sorted()
  }

  /// A BCP 47 language tag as naraprint's locales are named (`fi`, `sv-SE`, `zh-Hant`).
  public static func isLanguageTag(_ s: String) -> Bool {
    s.range(of: "^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil
  }

  /// A loader for a locale: its catalog's translations and its language (and direction).
  func loader(variables: [String: String], locale: String?, layout: String, allowUnset: Bool = false) throws -> LayoutLoader {
    var loader = LayoutLoader(variables: variables)
    loader.allowUnsetVariables = allowUnset
    loader.root = root
    loader.cache = yamlCache
    guard let locale else { return loader }
    // A tag, never a path: `--locale ../../x` must not name a file.
    guard Self.isLanguageTag(locale) else {
      throw DiagnosticsError([.error(.languageTag, "`\(locale)` is not a language tag", hints: ["give a locale such as fi, ar, ti or sv-SE"])])
    }
    guard let found = Self.catalogPath(for: layout, locale: locale) else {
      let expected = (URL(fileURLWithPath: LayoutLoader.resolve(layout)).deletingLastPathComponent().path as NSString)
        .appendingPathComponent("locales/\(locale).po")
      throw DiagnosticsError([.error(.unknownLocale,
        "no translation for `\(locale)`: \(displayPath(expected)) not found",
        hints: ["start one from the template: msginit -l \(locale) -i layouts/locales/naraprint.pot -o layouts/locales/\(locale).po",
                "extract the template first: naraprint strings extract layouts -o layouts/locales/naraprint.pot"])])
    }
    let path: String
    switch (root ?? ProjectRoot.discover(for: LayoutLoader.resolve(layout))).admit(found, what: "translation", maxBytes: Limits.translationFileBytes) {
    case .success(let real): path = real
    case .failure(let refusal): throw DiagnosticsError([.error(.catalogUnreadable, refusal.message, hints: refusal.hints)])
    }
    let catalog = try POCatalog.read(path: path)
    loader.translations = CatalogTranslations(catalog: catalog, file: displayPath(path))
    loader.language = locale
    return loader
  }

  /// Warnings that say which texts stayed Swedish and why, by id with their `.po` line: fuzzy
  /// (changed, not yet checked by a translator), changed since the catalog was merged, and
  /// untranslated. Warnings, so that `check --strict` and `render --strict` fail on them.
  /// `label` begins each message (the locale; `strings status` adds the product).
  static func translationWarnings(locale: String, states: [TextTranslation], catalog: String?, label: String? = nil) -> [Diagnostic] {
    var seen = Set<String>()
    let unique = states.filter { seen.insert($0.id).inserted }
    let file = catalog.map(displayPath)
    var out: [Diagnostic] = []
    let kinds: [(TranslationState, DiagnosticCode, String, String)] = [
      (.fuzzy, .fuzzyTranslation, "fuzzy (a guess by msgmerge after a change, not yet checked by a translator)",
       "check them in the .po file (msgmerge --previous shows the old Swedish as #| msgid), then remove the fuzzy flag"),
      (.changed, .changedSource, "changed in Swedish since the catalog was last merged",
       "run `naraprint strings update` to merge the template into the catalogs; the entries become fuzzy for the translator"),
      (.untranslated, .untranslated, "untranslated", "translate them in the locale's .po file"),
    ]
    for (state, code, what, hint) in kinds {
      let items = unique.filter { $0.state == state }
      guard !items.isEmpty else { continue }
      let shown = items.prefix(12).map { t in t.line.map { "\(t.id) (line \($0))" } ?? t.id }.joined(separator: ", ")
        + (items.count > 12 ? " and \(items.count - 12) more" : "")
      let d = Diagnostic(.warning, code, "\(label ?? locale): \(items.count) of \(unique.count) texts use the Swedish, \(what): \(shown)",
                         at: file.map { SourceLocation(file: $0, line: items.first?.line ?? 0, column: items.first?.line == nil ? 0 : 1) },
                         hints: [hint], subject: locale)
      out.append(d)
    }
    return out
  }
}

