/// What a diagnostic code means, for `naraprint explain` and docs/diagnostics.md.
public struct DiagnosticInfo: Sendable, Hashable {
  public var title: String
  /// One line: what naraprint found.
  public var explanation: String
  /// A small input that gives the diagnostic (empty for internal failures).
  public var example: String
  /// What to do about it.
  public var fix: String
  /// False for failures no input can cause on a working installation (a C library refusing,
  /// a PDF naraprint wrote itself that does not parse): listed, never expected.
  public var fromInput: Bool

  init(_ title: String, _ explanation: String, example: String, fix: String, fromInput: Bool = true) {
    self.title = title; self.explanation = explanation; self.example = example; self.fix = fix; self.fromInput = fromInput
  }
}

extension DiagnosticCode {
  public var info: DiagnosticInfo {
    switch self {
    case .fileUnreadable:
      DiagnosticInfo("a file cannot be read", "A layout, theme, component file or kit sheet is missing, is a folder, lies outside the project, is not UTF-8 or holds a control character.",
                     example: "theme: saknas.yaml", fix: "Check the path (it is relative to the file that names it) and save the file as UTF-8.")
    case .yamlSyntax:
      DiagnosticInfo("YAML syntax error", "The file is not valid YAML: inconsistent indentation, a tab, a missing space after `:`.",
                     example: "document:\n  size: A4\n\ttitle: x", fix: "Indent with spaces only, consistently, and put a space after each `:`.")
    case .yamlDuplicateKey:
      DiagnosticInfo("a key is given twice", "The same key appears twice in one YAML mapping; YAML keeps neither silently.",
                     example: "document:\n  size: A4\n  size: A3", fix: "Remove one of them.")
    case .notYAML:
      DiagnosticInfo("not a YAML file", "A theme, component file or kit sheet names a file that is not `.yaml`.",
                     example: "theme: bild.png", fix: "Name a .yaml file (rename it if it is one).")
    case .invalidValue:
      DiagnosticInfo("invalid layout value", "A key, value or length in the layout is not what its place allows (the general code of the layout's value checks).",
                     example: "- text: Hej\n  size: [80, 20mm]", fix: "Read the message and its hints: they name the allowed keys, units and values.")
    case .wrongValueKind:
      DiagnosticInfo("a list, mapping or text was expected", "A value has the wrong shape: a mapping where a list belongs, a list where text belongs.",
                     example: "pages:\n  items: []", fix: "Write a list with `- ` lines, a mapping with `key: value` lines, text as a plain value.")
    case .missingSection:
      DiagnosticInfo("a required section is missing", "The layout has no `theme:`, `document:` or `pages:`, a page has no `items:`, or a kit names no sheets.",
                     example: "theme: theme.yaml\ndocument: { size: A4 }", fix: "Add the section the message names.")
    case .tooMany:
      DiagnosticInfo("more than naraprint allows", "A layout has more pages, or a kit more sheets, than naraprint's limits.",
                     example: "pages: [ … 501 pages … ]", fix: "Split it into several layouts (a kit puts them together).")
    case .pageSetup:
      DiagnosticInfo("invalid page set-up", "The page size, orientation, paper or margins cannot make a page.",
                     example: "document:\n  size: A9000", fix: "Use a size such as A4, A3 or [210mm, 297mm], portrait or landscape, coated or uncoated, and margins that leave room.")
    case .languageTag:
      DiagnosticInfo("not a language tag", "A `language:` or `--locale` value is not a BCP 47 language tag.",
                     example: "document:\n  language: svenska", fix: "Write a tag such as sv-SE, fi, ar or ti.")
    case .duplicateID:
      DiagnosticInfo("an id is used twice", "Two items have the same id; texts, anchors and translations need ids to be unique.",
                     example: "- { id: titel, text: A }\n- { id: titel, text: B }", fix: "Rename one of them.")
    case .unknownItem:
      DiagnosticInfo("no such item", "A page's `reading-order` names an id no item on that page has.",
                     example: "reading-order: [titl]", fix: "List the ids of the page's items (their own `id:` or derived ones like p1.2).")
    case .duplicateComponent:
      DiagnosticInfo("a component is defined twice", "Two components have the same name, in one file or across imports.",
                     example: "components:\n  kort: …\n  kort: …", fix: "Rename one of them.")
    case .unusedComponent:
      DiagnosticInfo("a component is never placed", "A component is defined in the layout but no item places it with `use:`.",
                     example: "components:\n  kort: { items: [] }", fix: "Place it with `- use: kort`, or remove it.")
    case .unusedStory:
      DiagnosticInfo("a story is not shown", "A story is defined but no text frame shows it.",
                     example: "stories:\n  lang: { content: Hej }", fix: "Show it with `- text: { story: lang, size: [80mm, 200mm] }`, or remove it.")
    case .yamlAlias:
      DiagnosticInfo("YAML aliases are not supported here", "A value that naraprint reads as a whole (margins) is an unresolved alias. A safeguard: the YAML reader resolves aliases before naraprint sees them, so no input reaches it today.",
                     example: "", fix: "Write the value out.", fromInput: false)
    case .unknownKey:
      DiagnosticInfo("unknown key", "A key that has no meaning where it stands: a typo, or a key that belongs to another kind of item, a style or the theme.",
                     example: "- text: Hej\n  fnt-size: 12pt", fix: "Use the key the did-you-mean hint names, or one of the keys listed as allowed here (naraprint schema --markdown lists them all).")
    case .notANumber:
      DiagnosticInfo("a number or true/false was expected", "A key that takes a number (or true/false) has a word or other text.",
                     example: "- text: Hej\n  opacity: half", fix: "Write a number such as 0.5 (a decimal comma works too), or true/false.")
    case .outOfRange:
      DiagnosticInfo("a number or length out of range", "A number or length is negative where it cannot be, or larger or smaller than its place allows.",
                     example: "- text: Hej\n  opacity: 3", fix: "Use a value inside the range the message gives; check the unit of a length.")
    case .notAllowed:
      DiagnosticInfo("not one of the allowed words", "A key that takes one of a fixed set of words (align, overflow, valign …) has another.",
                     example: "- text: Hej\n  align: centre", fix: "Use one of the words the hint lists; the did-you-mean hint names the nearest.")
    case .invalidLength:
      DiagnosticInfo("not a length", "A length without its unit, a word where a length belongs, or a point that is not two lengths in brackets.",
                     example: "- text: Hej\n  at: [20, 30mm]", fix: "Write each length with its unit: 20mm, 12pt, 1.5cm, 0.5in; a point as [20mm, 30mm].")
    case .unknownName:
      DiagnosticInfo("no style, colour, story or component of that name", "A paragraph or character style, a colour, a story or a component is named that neither the theme nor the layout defines.",
                     example: "- text: Hej\n  style: rubrk", fix: "Use the name the did-you-mean hint gives, or define it (styles: and colours: in the theme or the layout, stories:, components:).")
    case .unsetVariable:
      DiagnosticInfo("a variable has no value", "A `{{variable}}` is used but set neither in the file's `variables:`, nor by `--set`, nor by a CSV column.",
                     example: "- text: \"Välkommen {{enhet}}\"", fix: "Set it: `--set enhet=…`, a CSV column `enhet`, or a default under `variables:`.")
    case .unclosedVariable:
      DiagnosticInfo("a `{{` is not closed", "A text has `{{` without the `}}` that ends the variable.",
                     example: "- text: \"Hej {{enhet\"", fix: "Close it: `{{enhet}}`.")
    case .variableFormat:
      DiagnosticInfo("a value cannot be formatted", "A variable with a format (`{{datum|datum}}`) has a value that format cannot read, or the format is unknown.",
                     example: "--set datum=2026-13-01 with {{datum|datum}}", fix: "Give a real date as ÅÅÅÅ-MM-DD, or use a format naraprint knows (datum, kort, veckodag).")
    case .unclosedEmphasis:
      DiagnosticInfo("emphasis is not closed", "A `*` or `**` has no partner; the rest of the paragraph would be emphasised. A safeguard: the markup parser leaves an unclosed star as it is, so no input reaches it today.",
                     example: "", fix: "Close it, or write `\\*` for a plain asterisk.", fromInput: false)
    case .invalidLink:
      DiagnosticInfo("invalid link", "A `[text](target)` link has no target, a target a PDF reader cannot follow, or one that is not a web address.",
                     example: "- text: \"[Läs mer](javascript:x)\"", fix: "Link to https://…, mailto: or tel:.")
    case .markupSyntax:
      DiagnosticInfo("invalid markup", "A text's markup (a `[link]`, an escape) cannot be read.",
                     example: "- text: \"[Läs mer\"", fix: "Close the markup, or escape the character with `\\`.")
    case .poSyntax:
      DiagnosticInfo(".po syntax error", "A translation file does not follow the gettext .po format.",
                     example: "msgid \"Hej\"\nmsgstr \"Moi", fix: "Close the string, put each keyword before its string; `msgfmt -c` names the same line.")
    case .poEncoding:
      DiagnosticInfo(".po file is not UTF-8", "A translation file is not UTF-8 or holds a control character.",
                     example: "msgstr \"Hyv\\xE4\" (Latin-1)", fix: "Save it as UTF-8 and set `charset=UTF-8` in its header.")
    case .catalogUnreadable:
      DiagnosticInfo("a translation file cannot be read", "A .po file is missing, too large or not a file.",
                     example: "render --locale fi (no locales/fi.po)", fix: "Create it with `naraprint strings update`, or check the locale's name.")
    case .translationMismatch:
      DiagnosticInfo("the translation does not match the Swedish", "A translation lacks or adds a `{{variable}}`, a link or markup the Swedish text has.",
                     example: "msgid \"Hej {{enhet}}\"\nmsgstr \"Moi\"", fix: "Keep the variables, links and markup of the Swedish text in the translation.")
    case .untranslated:
      DiagnosticInfo("texts are untranslated", "Texts have no translation in the locale's catalog and fall back to Swedish.",
                     example: "msgid \"Hej\"\nmsgstr \"\"", fix: "Translate them in the locale's .po file.")
    case .fuzzyTranslation:
      DiagnosticInfo("translations are fuzzy", "Translations are marked fuzzy (a guess by msgmerge) and are not used.",
                     example: "#, fuzzy\nmsgid \"Hej\"\nmsgstr \"Moi\"", fix: "Check them, then remove the fuzzy flag.")
    case .changedSource:
      DiagnosticInfo("the Swedish changed since the catalog was merged", "Texts changed in Swedish after the catalog was last merged with the template.",
                     example: "(the layout's text edited after `strings update`)", fix: "Run `naraprint strings update`; the entries become fuzzy for the translator.")
    case .unknownLocale:
      DiagnosticInfo("no translation for this locale", "`--locale` names a language with no .po file beside the layout.",
                     example: "render layout.yaml --locale se", fix: "Use a locale that has a file in locales/, or create it.")
    case .derivedTextID:
      DiagnosticInfo("a text has no id of its own", "A translatable text is known by its place (`p1.3`); its translations are lost when items move.",
                     example: "- text: Hej   (no id:)", fix: "Give the item an `id:`.")
    case .noTranslatableFiles:
      DiagnosticInfo("nothing to translate found", "`strings` found no layouts, or no .po files, where it was told to look.",
                     example: "naraprint strings status empty-folder/", fix: "Name a layout, a folder of layouts, or the locales folder.")
    case .csvUnreadable:
      DiagnosticInfo("a CSV file cannot be read", "The `--data` file is missing, a folder, too large or empty.",
                     example: "--data saknas.csv", fix: "Check the path; the file must hold a header line and at least one row.")
    case .csvEncoding:
      DiagnosticInfo("CSV file is not UTF-8", "The CSV file is UTF-16 or Windows-1252 (Excel's defaults), not UTF-8.",
                     example: "enhet;datum\\nSkåre (Latin-1)", fix: "In Excel: Save As → “CSV UTF-8”; or convert it with iconv.")
    case .csvSyntax:
      DiagnosticInfo("CSV syntax error", "A quote is not closed, a row has more or fewer cells than the header, a value or row is too long.",
                     example: "enhet;datum\n\"Norr;2026-12-03", fix: "Close the quote, or give every row the header's number of cells.")
    case .missingColumn:
      DiagnosticInfo("a column is missing", "The layout uses a `{{variable}}` that the CSV has no column for (and `--set` does not give).",
                     example: "enhet\nNorr   (the layout uses {{datum}})", fix: "Add the column, or rename the one that is misspelt.")
    case .emptyCell:
      DiagnosticInfo("a value is empty", "A row leaves a cell empty that the layout needs.",
                     example: "enhet;datum\nNorr;", fix: "Fill it in, or remove the row.")
    case .noRows:
      DiagnosticInfo("the CSV has no rows", "The CSV file has a header but nothing under it.",
                     example: "enhet;datum", fix: "Add one line per unit under the header.")
    case .overflow:
      DiagnosticInfo("text does not fit", "A text, story or stack does not fit its frame (an error with `overflow: error`, or with --strict).",
                     example: "- text: \"En mycket lång text …\"\n  size: [20mm, 5mm]", fix: "Shorten the text, make the frame larger, or let it shrink (`overflow: shrink`).")
    case .shrunk:
      DiagnosticInfo("text was shrunk to fit", "A frame, story or stack with `overflow: shrink` was set smaller to fit (a note).",
                     example: "overflow: shrink", fix: "Nothing, if the smaller size reads well; otherwise give it more room.")
    case .anchor:
      DiagnosticInfo("an anchor cannot be placed", "`anchor:` or `along:` names an item that is not there, comes later, or cannot be measured along.",
                     example: "anchor: { to: saknas, at: bottom }", fix: "Anchor to an item placed before it; `along:` needs a path, line or arrow.")
    case .missingGlyphs:
      DiagnosticInfo("characters no font can show", "A text has characters that none of the configured fonts has; they would print as empty boxes.",
                     example: "- text: \"\\U0001F600\"", fix: "Remove the characters, or add a font that has them to fonts/files.")
    case .qrCode:
      DiagnosticInfo("QR code problem", "A QR code's text is too long to encode, or the code is printed too small to scan.",
                     example: "- qr: <3000 characters>", fix: "Shorten the text (a short web address), or print the code larger.")
    case .belowMinimumSize:
      DiagnosticInfo("text below its minimum size", "A text is set smaller than its style's `min-size` allows.",
                     example: "styles: { brod: { size: 8pt, min-size: 9pt } }", fix: "Make it larger, or lower the style's min-size if the smaller size is meant.")
    case .textOverlap:
      DiagnosticInfo("texts overlap", "Glyphs of two texts overlap on the page.", example: "two texts placed at the same position",
                     fix: "Give them room: put both in a stack, or anchor one to the other.")
    case .textOnArtwork:
      DiagnosticInfo("text runs into artwork", "A text touches or crosses a shape, line or image it does not sit on on purpose.",
                     example: "a text placed across a line", fix: "Move it clear, or say it sits there on purpose with `on: <id>`.")
    case .clearance:
      DiagnosticInfo("text too close to artwork", "A text comes closer to artwork than a quarter of its size.",
                     example: "a label 0.5 mm from a shape", fix: "Move it clear of the artwork, or `on: <id>` if it sits there on purpose.")
    case .sameBaseline:
      DiagnosticInfo("texts read as one line", "Two texts on one baseline stand less than an em apart and read as one phrase.",
                     example: "two labels side by side", fix: "Keep at least one em between them, or put them on different lines.")
    case .outsideTrim:
      DiagnosticInfo("text past the trim edge", "A text runs past the trim edge, where the sheet is cut, or off the page.",
                     example: "- text: Hej\n  at: [205mm, 10mm]", fix: "Move it inside the page, or give it a narrower width.")
    case .safeArea:
      DiagnosticInfo("text in the safe area", "A text lies within the document's `safe-area` of the trim edge.",
                     example: "document: { safe-area: 5mm }", fix: "Move it further in.")
    case .hidden:
      DiagnosticInfo("an item is hidden", "A text (error) or shape or image (warning) lies completely under an opaque shape drawn after it.",
                     example: "a text, then a filled rectangle over it", fix: "Move the item after the shape in `items:`, or move one of them.")
    case .forcedBreak:
      DiagnosticInfo("a word is broken with no break point", "A line had to break inside a word or number that has no place to break.",
                     example: "- text: Hemsjukvårdsenheten\n  size: [10mm, 40mm]", fix: "Give the text more width or a smaller size, or shorten the word.")
    case .lowContrast:
      DiagnosticInfo("low contrast", "A text's colour against its background is below WCAG 2 AA (4.5:1, or 3:1 for large text).",
                     example: "- text: Hej\n  colour: \"#BBBBBB\"", fix: "Use a darker text colour or a lighter background.")
    case .lowResolution:
      DiagnosticInfo("an image's resolution is too low", "An image has fewer than 150 ppi at its printed size (300 for offset print with `check --print`).",
                     example: "- image: liten.png\n  size: [200mm, 100mm]", fix: "Use a larger image, or print it smaller.")
    case .hairline:
      DiagnosticInfo("a line too thin to print", "A stroke is thinner than 0.25 pt, which a press does not hold (`check --print`).",
                     example: "stroke: { width: 0.1pt }", fix: "Make the stroke at least 0.25 pt wide.")
    case .shortOfBleed:
      DiagnosticInfo("a background stops short of the bleed", "A filled shape reaches for the page edge but does not fill the bleed (`check --print`).",
                     example: "a rectangle ending 1 mm inside the trim", fix: "Run it past the trim by the bleed, or keep it 3 mm inside.")
    case .inkLimit:
      DiagnosticInfo("too much ink", "A colour prints with more total ink than the paper's profile allows (`check --print`).",
                     example: "colour: \"#1A1A40\" on uncoated paper", fix: "Give the colour a lighter CMYK in the theme (`cmyk:`).")
    case .printSummary:
      DiagnosticInfo("print summary", "A note from `check --print`: the most ink any colour takes, and the RGB images converted to CMYK.",
                     example: "check --print", fix: "Nothing; it is information for the print shop.")
    case .unknownFont:
      DiagnosticInfo("unknown font", "A theme or text names a font family naraprint's font configuration does not have (a warning in render, an error in check).",
                     example: "fonts: { text: Comic Sans MS }", fix: "Use a family in fonts/fonts.conf, or add the font to fonts/files with its licence.")
    case .imageUnreadable:
      DiagnosticInfo("an image cannot be read", "An image file is broken, empty or in a format naraprint cannot draw.",
                     example: "- image: trasig.png", fix: "Re-export the image as PNG, JPEG or SVG.")
    case .renderFailure:
      DiagnosticInfo("rendering failed", "A C library (Cairo, Pango, qpdf, LittleCMS, libpng) failed while writing: a full disk, a missing profile, an internal error.",
                     example: "", fix: "Read the message; check the disk and `naraprint doctor`. Report it if it persists.", fromInput: false)
    case .typographyData:
      DiagnosticInfo("typography data missing", "Hyphenation patterns or exception lists for the text's language were not found; words break less well.",
                     example: "", fix: "Run `naraprint doctor` to see what is missing, and install it.", fromInput: false)
    case .pdfContent:
      DiagnosticInfo("a written PDF cannot be finished", "The PDF Cairo wrote could not be read back for the accessibility or print step (an internal error).",
                     example: "", fix: "Report it with the layout that gave it.", fromInput: false)
    case .outputIsInput:
      DiagnosticInfo("the output would overwrite an input", "`-o` or `--page-tree` names a file the render reads (the layout, its theme, a CSV).",
                     example: "render layout.yaml -o layout.yaml", fix: "Choose another name with -o.")
    case .invalidOption:
      DiagnosticInfo("invalid option value", "An option's value is not usable: `--root` is not a folder, `--name` is not a file name.",
                     example: "--name sub/apt-{{enhet}}.pdf", fix: "Give a folder for --root and a plain file name for --name; -o names the folder.")
    }
  }
}
