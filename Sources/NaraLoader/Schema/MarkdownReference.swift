import Foundation
import NaraModel

/// `naraprint schema --markdown`: the README's format reference, written from the same
/// description the loader checks keys against (a test keeps README.md equal to it).
extension FormatSchema {
  public static let markdownStart = "<!-- format-reference:start (written by `naraprint schema --markdown`; do not edit by hand) -->"
  public static let markdownEnd = "<!-- format-reference:end -->"

  /// The reference, between its markers.
  public static func markdown() -> String {
    var parts = [markdownStart, "### Reference: every key", "",
                 "Generated from the same description the loader checks keys with; **bold** keys are required.", ""]
    let before: [SectionID] = [.layout, .document, .page]
    let after: [SectionID] = [.theme, .paragraphStyle, .characterStyle, .markup, .story, .component, .componentFile,
                              .kitFile, .kit, .stroke, .tail, .anchor, .insets, .colourValue]
    for id in before { parts.append(section(FormatSchema[id])) }
    parts.append(itemsReference())
    for id in after { parts.append(section(FormatSchema[id])) }
    parts.append(markdownEnd)
    return parts.joined(separator: "\n") + "\n"
  }

  /// `text` (a README) with the part between the markers replaced by `markdown()`; nil when
  /// it has no markers.
  public static func replacingReference(in text: String) -> String? {
    guard let start = text.range(of: "<!-- format-reference:start"),
      let end = text.range(of: markdownEnd, range: start.upperBound..<text.endIndex)
    else { return nil }
    var after = end.upperBound
    if after < text.endIndex, text[after] == "\n" { after = text.index(after: after) }
    return String(text[..<start.lowerBound]) + markdown() + String(text[after...])
  }

  static func section(_ s: SectionSpec, heading: String? = nil) -> String {
    var out = "#### \(heading ?? s.title)\n\n\(s.doc)"
    if !s.aliases.isEmpty {
      out += " Also accepted: " + s.aliases.sorted { $0.key < $1.key }.map { "`\($0.key)` for `\($0.value)`" }.joined(separator: ", ") + "."
    }
    return out + "\n\n" + table(s.keys)
  }

  static func table(_ keys: [KeySpec]) -> String {
    var lines = ["| key | value | default | meaning |", "|---|---|---|---|"]
    for k in keys {
      let name = k.required ? "**`\(k.name)`**" : "`\(k.name)`"
      lines.append("| \(name) | \(cell(summary(k.type))) | \(cell(k.defaultValue ?? "–")) | \(cell(k.doc)) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func itemsReference() -> String {
    var out = "#### Items\n\nEach item is a mapping whose first key names its kind: "
    out += ItemKindName.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ". "
    out += "That key holds the item's main value or a mapping of its properties. Keys every item takes:\n\n"
    out += table(commonItemKeys)
    for kind in ItemKindName.allCases {
      out += "\n##### `\(kind.rawValue)`\n\n" + doc(for: kind).prefix(1).uppercased() + doc(for: kind).dropFirst() + "."
      if let main = kind.mainKey { out += " `- \(kind.rawValue): …` is short for `\(main):`." }
      var keys = keys(for: kind)
      if kind == .text {
        let styleKeys = Set(paragraphStyle.names)
        keys = keys.filter { !styleKeys.contains($0.name) }
        out += " Every paragraph style key but `based-on` and `size` overrides the style for this text (`font-size` for the size)."
      }
      out += "\n\n" + table(keys)
    }
    return out
  }

  /// A value type in a few words.
  static func summary(_ type: ValueType) -> String {
    switch type {
    case .text: "text"
    case .name(let what): what
    case .length(let negative): negative ? "length (may be negative)" : "length"
    case .dimension: "length, `auto`, `1fr` or `50%`"
    case .point: "`[x, y]`"
    case .insets: "insets"
    case .colour: "colour"
    case .stroke: "stroke"
    case .number(let r): "number \(formatNumber(r.lowerBound))–\(formatNumber(r.upperBound))"
    case .integer(let r): "whole number \(r.lowerBound)–\(r.upperBound)"
    case .bool: "`true`/`false`"
    case .choice(let values, _): values.map { "`\($0)`" }.joined(separator: " ")
    case .angle: "angle"
    case .percentage: "percentage"
    case .leading: "factor or length"
    case .tracking: "`em` or length"
    case .weight: "weight"
    case .pageSize: "page size or `[w, h]`"
    case .colourDefinition: "colour definition"
    case .cmyk: "cmyk"
    case .list(let element): "list of \(summary(element))"
    case .section(let id): FormatSchema[id].title.hasPrefix("`") ? FormatSchema[id].title : FormatSchema[id].title.lowercased()
    case .names(let element): "name → \(summary(element))"
    case .items: "items"
    case .either(let types): types.map(summary).joined(separator: " or ")
    case .none: "–"
    }
  }

  static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
