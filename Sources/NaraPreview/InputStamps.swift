import Foundation
import NaraFiles

/// The stamps of every file a render read. Polled rather than watched with inotify: a render
/// reads a few dozen files at most, `stat` on them every quarter second costs microseconds,
/// and polling sees a file replaced by rename, a deleted folder re-created and a file on a
/// network share alike, where inotify needs a watch re-armed on each of those.
public struct InputStamps: Sendable, Equatable {
  public private(set) var stamps: [String: FileStamp] = [:]

  public init(_ files: some Sequence<String>) {
    for f in files where stamps[f] == nil { stamps[f] = FileStamp.of(f) }
  }

  public var files: [String] { stamps.keys.sorted() }

  /// The files whose stamp differs now, sorted.
  public func changed() -> [String] {
    stamps.filter { FileStamp.of($0.key) != $0.value }.keys.sorted()
  }

  /// Only these files, keeping their stamps (or stamping those not yet here): a save made
  /// while a render ran is still seen as a change.
  public func keeping(_ files: some Sequence<String>) -> InputStamps {
    var copy = InputStamps([String]())
    for f in files { copy.stamps[f] = stamps[f] ?? FileStamp.of(f) }
    return copy
  }
}
