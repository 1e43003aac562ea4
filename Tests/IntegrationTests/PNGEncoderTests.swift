import CPangoCairo
import Foundation
@testable import NaraCairo
import NaraModel
import NaraPageTree
import NaraPipeline
import TestSupport
import Testing

/// Issue 15: PNGs through libpng (CPNG's shim) – the same pixels as Cairo's own writer, RGB
/// for opaque pages, RGBA un-premultiplied otherwise, a pHYs chunk, errors as messages (the
/// libpng longjmp stays in C), and the pages of a set encoded in parallel.
@Suite struct PNGEncoderTests {
  /// An image surface with a colour gradient, and (with `alpha`) pixels of every opacity.
  static func surface(_ format: cairo_format_t, width: Int32 = 64, height: Int32 = 48, alpha: Bool) -> OpaquePointer {
    let s = cairo_image_surface_create(format, width, height)!
    let cr = cairo_create(s)!
    defer { cairo_destroy(cr) }
    if !alpha { cairo_set_source_rgb(cr, 1, 1, 1); cairo_paint(cr) }
    for y in 0..<Int(height) {
      for x in 0..<Int(width) {
        cairo_set_source_rgba(cr, Double(x) / Double(width), Double(y) / Double(height), 0.3,
                              alpha ? Double((x + y * 7) % 256) / 255 : 1)
        cairo_rectangle(cr, Double(x), Double(y), 1, 1)
        cairo_fill(cr)
      }
    }
    cairo_surface_flush(s)
    return s
  }

  /// The IHDR colour type (2 RGB, 6 RGBA) and whether there is a pHYs chunk, and its pixels per metre.
  static func header(_ path: String) throws -> (colourType: UInt8, ppm: UInt32?) {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var ppm: UInt32?
    var i = 8
    while i + 8 <= bytes.count {
      let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
      let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
      if type == "pHYs" {
        ppm = bytes[(i + 8)..<(i + 12)].reduce(0) { $0 << 8 | UInt32($1) }
      }
      if type == "IEND" { break }
      i += 12 + length
    }
    return (bytes[25], ppm)
  }

  @Test(arguments: [false, true]) func samePixelsAsCairo(_ alpha: Bool) throws {
    let dir = try tempDirectory()
    let s = Self.surface(CAIRO_FORMAT_ARGB32, alpha: alpha)
    defer { cairo_surface_destroy(s) }
    #expect(cairo_surface_write_to_png(s, dir + "/cairo.png") == CAIRO_STATUS_SUCCESS)
    try PNGEncoder.write(s, to: dir + "/libpng.png", dpi: 300)
    let cairo = try PNGPixels(contentsOf: dir + "/cairo.png"), ours = try PNGPixels(contentsOf: dir + "/libpng.png")
    #expect(ours.width == 64 && ours.height == 48)
    #expect(ours == cairo)
    let h = try Self.header(dir + "/libpng.png")
    #expect(h.colourType == (alpha ? 6 : 2))
    #expect(h.ppm == 11811)  // 300 dpi
  }

  @Test func rgb24IsWrittenAsRGB() throws {
    let dir = try tempDirectory()
    let s = Self.surface(CAIRO_FORMAT_RGB24, alpha: false)
    defer { cairo_surface_destroy(s) }
    try PNGEncoder.write(s, to: dir + "/rgb.png", dpi: 72)
    #expect(try Self.header(dir + "/rgb.png").colourType == 2)
    #expect(cairo_surface_write_to_png(s, dir + "/cairo.png") == CAIRO_STATUS_SUCCESS)
    #expect(try PNGPixels(contentsOf: dir + "/rgb.png") == PNGPixels(contentsOf: dir + "/cairo.png"))
  }

  /// A folder that is not there: fopen's error, as a message.
  @Test func missingFolder() throws {
    let s = Self.surface(CAIRO_FORMAT_ARGB32, alpha: false)
    defer { cairo_surface_destroy(s) }
    #expect { try PNGEncoder.write(s, to: "/nonexistent-naraprint/x.png", dpi: 72) } throws: {
      "\($0)".contains("No such file or directory")
    }
  }

  /// A full disk: libpng's write error goes through its error callback (the longjmp, inside
  /// the C shim) and comes back as a message; an incompressible image so libpng itself
  /// writes, not only the final flush.
  @Test func fullDiskThroughLibpngsErrorCallback() throws {
    try #require(FileManager.default.fileExists(atPath: "/dev/full"))
    let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1200, 1200)!
    defer { cairo_surface_destroy(s) }
    let data = cairo_image_surface_get_data(s)!
    var state: UInt32 = 12345
    for i in 0..<(Int(cairo_image_surface_get_stride(s)) * 1200) {
      state = state &* 1_103_515_245 &+ 12345
      data[i] = UInt8(truncatingIfNeeded: state >> 16)
    }
    for i in stride(from: 3, to: Int(cairo_image_surface_get_stride(s)) * 1200, by: 4) { data[i] = 255 }
    cairo_surface_mark_dirty(s)
    #expect { try PNGEncoder.write(s, to: "/dev/full", dpi: 72) } throws: {
      "\($0)".contains("cannot write the PNG /dev/full: Write Error")
    }
  }

  /// A large image (past `PNGEncoder.parallelPixels`) with flat areas, gradients and noise,
  /// written straight into the pixels; premultiplied, every opacity when `alpha`.
  static func largeSurface(alpha: Bool, width: Int32 = 1501, height: Int32 = 1003) -> OpaquePointer {
    let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
    let data = cairo_image_surface_get_data(s)!
    let stride = Int(cairo_image_surface_get_stride(s))
    var state: UInt32 = 99
    for y in 0..<Int(height) {
      let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
      for x in 0..<Int(width) {
        state = state &* 1_103_515_245 &+ 12345
        let noise = y % 97 < 10 ? UInt32(truncatingIfNeeded: state >> 16) & 0xFF : 0
        let a: UInt32 = alpha ? UInt32((x + y) % 256) : 255
        let r = min(a, UInt32(x % 256) ^ noise), g = min(a, UInt32(y % 256)), b = min(a, y < 300 ? 40 : noise)
        row[x] = a << 24 | r << 16 | g << 8 | b
      }
    }
    cairo_surface_mark_dirty(s)
    return s
  }

  /// One large page compressed on several threads (`parallel.h`): the same pixels as libpng
  /// on one thread, a zlib stream zlib itself accepts (checked by Python's zlib, which
  /// verifies the joined Adler-32), every chunk's CRC right, and the same header.
  @Test(arguments: [false, true]) func parallelCompressionSamePixels(_ alpha: Bool) throws {
    let dir = try tempDirectory()
    let s = Self.largeSurface(alpha: alpha)
    defer { cairo_surface_destroy(s) }
    try PNGEncoder.write(s, to: dir + "/one.png", dpi: 300, threads: 1)
    let one = try PNGPixels(contentsOf: dir + "/one.png")
    for threads in [2, 3, 16] {
      let path = dir + "/t\(threads).png"
      try PNGEncoder.write(s, to: path, dpi: 300, threads: threads)
      #expect(try PNGPixels(contentsOf: path) == one, "\(threads) threads")
      let h = try Self.header(path)
      #expect(h.colourType == (alpha ? 6 : 2) && h.ppm == 11811)
      let check = try run("python3", ["-c", """
        import sys, zlib, struct
        b = open(sys.argv[1], 'rb').read(); i = 8; idat = b''; n_idat = 0
        while i < len(b):
            n, = struct.unpack('>I', b[i:i+4]); t = b[i+4:i+8]; d = b[i+8:i+8+n]
            assert zlib.crc32(t + d) & 0xffffffff == struct.unpack('>I', b[i+8+n:i+12+n])[0], t
            if t == b'IDAT': idat += d; n_idat += 1
            i += 12 + n
        raw = zlib.decompress(idat)
        print(len(raw), n_idat)
        """, path])
      #expect(check.status == 0, "\(check.err)")
      let channels = alpha ? 4 : 3
      #expect(check.out.hasPrefix("\((1501 * channels + 1) * 1003) "), "\(check.out)")
    }
  }

  /// A write error in the parallel writer comes back as the system's message.
  @Test func parallelWriterFullDisk() throws {
    try #require(FileManager.default.fileExists(atPath: "/dev/full"))
    let s = Self.largeSurface(alpha: false)
    defer { cairo_surface_destroy(s) }
    #expect { try PNGEncoder.write(s, to: "/dev/full", dpi: 72, threads: 2) } throws: {
      "\($0)".contains("cannot write the PNG /dev/full: No space left on device")
    }
  }

  /// Encoded in parallel or one after another: the same files, opaque RGB at the resolution asked for.
  @Test func parallelSetEqualsSerialSet() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try PNGSetTests.layout(pages: 5).write(toFile: dir + "/set.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    let doc = try pipeline.layout(try pipeline.load(dir + "/set.yaml").document).document
    let renderer = try CairoRenderer(fontConfig: repoRoot + "/fonts/fonts.conf")
    let serial = try renderer.writePNGs(doc, to: dir + "/serial.png", dpi: 50, workers: 1)
    let parallel = try renderer.writePNGs(doc, to: dir + "/parallel.png", dpi: 50, workers: 3)
    #expect(parallel.count == 5)
    for (a, b) in zip(serial, parallel) {
      #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
      let h = try Self.header(b)
      #expect(h.colourType == 2 && h.ppm == 1969)  // 50 dpi
    }
    #expect(Hardening.partialFiles(in: dir).isEmpty)
  }

  /// A page that fails while others are being encoded: no temporaries left, nothing written.
  @Test func failingPageWhileEncoding() throws {
    let dir = try tempDirectory()
    try FileManager.default.copyItem(atPath: repoRoot + "/layouts/theme.yaml", toPath: dir + "/theme.yaml")
    try PNGSetTests.layout(pages: 4).write(toFile: dir + "/set.yaml", atomically: true, encoding: .utf8)
    let pipeline = try Pipeline(fontConfig: repoRoot + "/fonts/fonts.conf")
    var doc = try pipeline.layout(try pipeline.load(dir + "/set.yaml").document).document
    doc.pages[2].size = Size(width: 100_000, height: 100_000)
    let renderer = try CairoRenderer(fontConfig: repoRoot + "/fonts/fonts.conf")
    #expect(throws: RenderError.self) { try renderer.writePNGs(doc, to: dir + "/set.png", dpi: 150, workers: 2) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".png") }.isEmpty)
    #expect(Hardening.partialFiles(in: dir).isEmpty)
  }
}
