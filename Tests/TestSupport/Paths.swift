import Foundation

/// The repository's top folder, from this file's place in it (tests run with it as the
/// working directory, but do not rely on it).
public let repoRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

/// `../shared/` beside the checkout, as the project's CI provides it; may be absent (a plain
/// clone). Only tests that compare the checked-in copies with it look there, and they skip
/// when it is missing.
public let sharedRoot = (repoRoot as NSString).deletingLastPathComponent + "/shared"

/// A fresh, empty temporary folder.
public func tempDirectory(prefix: String = "naraprint-test") throws -> String {
  let dir = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}
