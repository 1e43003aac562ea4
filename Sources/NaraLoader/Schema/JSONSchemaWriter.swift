import NaraModel

/// `naraprint schema`: the format as a JSON Schema (draft-07, which yaml-language-server and
/// so VS Code's YAML extension support best). One schema for every file naraprint reads: a
/// layout, a theme, a component file or a kit.
extension FormatSchema {
  public static func jsonSchema() -> String {
    let root: JSONValue = .object([
      ("$schema", .string("http://json-schema.org/draft-07/schema#")),
      ("title", .string("naraprint layout format (version 1)")),
      ("description", .string("A naraprint layout, theme, component file or kit.")),
      ("anyOf", .array([SectionID.layout, .theme, .componentFile, .kitFile].map { ref($0.rawValue) })),
      ("definitions", .object(valueDefinitions + sectionDefinitions + itemDefinitions)),
    ])
    return root.rendered() + "\n"
  }

  static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/definitions/\(name)"))]) }
  static func anyOf(_ values: [JSONValue]) -> JSONValue { .object([("anyOf", .array(values))]) }
  static func pattern(_ p: String) -> JSONValue { .object([("type", .string("string")), ("pattern", .string(p))]) }
  static func withVariable(_ v: JSONValue) -> JSONValue { anyOf([v, ref("variable")]) }

  static let decimal = #"([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?"#
  static let units = Length.units.map(\.suffix).joined(separator: "|")

  /// The scalar types, once each.
  static var valueDefinitions: [(String, JSONValue)] {
    let lengthPattern = pattern(#"^\s*\+?"# + decimal + #"\s*("# + units + #")\s*$"#)
    let signedPattern = pattern(#"^\s*[-+]?"# + decimal + #"\s*("# + units + #")\s*$"#)
    let zero: JSONValue = .object([("const", .number(0))])
    let lengthArray = { (n: Int) -> JSONValue in
      .object([("type", .string("array")), ("items", ref("length")), ("minItems", .number(Double(n))), ("maxItems", .number(Double(n)))])
    }
    return [
      ("variable", pattern(#"\{\{"#)),
      ("text", .object([("type", .array(["string", "number", "boolean", "null"].map { .string($0) }))])),
      ("length", anyOf([lengthPattern, zero, ref("variable")])),
      ("signed-length", anyOf([signedPattern, zero, ref("variable")])),
      ("dimension", anyOf([ref("length"), .object([("enum", .array([.string("auto")]))]),
                           pattern("^" + decimal + "fr$"), pattern("^" + decimal + "%$")])),
      ("point", .object([("type", .string("array")), ("items", ref("signed-length")), ("minItems", .number(2)), ("maxItems", .number(2))])),
      ("insets-value", anyOf([ref("length"), lengthArray(2), lengthArray(4), ref(SectionID.insets.rawValue)])),
      ("colour", .object([("type", .string("string"))])),
      ("stroke-value", anyOf([ref("colour"), ref(SectionID.stroke.rawValue)])),
      ("bool", anyOf([.object([("type", .string("boolean"))]),
                      .object([("enum", .array(["true", "false", "yes", "no", "on", "off", "ja", "nej"].map { .string($0) }))]),
                      ref("variable")])),
      ("angle", anyOf([.object([("type", .string("number")), ("minimum", .number(-360)), ("maximum", .number(360))]),
                       pattern("^-?" + decimal + "(deg)?$"), ref("variable")])),
      ("percentage", anyOf([pattern("^" + decimal + "%$"), ref("variable")])),
      ("leading", anyOf([.object([("type", .string("number")), ("minimum", .number(0.5)), ("maximum", .number(5))]), ref("length")])),
      ("tracking", anyOf([pattern("^-?" + decimal + "em$"), ref("signed-length")])),
      ("weight", anyOf([.object([("enum", .array(weightNames.keys.sorted().map { .string($0) }))]),
                        .object([("type", .string("integer")), ("minimum", .number(100)), ("maximum", .number(900))]), ref("variable")])),
      ("page-size", anyOf([.object([("enum", .array(paperSizeNames.map { .string($0) }))]), ref("point"), ref("variable")])),
      ("colour-definition", anyOf([pattern("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"),
                                   pattern(#"^\s*[cC][mM][yY][kK]\(.*\)\s*$"#), ref(SectionID.colourValue.rawValue)])),
      ("cmyk", anyOf([pattern(#"^\s*[cC][mM][yY][kK]\(.*\)\s*$"#),
                      .object([("type", .string("array")), ("items", .object([("type", .array([.string("number"), .string("string")]))])),
                               ("minItems", .number(4)), ("maxItems", .number(4))])])),
    ]
  }

  /// The page sizes the loader knows, as written and in lower case (`a4` is read as `A4`).
  static var paperSizeNames: [String] {
    var names = paperSizes.keys.sorted()
    for n in names where n.lowercased() != n { names.append(n.lowercased()) }
    return names
  }

  /// The schema of a value of this type.
  static func schema(_ type: ValueType) -> JSONValue {
    switch type {
    case .text, .name: ref("text")
    case .length(let negative): ref(negative ? "signed-length" : "length")
    case .dimension: ref("dimension")
    case .point: ref("point")
    case .insets: ref("insets-value")
    case .colour: ref("colour")
    case .stroke: ref("stroke-value")
    case .number(let r):
      withVariable(.object([("type", .string("number")), ("minimum", .number(r.lowerBound)), ("maximum", .number(r.upperBound))]))
    case .integer(let r):
      withVariable(.object([("type", .string("integer")), ("minimum", .number(Double(r.lowerBound))), ("maximum", .number(Double(r.upperBound)))]))
    case .bool: ref("bool")
    case .choice(let values, let aliases): withVariable(.object([("enum", .array((values + aliases).map { .string($0) }))]))
    case .angle: ref("angle")
    case .percentage: ref("percentage")
    case .leading: ref("leading")
    case .tracking: ref("tracking")
    case .weight: ref("weight")
    case .pageSize: ref("page-size")
    case .colourDefinition: ref("colour-definition")
    case .cmyk: ref("cmyk")
    case .list(let element): .object([("type", .string("array")), ("items", schema(element))])
    case .section(let id): ref(id.rawValue)
    case .names(let element): .object([("type", .string("object")), ("additionalProperties", schema(element))])
    case .items: .object([("type", .string("array")), ("items", ref("item"))])
    case .either(let types): anyOf(types.map(schema))
    case .none: .object([("type", .string("null"))])
    }
  }

  /// A key's schema with its description (and default) for hover; a `$ref` is wrapped in
  /// `allOf`, since draft-07 ignores what stands beside one.
  static func property(_ key: KeySpec, aliasOf: String? = nil) -> JSONValue {
    var doc = aliasOf.map { "the same as `\($0)`: " + key.doc } ?? key.doc
    if let d = key.defaultValue { doc += " (default: \(d))" }
    let s = schema(key.type)
    if case .object(let pairs) = s, pairs.count == 1, pairs[0].0 == "$ref" {
      return .object([("description", .string(doc)), ("allOf", .array([s]))])
    }
    guard case .object(let pairs) = s else { return s }
    return .object([("description", .string(doc))] + pairs)
  }

  /// An object with these keys (and their aliases) and no others.
  static func object(_ keys: [KeySpec], aliases: [String: String], doc: String, required: [String]) -> JSONValue {
    var properties = keys.map { ($0.name, property($0)) }
    for (alias, canonical) in aliases.sorted(by: { $0.key < $1.key }) {
      if let k = keys.first(where: { $0.name == canonical }) { properties.append((alias, property(k, aliasOf: canonical))) }
    }
    var pairs: [(String, JSONValue)] = [("type", .string("object")), ("description", .string(doc)), ("properties", .object(properties))]
    if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
    pairs.append(("additionalProperties", .bool(false)))
    return .object(pairs)
  }

  static var sectionDefinitions: [(String, JSONValue)] {
    SectionID.allCases.map { id in
      let s = FormatSchema[id]
      // A stroke's colour is required only when the stroke is a mapping, which this is.
      return (id.rawValue, object(s.keys, aliases: s.aliases, doc: s.title + ": " + s.doc, required: s.keys.filter(\.required).map(\.name)))
    }
  }

  /// `item`: one of the kinds, each an object whose kind key holds its main value or a
  /// mapping of its properties.
  static var itemDefinitions: [(String, JSONValue)] {
    var defs: [(String, JSONValue)] = [("item", .object([("oneOf", .array(ItemKindName.allCases.map { ref("item-\($0.rawValue)") }))]))]
    for kind in ItemKindName.allCases {
      let keys = allKeys(for: kind).map { k in
        // On the item itself a required key may come from the kind key's mapping instead.
        KeySpec(k.name, k.type, k.doc, default: k.defaultValue)
      }
      let properties = object(keys, aliases: colourAliases, doc: "the \(kind.rawValue) item's properties", required: [])
      let main = KeySpec(kind.rawValue, .either([kind.mainValue]), doc(for: kind))
      var kindProperty = property(main)
      if case .object(var pairs) = kindProperty, let i = pairs.firstIndex(where: { $0.0 == "anyOf" }), case .array(let options) = pairs[i].1 {
        pairs[i].1 = .array(options + [properties])
        kindProperty = .object(pairs)
      }
      defs.append(("item-\(kind.rawValue)", object([main] + keys, aliases: colourAliases, doc: "`\(kind.rawValue)`: " + doc(for: kind), required: [kind.rawValue])
        .replacingProperty(kind.rawValue, with: kindProperty)))
    }
    return defs
  }
}

extension JSONValue {
  /// This object with `properties.name` replaced.
  func replacingProperty(_ name: String, with value: JSONValue) -> JSONValue {
    guard case .object(var pairs) = self, let i = pairs.firstIndex(where: { $0.0 == "properties" }),
      case .object(var properties) = pairs[i].1, let j = properties.firstIndex(where: { $0.0 == name })
    else { return self }
    properties[j].1 = value
    pairs[i].1 = .object(properties)
    return .object(pairs)
  }
}
