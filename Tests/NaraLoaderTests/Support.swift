import Foundation
import NaraLoader
import NaraModel
import TestSupport
import Testing

/// Where a marker stood in a fixture: the file it was in and its 1-based line and column.
/// Columns count Unicode scalars, as libyaml (and so Yams' `Mark.column`) does.
struct MarkerPosition: Equatable, CustomStringConvertible {
  var file: String
  var line: Int
  var column: Int
  var description: String { "\(file):\(line):\(column)" }
}

/// A theme small enough to read at a glance, with names the fixtures misspell on purpose.
let testTheme = """
  colours:
    skog: "#1f5c4a"
    text: "#1d1d1b"
    vit: "#ffffff"
  fonts:
    body: Noto Sans
  default-style: bröd
  styles:
    bröd: { font: body, size: 11pt, leading: 1.3, colour: text }
    rubrik: { font: body, weight: bold, size: 20pt, colour: skog }
    punkt: { based-on: bröd, list-indent: 5mm }
  character-styles:
    accent: { colour: skog }
    stark: { weight: bold }
  markup:
    heading-1: rubrik
    list-item: punkt
    strong: stark
  """

/// A whole layout around some items on page 1 (indented under `- items:`), with more
/// top-level keys (`components:` …) after it.
func onPage(_ items: String, document: String = "{ size: A4 }", after: String = "") -> String {
  let indented = items.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }
  return """
    document: \(document)
    theme: theme.yaml
    pages:
      - items:
    \(indented.joined(separator: "\n"))
    \(after)
    """
}

/// What loading a fixture gave.
struct LoadOutcome {
  let markers: [String: MarkerPosition]
  let diagnostics: [Diagnostic]
  let loaded: LoadedLayout?

  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// Expects an error whose message contains `message` at exactly `marker`'s position.
  func expectError(
    _ message: String, at marker: String, hint: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard let want = markers[marker] else {
      Issue.record("no marker \(marker) in the fixture", sourceLocation: sourceLocation); return
    }
    let matching = errors.filter { d in
      d.message.contains(message) && (hint.map { h in d.hints.contains { $0.contains(h) } } ?? true)
    }
    guard let d = matching.first else {
      let wanted = "no error containing “\(message)”" + (hint.map { " with hint “\($0)”" } ?? "")
      let got = diagnostics.map(\.description).joined(separator: "\n")
      Issue.record(Comment(rawValue: wanted + "; got:\n" + got), sourceLocation: sourceLocation)
      return
    }
    let got = d.location.map { MarkerPosition(file: ($0.file as NSString).lastPathComponent, line: $0.line, column: $0.column) }
    #expect(got == want, "“\(d.message)” should point at \(marker)", sourceLocation: sourceLocation)
  }
}

/// Writes the layout (`layout.yaml`), the theme (`theme.yaml`, unless nil) and any other
/// files into a fresh temporary directory, and loads the layout.
func load(
  _ layout: String, theme: String? = testTheme, files: [String: String] = [:], binary: [String: [UInt8]] = [:],
  variables: [String: String] = [:]
) -> LoadOutcome {
  let dir = URL(fileURLWithPath: try! tempDirectory(prefix: "nara-loader"))
  defer { try? FileManager.default.removeItem(at: dir) }
  var all = files
  all["layout.yaml"] = layout
  if let theme { all["theme.yaml"] = theme }
  var markers: [String: MarkerPosition] = [:]
  for (name, content) in all {
    let marked = MarkedText(content)
    for (m, p) in marked.markers { markers[m] = MarkerPosition(file: name, line: p.line, column: p.column) }
    let url = dir.appendingPathComponent(name)
    try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! Data(marked.text.utf8).write(to: url)
  }
  for (name, bytes) in binary { try! Data(bytes).write(to: dir.appendingPathComponent(name)) }
  do {
    let loaded = try LayoutLoader(variables: variables).load(path: dir.appendingPathComponent("layout.yaml").path)
    return LoadOutcome(markers: markers, diagnostics: loaded.warnings, loaded: loaded)
  } catch {
    return LoadOutcome(markers: markers, diagnostics: error.diagnostics, loaded: nil)
  }
}

/// Every item of a document, depth first.
func allItems(_ items: [Item]) -> [Item] {
  items.flatMap { item -> [Item] in
    switch item.kind {
    case .group(let g): [item] + allItems(g.items)
    case .stack(let s): [item] + allItems(s.items)
    case .grid(let g): [item] + allItems(g.items)
    case .text, .shape, .image: [item]
    }
  }
}

extension Item {
  var textFrame: TextFrame? { if case .text(let t) = kind { t } else { nil } }
  /// The plain text of every text frame in this item (itself included), in order.
  var texts: [String] { allItems([self]).compactMap { $0.textFrame }.flatMap { $0.blocks.map(\.plainText) } }
}

extension LoadOutcome {
  func item(_ id: String) -> Item? {
    loaded.flatMap { doc in allItems(doc.document.pages.flatMap(\.items)).first { $0.id == id } }
  }
}
