import Foundation
import NaraLocalization
import NaraModel
import Testing

/// Reading translations: what is used, what is not, and the file's own facts.
@Suite("POCatalog: reading")
struct POCatalogTests {
  let po = """
    # Översättare: Aino
    #. Rubrik, ram 170 × 20 mm
    #: layouts/a.yaml:12
    msgctxt "rubrik"
    msgid "Vad är nära vård?"
    msgstr "Mitä on lähihoito?"

    #, fuzzy
    #| msgid "Sida {{sida}}"
    msgctxt "sidfot"
    msgid "Sida {{sida}} av {{sidor}}"
    msgstr "Sivu {{sida}}"

    msgctxt "tom"
    msgid "Kontakt"
    msgstr ""

    msgctxt "lång"
    msgid ""
    "Första raden\\n"
    "andra "
    "raden med \\"citat\\""
    msgstr ""
    "Ensimmäinen rivi\\n"
    "toinen rivi \\"lainaus\\""

    msgid "utan kontext"
    msgstr "ilman kontekstia"

    msgid "en fil"
    msgid_plural "{{n}} filer"
    msgstr[0] "yksi tiedosto"
    msgstr[1] "{{n}} tiedostoa"

    #~ msgctxt "gammal"
    #~ msgid "Gammal text"
    #~ msgstr "Vanha teksti"

    """

  @Test func readsEntriesAndUsesOnlyFinishedTranslations() throws {
    let c = try #require(read(po).catalog)
    #expect(c.language == "fi")
    #expect(c.headerFields["Content-Type"] == "text/plain; charset=UTF-8")
    #expect(!c.isDraft)
    #expect(c.warnings.isEmpty)
    #expect(c.translation(id: "rubrik", source: "Vad är nära vård?") == "Mitä on lähihoito?")
    #expect(c.translation(id: "sidfot", source: "Sida {{sida}} av {{sidor}}") == nil)  // fuzzy
    #expect(c.translation(id: "tom", source: "Kontakt") == nil)  // untranslated
    #expect(c.translation(id: "lång", source: "Första raden\nandra raden med \"citat\"")
      == "Ensimmäinen rivi\ntoinen rivi \"lainaus\"")
    #expect(c.translation(id: "", source: "utan kontext") == "ilman kontekstia")
    #expect(c.translation(id: "gammal", source: "Gammal text") == nil)  // obsolete
    #expect(c.translation(id: "rubrik", source: "Vad är nära vård") == nil)  // other Swedish text
    #expect(c.entries.count == 6)  // header and plural entry left out

    let r = try #require(c.entry(id: "rubrik", source: "Vad är nära vård?"))
    #expect(r.line == 13 && r.msgstrLine == 15)
    #expect(r.translatorComments == ["Översättare: Aino"])
    let s = try #require(c.entry(id: "sidfot", source: "Sida {{sida}} av {{sidor}}"))
    #expect(s.fuzzy && s.flags == ["fuzzy"] && s.previousMsgid == "Sida {{sida}}")
    #expect(c.entry(id: "gammal", source: "Gammal text")?.obsolete == true)
  }

  @Test func statusCountsTranslatedFuzzyAndUntranslated() throws {
    let c = try #require(read(po).catalog)
    let strings = [
      TranslatableString(id: "rubrik", source: "Vad är nära vård?"),
      TranslatableString(id: "sidfot", source: "Sida {{sida}} av {{sidor}}"),
      TranslatableString(id: "tom", source: "Kontakt"),
      TranslatableString(id: "gammal", source: "Gammal text"),
      TranslatableString(id: "ny", source: "Helt ny"),
      TranslatableString(id: "rubrik", source: "Vad är nära vård?"),  // counted once
    ]
    #expect(c.status(for: strings) == (translated: 1, fuzzy: 1, untranslated: 3))
  }

  @Test func crlfAndByteOrderMarkAreRead() throws {
    let text = "\u{FEFF}" + (finnishHeader + po).replacingOccurrences(of: "\n", with: "\r\n")
    let r = read(bytes: Data(text.utf8))
    let c = try #require(r.catalog, "\(r.diagnostics)")
    #expect(c.translation(id: "lång", source: "Första raden\nandra raden med \"citat\"")
      == "Ensimmäinen rivi\ntoinen rivi \"lainaus\"")
    #expect(c.entry(id: "rubrik", source: "Vad är nära vård?")?.line == 13)
  }

  @Test func draftFromFuzzyHeaderOrStatusField() throws {
    let fuzzyHeader = read("#, fuzzy\n" + finnishHeader, header: false)
    #expect(try #require(fuzzyHeader.catalog).isDraft)
    let field = finnishHeader.replacingOccurrences(
      of: "\"Language: fi\\n\"", with: "\"Language: fi\\n\"\n\"X-Naraprint-Status: draft\\n\"")
    #expect(try #require(read(field, header: false).catalog).isDraft)
  }

  @Test func placeholdersMayMoveAndSpacingInsideBracesIsFree() throws {
    let c = try #require(read("""
      msgid "{{enhet}}, {{ datum | datum }}"
      msgstr "{{datum|datum}} – {{enhet}}"

      """).catalog)
    #expect(c.translation(id: "", source: "{{enhet}}, {{ datum | datum }}") == "{{datum|datum}} – {{enhet}}")
  }

  @Test func fileNotFound() {
    #expect(throws: DiagnosticsError.self) { try POCatalog.read(path: "/nonexistent/po/fi.po") }
    do {
      _ = try POCatalog.read(path: "/nonexistent/po/fi.po")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics[0].message.contains("not found"))
      #expect(error.diagnostics[0].location?.file == "/nonexistent/po/fi.po")
      #expect(error.diagnostics[0].hints.contains { $0.contains("msginit") })
    }
  }
}
