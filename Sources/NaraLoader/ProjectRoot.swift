import Foundation
import NaraModel

/// The folder naraprint may read from, like Typst's `--root`: everything a layout names (its
/// theme, imports, kit sheets, images) and the translations must be inside it, whether the
/// path is written in a file or arrives through `--set` or a CSV cell. Absolute paths, `..`
/// and symbolic links that lead out of it are refused, so that a layout from someone else
/// cannot put a private file into a PDF or an error message.
///
/// By default it is the project the layout belongs to: the folder holding the `layouts/`
/// folder the layout is in (the layout of a project made by `naraprint init`), else the
/// nearest folder above the layout with its own `fonts/fonts.conf`, else the layout's own
/// folder. `--root DIR` sets it.
public struct ProjectRoot: Sendable, Hashable, CustomStringConvertible {
  /// Absolute, symbolic links resolved, without a trailing slash (`/` only for the root).
  public let path: String
  /// How it was chosen, for `doctor` and messages.
  public let reason: String

  public var description: String { path }

  /// `--root DIR`: the folder must exist.
  public init(explicit dir: String) throws(DiagnosticsError) {
    let absolute = LayoutLoader.absolutePath(dir)
    guard let real = Self.realPath(absolute), Self.kind(of: real) == .directory else {
      throw DiagnosticsError([.error(.invalidOption, "--root \(dir) is not a folder", hints: ["give the project's folder, e.g. --root ."])])
    }
    path = real
    reason = "--root"
  }

  init(path: String, reason: String) { self.path = path; self.reason = reason }

  /// The project of a layout file (or a kit folder) given on the command line.
  public static func discover(for layout: String) -> ProjectRoot {
    let start = realPath(LayoutLoader.absolutePath(layout)) ?? LayoutLoader.absolutePath(layout)
    var dir = kind(of: start) == .directory ? start : (start as NSString).deletingLastPathComponent
    let own = dir
    var withFonts: String?
    for _ in 0..<64 {
      if (dir as NSString).lastPathComponent == "layouts" {
        return ProjectRoot(path: parent(of: dir), reason: "the project holding layouts/")
      }
      if withFonts == nil, kind(of: dir + "/fonts/fonts.conf") == .regular { withFonts = dir }
      if dir == "/" { break }
      dir = parent(of: dir)
    }
    if let withFonts { return ProjectRoot(path: withFonts, reason: "the project with fonts/fonts.conf") }
    return ProjectRoot(path: own, reason: "the layout's folder")
  }

  /// Whether an absolute, resolved path is the root or inside it.
  public func contains(_ real: String) -> Bool {
    path == "/" || real == path || real.hasPrefix(path + "/")
  }

  /// Why a file may not be read.
  public struct Refusal: Error, Sendable {
    public enum Reason: Sendable, Hashable { case notFound, outside, folder, notRegular, tooLarge }
    public var message: String
    public var hints: [String]
    /// Why, as data (callers add hints by this, never by the message).
    public var reason: Reason = .notRegular
  }

  /// The file a layout names, checked before anything reads it: inside the root (after
  /// following symbolic links), a regular file (never a folder, FIFO, device or socket: those
  /// would trap or block) and at most `maxBytes` long. Returns its resolved path.
  public func admit(_ path: String, what: String, maxBytes: Int) -> Result<String, Refusal> {
    let lexical = LayoutLoader.absolutePath(path)
    let shown = Reader.displayPath(lexical)
    guard let real = Self.realPath(lexical) else {
      if !contains(lexical) { return .failure(outside(shown)) }
      return .failure(Refusal(message: "\(["image", "sheet"].contains(what) ? what : "file") not found: \(shown)",
                              hints: ["check the path; relative paths are resolved from the file that names them"], reason: .notFound))
    }
    guard contains(real) else {
      return .failure(real == lexical || !contains(lexical) ? outside(shown)
        : Refusal(message: "\(shown) is a symbolic link to \(real), outside the project root \(self.path)",
                  hints: ["copy the file into the project instead of linking to it, or widen the root with --root"], reason: .outside))
    }
    switch Self.kind(of: real) {
    case .regular: break
    case .directory:
      let article = "aeiou".contains(what.first ?? "x") ? "an" : "a"
      return .failure(Refusal(message: "\(shown) is not \(article) \(what) file but a folder", hints: ["name the file itself"], reason: .folder))
    case .other, .missing:
      return .failure(Refusal(message: "\(shown) is not a regular file (a device, FIFO or socket), so it is not read",
                              hints: ["name an ordinary file"]))
    }
    if let size = Self.size(of: real), size > maxBytes {
      return .failure(Refusal(message: "\(shown) is \(size >> 20) MB; naraprint reads \(what) files of at most \(maxBytes >> 20) MB",
                              hints: ["make the file smaller (an image: scale it down to what the page needs)"], reason: .tooLarge))
    }
    return .success(real)
  }

  private func outside(_ shown: String) -> Refusal {
    Refusal(message: "\(shown) is outside the project root \(path)",
            hints: ["keep the files a layout uses inside its project (root chosen as \(reason)); or widen the root with --root DIR"], reason: .outside)
  }

  // MARK: File system facts (stat never blocks, unlike opening a FIFO)

  enum Kind { case regular, directory, other, missing }

  static func kind(of path: String) -> Kind {
    var st = stat()
    guard stat(path, &st) == 0 else { return .missing }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  static func size(of path: String) -> Int? {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : nil
  }

  /// The path with every symbolic link resolved; nil if it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  static func parent(of dir: String) -> String {
    let p = (dir as NSString).deletingLastPathComponent
    return p.isEmpty ? "/" : p
  }
}
