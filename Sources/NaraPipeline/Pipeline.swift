import Foundation
import NaraCairo
import NaraCheck
import NaraColour
import NaraFiles
import NaraHyphen
import NaraLayout
import NaraLoader
import NaraModel
import NaraPageTree
import NaraTypography

/// What to write.
public enum OutputFormat: String, Sendable, CaseIterable { case pdf, png }

public struct RenderOptions: Sendable {
  public var variables: [String: String] = [:]
  public var format: OutputFormat = .pdf
  public var dpi: Double = 150
  /// Overflow and other layout warnings become errors.
  public var strict = false
  public var bleed = false
  public var cropMarks = false
  /// Also write the page tree's text dump here.
  public var pageTreeDump: String?
  /// Render with this translation (`layouts/locales/<locale>.po`).
  public var locale: String?
  /// Shrink text that does not fit its frame, down to its style's minimum size.
  public var shrinkToFit = false
  /// A print PDF: PDF/X-4 in CMYK with bleed, trim and crop marks (`--print`).
  public var print: PrintRequest?
  /// PNG: a soft proof, as the page will look printed on the document's paper (`--proof`).
  public var proof = false
  /// Files the render must not overwrite besides the ones it reads (a batch's CSV).
  public var protectedFiles: [String] = []
  public init() {}
}

/// `--print`: the paper (the document's `paper:` when nil) and the marks asked for.
public struct PrintRequest: Sendable {
  public var paper: String?
  public var registrationMarks = false
  public var slugLine = false
  public init() {}
}

public struct RenderReport: Sendable {
  public var files: [String]
  public var warnings: [Diagnostic]
  public var pageCount: Int
  /// The laid-out pages, for a contact sheet (so the layout is not done twice).
  public var pages: [RenderedPage] = []
  /// The files the render read, for `watch`: the layout, its theme, imports and sheets, the
  /// translation, and the images drawn.
  public var inputs: [String] = []
}

/// naraprint's pipeline, one way: YAML → model → (typography) → layout → page tree → PDF/PNG.
/// One per thread: it owns a font map and caches.
public final class Pipeline {
  public let renderer: CairoRenderer
  public let preparer: TypographyPreparer
  private var profiles: [String: PrintProfile] = [:]
  /// Shaped paragraphs kept across layouts: a batch's fixed texts are set once per worker.
  public let shapeCache = ShapeCache()
  /// Parsed YAML files kept across loads: `watch` parses only the file that was saved.
  public let yamlCache = YAMLCache()
  /// `--root`: the folder every file read must be in; when nil, each layout's project
  /// (`ProjectRoot.discover`).
  public let root: ProjectRoot?
  /// The font configuration in use (`fonts/fonts.conf`): `watch` starts a new pipeline when
  /// it changes.
  public let fontConfig: String

  /// `fontConfig`: the project's `fonts/fonts.conf`; when nil it is looked for from `near`
  /// (a layout: its project first), then beside the program, then in NARAPRINT_FONTS or
  /// NARAPRINT_DATA (see `ProjectResources`).
  public init(fontConfig: String? = nil, near: String? = nil, root: ProjectRoot? = nil) throws {
    self.root = root
    let start = near.map(LayoutLoader.folder(of:))
    // A project's own fonts are looked for inside its root only.
    let within = root ?? near.map(ProjectRoot.discover(for:))
    guard let config = fontConfig ?? ProjectResources.locate("fonts/fonts.conf", near: start, within: within?.path, environment: "NARAPRINT_FONTS") else {
      throw RenderError("cannot find naraprint's fonts/fonts.conf",
                        hints: ["`naraprint doctor` shows where naraprint looks", "install the package, run inside a project with fonts/, or set NARAPRINT_DATA"])
    }
    // Swedish hyphenation patterns take libhyphen ~25 ms to read; every render needs them
    // (Swedish is the source language and every translation's fallback), so they are read
    // on another core while the fonts are set up and the layout is loaded. Loading holds the
    // patterns' lock, so the first word to hyphenate waits for it rather than loading twice.
    DispatchQueue.global(qos: .userInitiated).async { try? LibhyphenPatterns.forLanguage("sv-SE")?.load() }
    self.fontConfig = config
    renderer = try Timings.shared.measure("fonts (fontconfig, Pango)") { try CairoRenderer(fontConfig: config) }
    preparer = TypographyPreparer()
  }

  public func load(_ path: String, variables: [String: String] = [:]) throws(DiagnosticsError) -> LoadedLayout {
    var loader = LayoutLoader(variables: variables)
    loader.cache = yamlCache
    return try loader.load(path: path)
  }

  /// A layout engine on this pipeline's fonts, images, typography and shape cache.
  func makeEngine() -> LayoutEngine {
    LayoutEngine(shaper: renderer.shaper, images: renderer.images, preparer: preparer, codes: renderer.codes, shapeCache: shapeCache)
  }

  /// Lays a document out. Missing glyphs are errors here: no empty boxes in any output.
  public func layout(_ document: Document) throws -> LayoutResult {
    try makeEngine().layout(document)
  }

  /// Lays out a layout or a kit (a folder with `kit.yaml`, or a file with `kit:`): the
  /// laid-out pages, the files read and the warnings.
  public func build(_ path: String, variables: [String: String], locale: String? = nil, shrinkToFit: Bool = false) throws
    -> (PagedDocument, [String], [Diagnostic])
  {
    let built = try buildLayout(path, variables: variables, locale: locale, shrinkToFit: shrinkToFit)
    return (built.document, built.files, built.diagnostics)
  }

  /// `build` with what the load found as well (the documents, their texts and translation
  /// states): the one load a preflight needs.
  public func buildLayout(_ path: String, variables: [String: String], locale: String? = nil, shrinkToFit: Bool = false) throws
    -> BuiltLayout
  {
    let loader = try self.loader(variables: variables, locale: locale, layout: path)
    if LayoutLoader.isKit(path) {
      let kit = try Timings.shared.measure("load (YAML, translations)") { try loader.loadKit(path: path) }
      var pages: [RenderedPage] = []
      var diagnostics = kit.warnings
      let total = kit.sheets.reduce(0) { $0 + $1.document.pages.count }
      guard let first = kit.sheets.first else { throw DiagnosticsError([.error(.missingSection, "the kit has no sheets")]) }
      var metadata = DocumentMetadata(language: first.document.settings.language)
      metadata.title = kit.title ?? first.document.settings.title
      metadata.author = kit.author ?? first.document.settings.author
      metadata.paper = first.document.settings.paper
      for sheet in kit.sheets {
        let engine = makeEngine()
        engine.pageNumberOffset = pages.count
        engine.totalPages = total
        engine.shrinkToFit = shrinkToFit
        let result = try Timings.shared.measure("layout (typography, shaping)") { try engine.layout(sheet.document) }
        pages += result.document.pages
        diagnostics += result.diagnostics
      }
      if let locale {
        diagnostics += Self.translationWarnings(locale: locale, states: kit.translationStates,
                                                catalog: Self.catalogPath(for: path, locale: locale))
      }
      diagnostics += unknownFonts(themes: kit.sheets.map(\.document.theme), overrides: [], severity: .warning)
      // Shared parts (header, footer) say the same thing on every sheet: once is enough.
      var seen = Set<Diagnostic>()
      diagnostics = diagnostics.filter { seen.insert($0).inserted }
      return BuiltLayout(document: PagedDocument(metadata: metadata, pages: pages), files: kit.files, diagnostics: diagnostics,
                         sources: kit.sheets.map(\.document), strings: kit.strings, translationStates: kit.translationStates)
    }
    let loaded = try Timings.shared.measure("load (YAML, translations)") { try loader.load(path: path) }
    let engine = makeEngine()
    engine.shrinkToFit = shrinkToFit
    let result = try Timings.shared.measure("layout (typography, shaping)") { try engine.layout(loaded.document) }
    var diagnostics = loaded.warnings + result.diagnostics + preparer.warnings.map { .warning(.typographyData, $0) }
    if let locale {
      diagnostics += Self.translationWarnings(locale: locale, states: loaded.translationStates,
                                              catalog: Self.catalogPath(for: path, locale: locale))
    }
    diagnostics += unknownFonts(themes: [loaded.document.theme], overrides: [], severity: .warning)
    return BuiltLayout(document: result.document, files: loaded.files, diagnostics: diagnostics, sources: [loaded.document],
                       strings: loaded.strings, translationStates: loaded.translationStates)
  }

  /// Font families the themes (and texts' own `font:`) name that the project's font
  /// configuration does not have: another font would be used in their place.
  func unknownFonts(themes: [Theme], overrides: [(String, SourceLocation)], severity: Diagnostic.Severity) -> [Diagnostic] {
    var families = Set<String>()
    for theme in themes {
      families.formUnion(theme.fonts.values)
      for style in theme.paragraphStyles.values { families.insert(theme.family(for: style.character.font)) }
      for style in theme.characterStyles.values where style.font != nil { families.insert(theme.family(for: style.font)) }
    }
    var places = families.sorted().map { ($0, themes.first?.location) }
    places += overrides.map { ($0.0, Optional($0.1)) }
    var reported = Set<String>()
    var out: [Diagnostic] = []
    for (family, location) in places where !renderer.hasFontFamily(family) && reported.insert(family).inserted {
      out.append(Diagnostic(severity, .unknownFont, "the font `\(family)` is not in naraprint's font configuration; another font would be used",
                            at: location, hints: ["use a family fonts/fonts.conf offers (Noto Sans, Noto Serif …), or add the font to fonts/files/ with its licence"],
                            subject: family))
    }
    return out
  }

  /// Loads, lays out and writes one layout or kit. Throws `DiagnosticsError` for errors in
  /// the input (nothing is written then).
  public func render(_ layoutPath: String, to output: String, options: RenderOptions) throws -> RenderReport {
    let (document, files, warnings) = try build(layoutPath, variables: options.variables, locale: options.locale,
                                                shrinkToFit: options.shrinkToFit)
    // Never write over what this render reads: the layout, its theme and imports, a CSV.
    func real(_ p: String) -> String { URL(fileURLWithPath: LayoutLoader.absolutePath(p)).resolvingSymlinksInPath().path }
    let inputs = Set((files + options.protectedFiles).map(real))
    for (what, path) in [("the output", output), ("the page tree", options.pageTreeDump)] {
      guard let path, inputs.contains(real(path)) else { continue }
      throw DiagnosticsError([.error(.outputIsInput, "\(what) \(displayPath(path)) is a file this render reads; writing it would destroy it",
                                     hints: ["choose another name with -o (or --page-tree)"])])
    }
    // What `check` finds on the pages, as warnings: the render goes ahead.
    let findings = Timings.shared.measure("checks (collisions)") { CollisionCheck.findings(in: document) }.map { f -> Diagnostic in var d = f.diagnostic; d.severity = .warning; return d }
    var diagnostics = warnings + findings
    if options.strict {
      diagnostics = diagnostics.map { var d = $0; if d.severity == .warning { d.severity = .error }; return d }
    }
    if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
    var written: [String] = []
    if let dumpPath = options.pageTreeDump {
      try AtomicFile.write(to: dumpPath) { temp in
        try document.dump().write(toFile: temp, atomically: false, encoding: .utf8)
      }
      written.append(dumpPath)
    }
    switch options.format {
    case .pdf:
      var pdf = PDFOptions(creationDate: Self.creationDate(for: files))
      pdf.bleed = options.bleed
      pdf.cropMarks = options.cropMarks
      if let request = options.print {
        var settings = PrintSettings(profile: try profile(for: request.paper ?? document.metadata.paper))
        settings.registrationMarks = request.registrationMarks
        settings.slugLine = request.slugLine
        settings.jobName = (output as NSString).lastPathComponent
        pdf.print = settings
        pdf.bleed = true
        pdf.cropMarks = true
      }
      try Timings.shared.measure("write PDF (Cairo, qpdf)") { try renderer.writePDF(document, to: output, options: pdf) }
      written.append(output)
    case .png:
      let proof = options.proof ? try profile(for: options.print?.paper ?? document.metadata.paper) : nil
      written += try Timings.shared.measure("write PNG (Cairo, libpng)") { try renderer.writePNGs(document, to: output, dpi: options.dpi, proof: proof) }
    }
    var read = files
    if let locale = options.locale, let catalog = Self.catalogPath(for: layoutPath, locale: locale) { read.append(catalog) }
    read += document.pages.flatMap { PageInspection.images($0).map(\.0.path) }
    var seen = Set<String>()
    return RenderReport(files: written, warnings: diagnostics, pageCount: document.pages.count, pages: document.pages,
                        inputs: read.filter { seen.insert($0).inserted })
  }

  /// The print profile for a paper, loaded once per pipeline.
  public func profile(for paper: String) throws -> PrintProfile {
    if let p = profiles[paper] { return p }
    guard let kind = PrintProfile.Paper(rawValue: paper) else {
      throw RenderError("there is no print profile for paper `\(paper)`", hints: ["use coated or uncoated"])
    }
    let p = try PrintProfile.load(paper: kind)
    profiles[paper] = p
    return p
  }

  /// SOURCE_DATE_EPOCH if set (reproducible builds), else the newest input file's
  /// modification time: the same input gives the same bytes.
  static func creationDate(for files: [String]) -> Date {
    if let s = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let t = TimeInterval(s) {
      return Date(timeIntervalSince1970: t)
    }
    let dates = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
    let newest = dates.max() ?? Date(timeIntervalSince1970: 0)
    // Whole seconds: the PDF date has no fractions.
    return Date(timeIntervalSince1970: newest.timeIntervalSince1970.rounded(.down))
  }
}

/// A laid-out layout or kit with what loading it found.
public struct BuiltLayout: Sendable {
  public var document: PagedDocument
  /// Files read (the layout, its theme, imports, a kit's sheets).
  public var files: [String]
  public var diagnostics: [Diagnostic]
  /// The loaded documents, one per sheet (one for a layout): items with their source locations.
  public var sources: [Document]
  /// Every translatable text, and where each stands in the locale's catalog.
  public var strings: [SourceString]
  public var translationStates: [TextTranslation]
}
