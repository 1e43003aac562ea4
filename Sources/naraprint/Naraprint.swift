import ArgumentParser
import NaraCairo
import NaraModel

@main
struct Naraprint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "naraprint",
    abstract: "Lays out posters, leaflets and meeting sheets from YAML layouts into PDF and PNG, with Swedish typography.",
    version: NaraprintVersion.string,
    subcommands: [Render.self, Check.self, Watch.self, Strings.self, Init.self, Doctor.self] + typographyCommands)
  static func main() { TemporaryFiles.installSignalCleanup(); main(nil) }
}

/// `--set name=value` options as a dictionary; a value may itself contain `=`.
func variableValues(_ settings: [String]) throws -> [String: String] {
  var values: [String: String] = [:]
  for setting in settings {
    let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
      throw ValidationError("--set takes name=value, like --set enhet=\"Hemtjänst Norr\" (got \(setting))")
    }
    values[parts[0]] = parts[1]
  }
  return values
}
