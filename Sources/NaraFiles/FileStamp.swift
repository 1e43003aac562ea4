import Foundation

/// What `watch` and the image cache remember of a file to see that it changed: whether it exists, its
/// modification time to the nanosecond, its size and its inode. An editor that saves by
/// writing a new file and renaming it over the old one changes the inode even within the
/// same second; a file deleted and written again shows as missing, then as new.
public struct FileStamp: Sendable, Hashable {
  public var exists: Bool
  public var seconds: Int
  public var nanoseconds: Int
  public var size: Int64
  public var inode: UInt64

  public static let missing = FileStamp(exists: false, seconds: 0, nanoseconds: 0, size: -1, inode: 0)

  /// `stat(2)`, through symlinks (a linked image changes when its target does).
  public static func of(_ path: String) -> FileStamp {
    var s = stat()
    guard stat(path, &s) == 0 else { return .missing }
    return FileStamp(exists: true, seconds: Int(s.st_mtim.tv_sec), nanoseconds: Int(s.st_mtim.tv_nsec), size: Int64(s.st_size),
                     inode: UInt64(s.st_ino))
  }
}

