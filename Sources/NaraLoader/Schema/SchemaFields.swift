import Yams

extension Reader {
  /// The entries of a mapping whose keys the format's description lists (`FormatSchema`):
  /// any other key is an error with a did-you-mean hint.
  func fields(_ node: Node, section: SectionID, what: String) -> Fields? {
    let spec = FormatSchema[section]
    return fields(node, allowed: spec.names, what: what, aliases: spec.aliases)
  }
}
