import Foundation
import NaraModel
import NaraPipeline
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
  }
}
