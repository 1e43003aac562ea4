import Foundation
import NaraModel
import Yams

/// A kit: several sheets (layouts) rendered together into one PDF, numbered as one document.
public struct LoadedKit: Sendable {
  public var title: String?
  public var author: String?
  public var sheets: [LoadedLayout]
  public var files: [String]
  public var warnings: [Diagnostic]
  /// Every translatable text of the kit and its sheets, and where each stands in the translation.
  public var strings: [SourceString] = []
  public var translationStates: [TextTranslation] = []
}

extension LayoutLoader {
  /// The file a path names: a kit folder means its `kit.yaml`.
  public static func resolve(_ path: String) -> String {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
      return (path as NSString).appendingPathComponent("kit.yaml")
    }
    return path
  }

  /// Whether the file is a kit (its top level has `kit:`), without reporting errors.
  public static func isKit(_ path: String) -> Bool {
    // A folder is always a kit (its kit.yaml), even one with errors: those are reported.
    if ProjectRoot.kind(of: path) == .directory { return true }
    guard ProjectRoot.kind(of: path) == .regular, (ProjectRoot.size(of: path) ?? .max) <= Limits.yamlFileBytes,
       let data = FileManager.default.contents(atPath: resolve(path)), let text = String(data: data, encoding: .utf8),
      let node = try? Yams.compose(yaml: text), case .mapping(let m) = node
    else { return false }
    return m.keys.contains { $0.scalar?.string == "kit" }
  }

  /// Loads a kit file (or a folder with `kit.yaml`) and every sheet it names, with all the
  /// errors of all the files at once.
  public func loadKit(path: String) throws(DiagnosticsError) -> LoadedKit {
    var loader = self
    if allowUnsetVariables && loader.missing == nil { loader.missing = MissingVariables() }
    return try loader.loadKitFile(path: path)
  }

  func loadKitFile(path: String) throws(DiagnosticsError) -> LoadedKit {
    let file = URL(fileURLWithPath: Self.absolutePath(Self.resolve(path))).resolvingSymlinksInPath().path
    var diagnostics: [Diagnostic] = []
    let projectRoot = root ?? ProjectRoot.discover(for: file)
    guard let (reader, root) = Reader.open(file, root: projectRoot, what: "kit", diagnostics: &diagnostics, cache: cache) else { throw DiagnosticsError(diagnostics) }
    reader.scopes = [variables]
    reader.missingVariables = missing
    let ledger = StringLedger()
    ledger.memory = paragraphMemory
    reader.ledger = ledger
    reader.translations = translations
    guard let top = reader.fields(root, section: .kitFile, what: "the kit file"),
      let kitNode = top["kit"],
      let f = reader.fields(kitNode, section: .kit, what: "kit")
    else { throw DiagnosticsError(diagnostics + reader.diagnostics) }
    var kit = LoadedKit(title: nil, author: nil, sheets: [], files: [file], warnings: [])
    if let t = f["title"] { kit.title = reader.translatable(t, id: "kit.title", what: "title") }
    if let a = f["author"] { kit.author = reader.string(a, what: "author") }
    var sheetErrors: [Diagnostic] = []
    if let s = f["sheets"] {
      let names = reader.list(s, what: "sheets")
      if names.isEmpty { reader.error("the kit names no sheets", at: s, hints: ["list the sheet layouts in order under `sheets:`"], code: .missingSection) }
      if names.count > Limits.kitSheets {
        reader.error("the kit lists \(names.count) sheets; a kit has at most \(Limits.kitSheets)", at: s,
                     hints: ["split it into several kits"], code: .tooMany)
      }
      var sheetLoader = self
      sheetLoader.root = projectRoot
      for n in names.prefix(Limits.kitSheets) {
        guard let name = reader.string(n, what: "sheet") else { continue }
        let sheetPath = reader.resolvePath(name)
        if case .failure(let refusal) = projectRoot.admit(sheetPath, what: "sheet", maxBytes: Limits.yamlFileBytes) {
          reader.error(refusal.message, at: n, hints: refusal.hints + (refusal.reason == .notFound ? ["sheets are named relative to the kit file"] : []),
                       code: .fileUnreadable)
          continue
        }
        if !["yaml", "yml"].contains((sheetPath as NSString).pathExtension.lowercased()) {
          reader.error("\(Reader.displayPath(sheetPath)) is not a YAML file", at: n, hints: ["a sheet is a layout, a .yaml file"], code: .notYAML)
          continue
        }
        do {
          let loaded = try sheetLoader.load(path: sheetPath)
          kit.sheets.append(loaded)
          kit.files += loaded.files
          kit.strings += loaded.strings
          kit.translationStates += loaded.translationStates
          kit.warnings += loaded.warnings
        } catch {
          sheetErrors += error.diagnostics
        }
      }
    } else {
      reader.error("the kit has no `sheets:`", at: kitNode, hints: ["list the sheet layouts in order under `sheets:`"], code: .missingSection)
    }
    let all = LayoutLoader.collapseUnsetVariables(LayoutLoader.unique(diagnostics + reader.diagnostics + sheetErrors))
    if all.contains(where: { $0.severity == .error }) {
      // The same missing variable in every sheet is one message per sheet; keep them all –
      // each names its own file and line.
      throw DiagnosticsError(all)
    }
    kit.warnings += all
    kit.strings = ledger.strings + kit.strings
    kit.translationStates = ledger.states + kit.translationStates
    return kit
  }
}
