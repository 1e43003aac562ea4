import NaraModel
import NaraPageTree

/// A paragraph style with every field decided, for one block of a frame.
struct ResolvedStyle {
  var character: CharacterAttributes
  var size: Double
  var leading: Double
  var spaceBefore: Double
  var spaceAfter: Double
  var alignment: TextAlignment
  var hyphenate: Bool
  var minimumSize: Double?
  var firstLineIndent: Double
  var listIndent: Double
  /// Lines kept together at a column break (no orphans or widows).
  var keepLines: Int?
  var lineBreaking: LineBreaking
  var unhyphenatedLines: Int
  var name: String
}

extension LayoutEngine {
  var theme: Theme { document.theme }

  /// The style of one block: the theme's default, the frame's style, the markup's style for
  /// headings and list items, then the frame's own overrides.
  func resolveStyle(for block: TextBlock, in frame: TextFrame, scale: Double = 1) -> ResolvedStyle {
    var style = ParagraphStyle(name: "default")
    style.character.size = .pt(11)
    if let d = theme.defaultStyle, let s = theme.paragraphStyles[d] {
      style = style.merged(with: s)
      // The default style's minimum belongs to it, not to every style that starts from it.
      if frame.style != nil && frame.style != d { style.minimumSize = nil }
    }
    if let name = frame.style, let s = theme.paragraphStyles[name] { style = style.merged(with: s); style.name = name }
    var isHeading = false
    let markup = frame.markup.map { $0.over(theme.markup) } ?? theme.markup
    switch block.kind {
    case .heading(let level):
      isHeading = true
      let name = [markup.heading1, markup.heading2, markup.heading3][min(level, 3) - 1]
      if let name, let s = theme.paragraphStyles[name] { style = style.merged(with: s); style.name = name } else {
        // No heading style in the theme: bold and a step larger than the text.
        let base = style.character.size?.points ?? 11
        style.character.weight = 700
        style.character.size = .pt(base * [1.6, 1.3, 1.1][min(level, 3) - 1])
      }
    case .listItem:
      if let name = markup.listItem, let s = theme.paragraphStyles[name] { style = style.merged(with: s); style.name = name }
    case .paragraph: break
    }
    if let name = block.style, let s = theme.paragraphStyles[name] { style = style.merged(with: s); style.name = name }
    if let o = frame.overrides { style = style.merged(with: o) }
    let size = (style.character.size?.points ?? 11) * scale
    return ResolvedStyle(
      character: style.character, size: size,
      leading: (style.leading ?? .factor(1.3)).points(atSize: size),
      spaceBefore: (style.spaceBefore?.points ?? 0) * scale,
      spaceAfter: (style.spaceAfter?.points ?? 0) * scale,
      alignment: style.alignment ?? .start,
      // Headings are never hyphenated (typography-sv.md §6).
      hyphenate: isHeading ? false : (style.hyphenate ?? true),
      minimumSize: style.minimumSize?.points,
      firstLineIndent: (style.firstLineIndent?.points ?? 0) * scale,
      listIndent: (style.listIndent?.points ?? size * 1.2), keepLines: style.keepLines,
      lineBreaking: style.lineBreaking ?? .optimal, unhyphenatedLines: style.unhyphenatedLines ?? 0, name: style.name)
  }

  /// Character attributes of an inline: the paragraph's, then its marks and character style.
  func attributes(of inline: Inline, base: CharacterAttributes, markup: MarkupStyles) -> CharacterAttributes {
    var a = base
    func apply(_ name: String?, fallback: (inout CharacterAttributes) -> Void) {
      if let name, let cs = theme.characterStyles[name] { a = a.merged(with: cs) } else { fallback(&a) }
    }
    if inline.strong { apply(markup.strong) { $0.weight = 700 } }
    if inline.emphasis { apply(markup.emphasis) { $0.italic = true } }
    if inline.code { apply(markup.code) { _ in } }
    if inline.link != nil { apply(markup.link) { $0.underline = true } }
    if let cs = inline.characterStyle, let s = theme.characterStyles[cs] { a = a.merged(with: s) }
    return a
  }

  func fontSpec(_ a: CharacterAttributes, size: Double) -> FontSpec {
    FontSpec(family: theme.family(for: a.font), weight: a.weight ?? 400, italic: a.italic ?? false, size: size)
  }
}
