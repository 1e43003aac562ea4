import NaraModel
import Yams

/// Whether an item may say where it goes (`at`) or is placed by a stack or grid.
enum PlacementMode { case absolute, flow }

/// The kinds of item, as their names (for messages and did-you-mean).
let itemKindNames = ItemKindName.allCases.map(\.rawValue)

extension Reader {
  /// Reads one item. Its kind is the key naming it (`text:`, `rect:` …); that key's value is
  /// either the item's main value (the text, the image file, the path data, the component) or
  /// a mapping of its properties; the item's other keys are properties too.
  func item(_ node: Node, id defaultID: String, context: inout LoadContext, placement mode: PlacementMode) -> Item? {
    context.itemCount += 1
    if context.itemCount > Limits.items {
      if context.reportedLimits.insert("items").inserted {
        error("the layout has more than \(Limits.items) items once its components are placed", at: node,
              hints: ["a component placed inside components multiplies its items; split the layout or place fewer copies"])
      }
      return nil
    }
    guard case .mapping(let mapping) = node else {
      error("an item must be a mapping such as `- text: …` or `- rect: …`, not \(describe(node))", at: node); return nil
    }
    let kindKeys = mapping.keys.compactMap { $0.scalar?.string }.filter { itemKindNames.contains($0) }
    guard kindKeys.count == 1, let kindName = kindKeys.first, let kind = ItemKindName(rawValue: kindName),
      let kindNode = mapping.keys.first(where: { $0.scalar?.string == kindName })
    else {
      if kindKeys.count > 1 {
        error("an item can be only one kind, but this has \(kindKeys.joined(separator: " and "))", at: node,
              hints: ["split it into two items"])
      } else {
        let keys = mapping.keys.compactMap { $0.scalar?.string }
        var hints = ["start the item with one of: " + itemKindNames.joined(separator: ", ")]
        if let first = keys.first, let g = closestMatch(to: first, in: itemKindNames) { hints.insert("did you mean `\(g)`?", at: 0) }
        error("the item does not say what kind it is", at: node, hints: hints)
      }
      return nil
    }
    // Flatten `kind: {props}` into the item's own keys.
    var pairs: [(Node, Node)] = []
    var mainValue: Node?
    for (k, v) in mapping {
      if k.scalar?.string == kindName, case .mapping(let inner) = v {
        for pair in inner { pairs.append((pair.key, pair.value)) }
      } else if k.scalar?.string == kindName, case .sequence = v, kind.isContainer {
        // `- row: [ … ]` is short for `- row: { items: [ … ] }`.
        pairs.append((Node.scalar(Node.Scalar("items", .implicit, .plain, k.mark)), v))
      } else if k.scalar?.string == kindName {
        if case .scalar(let s) = v, s.string.isEmpty, s.style == .plain {} else { mainValue = v }
      } else { pairs.append((k, v)) }
    }
    let flat = Node.mapping(Node.Mapping(pairs, .implicit, .any, mapping.mark))
    let allowed = FormatSchema.allKeys(for: kind).map(\.name)
    guard let f = fields(flat, allowed: allowed, what: "a \(kindName) item", aliases: colourAliases) else { return nil }

    var id = defaultID
    if let n = f["id"], let s = string(n, what: "id") {
      if s.isEmpty || s.contains(where: { $0 == " " || $0 == "/" }) {
        error("an id must be one word without spaces or `/`", at: n)
      } else if context.claim(id: scopedID(s, context: context), at: location(n)) { id = scopedID(s, context: context) }
    }
    var item = Item(id: id, location: location(node), kind: .group(Group(items: [])))
    item.placement = placement(f, mode: mode)
    if let n = f["anchor"], mode == .absolute {
      if let at = f["at"] { error("an item goes either `at` a point or by its `anchor`, not both", at: at, hints: ["remove `at`"]) }
      item.placement.anchor = anchor(n, context: context)
    }
    if let n = f["on"] {
      // One id or a list of ids: the shapes this item's texts sit on on purpose.
      let names: [Node]
      if case .sequence = n { names = list(n, what: "on") } else { names = [n] }
      item.grounds = names.compactMap { rawScalar($0, what: "on") }
    }
    if let n = f["role"], let r = rawScalar(n, what: "role") {
      switch r {
      case "artifact", "decoration": item.role = .artifact
      case "content": item.role = .content
      case "figure":
        if let a = f["alt"], let alt = translatable(a, id: "\(id).alt", what: "alt") { item.role = .figure(alt: alt) } else {
          error("a figure needs `alt:` text for screen readers", at: n)
        }
      default: error("role cannot be `\(r)`", at: n, hints: ["use content, figure (with alt) or artifact"])
      }
    } else if let a = f["alt"], let alt = translatable(a, id: "\(id).alt", what: "alt") {
      item.role = alt.isEmpty ? .artifact : .figure(alt: alt)
    }

    guard let k = itemKind(kind, f, main: mainValue, at: kindNode, item: item, mode: mode, context: &context) else { return nil }
    item.kind = k
    return item
  }

  /// Inside a placed component, explicit ids are prefixed with the placement's id.
  func scopedID(_ id: String, context: LoadContext) -> String {
    guard let prefix = scopes.last?["__id"] else { return id }
    return "\(prefix).\(id)"
  }

  func children(_ node: Node?, of parent: String, context: inout LoadContext, mode: PlacementMode, at owner: Node) -> [Item] {
    guard let node else {
      error("this needs `items:`", at: owner, hints: ["list what goes inside, one `- ` per item"]); return []
    }
    context.depth += 1
    defer { context.depth -= 1 }
    if context.depth > Limits.nesting {
      if context.reportedLimits.insert("nesting").inserted {
        error("items are nested more than \(Limits.nesting) deep here", at: owner,
              hints: ["groups, stacks, rows, grids and components inside each other; flatten some of them"])
      }
      return []
    }
    var out: [Item] = []
    for (i, n) in list(node, what: "items").enumerated() {
      if let it = item(n, id: "\(parent).\(i + 1)", context: &context, placement: mode) { out.append(it) }
    }
    return out
  }

  func placement(_ f: Fields, mode: PlacementMode) -> Placement {
    var p = Placement()
    if let n = f["at"] {
      if mode == .flow {
        error("items in a stack, row or grid are placed by it; `at` has no effect here", at: n,
              hints: ["remove `at`, or wrap the items in a `group` to place them freely"])
      } else { p.at = point(n, what: "at") }
    }
    if let n = f["size"] {
      if let s = point(n, what: "size") {
        if s.x < 0 || s.y < 0 {
          // At the negative one of the two.
          var at = n
          if case .sequence(let seq) = n, seq.count == 2 { at = s.x < 0 ? seq[0] : seq[1] }
          error("size cannot be negative", at: at)
        }
        p.width = .fixed(.pt(s.x)); p.height = .fixed(.pt(s.y))
      }
    }
    if let n = f["width"] { p.width = dimension(n, what: "width") ?? .auto }
    if let n = f["height"] { p.height = dimension(n, what: "height") ?? .auto }
    if let n = f["rotate"], let s = rawScalar(n, what: "rotate") {
      let t = s.hasSuffix("deg") ? String(s.dropLast(3)) : s
      if let v = Double(t), v.isFinite, abs(v) <= 360 { p.rotation = v } else {
        error("rotate must be an angle in degrees such as 15deg, not `\(s)`", at: n)
      }
    }
    if let n = f["scale"], let v = number(n, what: "scale", range: 0.01...100) { p.scale = v }
    if let n = f["opacity"], let v = number(n, what: "opacity", range: 0...1) { p.opacity = v }
    if let n = f["min-height"] { p.minHeight = length(n, what: "min-height") }
    if let n = f["anchor"], mode == .flow {
      error("items in a stack, row or grid are placed by it; `anchor` has no effect here", at: n,
            hints: ["anchor the stack, row or grid itself, or wrap the items in a `group`"])
    }
    return p
  }

  /// `anchor: { to: id, at: bottom-start, self: top-start, offset: [0mm, 4mm] }`, or along a
  /// path: `anchor: { to: väg, along: 30%, side: above, distance: 2mm }` (or with `self:`).
  func anchor(_ node: Node, context: LoadContext) -> NaraModel.Anchor? {
    var f: Fields
    if case .scalar = node {
      // `anchor: huvud` is short for `anchor: { to: huvud }` (below it, at its start edge).
      f = Fields(node: node, entries: ["to": (key: node, value: node)], order: ["to"])
    } else {
      guard let parsed = fields(node, section: .anchor, what: "anchor") else { return nil }
      f = parsed
    }
    guard let tn = f["to"] else {
      error("an anchor needs `to:`, the id of the item it hangs from", at: node, hints: ["write `anchor: { to: rubrik, at: bottom-start, self: top-start }`"])
      return nil
    }
    guard let to = rawScalar(tn, what: "anchor target") else { return nil }
    var a = NaraModel.Anchor(target: scopedID(to, context: context), location: location(tn))
    let pointAliases: [String: BoxPoint] = ["centre": .center, "middle": .center, "top-left": .topStart, "top-right": .topEnd,
                                            "bottom-left": .bottomStart, "bottom-right": .bottomEnd, "left": .start, "right": .end]
    if let n = f["at"] { a.targetPoint = choice(n, what: "anchor point", as: BoxPoint.self, aliases: pointAliases) ?? .bottomStart }
    if let n = f["self"] { a.selfPoint = choice(n, what: "anchor point", as: BoxPoint.self, aliases: pointAliases) }
    if let n = f["along"], let s = rawScalar(n, what: "along") {
      if s.hasSuffix("%"), let v = Double(s.dropLast()), v.isFinite, (0...100).contains(v) { a.along = v / 100 } else {
        error("along must be a share of the path's length, from 0% to 100%, not `\(s)`", at: n)
      }
      if let at = f["at"] { error("`at` names a point of an item's box; along a path use `self` (or `side`)", at: at) }
    } else if let n = f["side"] ?? f["distance"] {
      error("`side` and `distance` place an item beside a path; add `along:`", at: n)
    }
    if let n = f["side"] {
      a.side = choice(n, what: "side", as: NaraModel.Anchor.Side.self, aliases: ["over": .above, "under": .below, "left": .start, "right": .end]) ?? .above
    }
    if let n = f["distance"] { a.distance = length(n, what: "distance", max: .mm(1000)) ?? .zero }
    if let n = f["offset"] { a.offset = point(n, what: "offset") ?? .zero }
    return a
  }
}
