import Foundation
import NaraCairo
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// The APT kit: one unit, a CSV of units, bad CSVs, and printing in black and white.
@Suite(.serialized) struct KitTests {
  static let kit = repoRoot + "/layouts/apt-kit"
  static let titles = ["Handledning för samtalsledaren", "Samtal om nära vård", "Var står vi i dag?",
                       "Det här testar vi hos oss", "Invånarnas värden i vårt arbete"]

  func pipeline() throws -> Pipeline { try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf") }

  func pageText(_ pdf: String, _ page: Int) throws -> String {
    let r = try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", pdf, "-"])
    return foldSpace(r.out.replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(of: "\u{00AD}", with: ""))
  }

  @Test func oneUnitGetsItsNameAndDateOnEveryPage() throws {
    let dir = try tempDirectory()
    var options = RenderOptions()
    options.variables = ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"]
    let report = try pipeline().render(Self.kit, to: dir + "/kit.pdf", options: options)
    #expect(report.pageCount == 5)
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    for (i, title) in Self.titles.enumerated() {
      let text = try pageText(dir + "/kit.pdf", i + 1)
      #expect(text.contains(title), "page \(i + 1) lacks its title")
      #expect(text.contains("Hemtjänst Norr"), "page \(i + 1) lacks the unit")
      #expect(text.contains("3 december 2026"), "page \(i + 1) lacks the date in Swedish form")
      #expect(text.contains("Sida \(i + 1) av 5"), "page \(i + 1) lacks its page number")
    }
    let info = try run("pdfinfo", [dir + "/kit.pdf"]).out
    #expect(info.contains("Title:           Nära vård på APT – Hemtjänst Norr"))
  }

  @Test func unsetVariablesAreNamed() throws {
    let dir = try tempDirectory()
    do {
      _ = try pipeline().render(Self.kit, to: dir + "/kit.pdf", options: RenderOptions())
      Issue.record("rendered without enhet and datum")
    } catch let e as DiagnosticsError {
      let messages = e.diagnostics.map(\.message)
      #expect(messages.contains("the variable `{{enhet}}` has no value"))
      #expect(messages.contains("the variable `{{datum}}` has no value"))
      #expect(e.diagnostics.count == 2, "one error per variable, not per use: \(messages)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/kit.pdf"))
  }

  func writeCSV(_ text: String, in dir: String, bytes: [UInt8]? = nil) throws -> String {
    let path = dir + "/enheter.csv"
    try Data(bytes ?? Array(text.utf8)).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let threeUnits = "enhet;datum\nHemtjänst Norr;2026-12-03\n\"Vårdcentralen Säffle\";2026-12-10\nÄldreboendet Solgläntan;2027-01-14\n"

  @Test func aCSVOfThreeUnitsGivesThreeKits() throws {
    let dir = try tempDirectory()
    var options = BatchOptions(dataFile: try writeCSV(Self.threeUnits, in: dir), namePattern: "apt-{{enhet}}.pdf", directory: dir,
                               combinedName: "alla.pdf")
    options.contactSheet = dir + "/översikt.png"
    let report = try Batch.run(Self.kit, options: options) { _ in }
    #expect(report.failures.isEmpty)
    #expect(report.rows == 3)
    for (unit, date) in [("Hemtjänst Norr", "3 december 2026"), ("Vårdcentralen Säffle", "10 december 2026"), ("Äldreboendet Solgläntan", "14 januari 2027")] {
      let pdf = dir + "/apt-\(unit).pdf"
      #expect(FileManager.default.fileExists(atPath: pdf), "missing \(pdf)")
      let text = try pageText(pdf, 5)
      #expect(text.contains(unit) && text.contains(date), "\(unit): \(text.prefix(200))")
    }
    // The contact sheet: 5 pages a row, 3 rows.
    let sheet = try PNGPixels(contentsOf: dir + "/översikt.png")
    #expect(sheet.width > sheet.height)
    #expect(sheet.width == Int(14 + 5 * (160 + 14.0)))
  }

  /// Names that collide – twice the same unit, and a unit really named like a numbered name –
  /// still give every row its own file, and the report counts what was written.
  @Test func collidingNamesGiveEveryRowItsOwnFile() throws {
    let dir = try tempDirectory()
    let csv = try writeCSV("enhet,datum\nNorr,2026-12-03\nNorr,2026-12-10\nNorr-2,2026-12-17\nNORR,2027-01-14\n", in: dir)
    let options = BatchOptions(dataFile: csv, namePattern: "apt-{{enhet}}.pdf", directory: dir, combinedName: "alla.pdf")
    let report = try Batch.run(Self.kit, options: options) { _ in }
    #expect(report.failures.isEmpty && report.rows == 4)
    let pdfs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".pdf") }.sorted()
    #expect(pdfs == ["apt-NORR-3.pdf", "apt-Norr-2-2.pdf", "apt-Norr-2.pdf", "apt-Norr.pdf"], "\(pdfs)")
    // The unit called ”Norr-2” is in its own file, not written over by the second ”Norr”.
    #expect(try pageText(dir + "/apt-Norr-2-2.pdf", 1).contains("17 december 2026"))
    #expect(try pageText(dir + "/apt-Norr-2.pdf", 1).contains("10 december 2026"))
  }

  @Test func combineMakesOnePDF() throws {
    let dir = try tempDirectory()
    var options = BatchOptions(dataFile: try writeCSV(Self.threeUnits, in: dir), namePattern: "x.pdf", directory: dir, combinedName: "alla.pdf")
    options.combine = true
    let report = try Batch.run(Self.kit, options: options) { _ in }
    #expect(report.written == [dir + "/alla.pdf"])
    #expect(try run("pdfinfo", [dir + "/alla.pdf"]).out.contains("Pages:           15"))
    #expect(try pageText(dir + "/alla.pdf", 6).contains("Vårdcentralen Säffle"))
    #expect(try pageText(dir + "/alla.pdf", 15).contains("Sida 5 av 5"))
  }

  @Test func aFailingRowDoesNotLoseTheOthers() throws {
    let dir = try tempDirectory()
    let csv = "enhet;datum\nHemtjänst Norr;2026-12-03\nVårdcentralen Säffle;2026-13-10\nÄldreboendet Solgläntan;\n"
    let options = BatchOptions(dataFile: try writeCSV(csv, in: dir), namePattern: "apt-{{enhet}}.pdf", directory: dir, combinedName: "alla.pdf")
    let report = try Batch.run(Self.kit, options: options) { _ in }
    #expect(report.written == [dir + "/apt-Hemtjänst Norr.pdf"])
    #expect(report.failures.map(\.line) == [3, 4])
    let bad = try #require(report.failures.first?.diagnostics.first)
    #expect(bad.message.contains("`2026-13-10`") && bad.message.contains("column `datum`"), "\(bad)")
    #expect(bad.location?.line == 3 && bad.location?.column == 22, "\(String(describing: bad.location))")
    let empty = try #require(report.failures.last?.diagnostics.first)
    #expect(empty.location?.line == 4, "an empty datum names row 4: \(empty)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/apt-Vårdcentralen Säffle.pdf"))
  }

  @Test(arguments: [
    ("enhet;datm\nA;2026-12-03\n", nil as [UInt8]?, "has no column `datum`", 1, 1),
    ("", nil, "the file is empty", 1, 1),
    ("", Array("enhet;datum\nHemtj".utf8) + [0xE4] + Array("nst;2026-12-03\n".utf8), "not valid UTF-8", 2, 6),
    ("enhet;datum\n\"Norr;2026-12-03\n", nil, "quote", 2, 1),
  ])
  func badCSVsAreNamedErrors(text: String, bytes: [UInt8]?, message: String, line: Int, column: Int) throws {
    let dir = try tempDirectory()
    let options = BatchOptions(dataFile: try writeCSV(text, in: dir, bytes: bytes), namePattern: "a.pdf", directory: dir, combinedName: "b.pdf")
    do {
      _ = try Batch.run(Self.kit, options: options) { _ in }
      Issue.record("accepted a bad CSV")
    } catch let e as DiagnosticsError {
      let d = try #require(e.diagnostics.first { $0.message.contains(message) }, "\(e.diagnostics)")
      #expect(d.location?.file.hasSuffix("enheter.csv") == true)
      #expect(d.location?.line == line && d.location?.column == column, "\(d)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".pdf") }.isEmpty)
  }

  /// Text and rules keep their contrast printed in black and white.
  @Test func greyscaleContrast() throws {
    let (doc, _, _) = try pipeline().build(Self.kit, variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"])
    var texts = 0, rules = 0
    for page in doc.pages {
      for (run, background) in ContrastTests().textOverBackgrounds(page) {
        #expect(Colour.contrast(run.colour.greyscale, background.greyscale) >= 4.5, "“\(run.text)” fades in greyscale")
        texts += 1
      }
      func visit(_ nodes: [Node]) {
        for n in nodes {
          // Thin rules are the lines and boxes to write in: at least 3:1 against white paper
          // (WCAG non-text contrast). The thick amber accent under the header is decoration.
          if case .path(let p) = n, let s = p.stroke, s.width.points <= 1.5 {
            #expect(Colour.contrast(s.colour.greyscale, .white) >= 3, "a rule in \(s.colour.hex) fades in greyscale")
            rules += 1
          }
          if case .group(let g) = n { visit(g.children) }
        }
      }
      visit(page.nodes)
    }
    #expect(texts > 100 && rules > 50)
  }

  /// A table's rows grow with their text, and empty rows keep their writing height.
  @Test func tableRowsGrowWithText() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try """
      document: { size: A4 }
      theme: theme.yaml
      pages:
        - items:
            - table:
                id: t
                columns: [30mm, 1fr]
                header: [Tid, Moment]
                rows:
                  - ["5 min", "Kort"]
                  - ["10 min", "\(Array(repeating: "Ett längre moment som behöver flera rader i cellen.", count: 8).joined(separator: " "))"]
                  - []
                row-height: 15mm
                style: tabell
      """.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
    let p = try pipeline()
    let doc = try p.layout(try p.load(dir + "/t.yaml").document).document
    // Cell borders: the rects' heights per row.
    var heights: [Double] = []
    func visit(_ nodes: [Node]) {
      for n in nodes {
        if case .path(let path) = n, path.stroke != nil, let b = path.path.bounds, b.minX < 60 { heights.append(b.height) }
        if case .group(let g) = n { visit(g.children) }
      }
    }
    visit(doc.pages[0].nodes)
    #expect(heights.count == 4, "\(heights)")
    let mm = heights.map { Length(points: $0).millimetres }
    #expect(mm[0] < 15, "the header row is as tall as its text: \(mm)")
    #expect(abs(mm[1] - 15) < 0.1, "a short row keeps its writing height: \(mm)")
    #expect(mm[2] > 20, "a long text makes its row taller: \(mm)")
    #expect(abs(mm[3] - 15) < 0.1, "an empty row keeps its writing height: \(mm)")
  }

  /// The sheets as an office printer and a table of colleagues need them (design.md): nothing
  /// printed within 5 mm of the edge, one six-column grid on every sheet, writing room down to
  /// the footer, tick boxes level with their label's first line, rating numbers outside the
  /// boxes, and ”i dag”.
  @Test func sheetsFollowTheKitGrid() throws {
    let (doc, _, _) = try pipeline().build(Self.kit, variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"])
    let mm = 72 / 25.4
    let edges = [16.0, 39, 47, 70, 78, 101, 109, 132, 140, 163, 171, 194]
    for (i, page) in doc.pages.enumerated() {
      var shapes: [Rect] = []
      var rules: [Rect] = []
      func visit(_ nodes: [Node], _ t: Transform) {
        for n in nodes {
          switch n {
          case .path(let p):
            guard let b = p.path.bounds else { continue }
            let box = t.apply(b)
            shapes.append(box)
            // Each horizontal stroke (a writing line, the footer's rule) on its own.
            guard p.stroke != nil, p.fill == nil, !p.path.commands.contains(.close) else { continue }
            var start: Point?
            for c in p.path.commands {
              switch c {
              case .move(let q): start = q
              case .line(let q):
                if let a = start, abs(a.y - q.y) < 0.01 { rules.append(t.apply(Rect(x: min(a.x, q.x), y: a.y, width: abs(q.x - a.x), height: 0))) }
                start = q
              default: start = nil
              }
            }
          case .group(let g): visit(g.children, g.transform.then(t))
          default: break
          }
        }
      }
      visit(page.nodes, .identity)
      // No full-bleed band: every shape at least 5 mm inside the sheet.
      for b in shapes {
        #expect(b.minX >= 5 * mm - 0.5 && b.minY >= 5 * mm - 0.5 && b.maxX <= page.size.width - 5 * mm + 0.5,
                "sheet \(i + 1): a shape within 5 mm of the edge at \(b.minX / mm), \(b.minY / mm) mm")
      }
      // Writing lines and rules start and end on the grid.
      for r in rules {
        #expect(edges.contains { abs($0 - r.minX / mm) < 0.3 } && edges.contains { abs($0 - r.maxX / mm) < 0.3 },
                "sheet \(i + 1): a rule from \(r.minX / mm) to \(r.maxX / mm) mm")
      }
      // The lowest writing line is near the footer: the sheet does not end in empty space.
      let lowest = rules.filter { $0.minY < 270 * mm }.map(\.minY).max() ?? 0
      if [0, 1, 2, 3].contains(i) { #expect(lowest > 255 * mm, "sheet \(i + 1): the last writing line is at \(lowest / mm) mm") }
    }
    let dump = doc.dump()
    #expect(!dump.contains("idag"), "”i dag”, not ”idag”")
    // Rating numbers are set under the boxes, not in them.
    #expect(!dump.contains("förflyttning-1.1.2.steg-1#"), "\(dump.prefix(0))")
    #expect(dump.contains("tal-1#1"))
  }

  /// A tick box sits level with the first line of its label, also when the label wraps.
  @Test func tickBoxesAlignWithTheFirstLine() throws {
    let (doc, _, _) = try pipeline().build(Self.kit, variables: ["enhet": "Hemtjänst Norr", "datum": "2026-12-03"])
    var checked = 0
    for page in doc.pages {
      var boxes: [(id: String, centre: Double)] = []
      var firstBaselines: [String: (baseline: Double, size: Double)] = [:]
      func visit(_ nodes: [Node], _ t: Transform) {
        for n in nodes {
          switch n {
          case .path(let p):
            if let owner = p.owners.last, owner.hasSuffix(".ruta"), let b = p.path.bounds {
              let r = t.apply(b); boxes.append((String(owner.dropLast(5)), r.minY + r.height / 2))
            }
          case .text(let text):
            if let owner = text.owners.last, owner.hasSuffix(".text"), firstBaselines[String(owner.dropLast(5))] == nil, let run = text.runs.first {
              firstBaselines[String(owner.dropLast(5))] = (t.apply(run.origin).y, run.font.size)
            }
          case .group(let g): visit(g.children, g.transform.then(t))
          default: break
          }
        }
      }
      visit(page.nodes, .identity)
      for box in boxes {
        guard let line = firstBaselines[box.id] else { continue }
        // The box's centre sits at the first line's middle: about a third of the size above
        // its baseline (the height of a lower-case letter's middle), within 1 mm.
        let middle = line.baseline - line.size * 0.35
        #expect(abs(box.centre - middle) < 72 / 25.4, "\(box.id): box centre \(box.centre), line middle \(middle)")
        checked += 1
      }
    }
    #expect(checked >= 9, "tick boxes checked: \(checked)")
  }
}
