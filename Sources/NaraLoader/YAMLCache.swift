import Foundation
import Yams

/// Parsed YAML files kept between loads, keyed by the file's real path and checked against its
/// whole text: a theme or component read again unchanged is not parsed again. `watch` re-reads
/// only the file that was saved, a batch parses its layout once per worker, not once per row.
///
/// Only files that parsed without any diagnostic are kept, so a hit needs none of the checks
/// that follow parsing. One cache belongs to one `Pipeline` (one thread): Yams' nodes hold
/// classes that resolve their tags lazily and are not safe to share between threads. The lock
/// only keeps the dictionary itself consistent.
public final class YAMLCache: @unchecked Sendable {
  private struct Entry { let text: String; let node: Node }
  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  private var bytes = 0
  /// At most this many files and this much text: a process that reads many layouts (a
  /// `check` over a folder) starts over rather than growing.
  public let capacity: Int
  public let maxBytes: Int

  public init(capacity: Int = 128, maxBytes: Int = 32 << 20) {
    self.capacity = capacity
    self.maxBytes = maxBytes
  }

  public var count: Int { lock.withLock { entries.count } }

  func node(path: String, text: String) -> Node? {
    lock.withLock {
      guard let e = entries[path], e.text == text else { return nil }
      return e.node
    }
  }

  func store(path: String, text: String, node: Node) {
    let size = text.utf8.count
    guard size <= maxBytes else { return }
    lock.withLock {
      if let old = entries[path] { bytes -= old.text.utf8.count }
      if entries.count >= capacity || bytes + size > maxBytes {
        entries.removeAll(keepingCapacity: true)
        bytes = 0
      }
      entries[path] = Entry(text: text, node: node)
      bytes += size
    }
  }
}
