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

  /// These stamps with files added (stamped now); files already here keep their stamp, so a
  /// save made while a render ran is still seen as a change.
  public func adding(_ files: some Sequence<String>) -> InputStamps {
    var copy = self
    for f in files where copy.stamps[f] == nil { copy.stamps[f] = FileStamp.of(f) }
    return copy
  }

  /// Only these files, keeping their stamps (or stamping those not yet here).
  public func keeping(_ files: some Sequence<String>) -> InputStamps {
    var copy = InputStamps([String]())
    for f in files { copy.stamps[f] = stamps[f] ?? FileStamp.of(f) }
    return copy
  }
}
