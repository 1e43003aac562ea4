import Foundation
import NaraModel
import Yams

extension Reader {
  func textFrame(_ f: Fields, main: Node?, at kindNode: Node, itemID: String, context: inout LoadContext) -> TextFrame? {
    let theme = context.theme
    if let sn = f["story"] {
      // A frame that shows (part of) a story has no text of its own.
      if let m = main ?? f["content"] {
        error("a text frame shows either its own text or a story, not both", at: m, hints: ["remove the text, or remove `story:`"])
        return nil
      }
      guard let name = string(sn, what: "story") else { return nil }
      guard let story = context.stories[name] else {
        var hints = ["stories are defined under `stories:` at the top of the layout"]
        if let g = closestMatch(to: name, in: context.stories.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
        error("no story named `\(name)`", at: sn, hints: hints, code: .unknownName, subject: name)
        return nil
      }
      context.usedStories.insert(name)
      var frame = TextFrame(blocks: [])
      frame.story = name
      frame.style = story.style
      frame.language = story.language
      frame.markup = story.markup
      applyFrameKeys(f, to: &frame, theme: theme)
      return frame
    }
    guard let contentNode = main ?? f["content"] else {
      error("a text item needs its text", at: kindNode, hints: ["write `- text: \"…\"`, or `content: |` with the text below"])
      return nil
    }
    guard case .scalar = contentNode, let blocks = translatedBlocks(contentNode, id: itemID, what: "text", theme: theme) else {
      error("the text must be a string; use `|` for several lines", at: contentNode); return nil
    }
    var frame = TextFrame(blocks: blocks)
    if !f.has("style") && theme.defaultStyle == nil && !theme.paragraphStyles.isEmpty {
      error("this text names no style and the theme has no default-style", at: kindNode,
            hints: ["add `style:` (one of: \(theme.paragraphStyles.keys.sorted().joined(separator: ", ")))"])
    }
    applyFrameKeys(f, to: &frame, theme: theme)
    return frame
  }

  /// The keys a text frame has whether it shows its own text or a story.
  func applyFrameKeys(_ f: Fields, to frame: inout TextFrame, theme: Theme) {
    if let n = f["style"], let s = string(n, what: "style") {
      if theme.paragraphStyles[s] == nil { unknownStyle(s, at: n, theme: theme) } else { frame.style = s }
    }
    if f.order.contains(where: { paragraphStyleKeys.contains($0) && $0 != "size" }) {
      var styleFields = f
      styleFields.entries["size"] = nil  // the frame's size, not the font's
      frame.overrides = paragraphStyle(styleFields, name: "override", theme: theme)
    }
    if let n = f["markup"] { frame.markup = markupStyles(n, theme: theme) }
    if let n = f["columns"], let c = integer(n, what: "columns", range: 1...12) { frame.columns = c }
    if let n = f["column-gap"], let g = length(n, what: "column-gap") { frame.columnGap = g }
    if let n = f["padding"] { frame.padding = insets(n, what: "padding") ?? .zero }
    if let n = f["fill"] { frame.fill = colour(n, theme: theme, what: "fill") }
    if let n = f["stroke"] { frame.stroke = stroke(n, theme: theme) }
    if let n = f["valign"] { frame.verticalAlignment = choice(n, what: "valign", as: VerticalAlignment.self, aliases: ["center": .middle, "centre": .middle]) ?? .top }
    if let n = f["overflow"] { frame.overflow = choice(n, what: "overflow", as: OverflowPolicy.self) ?? .warn }
    if let n = f["verbatim"] { frame.verbatim = bool(n, what: "verbatim") ?? false }
    if let n = f["lang"] { frame.language = string(n, what: "lang") }
    if let n = f["heading"] { frame.headingLevel = integer(n, what: "heading", range: 1...6) }
    if let n = f["max-lines"] { frame.maxLines = integer(n, what: "max-lines", range: 1...1000) }
    if let n = f["baseline-grid"] { frame.baselineGrid = length(n, what: "baseline-grid", max: .pt(200)) }
  }

  func stroke(_ node: Node, theme: Theme) -> Stroke? {
    if case .scalar = node {
      return colour(node, theme: theme, what: "stroke").map { Stroke(colour: $0, width: .pt(1)) }
    }
    guard let f = fields(node, section: .stroke, what: "stroke") else { return nil }
    guard let cn = f["colour"] else { error("a stroke needs a `colour`", at: node); return nil }
    guard let c = colour(cn, theme: theme, what: "stroke colour") else { return nil }
    var s = Stroke(colour: c, width: f["width"].flatMap { length($0, what: "stroke width", max: .mm(200)) } ?? .pt(1))
    if let d = f["dash"] { s.dash = list(d, what: "dash").compactMap { length($0, what: "dash") } }
    if let n = f["cap"] { s.cap = choice(n, what: "cap", as: Stroke.Cap.self) ?? .butt }
    if let n = f["join"] { s.join = choice(n, what: "join", as: Stroke.Join.self) ?? .miter }
    return s
  }

  func shape(_ kind: ItemKindName, _ f: Fields, main: Node?, at kindNode: Node, theme: Theme, sizedByContainer: Bool = false) -> Shape? {
    var s = Shape(geometry: .ellipse)
    if let n = f["fill"] { s.fill = colour(n, theme: theme, what: "fill") }
    if let n = f["stroke"] { s.stroke = stroke(n, theme: theme) }
    let sized = f.has("size") || (f.has("width") && f.has("height"))
    switch kind {
    case .rect, .ellipse, .bubble:
      if let m = main { error("`\(kind.rawValue):` takes its properties, not a value", at: m, hints: ["write `- \(kind.rawValue):` then `size:`, `fill:` … below"]) }
      if !sized && !sizedByContainer { error("a \(kind.rawValue) needs a size", at: kindNode, hints: ["add `size: [40mm, 20mm]`"]) }
      let radius = f["radius"].flatMap { length($0, what: "radius", max: .mm(1000)) } ?? .zero
      if kind == .rect { s.geometry = .rect(radius: radius) }
      if kind == .bubble {
        var tail = BubbleTail(side: .bottom, position: 0.25, width: .mm(8), length: .mm(8))
        if let t = f["tail"], let tf = fields(t, section: .tail, what: "tail") {
          if let n = tf["side"] { tail.side = choice(n, what: "side", as: BubbleTail.Side.self) ?? .bottom }
          if let n = tf["position"], let p = rawScalar(n, what: "position") {
            if p.hasSuffix("%"), let v = Double(p.dropLast()), (0...100).contains(v) { tail.position = v / 100 } else {
              error("position must be a percentage along the side, like 25%", at: n)
            }
          }
          if let n = tf["width"] { tail.width = length(n, what: "tail width") ?? tail.width }
          if let n = tf["length"] { tail.length = length(n, what: "tail length") ?? tail.length }
        }
        s.geometry = .bubble(radius: radius, tail: tail)
      }
      if s.fill == nil && s.stroke == nil && !f.has("fill") && !f.has("stroke") { warning("this \(kind.rawValue) has neither fill nor stroke and will not show", at: kindNode) }
    case .line:
      guard let a = f["from"].flatMap({ point($0, what: "from") }), let b = f["to"].flatMap({ point($0, what: "to") }) else {
        if !f.has("from") || !f.has("to") { error("a line needs `from:` and `to:`", at: kindNode) }
        return nil
      }
      s.geometry = .line(from: a, to: b)
      if s.stroke == nil { error("a line needs a `stroke`", at: kindNode, hints: ["add `stroke: { colour: text, width: 1pt }`"]) }
    case .arrow:
      var pts: [Point] = []
      if let n = f["points"] { pts = list(n, what: "points").compactMap { point($0, what: "point") } } else {
        if let a = f["from"].flatMap({ point($0, what: "from") }), let b = f["to"].flatMap({ point($0, what: "to") }) { pts = [a, b] }
      }
      if pts.count < 2 { error("an arrow needs `from:` and `to:` (or two or more `points:`)", at: kindNode); return nil }
      let head = f["head"].flatMap { length($0, what: "head", max: .mm(200)) } ?? Length(points: max(6, (s.stroke?.width.points ?? 1) * 4))
      s.geometry = .arrow(points: pts, head: head, both: f["both"].flatMap { bool($0, what: "both") } ?? false)
      if s.stroke == nil { error("an arrow needs a `stroke`", at: kindNode) }
    case .path:
      guard let dn = main ?? f["d"], let d = string(dn, what: "path data") else {
        error("a path needs its data", at: kindNode, hints: ["write `- path: \"M 10mm 10mm L 50mm 10mm\"`"]); return nil
      }
      let unit = f["unit"].flatMap { n -> Length? in
        guard let u = rawScalar(n, what: "unit") else { return nil }
        if let l = Length.parse("1" + u) { return l }
        error("unit cannot be `\(u)`", at: n, hints: ["use mm, cm, pt or in"]); return nil
      }
      var parser = PathParser(unit: unit)
      do { s.geometry = .path(try parser.parse(d)) } catch {
        if case .message(let m, let offset) = error {
          var loc = location(dn)
          // Point into the string for single-line (quoted or plain) values.
          if offset >= 0, !d.contains("\n") { loc.column += offset + (dn.scalar?.style == .plain ? 0 : 1) }
          self.error("in the path: \(m)", at: loc)
        }
        return nil
      }
    case .text, .image, .group, .stack, .row, .grid, .use, .lines, .checkbox, .rating, .table, .qr: break
    }
    return s
  }

  /// `- qr: https://regionvarmland.se/naravard` with `width:` (the code is square), `colour:`
  /// (default black), `background:` and `level:` (L, M, Q, H; default M).
  func qrCode(_ f: Fields, main: Node?, at kindNode: Node, theme: Theme) -> Shape? {
    guard let dn = main ?? f["data"], let data = string(dn, what: "QR code text") else {
      error("a QR code needs its text", at: kindNode, hints: ["write `- qr: https://regionvarmland.se/naravard` with `width: 25mm`"]); return nil
    }
    let text = substitute(data, at: dn)
    if text.isEmpty { error("the QR code's text is empty", at: dn); return nil }
    if !(f.has("width") || f.has("height") || f.has("size")) {
      error("a QR code needs a width", at: kindNode, hints: ["add `width: 25mm` (at least 20 mm for a phone held at arm's length)"])
    }
    var level = QRLevel.m
    if let n = f["level"], let raw = rawScalar(n, what: "level") {
      if let l = QRLevel(rawValue: raw.uppercased()) { level = l } else {
        error("level cannot be `\(raw)`", at: n, hints: ["use L, M, Q or H (how much damage the code survives: 7, 15, 25, 30 %)"])
      }
    }
    var s = Shape(geometry: .qr(data: text, level: level, background: f["background"].flatMap { colour($0, theme: theme, what: "background") }))
    s.fill = f["colour"].flatMap { colour($0, theme: theme, what: "colour") } ?? .black
    return s
  }

  func image(_ f: Fields, main: Node?, at kindNode: Node, theme: Theme) -> ImageItem? {
    guard let sn = main ?? f["src"], let src = string(sn, what: "image file") else {
      error("an image needs its file", at: kindNode, hints: ["write `- image: bilder/foto.jpg`"]); return nil
    }
    let path = resolvePath(src)
    let ext = (path as NSString).pathExtension.lowercased()
    guard ["png", "jpg", "jpeg", "svg"].contains(ext) else {
      error("`\(src)` is not an image naraprint can place", at: sn, hints: ["use PNG, JPEG or SVG"]); return nil
    }
    // Inside the project, a regular file (a folder, FIFO or device is refused by name:
    // reading one would trap or block), of a bounded size.
    let real: String
    switch root.admit(path, what: "image", maxBytes: Limits.imageFileBytes) {
    case .success(let r): real = r
    case .failure(let refusal):
      var hints = refusal.hints
      if refusal.reason == .notFound { hints = ["paths are relative to \(Reader.displayPath((file as NSString).deletingLastPathComponent))/"] }
      if let raw = sn.scalar?.string, raw.contains("{{") { hints.append("the path comes from a variable (`--set` or a CSV column): \(raw)") }
      error(refusal.message, at: sn, hints: hints, code: .fileUnreadable)
      return nil
    }
    if !(f.has("width") || f.has("height") || f.has("size")) {
      error("an image needs a width, a height or a size", at: kindNode, hints: ["add `width: 40mm`"])
    }
    var img = ImageItem(path: real)
    if let n = f["fit"] { img.fit = choice(n, what: "fit", as: ImageItem.Fit.self) ?? .contain }
    if let n = f["tint"] { img.tint = colour(n, theme: theme, what: "tint") }
    return img
  }

  /// Places a component: its items read anew with the parameters in scope, in a group with
  /// the component's design size (the layout scales it to the size asked for).
  func use(_ f: Fields, main: Node?, at kindNode: Node, id: String, context: inout LoadContext) -> Group? {
    guard let nn = main ?? f["component"], let name = string(nn, what: "component") else {
      error("`use` needs the component's name", at: kindNode); return nil
    }
    guard var source = context.components[name] else {
      var hints = ["components are defined under `components:` (or in a file listed in `imports:`)"]
      if let g = closestMatch(to: name, in: context.components.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
      error("no component named `\(name)`", at: nn, hints: hints, code: .unknownName, subject: name); return nil
    }
    if context.expanding.count >= Limits.componentDepth {
      error("components are placed inside components more than \(Limits.componentDepth) deep here (\(context.expanding.joined(separator: " → ")))",
            at: nn, hints: ["place fewer components inside each other"]); return nil
    }
    if context.expanding.contains(name) {
      error("component `\(name)` places itself", at: nn, hints: ["a component cannot contain itself"]); return nil
    }
    source.used = true
    context.components[name] = source
    let r = source.reader
    guard let cf = r.fields(source.node, section: .component, what: "component `\(name)`")
    else { return nil }
    // Parameters: a list of names, or a mapping of names to defaults.
    var declared: [String: String?] = [:]
    if let p = cf["params"] {
      if case .sequence = p { for n in r.list(p, what: "params") { if let s = r.rawScalar(n, what: "param") { declared[s] = .some(nil) } } }
      else if let pf = r.fields(p, allowed: r.mappingKeys(p), what: "params") {
        for k in pf.order { declared[k] = .some(r.string(pf[k]!, what: "default of `\(k)`")) }
      }
    }
    var values: [String: String] = [:]
    for (k, v) in declared { if let d = v { values[k] = d } }
    if let w = f["with"], let wf = fields(w, allowed: Array(declared.keys), what: "`with` for component `\(name)`") {
      for k in wf.order { values[k] = string(wf[k]!, what: "`\(k)`") }
    }
    let missing = declared.keys.filter { values[$0] == nil }.sorted()
    if !missing.isEmpty {
      error("component `\(name)` needs " + missing.map { "`\($0)`" }.joined(separator: ", "), at: kindNode,
            hints: ["add them under `with:`"])
      return nil
    }
    var designSize: Size?
    if let s = cf["size"], let p = r.point(s, what: "component size") { designSize = Size(width: p.x, height: p.y) }
    values["__id"] = id
    let savedScopes = r.scopes
    r.scopes = (r === self ? scopes : r.scopes) + [values]
    context.expanding.append(name)
    let items = r.children(cf["items"], of: id, context: &context, mode: .absolute, at: source.node)
    context.expanding.removeLast()
    r.scopes = savedScopes
    return Group(items: items, designSize: designSize, component: name)
  }
}
