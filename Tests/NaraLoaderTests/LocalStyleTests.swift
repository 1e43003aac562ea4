import Foundation
import NaraLoader
import NaraModel
import TestSupport
import Testing

/// Issue 16, part 2: a layout's and a component file's own styles, and `based-on` in any order.
@Suite struct LocalStyleTests {
  @Test func aLayoutsStyleIsBasedOnTheThemesAndUsedByItsText() throws {
    let r = load(onPage("- text: Nästa träff är i mars.\n  style: notis", after: """
      styles:
        notis: { based-on: bröd, colour: skog }
        bröd: { space-after: 4pt }
      character-styles:
        term: { based-on: accent, weight: bold }
      """))
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
    let theme = try #require(r.loaded?.document.theme)
    let notis = try #require(theme.paragraphStyles["notis"])
    #expect(notis.name == "notis")
    #expect(notis.character.colour == theme.colours["skog"])
    #expect(notis.character.font == "body" && notis.character.size == .pt(11) && notis.leading == .factor(1.3))
    // The layout's `bröd` extends the theme's; `notis` is based on the extended one.
    #expect(theme.paragraphStyles["bröd"]?.spaceAfter == .pt(4) && theme.paragraphStyles["bröd"]?.character.size == .pt(11))
    #expect(notis.spaceAfter == .pt(4))
    #expect(theme.characterStyles["term"]?.colour == theme.colours["skog"] && theme.characterStyles["term"]?.weight == 700)
    guard case .text(let frame)? = r.loaded?.document.pages.first?.items.first?.kind else { Issue.record("no text"); return }
    #expect(frame.style == "notis")
  }

  @Test func aComponentFilesStylesServeTheLayoutThatImportsIt() throws {
    let layout = """
      document: { size: A4 }
      theme: theme.yaml
      imports: [delar.yaml]
      pages:
        - items:
            - use: ruta
      """
    let parts = """
      styles:
        liten: { based-on: bröd, size: 8pt }
      components:
        ruta:
          items:
            - text: Liten text
              style: liten
      """
    let r = load(layout, files: ["delar.yaml": parts])
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
    #expect(r.loaded?.document.theme.paragraphStyles["liten"]?.character.size == .pt(8))
  }

  @Test func stylesBasedOnEachOtherInACircleAreAnErrorAtTheLine() {
    let r = load(onPage("- text: Hej", after: """
      styles:
        a: { based-on: b, colour: skog }
        b: { based-on: 1️⃣a }
      """))
    r.expectError("styles are based on each other in a circle: `a` → `b` → `a`", at: "1️⃣",
                  hint: "one of these styles must stand on its own")
  }

  @Test func aStyleBasedOnItselfIsACircle() {
    let r = load(onPage("- text: Hej", after: """
      character-styles:
        x: { based-on: 1️⃣x }
      """))
    r.expectError("character styles are based on each other in a circle: `x` → `x`", at: "1️⃣")
  }

  @Test func anUnknownBasedOnSuggestsTheClosestStyle() {
    let r = load(onPage("- text: Hej", after: """
      styles:
        notis: { based-on: 1️⃣bröt, colour: skog }
      """))
    r.expectError("style `notis` is based on `bröt`, which is not defined", at: "1️⃣", hint: "did you mean `bröd`?")
    #expect(r.errors.first { $0.subject == "bröt" }?.code == .unknownName)
  }

  @Test func aThemeStyleMayBeBasedOnOneDefinedBelowIt() throws {
    let theme = testTheme.replacingOccurrences(of: "\nstyles:\n", with: "\nstyles:\n  fotnot: { based-on: punkt, size: 8pt }\n")
    let r = load(onPage("- text: Hej\n  style: fotnot"), theme: theme)
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
    let fotnot = try #require(r.loaded?.document.theme.paragraphStyles["fotnot"])
    #expect(fotnot.listIndent == .mm(5) && fotnot.character.size == .pt(8) && fotnot.character.font == "body")
  }

  @Test func basedOnOnATextSaysWhereItBelongs() {
    let r = load(onPage("- text: Hej\n  1️⃣based-on: bröd"))
    r.expectError("unknown key `based-on` in a text item", at: "1️⃣", hint: "a text names its style with `style:`")
  }

  @Test func aMisspelledKeyInALocalStyleIsNamedWithAHint() {
    let r = load(onPage("- text: Hej", after: """
      styles:
        notis: { 1️⃣lettr-spacing: 0.05em }
      """))
    r.expectError("unknown key `lettr-spacing` in style `notis`", at: "1️⃣", hint: "did you mean `letter-spacing`?")
  }

  @Test func aTableTakesItsCellsFillAndStylesFromTheLayout() throws {
    let r = load(onPage("""
      - table:
          columns: 2
          header: [Vad, Vem]
          rows: [[Fika, Anna]]
          style: cell
          fill: vit
          header-fill: skog
      """, after: "styles:\n  cell: { based-on: bröd, size: 9pt }"))
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
    guard case .grid(let grid)? = r.loaded?.document.pages.first?.items.first?.kind else { Issue.record("no table"); return }
    let frames = grid.items.compactMap { item -> TextFrame? in if case .text(let f) = item.kind { f } else { nil } }
    #expect(frames.count == 4)
    #expect(frames[2].style == "cell" && frames[2].fill?.hex == "#ffffff" && frames[0].fill?.hex == "#1f5c4a")
  }

  @Test func theThemesBlockColoursAreTheBlocksDefaults() throws {
    let theme = testTheme + "\nblocks: { stroke: skog, box-fill: vit, header-fill: text }\n"
    let r = load(onPage("- table: { columns: 1, header: [Vad], rows: [[Fika]] }\n- checkbox: Klart"), theme: theme)
    #expect(r.errors.isEmpty, "\(r.diagnostics)")
    let items = r.loaded?.document.pages.first?.items ?? []
    guard items.count == 2, case .grid(let grid) = items[0].kind, case .text(let header) = grid.items[0].kind,
      case .text(let body) = grid.items[1].kind else { Issue.record("no table"); return }
    #expect(header.fill?.hex == "#1d1d1b" && body.fill == nil && header.stroke?.colour.hex == "#1f5c4a")
    guard case .stack(let row) = items[1].kind, case .stack(let holder) = row.items[0].kind,
      case .shape(let box) = holder.items[0].kind else { Issue.record("no checkbox"); return }
    #expect(box.fill?.hex == "#ffffff" && box.stroke?.colour.hex == "#1f5c4a")
    // Without `blocks:` the theme's colour names mean nothing special: no fill.
    let plain = load(onPage("- table: { columns: 1, header: [Vad] }"))
    guard case .grid(let g)? = plain.loaded?.document.pages.first?.items.first?.kind, case .text(let h) = g.items[0].kind else {
      Issue.record("no table"); return
    }
    #expect(h.fill == nil)
  }
}
