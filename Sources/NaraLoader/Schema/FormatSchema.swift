/// The layout format (version 1), described once: every mapping with fixed keys, each key's
/// type, default and meaning. The loader checks keys against it (a key missing here is an
/// unknown key everywhere), `naraprint schema` writes it as JSON Schema for editors and as the
/// README's reference. Items are described in `ItemSchema.swift`.
public enum FormatSchema {
  public static subscript(_ id: SectionID) -> SectionSpec {
    switch id {
    case .layout: layout
    case .componentFile: componentFile
    case .kitFile: kitFile
    case .kit: kit
    case .theme: theme
    case .document: document
    case .page: page
    case .paragraphStyle: paragraphStyle
    case .characterStyle: characterStyle
    case .markup: markup
    case .story: story
    case .component: component
    case .stroke: stroke
    case .tail: tail
    case .anchor: anchor
    case .insets: insets
    case .colourValue: colourValue
    case .blocks: blocks
    }
  }

  /// Keys people put where they do not belong, and where they do.
  static let misplacedKeyHints = [
    "based-on": "`based-on` belongs in a style's definition (`styles:` in the theme or the layout); a text names its style with `style:`",
  ]

  static let localStyles: [KeySpec] = [
    KeySpec("styles", .names(.section(.paragraphStyle)), "paragraph styles of this file's own, over the theme's (same name: extends it)"),
    KeySpec("character-styles", .names(.section(.characterStyle)), "character styles of this file's own, over the theme's"),
  ]

  static let layout = SectionSpec(.layout, "Layout", "A layout file: one product, its pages and what they use.", keys: [
    KeySpec("document", .section(.document), "page size, margins, language and metadata", required: true),
    KeySpec("theme", .text, "the theme file, relative to this file (`theme.yaml`)", required: true),
    KeySpec("imports", .list(.text), "component files whose `components:` this layout may use"),
    KeySpec("variables", .names(.text), "defaults for `{{name}}`; `--set` and CSV columns override them"),
    KeySpec("components", .names(.section(.component)), "reusable groups of items, placed with `use:`"),
    KeySpec("stories", .names(.section(.story)), "named texts that flow through text frames"),
  ] + localStyles + [
    KeySpec("pages", .list(.section(.page)), "the pages, in order", required: true),
  ])

  static let componentFile = SectionSpec(.componentFile, "Component file", "A file listed in a layout's `imports:`.",
    keys: [KeySpec("components", .names(.section(.component)), "the components it defines", required: true)] + localStyles)

  static let kitFile = SectionSpec(.kitFile, "Kit file", "`kit.yaml`: several layouts rendered into one PDF.", keys: [
    KeySpec("kit", .section(.kit), "the kit", required: true),
  ])

  static let kit = SectionSpec(.kit, "`kit:`", "The kit's sheets and metadata.", keys: [
    KeySpec("title", .text, "the PDF's title (translatable)"),
    KeySpec("author", .text, "the PDF's author"),
    KeySpec("sheets", .list(.text), "the sheet layouts in order, relative to the kit file (at most 100)", required: true),
  ])

  static let document = SectionSpec(.document, "`document:`", "The page and the PDF's metadata.", keys: [
    KeySpec("size", .pageSize, "A2 A3 A4 A5 A6 SRA3 letter legal, or `[width, height]`", default: "A4"),
    KeySpec("orientation", .choice(["portrait", "landscape"], aliases: ["stående", "liggande"]), "turns the named size"),
    KeySpec("margins", .insets, "the area items without `at` fill", default: "15mm"),
    KeySpec("bleed", .length(negative: false), "how far backgrounds run past the trim edge (at most 25mm)", default: "0"),
    KeySpec("safe-area", .length(negative: false), "text keeps this far from the trim (5mm for office printers)", default: "3mm"),
    KeySpec("paper", .choice(["coated", "uncoated"]), "what `--print` makes the PDF for: FOGRA39 or FOGRA29", default: "coated"),
    KeySpec("lang", .text, "BCP 47 tag; sets hyphenation and typography rules", default: "sv-SE"),
    KeySpec("direction", .choice(["ltr", "rtl"]), "`rtl`: `start`/`end` and `at` are measured from the right", default: "ltr"),
    KeySpec("title", .text, "the PDF's title (translatable)"),
    KeySpec("author", .text, "the PDF's author"),
    KeySpec("subject", .text, "the PDF's subject (translatable)"),
    KeySpec("keywords", .list(.text), "the PDF's keywords"),
  ])

  static let page = SectionSpec(.page, "A page", "One entry of `pages:`.", keys: [
    KeySpec("items", .items, "what goes on the page", required: true),
    KeySpec("background", .colour, "the page's colour (runs into the bleed)"),
    KeySpec("id", .text, "the page's items get ids `id.1`, `id.2` …", default: "p1, p2 …"),
    KeySpec("reading-order", .list(.name("item id")), "item ids in the order a screen reader reads them; the rest follows in drawing order"),
  ])

  static let theme = SectionSpec(.theme, "Theme file", "Colours, fonts and styles shared by every product.", aliases: ["colors": "colours"], keys: [
    KeySpec("colours", .names(.colourDefinition), "name → `#rrggbb` (in quotes), `cmyk(c, m, y, k)` or `{rgb:, cmyk:}`"),
    KeySpec("fonts", .names(.text), "logical name → font family (`body: Noto Sans`)"),
    KeySpec("default-style", .name("paragraph style"), "the style of text that names none"),
    KeySpec("styles", .names(.section(.paragraphStyle)), "paragraph styles"),
    KeySpec("character-styles", .names(.section(.characterStyle)), "for inline marks and `[ord]{stil}`"),
    KeySpec("markup", .section(.markup), "which styles headings, list items, emphasis, links and code use"),
    KeySpec("blocks", .section(.blocks), "the colours of ruled lines, checkboxes, ratings and tables that name none"),
  ])

  static let blocks = SectionSpec(.blocks, "`blocks:`", "The theme's colours for the worksheet blocks; an item's own `stroke:`, `fill:` and `header-fill:` win.", keys: [
    KeySpec("stroke", .colour, "ruled lines, box outlines and table cell borders (0.75 pt wide)", default: "#55595c"),
    KeySpec("box-fill", .colour, "inside checkbox and rating boxes", default: "none"),
    KeySpec("header-fill", .colour, "table header cells", default: "none"),
  ])

  static let colourValue = SectionSpec(.colourValue, "A colour as a mapping", "One colour for screens, one for the press.", keys: [
    KeySpec("rgb", .text, "`#rrggbb`, for screens and PNG"),
    KeySpec("cmyk", .cmyk, "`[c, m, y, k]` in percent, used as it is in print PDFs"),
  ])

  /// Keys a character style shares with a paragraph style.
  static let characterKeys: [KeySpec] = [
    KeySpec("font", .text, "a name from `fonts:` or a font family"),
    KeySpec("weight", .weight, "`thin` `light` `regular` `medium` `semibold` `bold` `extrabold` `black` or 100–900"),
    KeySpec("italic", .bool, "italic or upright"),
    KeySpec("size", .length(negative: false), "the font size, e.g. `15pt`"),
    KeySpec("font-size", .length(negative: false), "the same as `size` (on a text item `size` is the frame's)"),
    KeySpec("colour", .colour, "a theme colour or `#rrggbb`"),
    KeySpec("letter-spacing", .tracking, "`0.05em` (of the size) or a length"),
    KeySpec("hyphenate", .bool, "`false` keeps words whole (headings are never hyphenated)", default: "true"),
    KeySpec("underline", .bool, "underline the text"),
    KeySpec("transform", .choice(["none", "uppercase", "lowercase"]), "change the letters' case"),
  ]

  static let basedOn = KeySpec("based-on", .name("style"), "start from another style (theme or local; cycles are errors)")

  static let paragraphStyle = SectionSpec(.paragraphStyle, "Paragraph style", "An entry of `styles:`; a text item takes these keys too, as overrides.",
    aliases: colourAliases, keys: [basedOn] + characterKeys + [
    KeySpec("leading", .leading, "line spacing: a factor of the size (`1.3`) or a length (`20pt`)"),
    KeySpec("space-before", .length(negative: false), "space above the paragraph (the larger of two neighbours' applies)"),
    KeySpec("space-after", .length(negative: false), "space below the paragraph"),
    KeySpec("align", .choice(["start", "end", "center", "justify"], aliases: ["left", "right", "centre"]), "`left`/`right` are read as start/end"),
    KeySpec("min-size", .length(negative: false), "the smallest size `overflow: shrink` may go to"),
    KeySpec("indent", .length(negative: false), "first-line indent"),
    KeySpec("list-indent", .length(negative: false), "how far list text is indented (the marker hangs in it)", default: "1.2 × size"),
    KeySpec("keep-lines", .integer(1...10), "lines kept together at a frame or column break", default: "2"),
    KeySpec("line-breaking", .choice(["optimal", "greedy"]), "`optimal` breaks the paragraph as a whole (prefers compound joints, even edges); `greedy` line by line", default: "optimal"),
    KeySpec("no-hyphen-lines", .integer(0...20), "this many first lines end without a hyphen if they can (a lead's)", default: "0"),
  ])

  static let characterStyle = SectionSpec(.characterStyle, "Character style", "An entry of `character-styles:`.",
    aliases: colourAliases, keys: [basedOn] + characterKeys)

  static let markup = SectionSpec(.markup, "`markup:`", "The styles the light markup uses (theme, story or text).", keys: [
    KeySpec("heading-1", .name("paragraph style"), "`# Rubrik`"),
    KeySpec("heading-2", .name("paragraph style"), "`## Mellanrubrik`"),
    KeySpec("heading-3", .name("paragraph style"), "`### Underrubrik`"),
    KeySpec("list-item", .name("paragraph style"), "`- punkt` and `1. punkt`"),
    KeySpec("emphasis", .name("character style"), "`*kursiv*`"),
    KeySpec("strong", .name("character style"), "`**fet**`"),
    KeySpec("link", .name("character style"), "`[text](https://…)`"),
    KeySpec("code", .name("character style"), "`` `kod` ``"),
  ])

  static let story = SectionSpec(.story, "A story", "An entry of `stories:`: text that flows through frames.", keys: [
    KeySpec("content", .text, "the text, in light markup (`content: |`)", required: true),
    KeySpec("style", .name("paragraph style"), "the text's paragraph style"),
    KeySpec("lang", .text, "the text's language, if not the document's"),
    KeySpec("markup", .section(.markup), "over the theme's markup, for this story"),
  ])

  static let component = SectionSpec(.component, "A component", "An entry of `components:`.", keys: [
    KeySpec("params", .either([.list(.text), .names(.text)]), "parameter names, or names with defaults"),
    KeySpec("size", .point, "the design size (needed to scale the component)"),
    KeySpec("items", .items, "the component's items, placed with `at`", required: true),
    KeySpec("description", .text, "what the component is for"),
  ])

  static let stroke = SectionSpec(.stroke, "A stroke", "`stroke:` as a mapping (a colour alone is 1 pt wide).", aliases: colourAliases, keys: [
    KeySpec("colour", .colour, "the line's colour", required: true),
    KeySpec("width", .length(negative: false), "the line's width", default: "1pt"),
    KeySpec("dash", .list(.length(negative: false)), "dash and gap lengths, like `[3mm, 2mm]`"),
    KeySpec("cap", .choice(["butt", "round", "square"]), "the ends of lines", default: "butt"),
    KeySpec("join", .choice(["miter", "round", "bevel"]), "the corners", default: "miter"),
  ])

  static let tail = SectionSpec(.tail, "A bubble's tail", "`tail:` of a bubble or a stack's speech bubble.", keys: [
    KeySpec("side", .choice(["top", "bottom", "start", "end"]), "the side it leaves from", default: "bottom"),
    KeySpec("position", .percentage, "where along that side", default: "25%"),
    KeySpec("width", .length(negative: false), "its width at the bubble", default: "8mm"),
    KeySpec("length", .length(negative: false), "how far it reaches out", default: "8mm"),
  ])

  static let boxPoints = ValueType.choice(["top-start", "top", "top-end", "start", "center", "end", "bottom-start", "bottom", "bottom-end"],
                                          aliases: ["centre", "middle", "top-left", "top-right", "bottom-left", "bottom-right", "left", "right"])

  static let anchor = SectionSpec(.anchor, "An anchor", "`anchor:` (or `anchor: id`, short for `{ to: id }`).", keys: [
    KeySpec("to", .name("item id"), "the id of an item placed before this one", required: true),
    KeySpec("at", boxPoints, "the point of that item's box", default: "bottom-start"),
    KeySpec("self", boxPoints, "the point of this item that goes there", default: "top-start"),
    KeySpec("offset", .point, "`[x, y]` moved after that: x towards the end edge, y down"),
    KeySpec("along", .percentage, "the target is a path, line or arrow: the point this share of its length along it"),
    KeySpec("side", .choice(["above", "below", "start", "end"], aliases: ["over", "under", "left", "right"]), "with `along` and no `self`: which side of the path", default: "above"),
    KeySpec("distance", .length(negative: false), "with `along` and no `self`: clearance from the stroke's edge", default: "0"),
  ])

  static let insets = SectionSpec(.insets, "Insets as a mapping", "`margins:` or `padding:` side by side.", aliases: ["left": "start", "right": "end"], keys: [
    KeySpec("top", .length(negative: false), "the top", default: "0"),
    KeySpec("end", .length(negative: false), "the end side (right in left-to-right text)", default: "0"),
    KeySpec("bottom", .length(negative: false), "the bottom", default: "0"),
    KeySpec("start", .length(negative: false), "the start side (left in left-to-right text)", default: "0"),
  ])
}
