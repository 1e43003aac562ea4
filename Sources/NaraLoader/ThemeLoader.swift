import NaraModel
import Yams

/// Keys of a paragraph style; a text item accepts them too (but `based-on`), as overrides.
let paragraphStyleKeys = FormatSchema[.paragraphStyle].names

let weightNames: [String: Int] = [
  "thin": 100, "extralight": 200, "light": 300, "regular": 400, "normal": 400, "medium": 500,
  "semibold": 600, "bold": 700, "extrabold": 800, "black": 900,
]

extension Reader {
  func theme(_ node: Node) -> Theme {
    var theme = Theme()
    theme.location = location(node)
    guard let f = fields(node, section: .theme, what: "the theme") else { return theme }
    if let c = f["colours"], let cf = fields(c, allowed: mappingKeys(c), what: "colours") {
      for name in cf.order {
        let value = cf[name]!
        if case .mapping = value {
          // `{ rgb: "#f2a541", cmyk: [0, 40, 80, 0] }`: one for screens, one for the press.
          guard let vf = fields(value, section: .colourValue, what: "colour `\(name)`") else { continue }
          let cmyk = vf["cmyk"].flatMap { cmykValues($0, name: name) }
          if let r = vf["rgb"], let s = string(r, what: "rgb") {
            if let col = Colour.parseHex(s) { theme.colours[name] = col } else { error("rgb must be written #rrggbb, not `\(s)`", at: r) }
          } else if let cmyk {
            theme.colours[name] = Self.screenColour(cmyk)
          } else if !vf.has("cmyk") {
            error("colour `\(name)` needs `rgb:` or `cmyk:`", at: value)
          }
          if let cmyk { theme.colours[name]?.cmyk = cmyk }
        } else if let s = string(value, what: "colour `\(name)`") {
          if let col = Colour.parseHex(s) { theme.colours[name] = col } else if s.lowercased().hasPrefix("cmyk("), let cmyk = cmykValues(value, name: name) {
            theme.colours[name] = Self.screenColour(cmyk)
            theme.colours[name]?.cmyk = cmyk
          } else if !s.lowercased().hasPrefix("cmyk(") {
            error("colour `\(name)` must be written #rrggbb or cmyk(c, m, y, k), not `\(s)`", at: value,
                  hints: ["for example \"#1f5c4a\" (in quotes), or cmyk(0, 40, 80, 0) in percent"])
          }
        }
      }
    }
    if let fo = f["fonts"], let ff = fields(fo, allowed: mappingKeys(fo), what: "fonts") {
      for name in ff.order { if let fam = string(ff[name]!, what: "font `\(name)`") { theme.fonts[name] = fam } }
    }
    addStyles(paragraph: f["styles"], character: f["character-styles"], to: &theme)
    if let b = f["blocks"], let bf = fields(b, section: .blocks, what: "blocks") {
      theme.blocks.stroke = bf["stroke"].flatMap { colour($0, theme: theme, what: "blocks stroke") }
      theme.blocks.boxFill = bf["box-fill"].flatMap { colour($0, theme: theme, what: "box-fill") }
      theme.blocks.headerFill = bf["header-fill"].flatMap { colour($0, theme: theme, what: "header-fill") }
    }
    if let m = f["markup"] { theme.markup = markupStyles(m, theme: theme) }
    if let d = f["default-style"], let s = string(d, what: "default-style") {
      if theme.paragraphStyles[s] == nil { unknownStyle(s, at: d, theme: theme) }
      theme.defaultStyle = s
    }
    return theme
  }

  /// `markup:` – which paragraph styles headings and list items use, which character styles
  /// emphasis, strong, links and code use.
  func markupStyles(_ m: Node, theme: Theme) -> MarkupStyles {
    var markup = MarkupStyles()
    guard let mf = fields(m, section: .markup, what: "markup")
    else { return markup }
    func para(_ k: String) -> String? {
      guard let n = mf[k], let s = string(n, what: k) else { return nil }
      if theme.paragraphStyles[s] == nil { unknownStyle(s, at: n, theme: theme) }
      return s
    }
    func char(_ k: String) -> String? {
      guard let n = mf[k], let s = string(n, what: k) else { return nil }
      if theme.characterStyles[s] == nil {
        error("no character style `\(s)` in the theme", at: n,
              hints: ["define it under character-styles"] + (closestMatch(to: s, in: theme.characterStyles.keys).map { ["did you mean `\($0)`?"] } ?? []),
              code: .unknownName, subject: s)
      }
      return s
    }
    markup.heading1 = para("heading-1"); markup.heading2 = para("heading-2")
    markup.heading3 = para("heading-3"); markup.listItem = para("list-item")
    markup.emphasis = char("emphasis"); markup.strong = char("strong")
    markup.link = char("link"); markup.code = char("code")
    return markup
  }

  /// Paragraph and character styles the markup names must exist; `hint` says where a
  /// translation's text is to be fixed.
  func checkStyles(in blocks: [TextBlock], theme: Theme, at location: SourceLocation, hint: String? = nil) {
    for b in blocks {
      if let ps = b.style, theme.paragraphStyles[ps] == nil {
        var hints = ["styles are defined under `styles:` in the theme"] + [hint].compactMap { $0 }
        if let g = closestMatch(to: ps, in: theme.paragraphStyles.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
        error("no paragraph style `\(ps)` in the theme", at: location, hints: hints, code: .unknownName, subject: ps)
      }
      for i in b.inlines {
        if let cs = i.characterStyle, theme.characterStyles[cs] == nil {
          var hints = ["define it under character-styles in the theme"] + [hint].compactMap { $0 }
          if let g = closestMatch(to: cs, in: theme.characterStyles.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
          error("no character style `\(cs)` in the theme", at: location, hints: hints, code: .unknownName, subject: cs)
        }
      }
    }
  }

  func unknownStyle(_ name: String, at node: Node, theme: Theme) {
    var hints = ["styles are defined under `styles:` in the theme or the layout"]
    if let g = closestMatch(to: name, in: theme.paragraphStyles.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
    error("no paragraph style `\(name)` in the theme", at: node, hints: hints, code: .unknownName, subject: name)
  }

  /// Any key is allowed (user-defined names), but each must be a plain scalar.
  func mappingKeys(_ node: Node) -> [String] {
    guard case .mapping(let m) = node else { return [] }
    return m.keys.compactMap { $0.scalar?.string }
  }

  /// `cmyk(0, 40, 80, 0)` or `[0, 40, 80, 0]`: four percentages, each 0–100.
  func cmykValues(_ node: Node, name: String) -> [Double]? {
    var parts: [String]
    if case .sequence(let seq) = node {
      parts = seq.compactMap { $0.scalar?.string }
    } else if let s = string(node, what: "cmyk") {
      let t = s.trimmingCharacters(in: .whitespaces)
      guard t.lowercased().hasPrefix("cmyk("), t.hasSuffix(")") else {
        error("cmyk must be written cmyk(c, m, y, k) or [c, m, y, k], not `\(s)`", at: node); return nil
      }
      parts = t.dropFirst(5).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    } else { return nil }
    let values = parts.map { Double($0.hasSuffix("%") ? String($0.dropLast()) : $0) }
    guard values.count == 4, values.allSatisfy({ $0 != nil && $0!.isFinite && (0...100).contains($0!) }) else {
      error("colour `\(name)`: cmyk needs four percentages from 0 to 100, such as cmyk(0, 40, 80, 0)", at: node); return nil
    }
    return values.map { $0! / 100 }
  }

  /// A CMYK colour shown on screen without a profile (the naive formula): only for colours
  /// the theme gives in CMYK alone; print uses the CMYK itself.
  static func screenColour(_ c: [Double]) -> Colour {
    Colour(red: (1 - c[0]) * (1 - c[3]), green: (1 - c[1]) * (1 - c[3]), blue: (1 - c[2]) * (1 - c[3]))
  }

  func colour(_ node: Node, theme: Theme, what: String) -> Colour? {
    guard let s = string(node, what: what) else { return nil }
    if let c = theme.colours[s] { return c }
    if s.hasPrefix("#") {
      if let c = Colour.parseHex(s) { return c }
      error("\(what) `\(s)` is not a colour; write #rrggbb", at: node); return nil
    }
    if s == "none" || s == "transparent" { return Colour(red: 0, green: 0, blue: 0, alpha: 0) }
    var hints = ["name a colour from the theme, or write #rrggbb in quotes"]
    if let g = closestMatch(to: s, in: theme.colours.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
    error("unknown colour `\(s)` in \(what)", at: node, hints: hints, code: .unknownName, subject: s)
    return nil
  }

  func characterAttributes(_ f: Fields, theme: Theme) -> CharacterAttributes {
    var a = CharacterAttributes()
    if let n = f["font"] { a.font = string(n, what: "font") }
    if let n = f["weight"] {
      if let s = rawScalar(n, what: "weight") {
        if let w = weightNames[s.lowercased()] ?? Int(s), (100...900).contains(w) { a.weight = w } else {
          error("weight cannot be `\(s)`", at: n, hints: ["use regular, medium, semibold, bold, black or 100–900"])
        }
      }
    }
    if let n = f["italic"] { a.italic = bool(n, what: "italic") }
    if f.has("size") && f.has("font-size") { error("give either `size` or `font-size`, not both", at: f["font-size"]!) }
    if let n = f["size"] ?? f["font-size"] {
      if let l = length(n, what: "size", max: .pt(2000)) {
        if l.points < 1 { error("size \(l.points)pt is too small to print", at: n) } else { a.size = l }
      }
    }
    if let n = f["colour"] { a.colour = colour(n, theme: theme, what: "colour") }
    if let n = f["letter-spacing"] { a.tracking = tracking(n) }
    if let n = f["underline"] { a.underline = bool(n, what: "underline") }
    if let n = f["transform"] { a.transform = choice(n, what: "transform", as: TextTransform.self) }
    return a
  }

  func tracking(_ node: Node) -> Tracking? {
    guard let s = rawScalar(node, what: "letter-spacing") else { return nil }
    if s.hasSuffix("em"), let v = Double(s.dropLast(2)), abs(v) <= 1 { return .em(v) }
    return length(node, what: "letter-spacing", allowNegative: true, max: .pt(100)).map { .absolute($0) }
  }

  func paragraphStyle(_ f: Fields, name: String, theme: Theme) -> ParagraphStyle {
    var p = ParagraphStyle(name: name)
    p.character = characterAttributes(f, theme: theme)
    if let n = f["leading"], let s = rawScalar(n, what: "leading") {
      if let v = Double(s) {
        if (0.5...5).contains(v) { p.leading = .factor(v) } else {
          error("leading \(s) is out of range", at: n, hints: ["a factor of the size, like 1.3, or a length, like 24pt"])
        }
      } else if let l = length(n, what: "leading", max: .pt(2000)) { p.leading = .fixed(l) }
    }
    if let n = f["space-before"] { p.spaceBefore = length(n, what: "space-before") }
    if let n = f["space-after"] { p.spaceAfter = length(n, what: "space-after") }
    if let n = f["align"] {
      p.alignment = choice(n, what: "align", as: TextAlignment.self, aliases: ["left": .start, "right": .end, "centre": .center])
    }
    if let n = f["hyphenate"] { p.hyphenate = bool(n, what: "hyphenate") }
    if let n = f["min-size"] { p.minimumSize = length(n, what: "min-size", max: .pt(2000)) }
    if let n = f["indent"] { p.firstLineIndent = length(n, what: "indent") }
    if let n = f["list-indent"] { p.listIndent = length(n, what: "list-indent") }
    if let n = f["keep-lines"] { p.keepLines = integer(n, what: "keep-lines", range: 1...10) }
    if let n = f["line-breaking"] { p.lineBreaking = choice(n, what: "line-breaking", as: LineBreaking.self) }
    if let n = f["no-hyphen-lines"] { p.unhyphenatedLines = integer(n, what: "no-hyphen-lines", range: 0...20) }
    return p
  }
}
