import Foundation
import NaraModel
import Yams

/// `document:` – page size, margins, bleed, language, direction and metadata.
extension Reader {
  func settings(_ node: Node, theme: Theme) -> DocumentSettings {
    var s = DocumentSettings(pageSize: Size(width: Length.mm(210).points, height: Length.mm(297).points))
    guard let f = fields(node, section: .document, what: "document") else { return s }
    if let n = f["size"] {
      if case .sequence = n, let p = point(n, what: "size") {
        if p.x < Length.mm(10).points || p.y < Length.mm(10).points || p.x > Length.mm(5000).points || p.y > Length.mm(5000).points {
          error("page size must be between 10 mm and 5000 mm on each side", at: n, code: .pageSetup)
        } else { s.pageSize = Size(width: p.x, height: p.y) }
      } else if let name = rawScalar(n, what: "size") {
        if let (w, h) = paperSizes[name] ?? paperSizes[name.uppercased()] {
          s.pageSize = Size(width: Length.mm(w).points, height: Length.mm(h).points)
        } else {
          var hints = ["use A3, A4, A5 (or A2, A6, SRA3, letter) or [width, height] like [210mm, 297mm]"]
          if let g = closestMatch(to: name, in: paperSizes.keys) { hints.insert("did you mean `\(g)`?", at: 0) }
          error("unknown page size `\(name)`", at: n, hints: hints, code: .pageSetup, subject: name)
        }
      }
    }
    if let n = f["orientation"], let o = rawScalar(n, what: "orientation") {
      switch o {
      case "portrait", "stående": if s.pageSize.width > s.pageSize.height { s.pageSize = Size(width: s.pageSize.height, height: s.pageSize.width) }
      case "landscape", "liggande": if s.pageSize.width < s.pageSize.height { s.pageSize = Size(width: s.pageSize.height, height: s.pageSize.width) }
      default: error("orientation cannot be `\(o)`", at: n, hints: ["use portrait or landscape"], code: .pageSetup)
      }
    }
    if let n = f["margins"], let m = insets(n, what: "margins") {
      // Margins that leave less than 10 mm would set one letter per line: an error, not a page.
      let room = Length.mm(10).points
      let across = m.start.points + m.end.points, down = m.top.points + m.bottom.points
      if across > s.pageSize.width - room || down > s.pageSize.height - room || min(m.start.points, m.end.points, m.top.points, m.bottom.points) < 0 {
        error("the margins leave no room on the page: \(mm(across)) mm of \(mm(s.pageSize.width)) mm across, \(mm(down)) mm of \(mm(s.pageSize.height)) mm down",
              at: n, hints: ["margins are measured from each edge of the page; leave at least 10 mm between them"], code: .pageSetup)
      } else { s.margins = m }
    }
    if let n = f["bleed"], let b = length(n, what: "bleed", max: .mm(25)) { s.bleed = b }
    if let n = f["safe-area"], let b = length(n, what: "safe-area", max: .mm(50)) { s.safeArea = b }
    if let n = f["paper"], let p = rawScalar(n, what: "paper") {
      if ["coated", "uncoated"].contains(p) { s.paper = p } else {
        error("paper cannot be `\(p)`", at: n, hints: ["use coated (FOGRA39, most brochures and posters) or uncoated (FOGRA29, office-like paper)"], code: .pageSetup)
      }
    }
    if let n = f["lang"], let l = string(n, what: "lang") {
      if l.range(of: "^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) == nil {
        error("`\(l)` is not a language tag", at: n, hints: ["write a BCP 47 tag such as sv-SE, fi, ar or ti"], code: .languageTag, subject: l)
      } else { s.language = l }
    }
    if let n = f["direction"] { s.direction = choice(n, what: "direction", as: Direction.self) ?? .ltr }
    if let n = f["title"] { s.title = translatable(n, id: "document.title", what: "title") }
    if let n = f["author"] { s.author = string(n, what: "author") }
    if let n = f["subject"] { s.subject = translatable(n, id: "document.subject", what: "subject") }
    if let n = f["keywords"] { s.keywords = list(n, what: "keywords").compactMap { string($0, what: "keyword") } }
    return s
  }

  /// `12mm`, `[vertical, horizontal]`, `[top, end, bottom, start]` or a mapping with those keys.
  func insets(_ node: Node, what: String) -> Insets? {
    switch node {
    case .scalar: return length(node, what: what).map { Insets(all: $0) }
    case .sequence(let seq):
      let ls = seq.compactMap { length($0, what: what) }
      guard ls.count == seq.count else { return nil }
      switch ls.count {
      case 2: return Insets(top: ls[0], end: ls[1], bottom: ls[0], start: ls[1])
      case 4: return Insets(top: ls[0], end: ls[1], bottom: ls[2], start: ls[3])
      default:
        error("\(what) takes one length, two [vertical, horizontal] or four [top, end, bottom, start]", at: node, code: .wrongValueKind); return nil
      }
    case .mapping:
      guard let f = fields(node, section: .insets, what: what) else { return nil }
      func l(_ k: String) -> Length { f[k].flatMap { length($0, what: "\(what) \(k)") } ?? .zero }
      return Insets(top: l("top"), end: l("end"), bottom: l("bottom"), start: l("start"))
    case .alias:
      error("YAML aliases are not supported here", at: node, code: .yamlAlias); return nil
    }
  }

  /// `stories:` – named texts that flow through frames.
  func stories(_ node: Node, theme: Theme) -> [String: Story] {
    var out: [String: Story] = [:]
    guard let f = fields(node, allowed: mappingKeys(node), what: "stories") else { return out }
    for name in f.order {
      let n = f[name]!
      guard let sf = fields(n, section: .story, what: "story `\(name)`") else { continue }
      guard let c = sf["content"], case .scalar = c, let blocks = translatedBlocks(c, id: name, what: "content", theme: theme) else {
        error("story `\(name)` needs its text under `content: |`", at: n, code: .missingSection); continue
      }
      var style: String?
      if let sn = sf["style"], let s = string(sn, what: "style") {
        if theme.paragraphStyles[s] == nil { unknownStyle(s, at: sn, theme: theme) } else { style = s }
      }
      var story = Story(name: name, blocks: blocks, style: style,
                        language: sf["lang"].flatMap { string($0, what: "lang") },
                        location: location(n))
      story.markup = sf["markup"].map { markupStyles($0, theme: theme) }
      out[name] = story
    }
    return out
  }

}

private func mm(_ points: Double) -> String { String(format: "%.0f", points / 72 * 25.4) }
