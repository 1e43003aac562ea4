import ArgumentParser
import Foundation
import NaraCairo
import NaraColour
import NaraFiles
import NaraHyphen
import NaraLoader
import NaraModel
import NaraPipeline
import NaraTypography

/// `naraprint doctor`: what naraprint found on this machine and where – its fonts, the
/// typography data, the hyphenation patterns, the print profiles, the tools translators use –
/// and what is missing, with how to fix it.
struct Doctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show where naraprint finds its fonts, typography data, patterns and profiles, and what is missing.",
    discussion: """
      naraprint looks for its data in the project first (the layout's folder and its parents, \
      then the working directory's), then beside the program (a checkout, or \
      /usr/share/naraprint for the package), then in $NARAPRINT_DATA. Exits 1 when something \
      naraprint needs is missing.
      """)

  @Argument(help: "A layout or project folder to look from (default: the working directory).")
  var project: String?

  func run() throws {
    var missing = 0
    func line(_ ok: Bool, _ what: String, _ detail: String, fix: String? = nil, required: Bool = true) {
      print("\(ok ? "ok     " : required ? "MISSING" : "absent ") \(what): \(detail)")
      if !ok, let fix { print("        → \(fix)") }
      if !ok && required { missing += 1 }
    }
    print("naraprint \(NaraprintVersion.string) (\(CommandLine.arguments[0]))")
    let start = project.map(LayoutLoader.folder(of:))
    let root = ProjectRoot.discover(for: project ?? FileManager.default.currentDirectoryPath)
    print("ok      project root: \(root.path) (\(root.reason)); layouts read only files inside it, --root widens it")

    let fonts = ProjectResources.find("fonts/fonts.conf", near: start, within: root.path, environment: "NARAPRINT_FONTS")
    line(fonts != nil, "fonts", fonts.map { "\($0.path) (from \($0.source))" } ?? "fonts/fonts.conf not found",
         fix: "run naraprint inside a project or its checkout, install the package, or set NARAPRINT_DATA")
    if let fonts {
      if let renderer = try? CairoRenderer(fontConfig: fonts.path) {
        for family in ["Noto Sans", "Noto Sans Display", "Noto Sans Arabic", "Noto Sans Ethiopic", "Noto Sans Hebrew"] {
          line(renderer.hasFontFamily(family), "  font", family, fix: "put the font's files (and licence) in \((fonts.path as NSString).deletingLastPathComponent)/files/")
        }
      } else {
        line(false, "  fonts", "fontconfig could not read \(fonts.path)")
      }
    }

    let typography = TypographyData.defaultDirectory()
    line(typography != nil, "typography data", typography ?? "typography/hyphenation-sv.txt not found",
         fix: "set \(TypographyData.environmentVariable) to the typography/ folder, or install the package")
    if let typography {
      let exceptions = (try? HyphenationExceptions.loadDefault(language: "sv", directory: typography))?.count ?? 0
      line(exceptions > 0, "  Swedish hyphenation exceptions", "\(exceptions) words in \(typography)/hyphenation-sv.txt")
      let lexicon = typography + "/" + TypographyData.compoundLexiconFileName(language: "sv")
      line(FileManager.default.fileExists(atPath: lexicon), "  Swedish compound lexicon", lexicon, required: false)
    }
    for language in ["sv-SE", "en-GB"] {
      let path = LibhyphenPatterns.dictionaryPath(forLanguage: language)
      line(path != nil, "hyphenation patterns \(language)", path ?? "not found in \(LibhyphenPatterns.searchDirectories.joined(separator: ", "))",
           fix: "apt-get install \(language.hasPrefix("sv") ? "hyphen-sv" : "hyphen-en-us")", required: language.hasPrefix("sv"))
    }
    for paper in PrintProfile.Paper.allCases {
      let found = ProjectResources.find(paper.profileFile, near: start, environment: "NARAPRINT_COLOUR")
      line(found != nil, "print profile (\(paper.rawValue) paper)", found.map { "\($0.path) (from \($0.source))" } ?? paper.profileFile,
           fix: "needed for `render --print` only: run scripts/build-profiles", required: false)
    }
    for tool in ["msgmerge", "msginit", "msgfmt"] {
      let path = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")).map { "\($0)/\(tool)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
      line(path != nil, "translation tool \(tool)", path ?? "not on PATH", fix: "apt-get install gettext (for `strings update` and translators)", required: false)
    }
    print(missing == 0 ? "naraprint has what it needs." : "\(missing) thing\(missing == 1 ? "" : "s") missing.")
    if missing > 0 { throw ExitCode(1) }
  }
}
