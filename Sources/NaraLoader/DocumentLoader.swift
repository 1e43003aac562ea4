import Foundation
import NaraModel
import Yams

/// What loading a layout gives: the document and any warnings.
public struct LoadedLayout: Sendable {
  public var document: Document
  public var warnings: [Diagnostic]
  /// Files read (the layout, its theme and imports), for `watch`.
  public var files: [String]
  /// Every translatable text, in the order read.
  public var strings: [SourceString] = []
  /// Every text with words and where it stands in the translation (when one was given); those
  /// not `.translated` fell back to Swedish.
  public var translationStates: [TextTranslation] = []
}

/// Reads a layout file, its theme and imported component files into a `Document`.
public struct LayoutLoader: Sendable {
  /// Values for `{{name}}` (from `--set` or a CSV row).
  public var variables: [String: String]
  /// Collects variables without a value instead of reporting them (see `variablesNeeded`).
  var missing: MissingVariables?
  /// Translations to use instead of the Swedish texts (`render --locale`).
  public var translations: TranslationSource?
  /// Overrides the document's language (a translation's).
  public var language: String?
  /// Leave unset `{{variables}}` as they are instead of reporting them (extracting strings).
  public var allowUnsetVariables = false
  /// The paragraph keys of the template being re-extracted, so that they stay (see
  /// `ParagraphKeys`); a translation's own keys are used when translations are given.
  public var paragraphMemory = ParagraphMemory()
  /// The folder everything read must be in (`--root`); by default the layout's project
  /// (`ProjectRoot.discover`).
  public var root: ProjectRoot?
  /// Parsed files kept between loads (see `YAMLCache`); nil parses every file every time.
  public var cache: YAMLCache?

  public init(variables: [String: String] = [:]) { self.variables = variables }

  /// The variables a layout or kit needs from outside: used somewhere, with no default in
  /// the files and not among `variables`. For checking a CSV's columns before a batch.
  public func variablesNeeded(path: String) -> Set<String> {
    var probe = self
    let missing = MissingVariables()
    probe.missing = missing
    if Self.isKit(path) { _ = try? probe.loadKit(path: path) } else { _ = try? probe.load(path: path) }
    return missing.names
  }

  /// Loads `path`; throws `DiagnosticsError` with every error found in the files.
  public func load(path: String) throws(DiagnosticsError) -> LoadedLayout {
    var loader = self
    if allowUnsetVariables && loader.missing == nil { loader.missing = MissingVariables() }
    return try loader.loadFile(path: path)
  }

  func loadFile(path: String) throws(DiagnosticsError) -> LoadedLayout {
    // Through symlinks to the file's real place, so that its relative paths (images, imports)
    // mean what they mean there.
    let absolute = URL(fileURLWithPath: Self.absolutePath(path)).resolvingSymlinksInPath().path
    var diagnostics: [Diagnostic] = []
    let projectRoot = root ?? ProjectRoot.discover(for: absolute)
    guard let (reader, root) = Reader.open(absolute, root: projectRoot, diagnostics: &diagnostics, cache: cache) else { throw DiagnosticsError(diagnostics) }
    reader.missingVariables = missing
    let ledger = StringLedger()
    ledger.memory = paragraphMemory
    reader.ledger = ledger
    reader.translations = translations
    var files = [absolute]
    var context = LoadContext()

    guard let top = reader.fields(root, section: .layout, what: "the layout") else {
      throw DiagnosticsError(reader.diagnostics)
    }
    // Variables: defaults in the file, overridden by the caller's.
    var vars: [String: String] = [:]
    if let v = top["variables"], let vf = reader.fields(v, allowed: reader.mappingKeys(v), what: "variables") {
      for k in vf.order { vars[k] = reader.string(vf[k]!, what: "variable `\(k)`") }
    }
    vars.merge(variables) { $1 }
    reader.scopes = [vars]

    // The theme.
    var theme = Theme()
    if let t = top["theme"] {
      if let name = reader.string(t, what: "theme") {
        let themePath = reader.resolvePath(name)
        if let (themeReader, themeRoot) = Reader.open(themePath, root: projectRoot, what: "theme", diagnostics: &diagnostics, from: reader.span(t), cache: cache) {
          themeReader.scopes = [vars]
          themeReader.missingVariables = missing
          theme = themeReader.theme(themeRoot)
          diagnostics += themeReader.diagnostics
          files.append(themePath)
        }
      }
    } else {
      reader.error("the layout names no theme", at: root, hints: ["add `theme: theme.yaml` (the shared colours, fonts and styles)"], code: .missingSection)
    }

    // Components: imported files first, then this file's own.
    if let imports = top["imports"] {
      for node in reader.list(imports, what: "imports") {
        guard let name = reader.string(node, what: "import") else { continue }
        let importPath = reader.resolvePath(name)
        guard let (r, root) = Reader.open(importPath, root: projectRoot, what: "component", diagnostics: &diagnostics, from: reader.span(node), cache: cache) else { continue }
        r.scopes = [vars]
        r.missingVariables = missing
        r.ledger = ledger
        r.translations = translations
        files.append(importPath)
        if let f = r.fields(root, section: .componentFile, what: "an imported file") {
          if let c = f["components"] { context.registerComponents(c, reader: r) }
          r.addStyles(paragraph: f["styles"], character: f["character-styles"], to: &theme)
        }
        context.readers.append(r)
      }
    }
    if let c = top["components"] { context.registerComponents(c, reader: reader) }
    // The layout's own styles, over the theme's and the component files'.
    reader.addStyles(paragraph: top["styles"], character: top["character-styles"], to: &theme)
    context.theme = theme

    var settings = top["document"].map { reader.settings($0, theme: theme) } ?? {
      reader.error("the layout has no `document:` section", at: root, hints: ["add `document:` with at least `size: A4`"], code: .missingSection)
      return DocumentSettings(pageSize: Size(width: Length.mm(210).points, height: Length.mm(297).points))
    }()
    if let language {
      settings.language = language
      settings.direction = Self.isRightToLeft(language) ? .rtl : .ltr
    }
    context.settings = settings
    reader.language = settings.language
    for r in context.readers { r.language = settings.language }
    if let st = top["stories"] { context.stories = reader.stories(st, theme: theme) }

    var pages: [Page] = []
    if let p = top["pages"] {
      let list = reader.list(p, what: "pages")
      if list.isEmpty { reader.error("`pages` is empty", at: p, hints: ["add at least one page with `- items:`"], code: .missingSection) }
      if list.count > Limits.pages {
        reader.error("the layout has \(list.count) pages; a layout has at most \(Limits.pages)", at: p,
                     hints: ["split it into several layouts (a kit puts them together)"], code: .tooMany)
      }
      for (i, pageNode) in list.prefix(Limits.pages).enumerated() {
        if let page = reader.page(pageNode, number: i + 1, context: &context) { pages.append(page) }
      }
    } else {
      reader.error("the layout has no `pages:`", at: root, hints: ["add `pages:` with one `- items:` per page"], code: .missingSection)
    }
    context.checkUnusedComponents(definedIn: reader)
    for name in context.stories.keys.sorted() where !context.usedStories.contains(name) {
      reader.diagnostics.append(.warning(.unusedStory, "story `\(name)` is not shown in any frame", at: context.stories[name]?.location,
                                         hints: ["show it with a text frame: `- text: { story: \(name), size: [80mm, 200mm] }`"], subject: name))
    }

    diagnostics += reader.diagnostics + context.readers.flatMap(\.diagnostics) + context.extraDiagnostics
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticsError(Self.collapseUnsetVariables(Self.unique(diagnostics))) }
    let document = Document(settings: settings, theme: theme, pages: pages, stories: context.stories, source: absolute)
    return LoadedLayout(document: document, warnings: Self.unique(diagnostics), files: files,
                        strings: ledger.strings, translationStates: ledger.states)
  }

  /// Languages written right to left (their scripts: Arabic, Hebrew, Thaana, Syriac, N'Ko).
  public static func isRightToLeft(_ tag: String) -> Bool {
    Direction.of(language: tag) == .rtl
  }

  /// A path as messages show it: relative to the working directory when it lies inside it.
  public static func displayPath(_ path: String) -> String { Reader.displayPath(path) }

  /// `path` made absolute against the working directory, `.` and `..` resolved. (Foundation's
  /// `URL.standardized` drops a leading `..` from a relative path on Linux, so a relative
  /// path is joined to the working directory first.)
  public static func absolutePath(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: joined).standardized.path
  }

  /// The project folder a path given on the command line stands for: a folder itself (a kit,
  /// a project), or the folder a layout file is in; absolute.
  public static func folder(of path: String) -> String {
    let absolute = absolutePath(path)
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir) && isDir.boolValue
      ? absolute : (absolute as NSString).deletingLastPathComponent
  }

  /// Each diagnostic once, in order.
  static func unique(_ d: [Diagnostic]) -> [Diagnostic] {
    var seen = Set<Diagnostic>(); return d.filter { seen.insert($0).inserted }
  }

  /// A variable nobody set is one error at its first use, not one per place it appears.
  static func collapseUnsetVariables(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var firstIndex: [String: Int] = [:]
    var out: [Diagnostic] = []
    var extra: [String: Int] = [:]
    for d in diagnostics {
      if d.code == .unsetVariable, let name = d.subject {
        if firstIndex[name] != nil { extra[name, default: 0] += 1; continue }
        firstIndex[name] = out.count
      }
      out.append(d)
    }
    for (name, n) in extra.sorted(by: { $0.key < $1.key }) { guard let i = firstIndex[name] else { continue }; out[i].hints.append("it is used in \(n) more place\(n == 1 ? "" : "s") too") }
    return out
  }
}

extension Reader {
  func list(_ node: Node, what: String) -> [Node] {
    guard case .sequence(let seq) = node else {
      error("\(what) must be a list (lines starting with `- `), not \(describe(node))", at: node, code: .wrongValueKind); return []
    }
    return Array(seq)
  }

  func page(_ node: Node, number: Int, context: inout LoadContext) -> Page? {
    guard let f = fields(node, section: .page, what: "page \(number)") else { return nil }
    var background: Colour?
    if let b = f["background"] { background = colour(b, theme: context.theme, what: "background") }
    let prefix = f["id"].flatMap { string($0, what: "id") } ?? "p\(number)"
    var items: [Item] = []
    if let i = f["items"] {
      for (k, itemNode) in list(i, what: "items").enumerated() {
        if let item = item(itemNode, id: "\(prefix).\(k + 1)", context: &context, placement: .absolute) { items.append(item) }
      }
    } else {
      error("page \(number) has no `items:`", at: node, hints: ["add `items:` with what goes on the page"], code: .missingSection)
    }
    var page = Page(background: background, items: items, location: location(node))
    if let ro = f["reading-order"] {
      let known = allIDs(items)
      for n in list(ro, what: "reading-order") {
        guard let id = string(n, what: "id") else { continue }
        if known.contains(id) { page.readingOrder.append(id); continue }
        var hints = ["list the ids of this page's items (explicit `id:` or derived, like \(prefix).2)"]
        if let g = closestMatch(to: id, in: known) { hints.insert("did you mean `\(g)`?", at: 0) }
        error("no item `\(id)` on page \(number)", at: n, hints: hints, code: .unknownItem, subject: id)
      }
    }
    return page
  }

  func allIDs(_ items: [Item]) -> [String] {
    items.flatMap { item -> [String] in
      var ids = [item.id]
      switch item.kind {
      case .group(let g): ids += allIDs(g.items)
      case .stack(let s): ids += allIDs(s.items)
      case .grid(let g): ids += allIDs(g.items)
      case .text, .shape, .image: break
      }
      return ids
    }
  }
}
