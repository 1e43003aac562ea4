import ArgumentParser
import Foundation
import NaraModel
import NaraPipeline

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a layout to PDF (for print) or PNG (for screens).",
    discussion: """
      Writes LAYOUT's name with .pdf in the current folder unless -o says otherwise. The format
      follows -o's extension (.pdf or .png) or --format. A layout with several pages written as
      PNG gives one file per page: name-1.png, name-2.png …
      Nothing is written when the layout has errors; an existing file is only replaced by a
      complete new one.
      """)

  @Argument(help: "The layout file (.yaml).")
  var layout: String

  @Option(name: .shortAndLong, help: "Output file (.pdf or .png).")
  var output: String?

  @Option(help: "Output format: pdf or png (default: from -o, else pdf).")
  var format: String?

  @Option(help: "Resolution of PNG output in dots per inch.")
  var dpi: Double = 150

  @Option(name: .customLong("set"), help: ArgumentHelp("Set a variable used as {{name}} in the layout.", valueName: "name=value"))
  var variables: [String] = []

  @Flag(help: "Treat warnings (such as text that does not fit its frame) as errors.")
  var strict = false

  @Flag(help: "Extend the PDF page by the document's bleed on every side, for the print shop.")
  var bleed = false

  @Flag(name: .customLong("crop-marks"), help: "Add crop marks outside the bleed (implies room for them).")
  var cropMarks = false

  @Flag(help: ArgumentHelp("A print PDF: PDF/X-4 in CMYK for the document's paper, with its bleed (3 mm by default), trim and bleed boxes and crop marks.",
                           discussion: "--pdfx 4 means the same."))
  var print = false

  @Option(help: ArgumentHelp("Same as --print; 4 is the only version naraprint writes.", valueName: "4"))
  var pdfx: Int?

  @Option(help: ArgumentHelp("With --print or --proof: the paper, coated (FOGRA39) or uncoated (FOGRA29); the document's `paper:` otherwise.", valueName: "paper"))
  var paper: String?

  @Option(help: ArgumentHelp("With --print: more marks in the slug, comma-separated: registration, slug (a line with the file, date and page).", valueName: "marks"))
  var marks: String?

  @Flag(help: "PNG: a soft proof – the page as it will look printed on the document's paper.")
  var proof = false

  @Option(name: .customLong("page-tree"), help: ArgumentHelp("Also write the laid-out page tree as text (for checking positions and golden tests).", valueName: "file"))
  var pageTree: String?

  @Option(help: ArgumentHelp("Render once per row of this CSV file; its columns fill {{variables}}.", valueName: "file.csv"))
  var data: String?

  @Option(help: ArgumentHelp("With --data: the file name of each row's PDF, with {{column}} fields (default: LAYOUT-{{rad}}.pdf). -o names the folder.", valueName: "pattern"))
  var name: String?

  @Flag(help: "With --data: one PDF with every row's pages (-o names it).")
  var combine = false

  @Option(help: "With --data: how many rows to render at once (default: the number of cores).")
  var jobs: Int?

  @Option(name: .customLong("contact-sheet"), help: ArgumentHelp("Also write one PNG with small previews of every page rendered.", valueName: "file.png"))
  var contactSheet: String?

  @Option(help: ArgumentHelp("Render a translation: layouts/locales/LOCALE.po (Swedish where it has none).", valueName: "locale"))
  var locale: String?

  @Option(help: ArgumentHelp("`shrink`: text that does not fit its frame shrinks, down to its style's min-size.", valueName: "shrink"))
  var fit: String?

  @Option(help: ArgumentHelp("The folder files may be read from (default: the layout's project).", valueName: "dir"))
  var root: String?

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  @Flag(help: "Print how long each step took (fonts, load, layout, checks, writing) to standard error.")
  var timings = false

  func validate() throws {
    guard dpi >= 10 && dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
    _ = try variableValues(variables)
    if let format, OutputFormat(rawValue: format.lowercased()) == nil {
      throw ValidationError("--format must be pdf or png")
    }
    if data == nil && (name != nil || combine || jobs != nil) {
      throw ValidationError("--name, --combine and --jobs go with --data FILE.csv")
    }
    if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64") }
    if let fit, fit != "shrink" { throw ValidationError("--fit takes `shrink`") }
    if let locale, locale.range(of: "^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) == nil {
      throw ValidationError("--locale takes a language tag such as fi, ar or sv-SE")
    }
    if let contactSheet, !contactSheet.lowercased().hasSuffix(".png") { throw ValidationError("--contact-sheet writes a PNG: give it a .png name") }
  }

  @OptionGroup var diagnosticOptions: DiagnosticOptions

  func run() throws {
    Timings.shared.enabled = timings
    defer { if timings { FileHandle.standardError.write(Data(Timings.shared.report().utf8)) } }
    var options = RenderOptions()
    options.variables = try variableValues(variables)
    let base = ((layout.hasSuffix("/") ? String(layout.dropLast()) : layout) as NSString).lastPathComponent
      .replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
    let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
    options.format = format.flatMap { OutputFormat(rawValue: $0.lowercased()) } ?? OutputFormat(rawValue: ext) ?? .pdf
    if let output, !ext.isEmpty, ext != options.format.rawValue {
      throw ValidationError("-o \(output) does not end in .\(options.format.rawValue); choose one format")
    }
    let target = output ?? "\(base).\(options.format.rawValue)"
    options.dpi = dpi
    options.strict = strict
    options.bleed = bleed
    options.cropMarks = cropMarks
    if let pdfx, pdfx != 4 { throw ValidationError("--pdfx \(pdfx): naraprint writes PDF/X-4 only") }
    if let paper, !["coated", "uncoated"].contains(paper) { throw ValidationError("--paper must be coated or uncoated, not \(paper)") }
    if print || pdfx != nil {
      guard options.format == .pdf else { throw ValidationError("--print makes a PDF; for a PNG of how it will print use --proof") }
      var request = PrintRequest()
      request.paper = paper
      for mark in (marks ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !mark.isEmpty {
        switch mark {
        case "registration": request.registrationMarks = true
        case "slug": request.slugLine = true
        case "crop": break
        default: throw ValidationError("--marks: `\(mark)` is not a mark; use registration, slug or crop")
        }
      }
      options.print = request
    } else if marks != nil {
      throw ValidationError("--marks goes with --print")
    }
    if proof {
      guard options.format == .png else { throw ValidationError("--proof makes a PNG; give -o FILE.png") }
      options.proof = true
      if paper != nil { var r = options.print ?? PrintRequest(); r.paper = paper; options.print = r }
    }
    options.pageTreeDump = pageTree
    options.locale = locale
    options.shrinkToFit = fit == "shrink"

    let printer = diagnosticOptions.printer
    do {
      if let data {
        try runBatch(data: data, base: base, options: options, printer: printer)
        return
      }
      let pipeline = try Pipeline(near: layout, root: projectRoot(root))
      let report = try pipeline.render(layout, to: target, options: options)
      printer.print(report.warnings)
      if !quiet {
        let pages = report.pageCount == 1 ? "1 page" : "\(report.pageCount) pages"
        for f in report.files { FileHandle.standardError.write(Data("wrote \(f) (\(pages))\n".utf8)) }
      }
      if let contactSheet {
        try pipeline.renderer.writeContactSheet(report.pages.enumerated().map { ($0.element, "Sida \($0.offset + 1)") }, to: contactSheet)
        if !quiet { FileHandle.standardError.write(Data("wrote \(contactSheet) (\(report.pages.count) previews)\n".utf8)) }
      }
    } catch let error as DiagnosticsError {
      printer.print(error.diagnostics)
      let n = error.diagnostics.filter { $0.severity == .error }.count
      FileHandle.standardError.write(Data("\(n) error\(n == 1 ? "" : "s"); nothing written\n".utf8))
      throw ExitCode(2)
    } catch let error as RenderError {
      printer.print([error.diagnostic])
      throw ExitCode(1)
    }
  }
}
