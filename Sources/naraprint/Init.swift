import ArgumentParser
import Foundation
import NaraFiles
import NaraLoader

/// `naraprint init FOLDER`: a new project outside the checkout – layouts, the theme, a sample
/// to start from, its translations and assets – that renders at once with the fonts naraprint
/// has (the project gets its own `fonts/` only if the user adds one).
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create a new project folder with a sample layout that renders at once.",
    discussion: """
      Templates: poster (the A3 målbild), leaflet (the two-page A4 leaflet) and kit (the five \
      APT sheets). The project gets layouts/ (with theme.yaml and locales/) and assets/; the \
      fonts come from naraprint's own until you add a fonts/ folder.
      """)

  enum Template: String, ExpressibleByArgument, CaseIterable { case poster, leaflet, kit }

  @Argument(help: "The new project's folder (must not exist yet, or be empty).")
  var folder: String
  @Option(help: "What to start from: poster, leaflet or kit.")
  var template: Template = .poster

  func run() throws {
    let fm = FileManager.default
    let target = folder.hasPrefix("/") ? folder : fm.currentDirectoryPath + "/" + folder
    if let contents = try? fm.contentsOfDirectory(atPath: target), !contents.isEmpty {
      throw ValidationError("\(folder) exists and is not empty; give a new folder")
    }
    // The examples that came with naraprint: beside the program (a checkout, or the package).
    guard let theme = ProjectResources.find("layouts/theme.yaml", near: (CommandLine.arguments[0] as NSString).deletingLastPathComponent) else {
      throw ValidationError("naraprint's example layouts are not found; `naraprint doctor` shows where naraprint looks")
    }
    let source = ((theme.path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    let files: [String]
    let sample: String
    switch template {
    case .poster: files = ["layouts/malbild-poster.yaml", "layouts/components"]; sample = "layouts/malbild-poster.yaml"
    case .leaflet: files = ["layouts/vad-ar-nara-vard.yaml", "layouts/components"]; sample = "layouts/vad-ar-nara-vard.yaml"
    case .kit: files = ["layouts/apt-kit"]; sample = "layouts/apt-kit"
    }
    try fm.createDirectory(atPath: target + "/layouts", withIntermediateDirectories: true)
    for item in ["layouts/theme.yaml", "layouts/locales", "assets"] + files {
      let from = source + "/" + item, to = target + "/" + item
      guard fm.fileExists(atPath: from) else { continue }
      try fm.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try fm.copyItem(atPath: from, toPath: to)
    }
    // The schema the layouts name in their first line, for completion in editors.
    try FormatSchema.jsonSchema().write(toFile: target + "/naraprint.schema.json", atomically: true, encoding: .utf8)
    let name = (target as NSString).lastPathComponent
    try """
      # \(name)

      A naraprint project, started from the \(template.rawValue) template.

      ```sh
      naraprint render \(sample)\(template == .kit ? " --set enhet=\"Hemtjänst Norr\" --set datum=2026-12-03" : "")
      naraprint check \(sample) --strict
      naraprint strings extract layouts -o layouts/locales/naraprint.pot
      ```

      The layouts are YAML files in layouts/, their theme is layouts/theme.yaml and the
      translations are layouts/locales/*.po. The fonts are naraprint's own; to use others, add
      a fonts/ folder with fonts.conf and the font files (freely licensed, with their licence).

      """.write(toFile: target + "/README.md", atomically: true, encoding: .utf8)
    FileHandle.standardError.write(Data("created \(folder) from the \(template.rawValue) template; render it with:\n  cd \(folder) && naraprint render \(sample)\n".utf8))
  }
}
