/// What a key's value may be, as the loader reads it. One description serves the loader's
/// key checks, the JSON Schema editors complete from and the README's reference.
public indirect enum ValueType: Sendable {
  /// Any text; `{{variables}}` are filled in.
  case text
  /// A name of something defined elsewhere (a style, a component, an id): `what` says which.
  case name(String)
  /// A length with its unit (`12mm`, `9.5pt`); `0` may stand alone.
  case length(negative: Bool)
  /// `auto`, a length, a share (`1fr`) or a percentage (`50%`).
  case dimension
  /// `[x, y]`: two lengths.
  case point
  /// One length, `[vertical, horizontal]`, `[top, end, bottom, start]` or `{top:, end:, …}`.
  case insets
  /// A theme colour's name, `#rrggbb` (in quotes), `none` or `transparent`.
  case colour
  /// A colour (1 pt wide) or `{colour, width, dash, cap, join}`.
  case stroke
  case number(ClosedRange<Double>)
  case integer(ClosedRange<Int>)
  case bool
  /// One of a fixed set of words; `aliases` are accepted too but not advertised.
  case choice([String], aliases: [String] = [])
  /// Degrees: `15`, `15deg`.
  case angle
  /// `30%`.
  case percentage
  /// A factor of the size (`1.3`) or a length (`20pt`).
  case leading
  /// `0.05em` (of the size) or a length.
  case tracking
  /// A weight's name or 100–900.
  case weight
  /// A page size's name or `[width, height]`.
  case pageSize
  /// `#rrggbb`, `cmyk(c, m, y, k)` or `{ rgb:, cmyk: }`.
  case colourDefinition
  /// Four percentages: `cmyk(0, 40, 80, 0)` or `[0, 40, 80, 0]`.
  case cmyk
  case list(ValueType)
  /// A mapping with the keys of a section.
  case section(SectionID)
  /// A mapping from names you choose to values of this type.
  case names(ValueType)
  /// A list of items.
  case items
  /// Any of these.
  case either([ValueType])
  /// What a kind's own key holds when it is not a mapping of properties (`- text: …`).
  case none
}

/// One key of a mapping: its name, what its value may be, its default and a one-line doc.
public struct KeySpec: Sendable {
  public let name: String
  public let type: ValueType
  public let doc: String
  public let defaultValue: String?
  public let required: Bool

  public init(_ name: String, _ type: ValueType, _ doc: String, default defaultValue: String? = nil, required: Bool = false) {
    self.name = name; self.type = type; self.doc = doc; self.defaultValue = defaultValue; self.required = required
  }
}

/// The mappings of the format that have fixed keys.
public enum SectionID: String, Sendable, CaseIterable {
  case layout, componentFile = "component-file", kitFile = "kit-file", kit, theme, document, page
  case paragraphStyle = "paragraph-style", characterStyle = "character-style", markup, story, component
  case stroke, tail, anchor, insets, colourValue = "colour-value", blocks
}

/// A mapping with fixed keys: where it is, its keys, and other spellings the loader accepts.
public struct SectionSpec: Sendable {
  public let id: SectionID
  public let title: String
  public let doc: String
  public let keys: [KeySpec]
  /// Other spelling → the key it stands for (`color` → `colour`).
  public let aliases: [String: String]
  public init(_ id: SectionID, _ title: String, _ doc: String, aliases: [String: String] = [:], keys: [KeySpec]) {
    self.id = id; self.title = title; self.doc = doc; self.aliases = aliases; self.keys = keys
  }
  public var names: [String] { keys.map(\.name) }
  public func key(_ name: String) -> KeySpec? { keys.first { $0.name == name } }
}

/// Spellings accepted for the same key, wherever a colour is given.
let colourAliases = ["color": "colour"]
