import NaraModel

/// A readable text dump of the page tree for golden tests, rounded to 0.01 pt, as SILE's
/// debug outputter: one line per mark.
extension PagedDocument {
  public func dump() -> String {
    var out = "document lang=\(metadata.language) title=\(quote(metadata.title ?? ""))\n"
    for (i, page) in pages.enumerated() {
      out += "page \(i + 1) \(n(page.size.width)) x \(n(page.size.height)) bleed=\(n(page.bleed))\n"
      for node in page.nodes { dump(node, indent: "  ", into: &out) }
    }
    return out
  }

  private func dump(_ node: Node, indent: String, into out: inout String) {
    switch node {
    case .path(let p):
      let b = p.path.bounds ?? Rect(x: 0, y: 0, width: 0, height: 0)
      out += "\(indent)path \(n(b.minX)) \(n(b.minY)) \(n(b.width)) \(n(b.height))"
      if let f = p.fill { out += " fill=\(f.hex)" }
      if let s = p.stroke { out += " stroke=\(s.colour.hex)/\(n(s.width.points))" }
      out += " \(role(p.role))\n"
    case .text(let t):
      out += "\(indent)text \(t.id) \(role(t.role))\n"
      for r in t.runs {
        out += "\(indent)  run \(n(r.origin.x)) \(n(r.origin.y)) w=\(n(r.width)) \(r.font) \(r.colour.hex) \(quote(r.text))"
        if let l = r.link { out += " link=\(l)" }
        out += "\n"
      }
    case .image(let img):
      let file = img.path.split(separator: "/").last.map(String.init) ?? img.path
      out += "\(indent)image \(file) \(n(img.rect.minX)) \(n(img.rect.minY)) \(n(img.rect.width)) \(n(img.rect.height)) \(role(img.role))\n"
    case .group(let g):
      let t = g.transform
      out += "\(indent)group [\(n(t.a)) \(n(t.b)) \(n(t.c)) \(n(t.d)) \(n(t.tx)) \(n(t.ty))]"
      if g.opacity < 1 { out += " opacity=\(n(g.opacity))" }
      out += " \(role(g.role))\n"
      for c in g.children { dump(c, indent: indent + "  ", into: &out) }
    }
  }

  private func n(_ v: Double) -> String { formatNumber(v) }

  private func role(_ r: StructureRole) -> String {
    switch r {
    case .paragraph: "P"
    case .heading(let l): "H\(l)"
    case .listItem: "LI"
    case .figure(let alt): "Figure alt=\(quote(alt))"
    case .artifact: "Artifact"
    case .group: "Group"
    }
  }

  private func quote(_ s: String) -> String {
    var r = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      case "\u{00AD}": r += "\\u{AD}"
      case "\u{00A0}": r += "\\u{A0}"
      case "\u{202F}": r += "\\u{202F}"
      case "\u{2060}": r += "\\u{2060}"
      case "\u{2028}": r += "\\u{2028}"
      default: r.unicodeScalars.append(u)
      }
    }
    return r + "\""
  }
}
