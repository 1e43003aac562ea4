import ArgumentParser

@main
struct Naraprint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "naraprint",
    abstract: "Lays out posters, leaflets and meeting sheets from YAML layouts into PDF and PNG, with Swedish typography.",
    version: "0.1.0",
    subcommands: [Render.self, Check.self, Watch.self, Strings.self] + typographyCommands)
}
