/// The keys of each item kind (see `FormatSchema.keys(for:)`).
extension FormatSchema {
  /// A text frame's own keys, then the paragraph style keys as overrides for this text (`size`
  /// is the frame's size there, `font-size` the font's).
  static let textKeys: [KeySpec] = [
    KeySpec("content", .text, "the text, when the kind's key holds the properties"),
    KeySpec("story", .name("story"), "show a story's next part instead of a text of its own"),
    style,
    KeySpec("markup", .section(.markup), "as in the theme, for this text"),
    KeySpec("columns", .integer(1...12), "the text flows from column to column", default: "1"),
    KeySpec("column-gap", .length(negative: false), "space between columns"),
    KeySpec("padding", .insets, "space inside the frame", default: "0"),
    fill,
    strokeKey,
    KeySpec("valign", .choice(["top", "middle", "bottom"], aliases: ["center", "centre"]), "where the text sits in a taller frame", default: "top"),
    overflow,
    KeySpec("max-lines", .integer(1...1000), "at most this many lines (with `overflow: shrink` a longer text shrinks)"),
    KeySpec("baseline-grid", .length(negative: false), "every block's first baseline on this grid from the frame's top"),
    KeySpec("verbatim", .bool, "no typographic changes", default: "false"),
    KeySpec("lang", .text, "the text's language, if not the document's"),
    KeySpec("heading", .integer(1...6), "the text is a heading of this level for screen readers"),
  ] + paragraphStyle.keys.filter { $0.name != "size" && $0.name != "based-on" }

  static let arrowKeys: [KeySpec] = [
    KeySpec("from", .point, "`[x, y]` where it starts"),
    KeySpec("to", .point, "`[x, y]` where the head is"),
    KeySpec("points", .list(.point), "instead of `from` and `to`: `[[x, y], …]`"),
    strokeKey,
    KeySpec("head", .length(negative: false), "the length of the head", default: "4 × stroke width, at least 6pt"),
    KeySpec("both", .bool, "a head at both ends", default: "false"),
  ]

  static let imageKeys: [KeySpec] = [
    KeySpec("src", .text, "the file, relative to the layout (PNG, JPEG or SVG)"),
    KeySpec("fit", .choice(["contain", "cover", "fill"]), "how the image fills its box", default: "contain"),
    KeySpec("tint", .colour, "the colour an SVG's `currentColor` takes"),
  ]

  static func stackKeys(row: Bool) -> [KeySpec] {
    [
      items,
      KeySpec("direction", .choice(["vertical", "horizontal"], aliases: ["column", "row"]), "the way children follow each other",
              default: row ? "horizontal" : "vertical"),
      KeySpec("gap", .length(negative: false), "space between children", default: "0"),
      KeySpec("padding", .insets, "space inside, around the children", default: "0"),
      KeySpec("align", align, "across: where children sit (`stretch` makes them as wide or tall as the stack)", default: "stretch"),
      KeySpec("justify", .choice(["start", "center", "end", "space-between"], aliases: ["centre"]), "along: where leftover space goes", default: "start"),
      KeySpec("fill", .colour, "a panel behind the children, sized to them"),
      strokeKey,
      KeySpec("radius", .length(negative: false), "the panel's corner radius (with `fill` or `stroke`)"),
      KeySpec("tail", .section(.tail), "makes the panel a speech bubble (with `fill` or `stroke`)"),
      overflow,
    ]
  }

  static let gridKeys: [KeySpec] = [
    items,
    KeySpec("columns", columns, "a count, or widths like `[40mm, 1fr, 2fr]`", default: "2"),
    KeySpec("gap", .length(negative: false), "row and column gap", default: "0"),
    KeySpec("row-gap", .length(negative: false), "space between rows", default: "0"),
    KeySpec("column-gap", .length(negative: false), "space between columns", default: "0"),
    KeySpec("align", .choice(["start", "center", "end", "stretch"]), "where cells sit in their row", default: "stretch"),
  ]

  static let blockStroke = KeySpec("stroke", .stroke, "the lines' colour and width", default: "0.75pt, the theme's `blocks: stroke`")
  static let boxFill = KeySpec("fill", .colour, "the boxes' fill", default: "the theme's `blocks: box-fill`")

  static let linesKeys: [KeySpec] = [
    KeySpec("count", .integer(1...200), "how many lines; without one they fill the item's height"),
    KeySpec("spacing", .length(negative: false), "distance between lines (at least 3mm)", default: "9mm"),
    blockStroke,
  ]

  static let checkboxKeys: [KeySpec] = [
    KeySpec("label", .text, "the text beside the box"),
    KeySpec("box", .length(negative: false), "the box's size", default: "4.5mm"),
    KeySpec("style", .name("paragraph style"), "the label's paragraph style"),
    blockStroke,
    boxFill,
    KeySpec("gap", .length(negative: false), "between the box and the label", default: "2.5mm"),
  ]

  static let ratingKeys: [KeySpec] = [
    KeySpec("steps", .integer(2...11), "how many boxes", default: "5"),
    KeySpec("labels", .list(.text), "two texts under the ends: `[låg, hög]`"),
    KeySpec("box", .length(negative: false), "each box's size", default: "8mm"),
    KeySpec("style", .name("paragraph style"), "the numbers' and labels' paragraph style"),
    blockStroke,
    boxFill,
    KeySpec("numbers", .choice(["under", "inside", "false"], aliases: ["true", "yes", "no"]), "where the numbers go", default: "under"),
    KeySpec("gap", .length(negative: false), "between the boxes", default: "3mm"),
  ]

  static let tableKeys: [KeySpec] = [
    KeySpec("columns", .either([.integer(1...12), .list(.dimension)]), "a count, or widths like `[50mm, 1fr, 1fr]`", required: true),
    KeySpec("header", .list(.text), "the header cells"),
    KeySpec("rows", .list(.list(.text)), "the body rows (missing cells are empty)"),
    KeySpec("style", .name("paragraph style"), "the body cells' paragraph style"),
    KeySpec("header-style", .name("paragraph style"), "the header cells' paragraph style", default: "`style`"),
    KeySpec("fill", .colour, "the body cells' fill"),
    KeySpec("header-fill", .colour, "the header cells' fill", default: "the theme's `blocks: header-fill`"),
    blockStroke,
    KeySpec("padding", .insets, "space inside each cell", default: "[1.8mm, 2.5mm]"),
    KeySpec("row-height", .length(negative: false), "the least height of a body row (to write in)"),
  ]

  static let qrKeys: [KeySpec] = [
    KeySpec("data", .text, "the text or address the code holds (`{{variables}}` are filled in)"),
    KeySpec("colour", .colour, "the modules' colour", default: "black"),
    KeySpec("background", .colour, "behind the code and its quiet zone"),
    KeySpec("level", .choice(["L", "M", "Q", "H"]), "error correction: 7, 15, 25 or 30 %", default: "M"),
  ]
}
