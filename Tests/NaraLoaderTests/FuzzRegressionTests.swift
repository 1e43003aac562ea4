import Foundation
import TestSupport
import Testing

/// Every input the fuzzer found a problem with (fuzz/regressions/) and every seed
/// (fuzz/corpus/) runs through the fuzz entry again – the layout, theme and kit loaders, the
/// .po and CSV parsers – in the replay driver `naraprint-fuzz`, built with the tests. A crash
/// or an input slower than the driver's timeout fails its case. fuzz/regressions/pending/
/// holds inputs that still crash or hang, in code others are changing: not run here.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let root = repoRoot

  static func files(in folder: String) -> [String] {
    let path = root + "/" + folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.sorted().filter { name in
      var isDir: ObjCBool = false
      return !name.hasPrefix(".") && name != "README.md"
        && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDir) && !isDir.boolValue
    }.map { folder + "/" + $0 }
  }

  /// The driver, next to the test bundle (any configuration), else in .build/debug.
  static var driver: String? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("naraprint-fuzz").path,
      root + "/.build/debug/naraprint-fuzz",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @Test func theFoldersHaveInputs() {
    #expect(Self.files(in: "fuzz/corpus").count >= 20)
  }

  @Test(arguments: files(in: "fuzz/regressions") + files(in: "fuzz/corpus"))
  func inputRunsWithoutCrashing(_ file: String) throws {
    let driver = try #require(Self.driver, "naraprint-fuzz is not built: swift build --product naraprint-fuzz")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: driver)
    p.arguments = ["--timeout", "20", Self.root + "/" + file]
    let err = Pipe(), out = Pipe()
    p.standardError = err
    p.standardOutput = out
    try p.run()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationReason == .exit && p.terminationStatus == 0,
            "\(file): \(p.terminationReason == .uncaughtSignal ? "crashed (signal \(p.terminationStatus))" : "exit status \(p.terminationStatus)")\n\(String(decoding: stdout + stderr, as: UTF8.self).suffix(3000))")
  }
}
