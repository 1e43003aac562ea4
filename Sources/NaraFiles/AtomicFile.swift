import Foundation
import NaraModel

/// Writes through a temporary file in the same folder and renames it on success, so a
/// failed render never leaves a broken file where a good one was. The temporary file
/// (`.name.partial-PID`) is registered with `TemporaryFiles`, so a signal removes it too.
public enum AtomicFile {
  public static func write(to path: String, _ body: (String) throws -> Void) throws {
    let temp = try temporaryPath(for: path)
    let token = TemporaryFiles.register(temp)
    defer { TemporaryFiles.unregister(token) }
    do {
      try body(temp)
      try rename(temp, to: path)
    } catch {
      unlink(temp)
      throw error
    }
  }

  /// Writes a set of files at once: every one to a temporary file first, and only when all
  /// are written are they renamed into place, and `stale` files (of an older, larger set)
  /// removed. A failure leaves every existing file as it was. `body` writes one file of the
  /// set to the temporary path it is given.
  public static func writeSet(_ paths: [String], removing stale: [String] = [], _ body: (Int, String) throws -> Void) throws {
    try writeSet(paths, removing: stale, all: { temps in
      for (i, temp) in temps.enumerated() { try body(i, temp) }
    })
  }

  /// The same, with `body` given every temporary path at once (in the order of `paths`), to
  /// write them in any order or in parallel; it must have finished with all of them when it
  /// returns or throws.
  public static func writeSet(_ paths: [String], removing stale: [String] = [], all body: ([String]) throws -> Void) throws {
    var temps: [(temp: String, token: TemporaryFiles.Token?)] = []
    defer { for t in temps { TemporaryFiles.unregister(t.token) } }
    do {
      for path in paths {
        let temp = try temporaryPath(for: path)
        temps.append((temp, TemporaryFiles.register(temp)))
      }
      try body(temps.map(\.temp))
      for (path, t) in zip(paths, temps) { try rename(t.temp, to: path) }
    } catch {
      for t in temps { unlink(t.temp) }
      throw error
    }
    for path in stale where !paths.contains(path) { unlink(path) }
  }

  static func temporaryPath(for path: String) throws -> String {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: dir) else {
      throw RenderError("the folder \(dir) does not exist", hints: ["create it first, or choose another -o"])
    }
    return dir + "/." + url.lastPathComponent + ".partial-\(getpid())"
  }

  private static func rename(_ temp: String, to path: String) throws {
    if Foundation.rename(temp, path) != 0 {
      throw RenderError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
  }
}
