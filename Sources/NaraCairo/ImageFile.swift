import Foundation
import NaraModel

/// What an image file must be before anything decodes it: a regular file (a folder, FIFO or
/// device is refused by name, and never opened), not empty, no larger than the limits below,
/// and complete (a PNG up to its IEND chunk, a JPEG up to its end-of-image marker). The pixel
/// size comes from the file's header (PNG IHDR, JPEG SOFn), so a small file that claims a huge
/// image is refused before any memory is allocated for it.
enum ImageFile {
  /// The largest raster image naraprint decodes: 100 megapixels (400 MB decoded), and at most
  /// 30 000 pixels a side. Print needs about 300 pixels per inch, so 30 000 pixels is 2.5 m of
  /// print: anything larger is a scan or an export to scale down first.
  static let maxPixels = 100_000_000
  static let maxSide = 30_000
  /// The largest image file read (a 100-megapixel PNG, uncompressed, is about 400 MB).
  static let maxFileBytes = 512 << 20

  static func checkSize(width: Int, height: Int, path: String) throws {
    guard width > 0, height > 0 else {
      throw RenderError("\(path) is damaged: its header gives a size of \(width) × \(height) pixels",
                        hints: ["open it in an image editor and save it again"])
    }
    guard width <= maxSide, height <= maxSide, width * height <= maxPixels else {
      throw RenderError(
        "\(path) is \(width) × \(height) pixels: more than naraprint's limit of \(maxPixels / 1_000_000) megapixels and \(maxSide) pixels a side",
        hints: ["scale the image down: 300 pixels per inch of print is plenty (a full A3 page is 3 508 × 4 961 pixels)"])
    }
  }

  // MARK: Regular files only

  /// What a path is when it is not a regular file, by its `stat` mode.
  private static func kindName(_ mode: mode_t) -> String? {
    switch mode & 0o170000 {
    case 0o100000: return nil
    case 0o040000: return "a folder"
    case 0o010000: return "a FIFO (named pipe)"
    case 0o020000: return "a character device"
    case 0o060000: return "a block device"
    case 0o140000: return "a socket"
    default: return "not a regular file"
    }
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }

  /// Throws unless `path` is a regular file (following symbolic links), without opening it.
  static func requireRegularFile(_ path: String) throws {
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw RenderError("cannot read the image \(path): \(errnoText())")
    }
    if let kind = kindName(st.st_mode) {
      throw RenderError("the image \(path) is \(kind), not a file", hints: ["name an image file (PNG, JPEG or SVG)"])
    }
    guard st.st_size > 0 else { throw RenderError("the image \(path) is empty (0 bytes)", hints: ["save the image again"]) }
  }

  /// The whole file, after `requireRegularFile`; opened non-blocking and checked again on
  /// the open descriptor, so a file swapped for a FIFO in between cannot block either.
  static func read(_ path: String, kind: String) throws -> [UInt8] {
    try requireRegularFile(path)
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw RenderError("cannot open the image \(path): \(errnoText())") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw RenderError("cannot read the image \(path): \(errnoText())") }
    if let kind = kindName(st.st_mode) { throw RenderError("the image \(path) is \(kind), not a file") }
    let size = Int(st.st_size)
    guard size > 0 else { throw RenderError("the image \(path) is empty (0 bytes)", hints: ["save the image again"]) }
    guard size <= maxFileBytes else {
      throw RenderError("the image \(path) is \(size >> 20) MB: larger than naraprint's limit of \(maxFileBytes >> 20) MB for an image file",
                        hints: ["scale the image down, or save it compressed"])
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var got = 0
    try bytes.withUnsafeMutableBytes { buffer in
      while got < size {
        let n = Foundation.read(fd, buffer.baseAddress! + got, size - got)
        if n < 0 {
          if errno == EINTR { continue }
          throw RenderError("cannot read the image \(path): \(errnoText())")
        }
        if n == 0 { break }
        got += n
      }
    }
    // Shrunk while being read: what there is gets checked like any other file.
    if got < size { bytes.removeLast(size - got) }
    let signature: [UInt8] = kind == "PNG" ? pngSignature : [0xFF, 0xD8, 0xFF]
    guard bytes.starts(with: signature) else {
      throw RenderError("\(path) is not a \(kind) file", hints: ["save it again as \(kind), or change its name to the format it really has"])
    }
    return bytes
  }

  // MARK: PNG

  static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  private static func be32(_ d: [UInt8], _ i: Int) -> Int {
    Int(d[i]) << 24 | Int(d[i + 1]) << 16 | Int(d[i + 2]) << 8 | Int(d[i + 3])
  }
  private static func be16(_ d: [UInt8], _ i: Int) -> Int { Int(d[i]) << 8 | Int(d[i + 1]) }

  private static func damaged(_ path: String, _ kind: String, _ why: String) -> RenderError {
    RenderError("the \(kind) \(path) is damaged: \(why)", hints: ["open it in an image editor and save it again, or copy it again if the copy was cut short"])
  }

  /// The size in a PNG's IHDR chunk, after walking the chunks up to IEND (each step bounded
  /// by the file's size): a PNG cut short is an error, not a half-grey image.
  static func pngHeader(_ d: [UInt8], path: String) throws -> (width: Int, height: Int) {
    guard d.count >= 33, be32(d, 8) == 13, Array(d[12..<16]) == Array("IHDR".utf8) else {
      throw damaged(path, "PNG", "it has no image header (IHDR)")
    }
    let width = be32(d, 16), height = be32(d, 20)
    try checkSize(width: width, height: height, path: path)
    var i = 8
    var sawData = false
    while i + 12 <= d.count {
      let length = be32(d, i)
      let type = String(decoding: d[(i + 4)..<(i + 8)], as: UTF8.self)
      if type == "IEND" {
        guard sawData else { throw damaged(path, "PNG", "it has no image data (IDAT)") }
        return (width, height)
      }
      if type == "IDAT" { sawData = true }
      guard length <= d.count - i - 12 else { break }
      i += 12 + length
    }
    throw damaged(path, "PNG", "it is cut short (it ends before its IEND chunk)")
  }

  // MARK: JPEG

  /// The frame size and colour components of a JPEG (SOFn), after walking its marker
  /// segments and entropy-coded data up to the end-of-image marker (EOI), every step bounded
  /// by the file's size: a JPEG cut short is an error, not an image with a grey bottom.
  static func jpegHeader(_ d: [UInt8], path: String) throws -> (width: Int, height: Int, components: Int) {
    var frame: (width: Int, height: Int, components: Int)?
    let n = d.count
    var i = 2
    while true {
      guard i + 1 < n else { break }
      guard d[i] == 0xFF else { throw damaged(path, "JPEG", "no marker at byte \(i)") }
      let marker = d[i + 1]
      if marker == 0xFF { i += 1; continue }  // fill byte
      if marker == 0xD9 {
        guard let frame else { throw damaged(path, "JPEG", "it has no frame header") }
        return frame
      }
      if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }  // no length
      guard i + 4 <= n else { break }
      let length = be16(d, i + 2)
      guard length >= 2 else { throw damaged(path, "JPEG", "a marker segment of length \(length) at byte \(i)") }
      guard length <= n - i - 2 else { break }
      // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
        guard length >= 8 else { throw damaged(path, "JPEG", "a frame header of length \(length)") }
        let f = (width: be16(d, i + 7), height: be16(d, i + 5), components: Int(d[i + 9]))
        try checkSize(width: f.width, height: f.height, path: path)
        frame = f
      }
      i += 2 + length
      if marker == 0xDA {
        guard frame != nil else { throw damaged(path, "JPEG", "image data before the frame header") }
        // Entropy-coded data up to the next marker: 0xFF is followed by 0x00 (a stuffed
        // byte) or a restart marker inside it.
        var found = false
        d.withUnsafeBufferPointer { b in
          while i + 1 < n {
            guard let p = memchr(b.baseAddress! + i, 0xFF, n - i - 1) else { i = n; return }
            i = b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            let next = b[i + 1]
            if next == 0x00 || (0xD0...0xD7).contains(next) { i += 2; continue }
            found = true
            return
          }
        }
        guard found else { break }
      }
    }
    throw damaged(path, "JPEG", "it is cut short (it ends before its end-of-image marker)")
  }
}

/// Feeds Cairo's PNG reader from bytes in memory.
final class PNGReader {
  private let bytes: [UInt8]
  private var offset = 0
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func read(into data: UnsafeMutablePointer<UInt8>?, count: Int) -> Bool {
    guard let data, count <= bytes.count - offset else { return false }
    bytes.withUnsafeBufferPointer { b in data.update(from: b.baseAddress! + offset, count: count) }
    offset += count
    return true
  }
}
