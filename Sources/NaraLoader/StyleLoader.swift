import NaraModel
import Yams

/// `styles:` and `character-styles:` of a theme, a layout or a component file. A layout's (or
/// a component file's) styles are added to the theme's for that layout only: a new name is a
/// new style, a name the theme has extends the theme's style. Any style may say `based-on:`
/// another – defined anywhere in the same file or in the theme, in any order; a circle of
/// styles based on each other is an error at the `based-on` that closes it.
extension Reader {
  func addStyles(paragraph: Node?, character: Node?, to theme: inout Theme) {
    if let node = character {
      let defs = styleDefinitions(node, what: "character-styles", section: .characterStyle, describe: "character style")
      let known = theme.characterStyles
      var resolver = StyleResolver(definitions: defs, existing: known, kind: "character style", reader: self)
      theme.characterStyles.merge(resolver.resolveAll { f, _ in
        var a = self.characterAttributes(f, theme: theme)
        if let n = f["hyphenate"] { a.hyphenate = self.bool(n, what: "hyphenate") }
        return a
      } merge: { $0.merged(with: $1) } rename: { a, _ in a }) { $1 }
    }
    if let node = paragraph {
      let defs = styleDefinitions(node, what: "styles", section: .paragraphStyle, describe: "style")
      let known = theme.paragraphStyles
      let colours = theme
      var resolver = StyleResolver(definitions: defs, existing: known, kind: "style", reader: self)
      theme.paragraphStyles.merge(resolver.resolveAll { f, name in
        self.paragraphStyle(f, name: name, theme: colours)
      } merge: { $0.merged(with: $1) } rename: { s, name in var r = s; r.name = name; return r }) { $1 }
    }
  }

  /// The styles of a `styles:` or `character-styles:` mapping, their keys checked.
  func styleDefinitions(_ node: Node, what: String, section: SectionID, describe: String) -> [StyleDefinition] {
    guard let f = fields(node, allowed: mappingKeys(node), what: what) else { return [] }
    return f.order.compactMap { name in
      guard let entry = f.entries[name], let sf = fields(entry.value, section: section, what: "\(describe) `\(name)`") else { return nil }
      return StyleDefinition(name: name, fields: sf, nameNode: entry.key)
    }
  }
}

struct StyleDefinition {
  let name: String
  let fields: Fields
  let nameNode: Node
}

/// Resolves `based-on` among the styles of one file and those already known (the theme's).
struct StyleResolver<Style> {
  let definitions: [StyleDefinition]
  let existing: [String: Style]
  /// `style` or `character style`, for messages.
  let kind: String
  let reader: Reader
  private var resolved: [String: Style] = [:]
  private var failed: Set<String> = []

  init(definitions: [StyleDefinition], existing: [String: Style], kind: String, reader: Reader) {
    self.definitions = definitions; self.existing = existing; self.kind = kind; self.reader = reader
  }

  /// Every definition resolved: its base (the style it is based on, else the known style of
  /// the same name) with its own keys over it.
  mutating func resolveAll(read: (Fields, String) -> Style, merge: (Style, Style) -> Style,
                           rename: (Style, String) -> Style) -> [String: Style] {
    let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for d in definitions { resolve(d.name, byName: byName, path: [], read: read, merge: merge, rename: rename) }
    return resolved
  }

  private mutating func resolve(_ name: String, byName: [String: StyleDefinition], path: [String],
                                read: (Fields, String) -> Style, merge: (Style, Style) -> Style, rename: (Style, String) -> Style) {
    guard resolved[name] == nil, !failed.contains(name), let d = byName[name] else { return }
    var base = existing[name]
    if let b = d.fields["based-on"], let baseName = reader.string(b, what: "based-on") {
      if let start = path.firstIndex(of: baseName) ?? (baseName == name ? path.endIndex : nil) {
        let circle = (path[start...] + [name, baseName]).map { "`\($0)`" }.joined(separator: " → ")
        reader.error("\(kind)s are based on each other in a circle: \(circle)", at: b,
                     hints: ["one of these styles must stand on its own (remove its `based-on`)"])
        failed.formUnion(path[start...] + [name])
        return
      }
      if byName[baseName] != nil {
        resolve(baseName, byName: byName, path: path + [name], read: read, merge: merge, rename: rename)
        if failed.contains(name) { return }
        base = resolved[baseName]
        if base == nil { failed.insert(name); return }
      } else if let known = existing[baseName] {
        base = known
      } else {
        unknownBase(baseName, of: name, at: b, candidates: Array(byName.keys) + Array(existing.keys))
        base = nil
      }
    }
    let own = read(d.fields, name)
    resolved[name] = rename(base.map { merge($0, own) } ?? own, name)
  }

  private func unknownBase(_ baseName: String, of name: String, at node: Node, candidates: [String]) {
    var hints = ["\(kind)s are defined under `\(kind == "style" ? "styles" : "character-styles"):` in the theme, the layout or a component file"]
    if let g = closestMatch(to: baseName, in: Set(candidates).subtracting([name])) { hints.insert("did you mean `\(g)`?", at: 0) }
    reader.error("\(kind) `\(name)` is based on `\(baseName)`, which is not defined", at: node, hints: hints, code: .unknownName, subject: baseName)
  }
}
