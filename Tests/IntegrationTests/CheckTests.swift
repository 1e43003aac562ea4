import Foundation
import NaraModel
import NaraPipeline
import TestSupport
import Testing

/// `naraprint check`: what preflight finds, and that the real products pass it.
@Suite struct CheckTests {
  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  @Test(arguments: ["layouts/malbild-poster.yaml", "layouts/vad-ar-nara-vard.yaml", "layouts/apt-kit"])
  func theProductsPass(layout: String) throws {
    let found = try Preflight.check(repoRoot + "/" + layout, variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"],
                                    locale: nil, pipeline: try pipeline())
    #expect(found.isEmpty, "\(found.map(\.description))")
  }

  /// Issue 9: every product in every shipped locale, and the kit with the longest unit name
  /// and date (`--stress`): no collision, no overflow, no warning.
  @Test(arguments: ["layouts/malbild-poster.yaml", "layouts/vad-ar-nara-vard.yaml", "layouts/apt-kit"])
  func theProductsPassInEveryLocaleAndWithLongValues(layout: String) throws {
    let path = repoRoot + "/" + layout
    let locales = CheckRun.locales(for: path)
    #expect(locales == ["sv", "ar", "en", "fi", "ti"])
    var options = CheckRun.Options()
    options.stress = true
    let results = try CheckRun.run(path, locales: locales, options: options, pipeline: try pipeline())
    #expect(results.map(\.locale) == locales)
    for r in results {
      let problems = r.diagnostics.filter { $0.severity != .note }
      #expect(problems.isEmpty, "\(r.locale): \(problems.map(\.description))")
    }
    #expect(CheckRun.table(results).hasPrefix("locale  errors  warnings  collisions  overflows  untranslated\nsv      0"))
  }

  @Test func stressNamesTheValueThatBreaksAnItem() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A5 }
      theme: theme.yaml
      pages:
        - items:
            - text: "{{enhet}}"
              id: namn
              at: [10mm, 10mm]
              width: 60mm
              style: brödtext
            - text: Rubriken
              id: rubrik
              at: [10mm, 20mm]
              width: 60mm
              style: brödtext
      """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
    var options = CheckRun.Options()
    options.variables = ["enhet": "Hemtjänst Norr"]
    let plain = try CheckRun.run(dir + "/p.yaml", locales: ["sv"], options: options, pipeline: try pipeline())
    #expect(plain[0].diagnostics.filter { $0.severity != .note }.isEmpty, "\(plain[0].diagnostics)")
    options.stress = true
    let stressed = try CheckRun.run(dir + "/p.yaml", locales: ["sv"], options: options, pipeline: try pipeline())
    let overlap = try #require(stressed[0].diagnostics.first { $0.code == .textOverlap }, "\(stressed[0].diagnostics)")
    #expect(overlap.message.hasPrefix("with {{enhet}} = “Kommunala hälso- och sjukvårdsenheten för hems…”: page 1: text `rubrik`"))
    #expect(overlap.location?.line == 10)
    #expect(stressed[0].collisions >= 1 && stressed[0].errors >= 1)
  }

  @Test func findsWhatAPrintShopWould() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try FileManager.default.copyItem(atPath: repoRoot + "/Tests/IntegrationTests/Fixtures/prick.png", toPath: dir + "/prick.png")
    try """
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - rect: { at: [10mm, 10mm], size: [100mm, 30mm], fill: sol }
            - text: Vit text på gult
              id: blek
              at: [15mm, 15mm]
              width: 90mm
              colour: vit
            - image: prick.png
              id: prick
              at: [10mm, 60mm]
              width: 80mm
              alt: En blå prick
            - text: Liten text
              id: liten
              at: [10mm, 150mm]
              style: brödtext
              font-size: 7pt
            - text: Fel typsnitt
              at: [10mm, 170mm]
              font: Comic Sans
      """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
    let found = try Preflight.check(dir + "/p.yaml", variables: [:], locale: nil, pipeline: try pipeline())
    let messages = found.map(\.message)
    #expect(messages.contains { $0.hasPrefix("low contrast on page 1: “Vit text på") && $0.contains("in #ffffff on #f2a541") }, "\(messages)")
    let image = try #require(found.first { $0.message.hasPrefix("the image prick.png on page 1 has 19 ppi") }, "\(messages)")
    #expect(image.location?.line == 11, "points at the image: \(String(describing: image.location))")
    #expect(messages.contains("text `liten` is set at 7 pt, below the 9.5 pt its style `brödtext` allows"))
    #expect(messages.contains { $0.hasPrefix("the font `Comic Sans` is not in naraprint's font configuration") })
    // Each finding has its code and names the item's file:line:column, from the one load.
    let contrast = try #require(found.first { $0.code == .lowContrast }, "\(found)")
    #expect(contrast.location?.file.hasSuffix("p.yaml") == true && contrast.location?.line == 6 && contrast.location?.column == 9,
            "\(String(describing: contrast.location))")
    #expect(contrast.itemID == "blek")
    #expect(image.code == .lowResolution && image.itemID == "prick")
    #expect(found.first { $0.code == .belowMinimumSize }?.location?.line == 16)
    let font = try #require(found.first { $0.code == .unknownFont && $0.subject == "Comic Sans" })
    #expect(font.location?.line == 21 && font.severity == .error)
  }
}
