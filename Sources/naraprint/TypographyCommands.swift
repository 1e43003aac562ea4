import ArgumentParser

/// The typography subcommands (`hyphenate`, `normalize`) live in Typography/.
let typographyCommands: [ParsableCommand.Type] = [HyphenateCommand.self, NormalizeCommand.self]
