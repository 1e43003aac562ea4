import Foundation
import NaraCheck
import NaraColour
import NaraLayout
import NaraLoader
import NaraModel
import NaraPageTree

/// `naraprint check`: what a print shop's preflight would find, before anything is printed –
/// text that does not fit, characters no font has, fonts the configuration lacks, images
/// below 150 ppi at their printed size, text below its style's minimum, low contrast.
public enum Preflight {
  public static let minimumPPI = 150.0

  /// Images for offset print need 300 ppi at their printed size (`check --print`).
  public static let printPPI = 300.0

  /// Where each text of a layout or kit stands in a locale's catalog (no layout is done).
  public static func translationStates(_ path: String, locale: String, variables: [String: String],
                                       pipeline: Pipeline) throws -> [TextTranslation] {
    var loader = try pipeline.loader(variables: variables, locale: locale, layout: path)
    loader.allowUnsetVariables = true
    return LayoutLoader.isKit(path) ? try loader.loadKit(path: path).translationStates : try loader.load(path: path).translationStates
  }

  public static func check(_ path: String, variables: [String: String], locale: String?, pipeline: Pipeline,
                           print: Bool = false) throws -> [Diagnostic] {
    try run(path, variables: variables, locale: locale, pipeline: pipeline, print: print).diagnostics
  }

  /// What one preflight found, and how the locale's translation covers the layout.
  struct Outcome {
    var diagnostics: [Diagnostic]
    /// Texts (with words) that fall back to Swedish; nil for the Swedish source.
    var untranslated: Int?
    var texts: Int
  }

  static func run(_ path: String, variables: [String: String], locale: String?, pipeline: Pipeline,
                  print: Bool = false) throws -> Outcome {
    // One load: the pages, and from the same load the items, texts and translation states.
    let built = try pipeline.buildLayout(path, variables: variables, locale: locale)
    let document = built.document
    var diagnostics = built.diagnostics
    // Collisions, text off the page or in the safe area, hidden items, forced breaks: each
    // at the item's file:line:column, which the page tree carries.
    diagnostics += CollisionCheck.findings(in: document).map(\.diagnostic)
    let documents = built.sources, strings = built.strings, states = built.translationStates
    let themes = documents.map(\.theme)
    var overrideFonts: [(String, SourceLocation)] = []
    func walk(_ items: [Item], theme: Theme) {
      for item in items {
        switch item.kind {
        case .text(let frame):
          if let font = frame.overrides?.character.font { overrideFonts.append((theme.family(for: font), item.location)) }
        case .group(let g): walk(g.items, theme: theme)
        case .stack(let s): walk(s.items, theme: theme)
        case .grid(let g): walk(g.items, theme: theme)
        // Leaves: no `default:`, so a new container kind is a compile error here.
        case .shape, .image: break
        }
      }
    }
    for d in documents { for page in d.pages { walk(page.items, theme: d.theme) } }

    // Fonts the theme or a text names that the project's font configuration does not have:
    // errors here (`render` warns about the theme's).
    diagnostics.removeAll { $0.code == .unknownFont }
    diagnostics += pipeline.unknownFonts(themes: themes, overrides: overrideFonts, severity: .error)

    for (index, page) in document.pages.enumerated() {
      // Contrast, WCAG 2 AA.
      var seen = Set<String>()
      for t in PageInspection.textOverBackgrounds(page) {
        let ratio = Colour.contrast(t.run.colour, t.background)
        let needed = PageInspection.requiredContrast(for: t.run)
        guard ratio < needed else { continue }
        let key = t.run.colour.hex + t.background.hex
        guard seen.insert(key).inserted else { continue }
        let snippet = String(t.run.text.prefix(40)).trimmingCharacters(in: .whitespaces)
        diagnostics.append(.warning(.lowContrast,
          "low contrast on page \(index + 1): “\(snippet)” in \(t.run.colour.hex) on \(t.background.hex) is \(String(format: "%.1f", ratio)):1, below \(formatNumber(needed)):1",
          at: t.source, hints: ["use a darker text colour or a lighter background (WCAG 2 AA)"], itemID: t.owner))
      }
      // Image resolution at the printed size.
      for (image, box) in PageInspection.images(page) {
        guard let (w, _) = pipeline.renderer.imagePixelSize(image.path), box.width > 0 else { continue }
        let ppi = Double(w) / (box.width / 72)
        if ppi < minimumPPI {
          let name = (image.path as NSString).lastPathComponent
          diagnostics.append(.warning(.lowResolution,
            "the image \(name) on page \(index + 1) has \(Int(ppi.rounded())) ppi at its printed size (\(formatNumber(Length(points: box.width).millimetres)) mm wide); print needs \(Int(minimumPPI))",
            at: image.sources.last,
            hints: ["use a larger image (at least \(Int((box.width / 72 * minimumPPI).rounded(.up))) pixels wide), or print it smaller"],
            itemID: image.owners.last))
        }
      }
    }
    if print { diagnostics += try printFindings(document, pipeline: pipeline) }
    let ids = Set(strings.filter { MarkupSegments.hasWords($0.source) }.map(\.id))
    let untranslated = Set(states.filter { $0.state != .translated }.map(\.id))
    return Outcome(diagnostics: diagnostics, untranslated: locale == nil ? nil : untranslated.count, texts: ids.count)
  }

  /// `check --print`: what a print shop's preflight adds – image resolution for offset,
  /// hairlines, backgrounds short of the bleed, total ink against the paper's limit, and
  /// which images are RGB (converted to CMYK through the profile when printed).
  static func printFindings(_ document: PagedDocument, pipeline: Pipeline) throws -> [Diagnostic] {
    var out = PrintCheck.findings(in: document).map(\.diagnostic)
    let profile = try pipeline.profile(for: document.metadata.paper)
    var rgbImages = Set<String>()
    var maxInk: (total: Double, colour: Colour, id: String)?
    var overLimit = Set<String>()
    for (index, page) in document.pages.enumerated() {
      for (image, box) in PageInspection.images(page) {
        let name = (image.path as NSString).lastPathComponent
        if pipeline.renderer.imagePixelSize(image.path) != nil { rgbImages.insert(name) }
        guard let (w, _) = pipeline.renderer.imagePixelSize(image.path), box.width > 0 else { continue }
        let ppi = Double(w) / (box.width / 72)
        if ppi < printPPI, ppi >= minimumPPI {
          out.append(.warning(.lowResolution,
            "the image \(name) on page \(index + 1) has \(Int(ppi.rounded())) ppi at its printed size; offset print needs \(Int(printPPI))",
            at: image.sources.last,
            hints: ["use a larger image (at least \(Int((box.width / 72 * printPPI).rounded(.up))) pixels wide), or print it smaller"],
            itemID: image.owners.last))
        }
      }
      // Total ink of every colour drawn, as the print PDF will have it.
      func ink(_ c: Colour?, _ id: String?, _ source: SourceLocation?) {
        guard let c, c.alpha > 0 else { return }
        let k = profile.cmyk(for: c)
        if maxInk == nil || k.total > maxInk!.total { maxInk = (k.total, c, id ?? "") }
        if k.total > profile.inkLimit + 0.005, overLimit.insert(c.hex).inserted {
          out.append(.warning(.inkLimit,
            "\(c.hex)\(id.map { " in `\($0)`" } ?? "") prints with \(Int((k.total * 100).rounded())) % ink (\(k)), more than the \(Int((profile.inkLimit * 100).rounded())) % \(profile.condition) allows",
            at: source, hints: ["give the colour a lighter CMYK in the theme (`cmyk:`), with less cyan, magenta and yellow under the black"],
            itemID: id))
        }
      }
      for drawn in PageInspection.colours(page) { ink(drawn.colour, drawn.owner, drawn.source) }
    }
    if let m = maxInk {
      out.append(.note(.printSummary, "the most ink any colour takes is \(Int((m.total * 100).rounded())) % (\(m.colour.hex)\(m.id.isEmpty ? "" : " in `\(m.id)`")), of the \(Int((profile.inkLimit * 100).rounded())) % \(profile.condition) allows"))
    }
    if !rgbImages.isEmpty {
      out.append(.note(.printSummary, "\(rgbImages.count) RGB image\(rgbImages.count == 1 ? "" : "s") (\(rgbImages.sorted().joined(separator: ", "))) will be converted to CMYK through the \(profile.condition) profile in the print PDF"))
    }
    return out
  }
}
