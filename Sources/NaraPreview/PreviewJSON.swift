import Foundation
import NaraModel
import NaraPageTree

/// The preview's JSON: what `/api/state` and `/api/source` answer.
enum PreviewJSON {
  static func state(_ s: PreviewState) -> Data {
    encode(StateForm(s))
  }

  static func source(_ excerpt: SourceExcerpt) -> Data {
    encode(excerpt)
  }

  private static func encode(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Every value here is a string, number or array of them: encoding cannot fail.
    return (try? encoder.encode(value)) ?? Data("{}".utf8)
  }

  struct StateForm: Encodable {
    var generation: Int
    var pagesGeneration: Int
    var ok: Bool
    var layout: String
    var output: String
    var milliseconds: Int
    var time: String
    var settings: SettingsForm
    var locales: [String]
    var variables: [VariableValue]
    var rows: [String]
    var diagnostics: [DiagnosticJSON]
    var errors: Int
    var warnings: Int
    var pages: [PageForm]

    init(_ s: PreviewState) {
      generation = s.generation; pagesGeneration = s.pagesGeneration; ok = s.ok
      layout = s.layout; output = s.output; milliseconds = s.milliseconds
      time = ISO8601DateFormatter().string(from: s.time)
      settings = SettingsForm(locale: s.settings.locale, row: s.settings.row, variables: s.settings.variables)
      locales = s.locales; variables = s.variables; rows = s.rows
      diagnostics = s.diagnostics.map(DiagnosticJSON.init)
      errors = s.diagnostics.filter { $0.severity == .error }.count
      warnings = s.diagnostics.filter { $0.severity == .warning }.count
      pages = s.pages.map { PageForm($0, generation: s.pagesGeneration) }
    }
  }

  struct SettingsForm: Encodable {
    var locale: String?
    var row: Int?
    var variables: [String: String]
    func encode(to encoder: Encoder) throws {
      enum Key: String, CodingKey { case locale, row, variables }
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(locale, forKey: .locale)
      try c.encode(row, forKey: .row)
      try c.encode(variables, forKey: .variables)
    }
  }

  struct PageForm: Encodable {
    var number: Int
    var width: Double
    var height: Double
    var svg: String
    var thumbnail: String
    var blocks: [BlockForm]
    init(_ p: PreviewPage, generation: Int) {
      number = p.number; width = p.width; height = p.height
      svg = "/pages/\(generation)/\(p.number).svg"
      thumbnail = "/thumbs/\(generation)/\(p.number).png"
      blocks = p.blocks.map(BlockForm.init)
    }
  }

  struct BlockForm: Encodable {
    var id: String
    var item: String?
    var owners: [String]
    var file: String?
    var line: Int?
    var column: Int?
    var placedBy: String?
    /// Where the item that places the text is written, when its words are written elsewhere.
    var itemAt: String?
    var text: String
    var x, y, width, height: Double
    init(_ b: PageInspection.TextBlock) {
      id = b.id; item = b.owners.last; owners = b.owners
      // The block's own words first: that is what a reader wants to change.
      if let s = b.written ?? b.source, s.line > 0 { file = s.file; line = s.line; column = s.column }
      if let w = b.written, w.line > 0, let s = b.source, s.line > 0, s != w { itemAt = s.description }
      placedBy = b.placedBy.map(\.description)
      text = b.text.count > 1000 ? String(b.text.prefix(1000)) + "…" : b.text
      func r(_ v: Double) -> Double { (v * 100).rounded() / 100 }
      x = r(b.box.minX); y = r(b.box.minY); width = r(b.box.width); height = r(b.box.height)
    }
  }
}
