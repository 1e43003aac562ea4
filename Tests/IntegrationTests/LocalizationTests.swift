import Foundation
import NaraLocalization
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Translations: the template out, translations in, every script and direction, overflow.
@Suite(.serialized) struct LocalizationTests {
  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  /// A copy of the layouts and assets in a fresh folder, so a test can add locales.
  func workspace() throws -> String {
    let dir = try tempDirectory()
    for sub in ["layouts", "assets"] {
      try FileManager.default.copyItem(atPath: repoRoot + "/" + sub, toPath: dir + "/" + sub)
    }
    return dir
  }

  /// The errors of a render that must fail; it must write nothing.
  func failedRender(_ layout: String, locale: String? = nil, in dir: String) throws -> [Diagnostic] {
    var options = RenderOptions()
    options.locale = locale
    defer { #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"), "a PDF was written") }
    do {
      _ = try pipeline().render(layout, to: dir + "/out.pdf", options: options)
      Issue.record("rendered \(layout) although it has errors")
      return []
    } catch let e as DiagnosticsError {
      return e.diagnostics
    }
  }

  @Test func theTemplateIsValidGettext() throws {
    let dir = try tempDirectory()
    let result = try StringsExtraction.extract([repoRoot + "/layouts"], pipeline: try pipeline())
    #expect(result.layouts.count == 3, "\(result.layouts)")
    let pot = POTWriter.pot(result.strings, creationDate: "2026-01-01 00:00+0000")
    try pot.write(toFile: dir + "/naraprint.pot", atomically: true, encoding: .utf8)
    let check = try run("msgfmt", ["-c", "-o", "/dev/null", dir + "/naraprint.pot"])
    #expect(check.status == 0, "\(check.err)")
    #expect(!check.err.contains("error"), "\(check.err)")
    // Every text of the poster is there, with its id as context and its line as reference.
    #expect(pot.contains("msgctxt \"malbild.titel\"\nmsgid \"Framtidens Värmland\""))
    #expect(pot.contains("#: layouts/components/malbild.yaml:"))
    #expect(pot.contains("msgctxt \"huvud.rubrik\"\nmsgid \"Samtal om nära vård\""), "kit sheets are extracted")
    // The translator's note says how much room there is.
    #expect(pot.range(of: #"#\. room: [\d.]+ mm wide lines, [\d.]+ mm of height at 11 pt in vad-ar-nara-vard\.yaml, page 1; the Swedish text fills \d+ %"#, options: .regularExpression) != nil)
    let initialised = try run("msginit", ["--no-translator", "-l", "fi", "-i", dir + "/naraprint.pot", "-o", dir + "/fi.po"])
    #expect(initialised.status == 0, "\(initialised.err)")
  }

  /// Extract, translate (here: mark every ”vård” in capitals), render, read the words back.
  @Test func roundTrip() throws {
    let dir = try workspace()
    let result = try StringsExtraction.extract([dir + "/layouts/vad-ar-nara-vard.yaml"], pipeline: try pipeline())
    var po = POTWriter.pot(result.strings.map { var s = $0; s.notes = []; return s }, creationDate: "2026-01-01 00:00+0000")
      .replacingOccurrences(of: "\"Language: \\n\"", with: "\"Language: zz\\n\"")
    // Fill each msgstr with its msgid, transformed.
    var filled: [String] = []
    for entry in po.components(separatedBy: "\n\n") {
      guard let idRange = entry.range(of: "msgid "), let strRange = entry.range(of: "\nmsgstr \"\"") else { filled.append(entry); continue }
      let msgid = String(entry[idRange.upperBound..<strRange.lowerBound])
      if msgid == "\"\"" { filled.append(entry); continue }
      filled.append(String(entry[..<strRange.lowerBound]) + "\nmsgstr " + msgid.replacingOccurrences(of: "vård", with: "VÅRD"))
    }
    po = filled.joined(separator: "\n\n")
    try FileManager.default.createDirectory(atPath: dir + "/layouts/locales", withIntermediateDirectories: true)
    try po.write(toFile: dir + "/layouts/locales/zz.po", atomically: true, encoding: .utf8)
    var options = RenderOptions()
    options.locale = "zz"
    let report = try pipeline().render(dir + "/layouts/vad-ar-nara-vard.yaml", to: dir + "/zz.pdf", options: options)
    #expect(!report.warnings.contains { [.untranslated, .fuzzyTranslation, .changedSource].contains($0.code) }, "every text was translated: \(report.warnings)")
    let text = try pdfText(dir + "/zz.pdf")
    #expect(text.contains("Vad är nära VÅRD"))
    #expect(text.contains("god och nära VÅRD, hälsa & omsorg"), "page 2 (the component) is translated too")
    #expect(!text.contains("nära vård"))
  }

  @Test func untranslatedTextsFallBackToSwedishAndAreNamed() throws {
    let dir = try workspace()
    try FileManager.default.createDirectory(atPath: dir + "/layouts/locales", withIntermediateDirectories: true)
    try """
      msgid ""
      msgstr ""
      "Language: en\\n"
      "Content-Type: text/plain; charset=UTF-8\\n"

      msgctxt "rubrik"
      msgid "Vad är nära vård – och varför behövs det?"
      msgstr "What is local care – and why do we need it?"

      #, fuzzy
      msgctxt "malbild.titel"
      msgid "Framtidens Värmland"
      msgstr "Future Värmland"

      """.write(toFile: dir + "/layouts/locales/en.po", atomically: true, encoding: .utf8)
    var options = RenderOptions()
    options.locale = "en"
    let report = try pipeline().render(dir + "/layouts/vad-ar-nara-vard.yaml", to: dir + "/en.pdf", options: options)
    let fallback = try #require(report.warnings.first { $0.code == .untranslated }, "\(report.warnings)")
    #expect(fallback.severity == .warning)
    #expect(fallback.message.hasPrefix("en: 49 of 51 texts use the Swedish, untranslated: "), "\(fallback.message)")
    // The fuzzy entry of the målbild on page 2 is not used, and named as fuzzy.
    let fuzzy = try #require(report.warnings.first { $0.code == .fuzzyTranslation })
    #expect(fuzzy.message.hasSuffix(": malbild.titel (line 11)"), "\(fuzzy.message)")
    let text = try pdfText(dir + "/en.pdf")
    #expect(text.contains("What is local care"))
    #expect(text.contains("Framtidens Värmland"))
    let json = try run("qpdf", ["--json=2", "--json-key=qpdf", dir + "/en.pdf"]).out
    #expect(json.contains("\"/Lang\": \"u:en\""), "the PDF carries the locale's language")
  }

  @Test func aBrokenCatalogIsAnErrorWithItsLine() throws {
    let dir = try workspace()
    try FileManager.default.createDirectory(atPath: dir + "/layouts/locales", withIntermediateDirectories: true)
    try """
      msgid ""
      msgstr ""
      "Content-Type: text/plain; charset=UTF-8\\n"

      msgctxt "rubrik"
      msgid "Vad är nära vård – och varför behövs det?"
      msgstr "Mikä on lähipalvelu

      """.write(toFile: dir + "/layouts/locales/fi.po", atomically: true, encoding: .utf8)
    let diagnostics = try failedRender(dir + "/layouts/vad-ar-nara-vard.yaml", locale: "fi", in: dir)
    let d = try #require(diagnostics.first { $0.message.hasPrefix("unterminated string") }, "\(diagnostics)")
    #expect(d.location?.file.hasSuffix("fi.po") == true && d.location?.line == 7 && d.location?.column == 8, "\(d)")
  }

  @Test func aMissingLocaleSaysHowToStartOne() throws {
    let diagnostics = try failedRender(repoRoot + "/layouts/vad-ar-nara-vard.yaml", locale: "se", in: try tempDirectory())
    #expect(diagnostics.first?.message.contains("no translation for `se`") == true)
    #expect(diagnostics.first?.hints.first?.hasPrefix("start one from the template: msginit -l se") == true)
  }

  /// A character no font has is an error naming the text and the character.
  @Test func aMissingGlyphIsAnError() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A5 }
      theme: theme.yaml
      pages:
        - items:
            - text: "Hej \\U0001F600 och \\u2A6A"
              id: hälsning
      """.write(toFile: dir + "/g.yaml", atomically: true, encoding: .utf8)
    let diagnostics = try failedRender(dir + "/g.yaml", in: dir)
    let d = try #require(diagnostics.first { $0.message.contains("no font can show") }, "\(diagnostics)")
    #expect(d.message.hasPrefix("text `hälsning` has characters no font can show: U+1F600"), "\(d.message)")
  }

  /// `strings status`: a row per locale and product; a fuzzy entry is named with its `.po` line;
  /// `--json` gives the same rows.
  @Test func statusPerProductNamesFuzzyEntriesAtTheirLine() throws {
    let dir = try workspace()
    // Mark the Finnish translation of the leaflet's heading fuzzy, as msgmerge does after a change.
    let fi = dir + "/layouts/locales/fi.po"
    var lines = try String(contentsOfFile: fi, encoding: .utf8).components(separatedBy: "\n")
    let ctxt = try #require(lines.firstIndex(of: "msgctxt \"rubrik\""), "fi.po has the heading")
    lines.insert("#, fuzzy", at: ctxt)
    try lines.joined(separator: "\n").write(toFile: fi, atomically: true, encoding: .utf8)
    let status = try LocaleStatus.run([dir + "/layouts"], localesDirectory: dir + "/layouts/locales",
                                      variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"], pipeline: try pipeline())
    #expect(Set(status.rows.map(\.product)) == ["apt-kit", "malbild-poster", "vad-ar-nara-vard"], "\(status.rows.map(\.product))")
    #expect(status.rows.count == 12)
    let leaflet = try #require(status.rows.first { $0.locale == "fi" && $0.product == "vad-ar-nara-vard" })
    #expect(leaflet.fuzzy == [LocaleStatus.Text(id: "rubrik", line: ctxt + 2)] && leaflet.untranslated.isEmpty && leaflet.changed.isEmpty, "\(leaflet)")
    let fuzzy = try #require(status.problems.first { $0.message.hasPrefix("fi, vad-ar-nara-vard: 1 of 51 texts use the Swedish, fuzzy") }, "\(status.problems.map(\.message))")
    #expect(fuzzy.message.hasSuffix(": rubrik (line \(ctxt + 2))"), "\(fuzzy.message)")
    #expect(fuzzy.location?.line == ctxt + 2 && fuzzy.location?.file.hasSuffix("fi.po") == true)
    #expect(status.table.contains("fi      vad-ar-nara-vard  50          1      0        0"), "\(status.table)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(status.json.utf8)) as? [[String: Any]])
    #expect(json.count == 12 && json.contains { ($0["fuzzy"] as? [[String: Any]])?.first?["id"] as? String == "rubrik" })
  }

  /// An error inside a translation is reported at the `.po` file's msgstr, with the text's id:
  /// a style the theme does not have, a link target the Swedish does not have.
  @Test func errorsInATranslationPointAtThePOFile() throws {
    let dir = try workspace()
    let en = dir + "/layouts/locales/en.po"
    var lines = try String(contentsOfFile: en, encoding: .utf8).components(separatedBy: "\n")
    // The first paragraph's translation names a style the theme lacks; the last one's link
    // goes elsewhere. Each is reported at its own msgstr (the line before its first piece).
    let ingress = try #require(lines.indices.first { lines[$0].hasPrefix("\"Local health care is a transition") })
    lines[ingress] = "\"{ingress} " + lines[ingress].dropFirst()
    let link = try #require(lines.indices.first { $0 > ingress && lines[$0].hasPrefix("\"At [regionvarmland.se/naravard](https://regionvarmland.se/naravard)") })
    lines[link] = lines[link].replacingOccurrences(of: "(https://regionvarmland.se/naravard)", with: "(https://example.com/x)")
    try lines.joined(separator: "\n").write(toFile: en, atomically: true, encoding: .utf8)
    let diagnostics = try failedRender(dir + "/layouts/vad-ar-nara-vard.yaml", locale: "en", in: dir)
    let style = try #require(diagnostics.first { $0.message == "no paragraph style `ingress` in the theme" }, "\(diagnostics)")
    #expect(style.location?.file.hasSuffix("layouts/locales/en.po") == true && style.location?.line == ingress, "\(String(describing: style.location))")
    #expect(style.hints.contains { $0.hasPrefix("in the translation of `text.p1`") }, "\(style.hints)")
    let changed = try #require(diagnostics.first { $0.message.hasPrefix("the translation of `text.p13` links to https://example.com/x") }, "\(diagnostics)")
    #expect(changed.location?.line == link)
    #expect(changed.hints.first == "keep the link target as in the Swedish: https://regionvarmland.se/naravard")
  }

  /// A translation much longer than the Swedish is named: locale, story, frame, page, how much.
  @Test func anOverflowingTranslationIsReported() throws {
    let dir = try workspace()
    try FileManager.default.createDirectory(atPath: dir + "/layouts/locales", withIntermediateDirectories: true)
    let long = Array(repeating: "This sentence makes the translation much longer than the Swedish text.", count: 8).joined(separator: " ")
    let paragraphs = try StringsExtraction.extract([dir + "/layouts/vad-ar-nara-vard.yaml"], pipeline: try pipeline())
      .strings.filter { $0.id.hasPrefix("text.") }
    #expect(paragraphs.count == 13)
    func escaped(_ s: String) -> String {
      s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
    let entries = paragraphs.map { "msgctxt \"\($0.id)\"\nmsgid \"\(escaped($0.source))\"\nmsgstr \"\(long)\"\n" }.joined(separator: "\n")
    try """
      msgid ""
      msgstr ""
      "Language: en\\n"
      "Content-Type: text/plain; charset=UTF-8\\n"

      \(entries)
      """.write(toFile: dir + "/layouts/locales/en.po", atomically: true, encoding: .utf8)
    var options = RenderOptions()
    options.locale = "en"
    let report = try pipeline().render(dir + "/layouts/vad-ar-nara-vard.yaml", to: dir + "/en.pdf", options: options)
    let warning = try #require(report.warnings.first { $0.message.contains("does not fit") })
    #expect(warning.message.hasPrefix("story `text` does not fit: "))
    #expect(warning.message.contains("left over after frame `spalt-2` on page 1"))
    let status = try LocaleStatus.run([dir + "/layouts/vad-ar-nara-vard.yaml"], localesDirectory: dir + "/layouts/locales", variables: [:],
                                      pipeline: try pipeline())
    #expect(status.table.contains("en "), "\(status.table)")
    #expect(status.table.contains("1 frame"), "\(status.table)")
    #expect(status.problems.contains { $0.message.hasPrefix("en: story `text` does not fit") })
  }
}

/// The shipped drafts: complete, marked as drafts, and rendered right in their scripts.
@Suite(.serialized) struct ShippedTranslationTests {
  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  @Test(arguments: ["en", "fi", "ar", "ti"])
  func theDraftIsCompleteAndMarked(locale: String) throws {
    let catalog = try POCatalog.read(path: repoRoot + "/layouts/locales/\(locale).po")
    let draft = catalog.isDraft, language = catalog.language
    #expect(draft, "\(locale).po is not marked as a draft")
    #expect(language == locale)
    // Every text of every product is translated and checked (none fuzzy, none left in Swedish).
    for layout in ["malbild-poster.yaml", "vad-ar-nara-vard.yaml", "apt-kit"] {
      let states = try Preflight.translationStates(repoRoot + "/layouts/" + layout, locale: locale,
                                                   variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"], pipeline: try pipeline())
      let open = states.filter { $0.state != .translated }
      #expect(!states.isEmpty && open.isEmpty, "\(locale), \(layout): \(open.map { "\($0.id) \($0.state)" })")
    }
    let check = try run("msgfmt", ["-c", "-o", "/dev/null", repoRoot + "/layouts/locales/\(locale).po"])
    #expect(check.status == 0, "\(check.err)")
  }

  /// Arabic runs right to left: the first column is on the right, the journey and the arrows
  /// turn round, web addresses stay left to right.
  @Test func arabicMirrorsTheLayout() throws {
    let p = try pipeline()
    let (doc, _, warnings) = try p.build(repoRoot + "/layouts/vad-ar-nara-vard.yaml", variables: [:], locale: "ar")
    #expect(!warnings.contains { [.untranslated, .fuzzyTranslation, .changedSource].contains($0.code) }, "untranslated texts: \(warnings)")
    #expect(doc.metadata.language == "ar")
    let (sv, _, _) = try p.build(repoRoot + "/layouts/vad-ar-nara-vard.yaml", variables: [:])
    func firstRun(_ d: PagedDocument, _ prefix: String, page: Int) -> GlyphRun? {
      for n in d.pages[page].nodes { if case .text(let t) = n, t.id.hasPrefix(prefix) { return t.runs.first } }
      return nil
    }
    let width = doc.pages[0].size.width
    // The story starts in the right-hand column in Arabic, the left-hand one in Swedish.
    let arStart = try #require(firstRun(doc, "text#1", page: 0)), svStart = try #require(firstRun(sv, "text#1", page: 0))
    #expect(svStart.origin.x < width / 2 && arStart.origin.x + arStart.width > width / 2, "\(arStart.origin.x) \(svStart.origin.x)")
    #expect(arStart.bidiLevel % 2 == 1, "Arabic runs are right to left")
    // Page 2: the arrows point the other way.
    let dump = doc.dump()
    #expect(dump.contains("\"←\"") && !dump.contains("\"→\""))
    // The link's address is isolated as a left-to-right run.
    #expect(dump.contains("\\u{2066}") || dump.contains("\u{2066}"), "no isolate around the address")
    // The PDF says Arabic.
    let dir = try tempDirectory()
    var options = RenderOptions()
    options.locale = "ar"
    _ = try p.render(repoRoot + "/layouts/vad-ar-nara-vard.yaml", to: dir + "/ar.pdf", options: options)
    #expect(try run("qpdf", ["--json=2", "--json-key=qpdf", dir + "/ar.pdf"]).out.contains("\"/Lang\": \"u:ar\""))
    #expect(try run("pdffonts", [dir + "/ar.pdf"]).out.contains("NotoSansArabic"))
  }

  @Test func tigrinyaUsesTheEthiopicFont() throws {
    let dir = try tempDirectory()
    var options = RenderOptions()
    options.locale = "ti"
    let report = try pipeline().render(repoRoot + "/layouts/vad-ar-nara-vard.yaml", to: dir + "/ti.pdf", options: options)
    #expect(!report.warnings.contains { [.untranslated, .fuzzyTranslation, .changedSource].contains($0.code) }, "\(report.warnings)")
    #expect(try run("pdffonts", [dir + "/ti.pdf"]).out.contains("NotoSansEthiopic"))
    let text = try pdfText(dir + "/ti.pdf")
    #expect(text.unicodeScalars.contains { (0x1200...0x137F).contains($0.value) }, "no Ethiopic text in the PDF")
  }
}
