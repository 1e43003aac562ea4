import Foundation
@testable import NaraLoader
import NaraModel
import TestSupport
import Testing

/// The format's description: consistent in itself, and what the loader checks keys against.
@Suite struct FormatSchemaTests {
  @Test func noSectionOrKindListsAKeyTwice() {
    for id in SectionID.allCases {
      let names = FormatSchema[id].names
      #expect(Set(names).count == names.count, "\(id)")
      for (alias, canonical) in FormatSchema[id].aliases { #expect(names.contains(canonical) && !names.contains(alias), "\(id): \(alias)") }
    }
    for kind in ItemKindName.allCases {
      let names = FormatSchema.allKeys(for: kind).map(\.name)
      #expect(Set(names).count == names.count, "\(kind)")
      #expect(!names.contains(kind.rawValue), "\(kind)")
      if let main = kind.mainKey { #expect(names.contains(main), "\(kind): \(main)") }
      #expect(!FormatSchema.doc(for: kind).isEmpty)
    }
  }

  @Test func everyKeyHasADoc() {
    let all = SectionID.allCases.flatMap { FormatSchema[$0].keys } + ItemKindName.allCases.flatMap(FormatSchema.allKeys(for:))
    for k in all { #expect(!k.doc.isEmpty && !k.doc.hasSuffix("."), "\(k.name)") }
  }

  /// A kind's key and a key of the schema are accepted; one the schema does not list is not.
  @Test func theLoaderAcceptsExactlyTheSchemasKeys() {
    let r = load(onPage("- rating:\n    steps: 4\n    fill: vit\n    1️⃣colur: skog"))
    r.expectError("unknown key `colur` in a rating item", at: "1️⃣")
    #expect(r.errors.count == 1, "\(r.diagnostics)")
  }

  @Test func theJSONSchemaIsValidJSONWithEveryKindAndSection() throws {
    let text = FormatSchema.jsonSchema()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let definitions = try #require(object["definitions"] as? [String: Any])
    for kind in ItemKindName.allCases { #expect(definitions["item-\(kind.rawValue)"] != nil, "\(kind)") }
    for id in SectionID.allCases { #expect(definitions[id.rawValue] != nil, "\(id)") }
    let text0 = try #require(definitions["item-text"] as? [String: Any])
    #expect(text0["additionalProperties"] as? Bool == false)
    #expect((text0["required"] as? [String]) == ["text"])
  }

  @Test func yamlBecomesJSONTypedAsYAML12() throws {
    let json = try YAMLAsJSON.convert("on: ja\nn: 3\ns: \"3\"\nb: true\nl: [12mm, 0]\ne:\n")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["on"] as? String == "ja")
    #expect(object["n"] as? Int == 3 && object["s"] as? String == "3" && object["b"] as? Bool == true)
    #expect(object["e"] is NSNull)
  }

  @Test func theMarkdownReferenceReplacesOnlyWhatIsBetweenItsMarkers() throws {
    let readme = "# x\n\n<!-- format-reference:start -->\nold\n<!-- format-reference:end -->\n\n## after\n"
    let updated = try #require(FormatSchema.replacingReference(in: readme))
    #expect(updated.hasPrefix("# x\n\n" + FormatSchema.markdownStart))
    #expect(updated.hasSuffix(FormatSchema.markdownEnd + "\n\n## after\n"))
    #expect(FormatSchema.replacingReference(in: "no markers") == nil)
  }
}
