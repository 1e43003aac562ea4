import Foundation

/// Finds naraprint's data (`fonts/fonts.conf`, `colour/…`): in this order –
/// 1. the project: the layout's folder and its parents, then the working directory's;
/// 2. beside the program: its folder and parents (`.build/release/naraprint` inside a
///    checkout), and `share/naraprint/` under them (`/usr/bin/naraprint` →
///    `/usr/share/naraprint/`, an installed package);
/// 3. an environment variable: the one named for the file (`NARAPRINT_FONTS` for the fonts'
///    folder), or `NARAPRINT_DATA` for the whole data folder.
/// `naraprint doctor` shows which was used.
public enum ProjectResources {
  /// A data file and where it was found.
  public struct Found: Sendable {
    public var path: String
    /// “the project”, “beside the program”, “the installed data”, or the variable's name.
    public var source: String
  }

  public static func locate(_ relative: String, near start: String? = nil, within root: String? = nil, environment: String? = nil) -> String? {
    find(relative, near: start, within: root, environment: environment)?.path
  }

  /// `root`: the project's own data is looked for from `start` up to this folder, no higher.
  public static func find(_ relative: String, near start: String? = nil, within root: String? = nil, environment: String? = nil) -> Found? {
    let fm = FileManager.default
    func absolute(_ p: String) -> String { URL(fileURLWithPath: p.hasPrefix("/") ? p : fm.currentDirectoryPath + "/" + p).standardized.path }
    func upward(from start: String, subfolders: [String], source: String, top: String? = nil) -> Found? {
      var dir = URL(fileURLWithPath: absolute(start))
      for _ in 0..<12 {
        for sub in subfolders {
          let candidate = dir.appendingPathComponent(sub).appendingPathComponent(relative).path
          if fm.fileExists(atPath: candidate) { return Found(path: candidate, source: sub.isEmpty ? source : "the installed data") }
        }
        if let top, dir.path == top || !dir.path.hasPrefix(top) { break }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
      return nil
    }
    if let start, let f = upward(from: start, subfolders: [""], source: "the project", top: root) { return f }
    if let f = upward(from: fm.currentDirectoryPath, subfolders: [""], source: "the working directory") { return f }
    var programs = [CommandLine.arguments[0]]
    if let exe = Bundle.main.executablePath { programs.append(exe) }
    for program in programs where program.contains("/") {
      let dir = (absolute(program) as NSString).deletingLastPathComponent
      if let f = upward(from: dir, subfolders: ["", "share/naraprint"], source: "beside the program") { return f }
    }
    let env = ProcessInfo.processInfo.environment
    if let environment, let dir = env[environment] {
      let candidate = (dir as NSString).appendingPathComponent((relative as NSString).lastPathComponent)
      if fm.fileExists(atPath: candidate) { return Found(path: candidate, source: "$\(environment)") }
    }
    if let dir = env["NARAPRINT_DATA"] {
      let candidate = (dir as NSString).appendingPathComponent(relative)
      if fm.fileExists(atPath: candidate) { return Found(path: candidate, source: "$NARAPRINT_DATA") }
    }
    return nil
  }
}
