import ArgumentParser
import Foundation
import NaraLoader

/// `naraprint schema`: the layout format as a JSON Schema for editors (the repository ships
/// it as `naraprint.schema.json`), or as the README's Markdown reference.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the layout format as a JSON Schema (for editor completion) or as Markdown.",
    discussion: """
      naraprint schema > naraprint.schema.json writes the schema the shipped layouts name in \
      their first line (# yaml-language-server: $schema=…); VS Code's YAML extension and other \
      editors using yaml-language-server then complete keys, show each key's meaning and mark \
      unknown keys. --markdown prints the key reference README.md carries.
      """)

  @Flag(help: "Print the Markdown key reference instead of the JSON Schema.")
  var markdown = false

  @Option(name: .customLong("as-json"), help: ArgumentHelp(
    "Print this YAML file as JSON, typed as YAML 1.2 (and editors) type it, to check it with any JSON Schema validator.",
    valueName: "file"))
  var asJSON: String?

  @Option(name: .customLong("update-readme"), help: ArgumentHelp(
    "Rewrite the key reference in this README (between its format-reference markers) instead of printing.", valueName: "file"))
  var readme: String?

  func run() throws {
    if let readme {
      guard let data = FileManager.default.contents(atPath: readme), let text = String(data: data, encoding: .utf8) else {
        throw ValidationError("cannot read \(readme) as UTF-8 text")
      }
      guard let updated = FormatSchema.replacingReference(in: text) else {
        throw ValidationError("\(readme) has no <!-- format-reference:start --> … <!-- format-reference:end --> markers")
      }
      try Data(updated.utf8).write(to: URL(fileURLWithPath: readme), options: .atomic)
      return
    }
    if let asJSON {
      guard let data = FileManager.default.contents(atPath: asJSON), let text = String(data: data, encoding: .utf8) else {
        throw ValidationError("cannot read \(asJSON) as UTF-8 text")
      }
      do { print(try YAMLAsJSON.convert(text), terminator: "") } catch { throw ValidationError("\(asJSON): \(error)") }
      return
    }
    print(markdown ? FormatSchema.markdown() : FormatSchema.jsonSchema(), terminator: "")
  }
}
