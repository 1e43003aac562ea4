/// Where the typography data files (`hyphenation-sv.txt`, `compounds-sv.txt`) live.
public enum TypographyData {
  /// The environment variable that points at the data directory.
  public static let environmentVariable = "NARAPRINT_TYPOGRAPHY_DIR"
  static let marker = "hyphenation-sv.txt"

  /// The `typography/` directory, searched in this order:
  /// 1. `$NARAPRINT_TYPOGRAPHY_DIR` if it is set and holds `hyphenation-sv.txt` (an explicit
  ///    setting wins over anything found by looking around);
  /// 2. `typography/` in the current directory or any parent (a checkout of the repository);
  /// 3. `typography/` (or `share/naraprint/typography/`) beside the executable or in any of
  ///    its ancestors (`.build/release/naraprint` → the package root; an installed prefix).
  /// Returns nil if none is found.
  public static func defaultDirectory() -> String? {
    if let env = Platform.environment(environmentVariable), Platform.fileExists(env + "/" + marker) {
      return env
    }
    if let cwd = Platform.currentDirectory(), let found = searchUpward(from: cwd, subdirectories: ["typography"]) {
      return found
    }
    if let exe = Platform.executablePath(), exe.contains("/") {
      let dir = String(exe[..<exe.lastIndex(of: "/")!])
      if let found = searchUpward(from: dir, subdirectories: ["typography", "share/naraprint/typography"]) {
        return found
      }
    }
    return nil
  }

  /// `hyphenation-sv.txt` for `sv-SE`, `hyphenation-en.txt` for `en-GB`.
  public static func exceptionFileName(language: String) -> String {
    "hyphenation-\(primaryLanguage(language)).txt"
  }

  /// `names-sv.txt`: names never hyphenated (municipalities, regions, authorities, people).
  public static func namesFileName(language: String) -> String {
    "names-\(primaryLanguage(language)).txt"
  }

  /// `compounds-sv.txt`: the compound lexicon made by `typography/tools/build-compound-lexicon.py`.
  public static func compoundLexiconFileName(language: String) -> String {
    "compounds-\(primaryLanguage(language)).txt"
  }

  /// The primary subtag, lower-cased (`sv-SE` → `sv`).
  public static func primaryLanguage(_ tag: String) -> String {
    String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
  }

  static func searchUpward(from start: String, subdirectories: [String]) -> String? {
    var dir = start
    while true {
      for sub in subdirectories {
        let candidate = (dir == "/" ? "" : dir) + "/" + sub
        if Platform.fileExists(candidate + "/" + marker) { return candidate }
      }
      guard dir != "/", let slash = dir.lastIndex(of: "/") else { return nil }
      dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
    }
  }
}
