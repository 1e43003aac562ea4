import Foundation
@testable import NaraCairo
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Issue 14: bad image files are errors naming the file, checked before decoding, and
/// nothing is written.
@Suite(.serialized) struct BadImageTests {
  static func layout(_ image: String) -> String {
    """
    document:
      size: A5
      margins: 10mm
      lang: sv-SE
    theme: theme.yaml
    pages:
      - items:
          - text: En bild
            at: [10mm, 10mm]
            width: 60mm
          - image: \(image)
            alt: ""
            at: [10mm, 30mm]
            width: 60mm
    """
  }

  static let fixtures = repoRoot + "/Tests/IntegrationTests/Fixtures/"

  /// Renders a layout with `image` (made by `make` in the folder) and returns the error
  /// messages; checks that nothing was written.
  func failingRender(_ image: String, make: (String) throws -> Void) throws -> [String] {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try Self.layout(image).write(toFile: dir + "/bild.yaml", atomically: true, encoding: .utf8)
    try make(dir + "/" + image)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var messages: [String] = []
    do {
      _ = try pipeline.render(dir + "/bild.yaml", to: dir + "/bild.pdf", options: RenderOptions())
      Issue.record("\(image) was rendered")
    } catch let e as DiagnosticsError {
      messages = e.diagnostics.filter { $0.severity == .error }.map(\.message)
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/bild.pdf"), "a PDF was written for \(image)")
    #expect(Hardening.partialFiles(in: dir).isEmpty)
    #expect(messages.contains { $0.contains(image) }, "no error names \(image): \(messages)")
    return messages
  }

  func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + name))) }
  func write(_ b: [UInt8], _ path: String) throws { try Data(b).write(to: URL(fileURLWithPath: path)) }

  @Test func truncatedJPEG() throws {
    let jpeg = try bytes("foto.jpg")
    let m = try failingRender("kapad.jpg") { try write(Array(jpeg.prefix(jpeg.count / 2)), $0) }
    #expect(m.contains { $0.contains("cut short") }, "\(m)")
  }

  @Test func jpegWithoutItsEndMarker() throws {
    let jpeg = try bytes("foto.jpg")
    let m = try failingRender("utan-slut.jpg") { try write(Array(jpeg.dropLast(2)), $0) }
    #expect(m.contains { $0.contains("cut short") }, "\(m)")
  }

  @Test func truncatedPNG() throws {
    let png = try bytes("prick.png")
    let m = try failingRender("kapad.png") { try write(Array(png.prefix(png.count - 20)), $0) }
    #expect(m.contains { $0.contains("cut short") }, "\(m)")
  }

  @Test func pngClaimingTenGigapixels() throws {
    let m = try failingRender("jätte.png") { try write(Hardening.png(width: 100_000, height: 100_000), $0) }
    #expect(m.contains { $0.contains("100000 × 100000 pixels") && $0.contains("100 megapixels") }, "\(m)")
  }

  @Test func jpegClaimingTooManyPixels() throws {
    let jpeg = try bytes("foto.jpg")
    let m = try failingRender("jätte.jpg") { try write(Hardening.jpeg(jpeg, claiming: 20_000, 20_000), $0) }
    #expect(m.contains { $0.contains("20000 × 20000 pixels") }, "\(m)")
  }

  @Test func emptyFile() throws {
    let m = try failingRender("tom.png") { FileManager.default.createFile(atPath: $0, contents: Data()) }
    #expect(m.contains { $0.contains("empty") }, "\(m)")
  }

  @Test func textFileNamedPNG() throws {
    let m = try failingRender("text.png") { try "inte en bild\n".write(toFile: $0, atomically: true, encoding: .utf8) }
    #expect(m.contains { $0.contains("is not a PNG file") }, "\(m)")
  }

  @Test func folderNamedJPEG() throws {
    _ = try failingRender("mapp.jpg") { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
  }

  @Test func fifoNamedPNG() throws {
    // Never opened: stat comes first, so the render cannot block on it.
    _ = try failingRender("fifo.png") { #expect(mkfifo($0, 0o644) == 0) }
  }

  /// The image store itself refuses what is not a regular file by name, before opening it
  /// (the loader checks too, but a file can change between loading and drawing).
  @Test(arguments: ["fifo.png", "fifo.jpg", "fifo.svg", "mapp.png", "tom.svg"])
  func imageStoreRefusesNonFiles(_ name: String) throws {
    let dir = try tempDirectory()
    let path = dir + "/" + name
    if name.hasPrefix("fifo") { #expect(mkfifo(path, 0o644) == 0) }
    if name.hasPrefix("mapp") { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
    if name.hasPrefix("tom") { FileManager.default.createFile(atPath: path, contents: Data()) }
    let store = ImageStore()
    #expect {
      _ = try store.naturalSize(ofImageAt: path)
    } throws: { error in
      let message = (error as? RenderError)?.message ?? ""
      return message.contains(path) && (message.contains("FIFO") || message.contains("folder") || message.contains("empty"))
    }
  }

  /// The walkers accept what is fine: data after the end marker, a progressive JPEG, the
  /// fixtures (a CMYK JPEG among them).
  @Test func validFilesPassTheChecks() throws {
    let foto = try bytes("foto.jpg")
    #expect(try ImageFile.jpegHeader(foto + [UInt8](repeating: 0, count: 100), path: "x").width == 120)
    #expect(try ImageFile.jpegHeader(try bytes("cmyk-orange.jpg"), path: "x").components == 4)
    let prick = try bytes("prick.png")
    #expect(try ImageFile.pngHeader(prick, path: "x").width > 0)
    #expect(try ImageFile.pngHeader(Hardening.png(width: 1, height: 1), path: "x") == (1, 1))
  }
}
