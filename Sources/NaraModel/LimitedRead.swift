import Foundation

/// Reads a file whole, but never more than a limit: a regular file over it is refused by its
/// size before anything is read, and anything else (a pipe, `/dev/zero`) is read only up to
/// the limit. (The one piece of file input in this module: the CSV and .po readers, in
/// modules that do not depend on each other, share it.)
public enum LimitedRead {
  public enum Result: Equatable {
    case data(Data)
    /// Over the limit; the size if the file system knows it.
    case tooLarge(Int?)
    case unreadable
  }

  public static func read(_ path: String, limit: Int) -> Result {
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
      return .tooLarge(size)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else { return .unreadable }
    defer { try? handle.close() }
    var data = Data()
    while data.count <= limit {
      let chunk: Data?
      do { chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count)) } catch { return .unreadable }
      guard let chunk, !chunk.isEmpty else { return .data(data) }  // the end of the file
      data.append(chunk)
    }
    return .tooLarge(nil)
  }
}
