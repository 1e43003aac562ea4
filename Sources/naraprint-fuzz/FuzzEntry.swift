import Foundation
import NaraLoader
import NaraLocalization
import NaraModel

/// What one fuzz input is read as: its first byte chooses the parser, the rest is the file.
///
/// The seeds start with a readable letter (`Y` a layout, `T` a theme, `K` a kit file, `P` a
/// .po file, `C` a CSV file); any other first byte picks a parser by its value, so that every
/// input the fuzzer makes is run through one of them.
enum ParserKind: String, CaseIterable, Sendable {
  case layout, theme, kit, po, csv

  static let letters: [UInt8: ParserKind] = [
    UInt8(ascii: "Y"): .layout, UInt8(ascii: "T"): .theme, UInt8(ascii: "K"): .kit,
    UInt8(ascii: "P"): .po, UInt8(ascii: "C"): .csv,
  ]

  /// The parser for an input and the file's bytes (the input without its first byte).
  /// `NARAPRINT_FUZZ_KIND=po` (or layout, theme, kit, csv) runs every input through that one
  /// parser, for a campaign on it alone (`scripts/fuzz --kind po`).
  static func split(_ input: [UInt8]) -> (kind: ParserKind, body: ArraySlice<UInt8>)? {
    guard let first = input.first else { return nil }
    let kind = forced ?? letters[first] ?? allCases[Int(first) % allCases.count]
    return (kind, input.dropFirst())
  }

  static let forced: ParserKind? = ProcessInfo.processInfo.environment["NARAPRINT_FUZZ_KIND"].map {
    guard let k = ParserKind(rawValue: $0) else {
      fatalError("naraprint-fuzz: NARAPRINT_FUZZ_KIND=\($0) is not one of \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return k
  }

  var letter: Character {
    Character(Unicode.Scalar(Self.letters.first { $0.value == self }!.key))
  }
}

/// How a run ended (a crash never returns: it is the fuzzer's finding).
enum Outcome: Equatable, Sendable {
  case loaded
  /// The loader refused the file with diagnostics: the expected way to fail.
  case diagnostics(first: String, count: Int)
  case empty
}

/// The entry that libFuzzer and the replay driver share: runs one input through the loader's
/// parsers the way `naraprint` reads its files.
///
/// The YAML loader reads files, so a layout, theme or kit input is written into a temporary
/// copy of the shipped project (`layouts/` with its theme, components and the APT kit) in
/// place of one of its files; the .po and CSV parsers take bytes.
enum FuzzEntry {
  static func run(_ input: [UInt8]) -> Outcome {
    guard let (kind, body) = ParserKind.split(input) else { return .empty }
    let data = Data(body)
    do {
      switch kind {
      case .layout:
        let path = Project.shared.root + "/fuzz.yaml"
        Project.write(data, to: path)
        _ = try Project.loader.load(path: path)
      case .theme:
        Project.write(data, to: Project.shared.themeFolder + "/theme.yaml")
        _ = try Project.loader.load(path: Project.shared.themeFolder + "/layout.yaml")
      case .kit:
        let path = Project.shared.root + "/apt-kit/kit.yaml"
        Project.write(data, to: path)
        _ = try Project.loader.loadKit(path: path)
      case .po:
        _ = try POCatalog.parse(data, file: "fuzz.po")
        return .loaded
      case .csv:
        _ = try CSVTable.parse(data, file: "fuzz.csv")
        return .loaded
      }
      return .loaded
    } catch {
      if kind == .po || kind == .csv { checkLocations(error.diagnostics, in: body, file: "fuzz.\(kind.rawValue)") }
      return .diagnostics(first: error.diagnostics.first.map(\.description) ?? "", count: error.diagnostics.count)
    }
  }

  /// A .po or CSV error names a place in the file: a line the file has, a column from 1.
  static func checkLocations(_ diagnostics: [Diagnostic], in body: ArraySlice<UInt8>, file: String) {
    let lines = body.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
    for d in diagnostics {
      guard let l = d.location else { continue }
      precondition(l.file == file, "a diagnostic names the file \(l.file), not \(file): \(d)")
      precondition(l.line == 0 || (1...lines).contains(l.line) && l.column >= 1,
                   "a diagnostic points past the file (\(lines) lines): \(d)")
    }
  }
}

/// The temporary project the YAML inputs are written into: a copy of the shipped `layouts/`
/// folder's theme, components and APT kit, and a link to the shipped `assets/`. Made once per
/// process, removed at exit.
final class Project: Sendable {
  let root: String
  let themeFolder: String

  nonisolated(unsafe) static var current: Project?
  static var shared: Project {
    if let p = current { return p }
    let p = Project()
    current = p
    atexit { Project.current.map { try? FileManager.default.removeItem(atPath: $0.base) } }
    return p
  }

  static let loader = LayoutLoader(variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"])

  /// The shipped layouts: `$NARAPRINT_LAYOUTS`, else the repository's `layouts/` (found from
  /// this source file's place, for a fuzzer built from the checkout).
  static var shippedLayouts: String {
    if let p = ProcessInfo.processInfo.environment["NARAPRINT_LAYOUTS"], !p.isEmpty { return p }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("layouts").path
  }

  var base: String { (root as NSString).deletingLastPathComponent }

  private init() {
    let fm = FileManager.default
    let base = NSTemporaryDirectory() + "naraprint-fuzz-\(getpid())"
    // Named `layouts/` as in a project, so that its root (`ProjectRoot`) is `base`.
    root = base + "/layouts"
    themeFolder = base + "/theme"
    let from = Self.shippedLayouts
    func copy(_ file: String, to path: String) {
      guard let data = fm.contents(atPath: from + "/" + file) else {
        fatalError("naraprint-fuzz: cannot read \(from)/\(file); set NARAPRINT_LAYOUTS to the layouts/ folder")
      }
      Self.write(data, to: path)
    }
    for f in ["theme.yaml", "components/malbild.yaml", "vad-ar-nara-vard.yaml"] { copy(f, to: root + "/" + f) }
    // The kit's sheets as they are (their theme is ../theme.yaml); `delar.yaml` also at the
    // top, for the sheets in the corpus that are run as layouts.
    for f in ["delar.yaml", "1-handledning.yaml", "2-samtal.yaml", "3-forflyttningar.yaml", "4-testar.yaml", "5-varden.yaml"] {
      copy("apt-kit/" + f, to: root + "/apt-kit/" + f)
    }
    copy("apt-kit/delar.yaml", to: root + "/delar.yaml")
    // The kit's sheets run as layouts name `../theme.yaml`.
    copy("theme.yaml", to: base + "/theme.yaml")
    Self.write(Data(Self.themeLayout.utf8), to: themeFolder + "/layout.yaml")
    // The images the components show (`../../assets/…`): copies of the shipped ones (a link
    // would lead out of the project root and be refused).
    let assets = URL(fileURLWithPath: from).deletingLastPathComponent().appendingPathComponent("assets").path
    try? fm.copyItem(atPath: assets, toPath: base + "/assets")
  }

  /// The layout a theme input is loaded with: small (for speed), using colours, styles,
  /// character styles and markup as the shipped layouts do.
  static let themeLayout = """
    document: { size: A4, margins: 15mm, bleed: 3mm, lang: sv-SE, title: Tema }
    theme: theme.yaml
    stories:
      text:
        style: blad-text
        markup: { heading-2: blad-fråga }
        content: |
          {blad-ingress} Nära vård är en *omställning* som **pågår** i hela landet.

          ## Hur kan jag bidra?

          På [regionvarmland.se/naravard](https://regionvarmland.se/naravard) finns mer, enligt [Kristin Wallengren]{namn}.
    pages:
      - items:
          - rect: { id: kopf, at: [-3mm, -3mm], size: [216mm, 56mm], fill: skog }
          - ellipse: { at: [178mm, -24mm], size: [42mm, 42mm], fill: sol, stroke: mörkskog }
          - text: Vad är nära vård?
            heading: 1
            at: [15mm, 13mm]
            width: 150mm
            style: blad-rubrik
            on: kopf
          - text: { story: text, at: [15mm, 62mm], size: [86mm, 220mm], baseline-grid: 15pt, overflow: shrink }
          - text: "Målbilden för Värmland"
            at: [109mm, 62mm]
            width: 86mm
            style: mål
    """

  static func write(_ data: Data, to path: String) {
    let fm = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    if !fm.fileExists(atPath: folder) { try! fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    guard fm.createFile(atPath: path, contents: data) else { fatalError("naraprint-fuzz: cannot write \(path)") }
  }
}
