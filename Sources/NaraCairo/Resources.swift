import Foundation

/// Finds naraprint's data folders (`fonts/`, `typography/`, `assets/`): beside the layout's
/// project, up from the working directory, or up from the executable (`.build/release/naraprint`
/// lives inside the checkout).
public enum ProjectResources {
  public static func locate(_ relative: String, near start: String? = nil, environment: String? = nil) -> String? {
    let fm = FileManager.default
    if let environment, let dir = ProcessInfo.processInfo.environment[environment] {
      let candidate = (dir as NSString).appendingPathComponent((relative as NSString).lastPathComponent)
      if fm.fileExists(atPath: candidate) { return candidate }
    }
    var roots: [String] = []
    if let start { roots.append(start) }
    roots.append(fm.currentDirectoryPath)
    roots.append((CommandLine.arguments[0] as NSString).deletingLastPathComponent)
    if let exe = Bundle.main.executablePath { roots.append((exe as NSString).deletingLastPathComponent) }
    for root in roots {
      var dir = URL(fileURLWithPath: root).standardized
      for _ in 0..<8 {
        let candidate = dir.appendingPathComponent(relative).path
        if fm.fileExists(atPath: candidate) { return candidate }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
    }
    return nil
  }
}
