import NaraModel
import NaraPageTree

extension Node {
  /// Paths mirrored left to right within `width` (text and images keep their own direction).
  func mirrored(width: Double) -> Node {
    switch self {
    case .path(var p): p.path = p.path.mirrored(width: width); return .path(p)
    case .group(var g): g.children = g.children.map { $0.mirrored(width: width) }; return .group(g)
    case .text, .image: return self
    }
  }

  /// The node with the chain of items it belongs to, unless it has one (for the reading order).
  func owned(by owners: [String], sources: [SourceLocation], grounds: [String], placedBy: SourceLocation?) -> Node {
    switch self {
    case .image(var i) where i.owners.isEmpty: i.owners = owners; i.sources = sources; return .image(i)
    case .group(var g) where g.owners.isEmpty: g.owners = owners; g.sources = sources; return .group(g)
    case .path(var p) where p.owners.isEmpty: p.owners = owners; p.sources = sources; return .path(p)
    case .text(var t) where t.owners.isEmpty: t.owners = owners; t.sources = sources; t.grounds = grounds; t.placedBy = placedBy; return .text(t)
    default: return self
    }
  }

  /// The same node moved by (dx, dy).
  func offset(dx: Double, dy: Double) -> Node {
    if dx == 0 && dy == 0 { return self }
    switch self {
    case .path(var p):
      p.path = p.path.translated(dx: dx, dy: dy); return .path(p)
    case .text(var t):
      for i in t.runs.indices { t.runs[i].origin.x += dx; t.runs[i].origin.y += dy }
      return .text(t)
    case .image(var img):
      img.rect.origin.x += dx; img.rect.origin.y += dy
      img.clip.origin.x += dx; img.clip.origin.y += dy
      return .image(img)
    case .group(var g):
      g.transform.tx += dx; g.transform.ty += dy; return .group(g)
    }
  }
}

/// Wraps nodes in a transform and opacity when the item asks for one. Rotation turns about
/// the item's centre; scale grows from its top-left corner, so `at` keeps its meaning.
func transformed(_ nodes: [Node], size: Size, placement p: Placement, role: StructureRole) -> [Node] {
  if p.rotation == 0 && p.scale == 1 && p.opacity == 1 { return nodes }
  var t = Transform.identity
  if p.scale != 1 { t = t.then(.scale(p.scale)) }
  if p.rotation != 0 {
    let cx = size.width * p.scale / 2, cy = size.height * p.scale / 2
    t = t.then(.translation(-cx, -cy)).then(.rotation(degrees: p.rotation)).then(.translation(cx, cy))
  }
  return [.group(GroupNode(transform: t, opacity: p.opacity, children: nodes, role: role))]
}
