/// The kinds of item, as the first key of an item's mapping. Every switch over them is
/// exhaustive, so a new kind is a compile error wherever it must be handled.
public enum ItemKindName: String, Sendable, CaseIterable {
  case text, rect, ellipse, bubble, line, arrow, path, image, group, stack, row, grid, use, lines, checkbox, rating, table, qr

  /// Whether the kind holds other items (`- row: [ … ]` is short for `items:`).
  public var isContainer: Bool {
    switch self {
    case .group, .stack, .row, .grid: true
    case .text, .rect, .ellipse, .bubble, .line, .arrow, .path, .image, .use, .lines, .checkbox, .rating, .table, .qr: false
    }
  }

  /// What the kind's own key may hold instead of a mapping of properties.
  public var mainValue: ValueType {
    switch self {
    case .text, .image, .path, .use, .qr, .checkbox: .text
    case .lines: .integer(1...200)
    case .group, .stack, .row, .grid: .items
    case .rect, .ellipse, .bubble, .line, .arrow, .rating, .table: .none
    }
  }

  /// The key the main value stands for (`- image: foto.jpg` is `src: foto.jpg`).
  public var mainKey: String? {
    switch self {
    case .text: "content"
    case .image: "src"
    case .path: "d"
    case .use: "component"
    case .qr: "data"
    case .checkbox: "label"
    case .lines: "count"
    case .group, .stack, .row, .grid: "items"
    case .rect, .ellipse, .bubble, .line, .arrow, .rating, .table: nil
    }
  }
}

extension FormatSchema {
  /// Keys every item takes.
  public static let commonItemKeys: [KeySpec] = [
    KeySpec("id", .text, "stable id for translations and messages; derived from the item's place when absent (`p1.3.2`)"),
    KeySpec("at", .point, "`[x, y]` from the parent's top and start edge (on a page, in a group or a component)"),
    KeySpec("anchor", .either([.name("item id"), .section(.anchor)]), "instead of `at`: hang the item from an item placed before it"),
    KeySpec("on", .either([.name("item id"), .list(.name("item id"))]), "the shapes this item's texts sit on on purpose (`check` keeps them clear of the rest)"),
    KeySpec("size", .point, "`[width, height]`"),
    KeySpec("width", .dimension, "a length, `auto`, a share (`1fr`) or a percentage (`50%`)", default: "auto"),
    KeySpec("height", .dimension, "a length, `auto`, a share (`1fr`) or a percentage (`50%`)", default: "auto"),
    KeySpec("rotate", .angle, "degrees (`15deg`) about the item's centre", default: "0"),
    KeySpec("scale", .number(0.01...100), "a factor, from the top-left corner", default: "1"),
    KeySpec("opacity", .number(0...1), "0–1", default: "1"),
    KeySpec("role", .choice(["content", "figure", "artifact"], aliases: ["decoration"]), "`figure` needs `alt`; `artifact` is decoration screen readers skip", default: "content"),
    KeySpec("alt", .text, "alternative text; `alt: \"\"` marks an image as decoration"),
    KeySpec("min-height", .length(negative: false), "the item grows to at least this height"),
  ]

  static let fill = KeySpec("fill", .colour, "the fill colour")
  static let strokeKey = KeySpec("stroke", .stroke, "a colour (1 pt wide) or `{colour, width, dash, cap, join}`")
  static let radius = KeySpec("radius", .length(negative: false), "corner radius", default: "0")
  static let tailKey = KeySpec("tail", .section(.tail), "the speech bubble's tail")
  static let overflow = KeySpec("overflow", .choice(["warn", "error", "shrink"]), "what happens when the content does not fit", default: "warn")
  static let style = KeySpec("style", .name("paragraph style"), "the paragraph style of its text")
  static let items = KeySpec("items", .items, "the items inside")
  static let align = ValueType.choice(["start", "center", "end", "stretch"], aliases: ["centre"])
  static let columns = ValueType.either([.integer(1...24), .list(.dimension)])

  /// One line about each kind.
  public static func doc(for kind: ItemKindName) -> String {
    switch kind {
    case .text: "text in light markup, or a story's next part; a fixed height it does not fit is reported, or shrunk with `overflow: shrink`"
    case .rect: "a rectangle (needs a size)"
    case .ellipse: "an ellipse (needs a size)"
    case .bubble: "a speech bubble"
    case .line: "a straight line"
    case .arrow: "an arrow along two or more points"
    case .path: "SVG path data whose numbers carry units (`M 20mm 380mm C …`), or plain numbers with `unit:`"
    case .image: "a PNG, JPEG (embedded as JPEG) or SVG file (drawn as vectors); give a width and/or height, the other follows its proportions"
    case .group: "items placed freely with `at`; as large as its children"
    case .stack: "items one under another (or beside, with `direction: horizontal`)"
    case .row: "items side by side; fixed widths first, `auto` and `fr` children share the rest (so a longer translation wraps instead of overlapping)"
    case .grid: "items in columns; rows as tall as their tallest cell"
    case .use: "places a component; with `size`/`width`/`height` a component that declares its `size` is scaled uniformly to fit"
    case .lines: "ruled lines to write on"
    case .checkbox: "a tick box with its label"
    case .rating: "a row of boxes to tick, numbered"
    case .qr: "a QR code drawn as vectors, square, its quiet zone inside (a warning below 0.4 mm a module); give it `alt:` to make it a figure"
    case .table: "a table: header and rows of text cells"
    }
  }

  /// The keys of a kind besides `commonItemKeys`.
  public static func keys(for kind: ItemKindName) -> [KeySpec] {
    switch kind {
    case .text: textKeys
    case .rect: [fill, strokeKey, radius]
    case .ellipse: [fill, strokeKey]
    case .bubble: [fill, strokeKey, radius, tailKey]
    case .line: [KeySpec("from", .point, "`[x, y]`", required: true), KeySpec("to", .point, "`[x, y]`", required: true), strokeKey]
    case .arrow: arrowKeys
    case .path: [KeySpec("d", .text, "the path data"), KeySpec("unit", .choice(["mm", "cm", "pt", "in", "px"]), "the unit of plain numbers"), fill, strokeKey]
    case .image: imageKeys
    case .group: [items]
    case .stack, .row: stackKeys(row: kind == .row)
    case .grid: gridKeys
    case .use: [KeySpec("component", .name("component"), "the component's name"), KeySpec("with", .names(.text), "values for the component's `params`")]
    case .lines: linesKeys
    case .checkbox: checkboxKeys
    case .rating: ratingKeys
    case .table: tableKeys
    case .qr: qrKeys
    }
  }

  /// Every key a kind takes (`commonItemKeys` first).
  public static func allKeys(for kind: ItemKindName) -> [KeySpec] { commonItemKeys + keys(for: kind) }
}
