import NaraModel
import Yams

/// State shared while reading one layout: the theme, components and the ids handed out.
struct LoadContext {
  struct ComponentSource {
    let name: String
    let node: Node
    let reader: Reader
    var used = false
  }
  var theme = Theme()
  var settings = DocumentSettings(pageSize: .zero)
  var components: [String: ComponentSource] = [:]
  var stories: [String: Story] = [:]
  var usedStories: Set<String> = []
  var readers: [Reader] = []
  var extraDiagnostics: [Diagnostic] = []
  /// Explicit ids seen, with where, to report duplicates.
  var ids: [String: SourceLocation] = [:]
  /// Components being expanded (to catch a component that places itself).
  var expanding: [String] = []
  /// Items read so far (components expanded) and how deep in items the reader is: both
  /// bounded (`Limits`), so that components placing components cannot grow without end.
  var itemCount = 0
  var depth = 0
  var reportedLimits: Set<String> = []

  mutating func registerComponents(_ node: Node, reader: Reader) {
    guard case .mapping(let m) = node else {
      reader.error("`components` must be a mapping of names to components", at: node, code: .wrongValueKind); return
    }
    for (k, v) in m {
      guard let name = k.scalar?.string else { reader.error("a component name must be a word", at: k, code: .wrongValueKind); continue }
      if let existing = components[name] {
        reader.error("component `\(name)` is defined twice", at: k,
                     hints: ["the other one is at \(existing.reader.location(existing.node))"], code: .duplicateComponent, subject: name)
        continue
      }
      components[name] = ComponentSource(name: name, node: v, reader: reader)
    }
  }

  mutating func claim(id: String, at location: SourceLocation) -> Bool {
    if let other = ids[id] {
      extraDiagnostics.append(.error(.duplicateID, "the id `\(id)` is used twice", at: location,
                                     hints: ["ids must be unique in a layout; the other is at \(other)"], itemID: id, subject: id))
      return false
    }
    ids[id] = location
    return true
  }

  /// A component the layout defines but never places is probably a mistake (components from
  /// imported files are a library and need not all be used).
  mutating func checkUnusedComponents(definedIn reader: Reader) {
    for c in components.values.sorted(by: { $0.name < $1.name }) where c.reader === reader && !c.used {
      extraDiagnostics.append(.warning(.unusedComponent, "component `\(c.name)` is defined but never placed", at: reader.location(c.node),
                                       hints: ["place it with `- use: \(c.name)`, or remove it"], subject: c.name))
    }
  }
}
