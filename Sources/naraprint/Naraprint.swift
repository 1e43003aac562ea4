import ArgumentParser
import NaraFiles
import NaraLoader
import NaraModel

@main
struct Naraprint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "naraprint",
    abstract: "Lays out posters, leaflets and meeting sheets from YAML layouts into PDF and PNG, with Swedish typography.",
    version: NaraprintVersion.string,
    subcommands: [Render.self, Check.self, Watch.self, Strings.self, Explain.self, Init.self, Doctor.self, Schema.self] + typographyCommands)
  static func main() { TemporaryFiles.installSignalCleanup(); main(nil) }
}

/// `--root DIR` as the folder files may be read from; nil (the layout's project) when not given.
func projectRoot(_ dir: String?) throws -> ProjectRoot? {
  guard let dir else { return nil }
  do { return try ProjectRoot(explicit: dir) } catch { throw ValidationError(error.diagnostics.map(\.message).joined(separator: "; ")) }
}

/// `--set name=value` options as a dictionary; a value may itself contain `=`.
func variableValues(_ settings: [String]) throws -> [String: String] {
  var values: [String: String] = [:]
  for setting in settings {
    let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
      throw ValidationError("--set takes name=value, like --set enhet=\"Hemtjänst Norr\" (got \(setting))")
    }
    if parts[1].count > Limits.variableLength {
      throw ValidationError("--set \(parts[0]): the value has \(parts[1].count) characters; a variable holds at most \(Limits.variableLength)")
    }
    if parts[1].unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }) {
      throw ValidationError("--set \(parts[0]): the value contains a control character; remove it")
    }
    values[parts[0]] = parts[1]
  }
  return values
}
