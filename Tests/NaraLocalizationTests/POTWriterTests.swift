import Foundation
import NaraLocalization
import NaraModel
import Testing

/// The template: its exact layout, and that GNU gettext's tools accept it.
@Suite("POTWriter")
struct POTWriterTests {
  let date = "2025-03-01 12:00+0100"

  @Test func smallTemplateIsExact() {
    let pot = POTWriter.pot(
      [TranslatableString(
        id: "rubrik", source: "Vad är nära vård?",
        references: [SourceLocation(file: "layouts/a.yaml", line: 12, column: 3)], notes: ["Rubrik, 2 rader"])],
      creationDate: date)
    #expect(pot == """
      # Swedish texts of naraprint leaflets and posters, for translation.
      # Translate each msgstr; keep {{variables}} and link targets (…) exactly as they are.
      #
      #, fuzzy
      msgid ""
      msgstr ""
      "Project-Id-Version: naraprint\\n"
      "Report-Msgid-Bugs-To: \\n"
      "POT-Creation-Date: 2025-03-01 12:00+0100\\n"
      "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
      "Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
      "Language-Team: LANGUAGE <LL@li.org>\\n"
      "Language: \\n"
      "MIME-Version: 1.0\\n"
      "Content-Type: text/plain; charset=UTF-8\\n"
      "Content-Transfer-Encoding: 8bit\\n"

      #. Rubrik, 2 rader
      #: layouts/a.yaml:12
      msgctxt "rubrik"
      msgid "Vad är nära vård?"
      msgstr ""

      """)
  }

  @Test func outputIsDeterministicAndSortedByReference() {
    let a = POTWriter.pot(sampleStrings, creationDate: date)
    #expect(a == POTWriter.pot(sampleStrings.reversed(), creationDate: date))
    #expect(a == POTWriter.pot(sampleStrings + sampleStrings, creationDate: date))  // duplicates merged
    let ids = a.split(separator: "\n").filter { $0.hasPrefix("msgctxt ") }
    #expect(ids == [
      "msgctxt \"kit.rad\"", "msgctxt \"kit.ord\"", "msgctxt \"rubrik\"", "msgctxt \"malbild.värde-1.citat\"",
      "msgctxt \"sidfot.sida\"",
    ])
  }

  @Test func duplicatesMergeReferencesAndEmptyTextsAreLeftOut() {
    let r1 = SourceLocation(file: "b.yaml", line: 5, column: 1), r2 = SourceLocation(file: "a.yaml", line: 9, column: 1)
    let pot = POTWriter.pot([
      TranslatableString(id: "x", source: "Hej", references: [r1], notes: ["n"]),
      TranslatableString(id: "x", source: "Hej", references: [r2], notes: ["n"]),
      TranslatableString(id: "tom", source: "", references: [r2]),
      TranslatableString(id: "utan-plats", source: "Sist"),
    ], creationDate: date)
    #expect(pot.hasSuffix("""

      #. n
      #: b.yaml:5
      #: a.yaml:9
      msgctxt "x"
      msgid "Hej"
      msgstr ""

      msgctxt "utan-plats"
      msgid "Sist"
      msgstr ""

      """))
    #expect(!pot.contains("\"tom\""))
  }

  @Test func longTextsWrapTheGettextWay() {
    let pot = POTWriter.pot(sampleStrings, creationDate: date)
    let lines = pot.split(separator: "\n", omittingEmptySubsequences: false)
    // The quote: `msgid ""`, then pieces of at most 79 columns that end after a space.
    let start = try! #require(lines.firstIndex(of: "msgctxt \"malbild.värde-1.citat\"")) + 1
    #expect(lines[start] == "msgid \"\"")
    var piece = start + 1
    while lines[piece].hasPrefix("\"") {
      #expect(lines[piece].count <= 79, "\(lines[piece])")
      if lines[piece + 1].hasPrefix("\"") { #expect(lines[piece].hasSuffix(" \"")) }
      piece += 1
    }
    #expect(piece - start - 1 >= 3)
    // Inner line breaks end their line; quotes, tab and backslash are escaped.
    #expect(pot.contains("""
      msgid ""
      "**{{enhet}}**\\n"
      "{{datum|datum}}\\n"
      "\\tEn rad med \\"citattecken\\" och \\\\ snedstreck"
      """))
    // A word longer than the line runs on to the next space.
    let word = "Ettmycketlångtordutanmellanslagsomintekanbrytasnågonstansiallafallintepåvanligtvisochsomfortsätter"
    #expect(pot.contains("\n\"\(word) \"\n\"lite till\"\n"))
  }

  @Test func msgfmtAcceptsTheTemplate() throws {
    let g = try Gettext()
    defer { g.remove() }
    try g.write("naraprint.pot", POTWriter.pot(sampleStrings, creationDate: date))
    let r = try g.run("msgfmt", ["-c", "--check-format", "-o", "/dev/null", "naraprint.pot"])
    #expect(r.status == 0, "\(r.stderr)")
    // Only the template's placeholder header values are mentioned, nothing about the entries.
    let complaints = r.stderr.split(separator: "\n").filter { !$0.contains("still has the initial default value") }
    #expect(complaints.isEmpty, "\(complaints)")
    // gettext reads every text as written: msgcat keeps the same entries.
    try g.check("msgcat", ["-o", "again.pot", "naraprint.pot"])
    let again = try POCatalog.read(path: g.path("again.pot"))
    for s in sampleStrings { #expect(again.entry(id: s.id, source: s.source) != nil, "\(s.id)") }
  }

  /// POT → msginit → translate (msgen + msgfilter) → POCatalog, and → msgfmt → msgunfmt → POCatalog.
  @Test func msginitThenTranslateAndReadBack() throws {
    let g = try Gettext()
    defer { g.remove() }
    try g.write("naraprint.pot", POTWriter.pot(sampleStrings, creationDate: date))
    try g.check("msginit", ["--no-translator", "-l", "fi", "-i", "naraprint.pot", "-o", "fi.po"])
    let empty = try POCatalog.read(path: g.path("fi.po"))
    #expect(empty.language == "fi")
    #expect(!empty.isDraft)
    #expect(empty.headerFields["Plural-Forms"] == "nplurals=2; plural=(n != 1);")
    #expect(empty.status(for: sampleStrings) == (translated: 0, fuzzy: 0, untranslated: 5))
    #expect(empty.entry(id: "rubrik", source: "Vad är nära vård?")?.msgstr == "")

    // Every msgstr := msgid, then "Sida" → "Sivu" (msgfilter runs sed on each msgstr).
    try g.check("msgen", ["-o", "en.po", "fi.po"])
    try g.check("msgfilter", ["--keep-header", "-i", "en.po", "-o", "fi-done.po", "sed", "-e", "s/Sida/Sivu/"])
    let done = try POCatalog.read(path: g.path("fi-done.po"))
    #expect(done.translation(id: "sidfot.sida", source: "Sida {{sida}} av {{sidor}}") == "Sivu {{sida}} av {{sidor}}")
    for s in sampleStrings where s.id != "sidfot.sida" {
      #expect(done.translation(id: s.id, source: s.source) == s.source, "\(s.id)")
    }
    #expect(done.status(for: sampleStrings) == (translated: 5, fuzzy: 0, untranslated: 0))

    // Escapes survive gettext's own binary form too.
    try g.check("msgfmt", ["-c", "-o", "fi.mo", "fi-done.po"])
    try g.check("msgunfmt", ["-o", "back.po", "fi.mo"])
    let back = try POCatalog.read(path: g.path("back.po"))
    for s in sampleStrings {
      #expect(back.translation(id: s.id, source: s.source) == done.translation(id: s.id, source: s.source), "\(s.id)")
    }

    // A fuzzy entry (as msgmerge leaves it) is not used.
    let fuzzy = try g.contents("fi-done.po").replacingOccurrences(
      of: "msgctxt \"rubrik\"", with: "#, fuzzy\nmsgctxt \"rubrik\"")
    try g.write("fi-fuzzy.po", fuzzy)
    let f = try POCatalog.read(path: g.path("fi-fuzzy.po"))
    #expect(f.translation(id: "rubrik", source: "Vad är nära vård?") == nil)
    #expect(f.entry(id: "rubrik", source: "Vad är nära vård?")?.fuzzy == true)
    #expect(f.status(for: sampleStrings) == (translated: 4, fuzzy: 1, untranslated: 0))
  }

  @Test func msgmergeMarksChangedTextsFuzzyAndTheyAreNotUsed() throws {
    let g = try Gettext()
    defer { g.remove() }
    let old = [TranslatableString(
      id: "rubrik", source: "Vad är nära vård?", references: [SourceLocation(file: "a.yaml", line: 1, column: 1)])]
    try g.write("old.pot", POTWriter.pot(old, creationDate: date))
    try g.check("msginit", ["--no-translator", "-l", "fi", "-i", "old.pot", "-o", "fi.po"])
    try g.write("fi.po", try g.contents("fi.po").replacingOccurrences(
      of: "msgid \"Vad är nära vård?\"\nmsgstr \"\"", with: "msgid \"Vad är nära vård?\"\nmsgstr \"Mitä on lähihoito?\""))
    var new = old
    new[0].source = "Vad är nära vård egentligen?"
    try g.write("new.pot", POTWriter.pot(new, creationDate: date))
    try g.check("msgmerge", ["--update", "--backup=none", "--previous", "fi.po", "new.pot"])
    let c = try POCatalog.read(path: g.path("fi.po"))
    let e = try #require(c.entry(id: "rubrik", source: "Vad är nära vård egentligen?"))
    #expect(e.fuzzy)
    #expect(e.msgstr == "Mitä on lähihoito?")
    #expect(e.previousMsgid == "Vad är nära vård?")
    #expect(c.translation(id: "rubrik", source: "Vad är nära vård egentligen?") == nil)
  }
}

/// Texts at the edges of wrapping and escaping come back exactly, through our reader and gettext's.
@Suite("POTWriter: round trip")
struct RoundTripTests {
  static let tricky: [String] = {
    var texts = [
      "\n", "slutar med radbrytning\n", "\nbörjar med radbrytning", "två\n\ntomma", "  mellanslag runt  ",
      "citat \"i\" citat", "snedstreck \\n är inte radbrytning", "tab\tmitt i", "vagnretur\r\nrad",
      "styrtecken \u{07}\u{1B}", "emoji 🧑‍⚕️ och 1177", "höger-till-vänster: \u{2066}1177.se\u{2069}",
    ]
    // Lengths around the point where a line must wrap (79 columns with `msgid "` and quotes).
    for n in 68...80 { texts.append(String(repeating: "ä", count: n - 10) + " tio tecke") }
    for n in 74...80 { texts.append(String(repeating: "a ", count: n / 2) + "\"\\") }
    return texts
  }()

  static let strings = tricky.enumerated().map { i, t in
    TranslatableString(id: "t\(i)", source: t, references: [SourceLocation(file: "x.yaml", line: i + 1, column: 1)])
  }

  @Test func ourReaderReadsEveryTextBack() throws {
    let pot = POTWriter.pot(Self.strings, creationDate: "2025-01-01 00:00+0000")
    let c = try POCatalog.parse(Data(pot.utf8), file: "naraprint.pot")
    #expect(c.isDraft)
    #expect(c.entries.count == Self.strings.count)
    for s in Self.strings { #expect(c.entry(id: s.id, source: s.source) != nil, "\(s.source.debugDescription)") }
    for line in pot.split(separator: "\n") where line.hasPrefix("\"") && line.contains(" ") {
      #expect(line.count <= 79, "\(line)")
    }
  }

  @Test func gettextReadsEveryTextTheSame() throws {
    let g = try Gettext()
    defer { g.remove() }
    try g.write("x.pot", POTWriter.pot(Self.strings, creationDate: "2025-01-01 00:00+0000"))
    try g.check("msgfmt", ["-c", "--check-format", "-o", "/dev/null", "x.pot"])
    // msgen copies each msgid into its msgstr; msgfmt → msgunfmt passes them through gettext's binary form.
    try g.check("msginit", ["--no-translator", "-l", "fi", "-i", "x.pot", "-o", "fi.po"])
    try g.check("msgen", ["-o", "en.po", "fi.po"])
    try g.check("msgfmt", ["-o", "x.mo", "en.po"])
    try g.check("msgunfmt", ["-o", "back.po", "x.mo"])
    // naraprint refuses a translation with a control character (it would cut or garble the
    // text): the one text that has them must come back as that error, at its msgstr.
    do {
      _ = try POCatalog.read(path: g.path("back.po"))
      Issue.record("a translation with control characters was accepted")
    } catch {
      #expect(error.diagnostics.count == 1 && error.diagnostics[0].message.hasPrefix("the translation contains the control character U+0007"),
              "\(error.diagnostics)")
    }
    let withoutControl = try String(contentsOfFile: g.path("back.po"), encoding: .utf8)
      .components(separatedBy: "\n\n").filter { !$0.contains("styrtecken") }.joined(separator: "\n\n")
    let back = try POCatalog.parse(Data(withoutControl.utf8), file: "back.po")
    for s in Self.strings where !s.source.contains("\u{07}") {
      #expect(back.translation(id: s.id, source: s.source) == s.source, "\(s.source.debugDescription)")
    }
  }
}
