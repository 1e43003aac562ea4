import Foundation
import NaraLayout
import NaraLoader
import NaraLocalization
import NaraModel

/// `naraprint strings extract`: every translatable text of every layout as a gettext template –
/// one entry per heading, paragraph, list item, table cell and label – with notes that tell the
/// translator what each is and how much room its frame has.
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
        // A symlinked folder is searched where it points (the enumerator does not follow links).
        let base = URL(fileURLWithPath: LayoutLoader.absolutePath(path)).resolvingSymlinksInPath()
        files = (fm.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? [])
          .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
          .map { base.appendingPathComponent($0).path }
      } else {
        files = [LayoutLoader.absolutePath(path)]
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

  /// The texts of the layouts under `paths`. `memory` holds the paragraph keys of the template
  /// being replaced (see `ParagraphKeys`), so that a paragraph keeps its key when others change.
  public static func extract(_ paths: [String], pipeline: Pipeline, memory: ParagraphMemory = ParagraphMemory()) throws -> Result {
    let layouts = layouts(in: paths)
    guard !layouts.isEmpty else {
      throw DiagnosticsError([.error(.noTranslatableFiles, "no layouts found in \(paths.joined(separator: ", "))",
                                     hints: ["give layout files or folders that hold them (files with `pages:` or `kit:`)"])])
    }
    var order: [String] = []
    var merged: [String: TranslatableString] = [:]
    var warnings: [Diagnostic] = []
    for layout in layouts {
      var loader = LayoutLoader()
      loader.allowUnsetVariables = true
      loader.paragraphMemory = memory
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
      for s in strings where MarkupSegments.hasWords(s.source) {
        // An item without `id:` is named by its place (`p1.2.5`): moving it would orphan its translations.
        if s.item.split(separator: ".").dropFirst().contains(where: { $0.allSatisfy(\.isNumber) }),
          !warnings.contains(where: { $0.itemID == s.item }) {
          warnings.append(.warning(.derivedTextID, "the text has no id of its own (`\(s.item)`, from its place on the page): its translations are lost when items move",
                                   at: s.location, hints: ["give the item an `id:` that names what it says"], itemID: s.item))
        }
        let key = s.id + "\u{4}" + s.source
        if var existing = merged[key] {
          if !existing.references.contains(s.location) { existing.references.append(s.location) }
          merged[key] = existing
        } else {
          order.append(key)
          merged[key] = TranslatableString(id: s.id, source: s.source, references: [s.location],
                                           notes: note(for: s, fit: fits[s.item], layout: layout))
        }
      }
    }
    return Result(strings: order.compactMap { merged[$0] }, layouts: layouts, warnings: warnings)
  }

  /// The paragraph keys a template holds (for `extract`'s `memory`); none when there is no
  /// template yet or it cannot be read.
  public static func memory(ofTemplate path: String) -> ParagraphMemory {
    guard FileManager.default.fileExists(atPath: path), let catalog = try? POCatalog.read(path: path) else { return ParagraphMemory() }
    return CatalogTranslations(catalog: catalog).memory
  }

  /// “Frame 95 × 225 mm …; the Swedish text fills 48 % of it.”
  static func note(for s: SourceString, fit: TextFit?, layout: String) -> [String] {
    var notes = ["id: \(s.id)"]
    if let kind = s.kind, kind != .paragraph || s.item != s.id {
      let whose = s.item == s.id ? "" : " of the text `\(s.item)`"
      notes.append("\(kind.name)\(whose): translate the words; naraprint keeps it \(kind.name)")
    }
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


/// Carries translations made of a whole text (as naraprint extracted them before it cut texts
/// into paragraphs, or a translator's own) over to the text's paragraphs, so that moving to
/// paragraph entries loses no translation: `strings update` hands them to `msgmerge` as a
/// compendium.
public enum ParagraphCompendium {
  /// For each entry of `template` the catalog lacks: the matching paragraph of a translated
  /// whole-text entry of the same item, when the translation has the Swedish's paragraphs
  /// (same number and kinds). Also a one-paragraph entry whose heading `##` or list marker
  /// now stays out of the msgid.
  public static func entries(catalog: POCatalog, template: POCatalog) -> [(context: String?, msgid: String, msgstr: String)] {
    // Whole texts by item: their Swedish and translated paragraphs.
    var wholes: [String: [(source: [MarkupSegment], translation: [MarkupSegment])]] = [:]
    for (key, entry) in catalog.entries where !entry.fuzzy && !entry.msgstr.isEmpty {
      guard let context = key.context else { continue }
      let source = MarkupSegments.split(key.msgid), translation = MarkupSegments.split(entry.msgstr)
      guard source.count == translation.count, zip(source, translation).allSatisfy({ $0.kind == $1.kind }) else { continue }
      // Only entries that cut differently now: several paragraphs, or a marker or style inside.
      guard source.count > 1 || source.first.map({ !$0.marker.isEmpty || !$0.style.isEmpty || $0.body != key.msgid }) == true else { continue }
      wholes[context, default: []].append((source, translation))
    }
    guard !wholes.isEmpty else { return [] }
    var out: [(context: String?, msgid: String, msgstr: String)] = []
    for key in template.entries.keys.sorted(by: { (template.entries[$0]?.line ?? 0) < (template.entries[$1]?.line ?? 0) }) {
      guard let context = key.context, catalog.translation(id: context, source: key.msgid) == nil else { continue }
      let item = ParagraphMemory.split(context).item
      for whole in wholes[item] ?? [] {
        if let k = whole.source.firstIndex(where: { $0.body == key.msgid }) {
          let translated = whole.translation[k]
          // A translator's own paragraph style (other than the Swedish's) stays with the words.
          let own = translated.style != whole.source[k].style ? translated.style : ""
          out.append((context, key.msgid, own + translated.body))
          break
        }
      }
    }
    return out
  }
}
