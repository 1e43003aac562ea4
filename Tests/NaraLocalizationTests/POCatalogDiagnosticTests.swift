import Foundation
import NaraLocalization
import NaraModel
import TestSupport
import Testing

/// Every error names fi.po, its line and column, and carries a hint.
@Suite("POCatalog: diagnostics")
struct POCatalogDiagnosticTests {
  @Test func invalidUTF8PointsAtTheFirstBadByte() {
    let text = finnishHeader + "msgid \"Grön\"\nmsgstr \"Gr"
    let bytes = Array(text.utf8) + [0xF6, 0x6E] + Array("\"\n".utf8)  // Latin-1 "ö"
    let r = read(bytes: Data(bytes), marked: MarkedText(finnishHeader + "msgid \"Grön\"\nmsgstr \"Gr1️⃣"))
    r.expectError("not UTF-8", at: "1️⃣")
    #expect(r.errors.count == 1)
    #expect(r.errors[0].hints.contains { $0.contains("msgconv -t UTF-8") })
  }

  @Test func latin1HeaderIsRefused() {
    let header = finnishHeader.replacingOccurrences(of: "\"Content-Type: text/plain; charset=UTF-8\\n\"",
                                                    with: "1️⃣\"Content-Type: text/plain; charset=ISO-8859-1\\n\"")
    let r = read(header + "msgid \"Hej\"\nmsgstr \"Moi\"\n", header: false)
    r.expectError("charset=ISO-8859-1", at: "1️⃣")
    #expect(r.errors[0].hints.contains { $0.contains("UTF-8 only") && $0.contains("msgconv -t UTF-8") })
  }

  @Test func latin1BytesNameTheDeclaredCharset() {
    let text = finnishHeader.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1") + "msgid \"Gr"
    let r = read(bytes: Data(Array(text.utf8) + [0xF6, 0x6E, 0x22, 0x0A]))
    #expect(r.errors.count == 1)
    #expect(r.errors.first?.hints.contains("the header declares charset=ISO-8859-1") == true)
  }

  /// An escape that makes a control character (the bell, `\a`) would garble the text: an
  /// error at the msgstr, never a silently cut translation.
  @Test func controlCharacterInATranslation() {
    let r = read("msgid \"Hej\"\n1️⃣msgstr \"Mo\\ai\"\n")
    r.expectError("the translation contains the control character U+0007", at: "1️⃣")
  }

  @Test func missingHeader() {
    let r = read("1️⃣msgid \"Hej\"\nmsgstr \"Moi\"\n", header: false)
    r.expectError("no header entry", at: "1️⃣")
  }

  @Test func unterminatedString() {
    let r = read("msgid \"Hej\"\nmsgstr 1️⃣\"Moi\n")
    r.expectError("unterminated string", at: "1️⃣")
    #expect(r.errors.count == 1)
  }

  @Test func unknownKeywordSuggestsTheNearestOne() {
    let r = read("msgid \"Hej\"\n1️⃣msgtsr \"Moi\"\n")
    r.expectError("unknown keyword `msgtsr`", at: "1️⃣")
    #expect(r.errors.first?.hints.first == "did you mean `msgstr`?")
  }

  @Test func msgstrWithoutMsgid() {
    let r = read("msgctxt \"x\"\n1️⃣msgstr \"Moi\"\n")
    r.expectError("`msgstr` without a `msgid`", at: "1️⃣")
  }

  @Test func msgidWithoutMsgstr() {
    let r = read("1️⃣msgid \"Hej\"\n\nmsgid \"Då\"\nmsgstr \"Hei hei\"\n")
    r.expectError("`msgid` without a `msgstr`", at: "1️⃣")
    #expect(r.errors.count == 1)
  }

  @Test func duplicateContextAndMsgid() {
    let r = read("""
      msgctxt "a"
      msgid "Hej"
      msgstr "Moi"

      msgctxt "b"
      msgid "Hej"
      msgstr "Terve"

      1️⃣msgctxt "a"
      msgid "Hej"
      msgstr "Hei"

      """)
    r.expectError("appear twice", at: "1️⃣")
    #expect(r.errors.count == 1)
    #expect(r.errors.first?.hints.first?.contains("line 10") == true)
  }

  @Test func unknownEscapeAndTextAfterTheString() {
    let r = read("msgid \"a1️⃣\\qb\"\nmsgstr \"x\" 2️⃣y\n")
    r.expectError("unknown escape `\\q`", at: "1️⃣")
    r.expectError("unexpected text after the string", at: "2️⃣")
  }

  @Test func missingPlaceholderIsNamed() {
    let r = read("msgid \"Sida {{sida}} av {{sidor}}\"\n1️⃣msgstr \"Sivu {{sida}}\"\n")
    r.expectError("lacks `{{sidor}}`", at: "1️⃣")
    #expect(r.errors.count == 1)
  }

  @Test func addedOrMisspelledPlaceholder() {
    let r = read("""
      msgid "Ring {{telefon}}"
      1️⃣msgstr "Soita {{puhelin}}"

      """)
    r.expectError("lacks `{{telefon}}`", at: "1️⃣")
    r.expectError("has `{{puhelin}}`, which the Swedish text lacks", at: "1️⃣")
    #expect(r.errors.first?.hints.first == "did you mean `{{telefon}}` where the translation has `{{puhelin}}`?")
  }

  @Test func placeholderErrorOnAMultiLineMsgstrIsAtItsKeyword() {
    let r = read("msgid \"{{a}} och {{b}}\"\n1️⃣msgstr \"\"\n\"{{a}} \"\n\"ja\"\n")
    r.expectError("lacks `{{b}}`", at: "1️⃣")
  }

  @Test func fuzzyAndObsoleteEntriesAreNotChecked() {
    let r = read("""
      #, fuzzy
      msgid "Sida {{sida}} av {{sidor}}"
      msgstr "Sivu {{sida}}"

      #~ msgid "Ring {{telefon}}"
      #~ msgstr "Soita"

      """)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.catalog != nil)
  }

  @Test func changedLinkTargetIsAWarning() throws {
    let r = read("""
      msgid "Läs på [1177.se](https://www.1177.se/varmland)."
      1️⃣msgstr "Lue [1177.se](https://www.1177.se/fi)."

      """)
    r.expectWarning("changes the link targets", at: "1️⃣")
    #expect(r.errors.isEmpty)
    let c = try #require(r.catalog)
    #expect(c.translation(id: "", source: "Läs på [1177.se](https://www.1177.se/varmland).") != nil)
  }

  @Test func pluralEntriesAreIgnoredWithoutErrors() throws {
    let r = read("msgid \"en fil\"\nmsgid_plural \"filer\"\nmsgstr[0] \"tiedosto\"\nmsgstr[1] \"tiedostoa\"\n")
    #expect(r.diagnostics.isEmpty)
    #expect(try #require(r.catalog).entries.isEmpty)
  }

  @Test func allErrorsAreReportedTogetherInLineOrder() {
    let r = read("""
      msgid "Sida {{sida}} av {{sidor}}"
      1️⃣msgstr "Sivu {{sida}}"

      2️⃣mgsid "Hej"
      msgstr "Moi"

      msgid "Adjö"
      msgstr 3️⃣"Näkemiin

      """)
    r.expectError("lacks `{{sidor}}`", at: "1️⃣")
    r.expectError("unknown keyword `mgsid`", at: "2️⃣")
    r.expectError("unterminated string", at: "3️⃣")
    let lines = r.diagnostics.compactMap { $0.location?.line }
    #expect(lines == lines.sorted())
    // Each reads file:line:column: error: …
    #expect(r.errors.first?.description.hasPrefix("fi.po:11:1: error[NP0403]: the translation lacks") == true)
  }
}

/// Smaller syntax cases.
@Suite("POCatalog: more syntax")
struct POSyntaxTests {
  @Test func stringWithoutKeyword() {
    read("1️⃣\"lös text\"\n").expectError("a string with no keyword", at: "1️⃣")
  }

  @Test func secondMsgstr() {
    read("msgid \"Hej\"\nmsgstr \"Moi\"\n1️⃣msgstr \"Hei\"\n").expectError("a second `msgstr`", at: "1️⃣")
  }

  @Test func keywordWithoutString() {
    read("msgid \"Hej\"\nmsgstr1️⃣\n").expectError("`msgstr` needs a string", at: "1️⃣")
  }

  @Test func obsoleteEntryDoesNotClashWithTheActiveOne() throws {
    let r = read("""
      #~ msgid "Hej"
      #~ msgstr "Terve"

      msgid "Hej"
      msgstr "Moi"

      """)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    let c = try #require(r.catalog)
    #expect(c.translation(id: "", source: "Hej") == "Moi")
    #expect(c.entry(id: "", source: "Hej")?.obsolete == false)
  }

  @Test func anErrorDoesNotHideTheNextEntrysErrors() {
    let r = read("""
      msgid "Hej"
      msgstr 1️⃣"Moi

      msgid "{{a}}"
      2️⃣msgstr "b"

      """)
    r.expectError("unterminated string", at: "1️⃣")
    r.expectError("lacks `{{a}}`", at: "2️⃣")
    #expect(r.errors.count == 2)
  }
}
