import Foundation
import NaraLoader
import NaraModel
import TestSupport
import Testing

/// Layouts that load: the real poster, variables and components.
@Suite("Loader: layouts that load")
struct LoadingTests {
  static let repo = URL(fileURLWithPath: repoRoot)

  static func poster() throws -> LoadedLayout {
    try LayoutLoader().load(path: repo.appendingPathComponent("layouts/malbild-poster.yaml").path)
  }

  /// Straight or typographic quotes are the typography step's business; the words are ours.
  static func words(_ s: String) -> String {
    s.filter { !"\"”“".contains($0) }.replacingOccurrences(of: "\u{00A0}", with: " ")
  }

  static func item(_ id: String, in layout: LoadedLayout) -> Item? {
    allItems(layout.document.pages.flatMap(\.items)).first { $0.id == id }
  }

  @Test func posterLoadsWithoutErrorsOrWarnings() throws {
    let poster = try Self.poster()
    #expect(poster.warnings.isEmpty, "\(poster.warnings)")
    #expect(poster.document.pages.count == 1)
    #expect(poster.document.settings.language == "sv-SE")
    // A3 portrait.
    #expect(abs(poster.document.settings.pageSize.width - Length.mm(297).points) < 0.01)
    #expect(abs(poster.document.settings.pageSize.height - Length.mm(420).points) < 0.01)
    #expect(poster.files.map { ($0 as NSString).lastPathComponent } == ["malbild-poster.yaml", "theme.yaml", "malbild.yaml"])
  }

  @Test(arguments: [
    ("malbild.titel", ["Framtidens Värmland"]),
    ("malbild.undertitel", ["Tillsammans utvecklar vi god och nära vård, hälsa & omsorg"]),
    ("malbild.värde-1", ["Jag är en viktig och delaktig medskapare"]),
    ("malbild.värde-2", ["Vi bemöter varandra med respekt"]),
    ("malbild.värde-3", ["Vård och stöd utgår och samordnas från mina behov och resurser"]),
    ("malbild.värde-4", ["Jag har ett kontinuerligt, personligt och tillitsfullt stöd"]),
    ("malbild.värde-5", ["Jag får rätt hjälp och stöd i rätt tid"]),
    ("malbild.skifte-1", ["Fokus på organisation", "→", "Fokus på person och relation"]),
    ("malbild.skifte-2", ["Isolerade vård- och omsorgsinsatser", "→", "Samordning utifrån personens fokus"]),
    ("malbild.skifte-3", ["Invånare och patienter som passiva mottagare", "→", "Invånare och patienter som är aktiva medskapare"]),
    ("malbild.skifte-4", ["Reaktiva insatser", "→", "Proaktivt och hälsofrämjande arbete"]),
    ("malbild.station-1", ["Vi startar alla från olika utgångspunkter"]),
    ("malbild.station-4", ["Vi har större hinder att bestiga"]),
    ("malbild.station-5", ["Vi når vårt mål:"]),
    ("malbild.mål", ["God och jämlik hälsa"]),
  ])
  func posterCarriesTheWordsOfTheMålbild(id: String, expected: [String]) throws {
    let item = try #require(Self.item(id, in: try Self.poster()), "no item \(id)")
    #expect(item.texts.map(Self.words) == expected)
  }

  @Test func posterPrinciplesAreAHeadingAndFiveListItems() throws {
    let frame = try #require(Self.item("malbild.principer", in: try Self.poster())?.textFrame)
    guard case .heading = frame.blocks.first?.kind else { Issue.record("not a heading: \(frame.blocks)"); return }
    #expect(frame.blocks.first?.plainText == "Principer som guidar oss i arbetet")
    let items = frame.blocks.dropFirst()
    #expect(items.count == 5)
    #expect(items.allSatisfy { $0.kind == .listItem(marker: .bullet, level: 1) })
    #expect(items.first?.plainText == "Invånarna avgör om det vi gör är värdeskapande.")
    #expect(items.last?.plainText == "Proaktivitet är i fokus för att öka hälsa och friskfaktorer.")
  }

  /// On the poster the målbild's texts are its content, so the placement is no figure.
  @Test func posterComponentIsAScaledGroupReadAsContent() throws {
    let item = try #require(Self.item("malbild", in: try Self.poster()))
    guard case .group(let g) = item.kind else { Issue.record("not a group: \(item.kind)"); return }
    #expect(g.component == "malbild")
    #expect(g.designSize.map { abs($0.width - Length.mm(297).points) < 0.01 } == true)
    #expect(item.role == .content)
  }

  @Test(arguments: [([String: String](), "Hej Standard!"), (["namn": "Karin"], "Hej Karin!")])
  func variablesAreSubstituted(variables: [String: String], expected: String) throws {
    let r = load(onPage("- text: \"Hej {{namn}}!\"\n  id: t", after: "variables: { namn: Standard }"), variables: variables)
    #expect(try #require(r.item("t")).texts == [expected])
  }

  @Test func variableWithoutADefaultComesFromTheCaller() throws {
    let r = load(onPage("- text: \"{{ ort }} {{år}}\"\n  id: t"), variables: ["ort": "Karlstad", "år": "2025"])
    #expect(try #require(r.item("t")).texts == ["Karlstad 2025"])
  }

  @Test func componentDefaultsAndOverrides() throws {
    let r = load(onPage("""
      - use: kort
        id: a
      - use: kort
        id: b
        with: { titel: Egen }
      """, after: """
      components:
        kort:
          params: { titel: Förval, färg: skog }
          items:
            - text: "{{titel}}"
              id: rubrik
              colour: "{{färg}}"
      """))
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
    #expect(try #require(r.item("a")).texts == ["Förval"])
    #expect(try #require(r.item("b")).texts == ["Egen"])
    // Explicit ids inside a component are scoped by the placement's id, so two placements
    // do not collide.
    #expect(r.item("a.rubrik") != nil)
    #expect(r.item("b.rubrik")?.textFrame?.overrides?.character.colour == Colour.parseHex("#1f5c4a"))
  }

  @Test func derivedIdsFollowThePlace() throws {
    let r = load(onPage("""
      - text: Ett
      - stack:
          items:
            - text: Två
            - text: Tre
      """))
    let ids = allItems(try #require(r.loaded).document.pages[0].items).map(\.id)
    #expect(ids == ["p1.1", "p1.2", "p1.2.1", "p1.2.2"])
  }

  @Test func sizesAndUnits() throws {
    let r = load(onPage("""
      - rect: { at: [1in, 2cm], size: [72pt, 96px], fill: skog }
        id: r
      """))
    let p = try #require(r.item("r")).placement
    #expect(p.at?.x == 72)
    #expect(abs((p.at?.y ?? 0) - Length.cm(2).points) < 1e-9)
    #expect(p.width == .fixed(.pt(72)))
    #expect(p.height == .fixed(.pt(72)))
  }
}
