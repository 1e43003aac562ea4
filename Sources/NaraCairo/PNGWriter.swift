import CPNG
import CPangoCairo
import Dispatch
import Foundation
import NaraColour
import NaraFiles
import NaraModel
import NaraPageTree

/// PNG output: one file per page, optionally a soft proof through a print profile.
extension CairoRenderer {
  // MARK: PNG

  /// Writes one PNG per page: `poster.png`, or `poster-1.png`, `poster-2.png` … for several
  /// pages. The set is replaced at once: every page is rendered to a temporary file first, and
  /// only when all are written do they replace the old ones – so a failure on any page leaves
  /// the old set as it was – and numbered pages of an older, longer set that this one no
  /// longer has (`poster-3.png` after a render of two pages; `poster-1.png` … after a render
  /// of one) are removed. Returns the files written.
  ///
  /// Pages are drawn one after another on the calling thread (the painter, Pango and librsvg
  /// are not shared between threads), and each drawn page is encoded on a worker while the
  /// next one is drawn: at most `workers` pages (by default one per core) are in hand at a
  /// time, drawn or being encoded.
  @discardableResult
  public func writePNGs(_ document: PagedDocument, to path: String, dpi: Double, proof: PrintProfile? = nil,
                        workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [String] {
    let pages = document.pages
    guard !pages.isEmpty else { throw RenderError("the document has no pages") }
    let targets = pages.count == 1 ? [path] : (1...pages.count).map { Self.numbered(path, $0) }
    try AtomicFile.writeSet(targets, removing: Self.stalePages(path, keeping: pages.count), all: { temps in
      try renderPNGs(pages, to: temps, dpi: dpi, proof: proof, workers: max(1, min(workers, pages.count)))
    })
    return targets
  }

  /// Draws `pages` in order and encodes them to `paths`, `workers` at a time; returns (or
  /// throws the first error) only when no encoder is running any more.
  func renderPNGs(_ pages: [RenderedPage], to paths: [String], dpi: Double, proof: PrintProfile?, workers: Int) throws {
    if workers == 1 {
      // One page at a time: each page's compression on every core.
      let threads = ProcessInfo.processInfo.activeProcessorCount
      for (page, path) in zip(pages, paths) { try renderPNG(page, to: path, dpi: dpi, proof: proof, threads: threads) }
      return
    }
    let slots = DispatchSemaphore(value: workers)
    let running = DispatchGroup()
    let failure = FirstError()
    defer { running.wait() }
    for (page, path) in zip(pages, paths) {
      slots.wait()
      if failure.error != nil { slots.signal(); break }
      let image: ImageSurface
      do { image = try Timings.shared.measure("  of which drawing") { try drawPNG(page, dpi: dpi, proof: proof) } } catch { slots.signal(); throw error }
      DispatchQueue.global(qos: .userInitiated).async(group: running) {
        defer { image.destroy(); slots.signal() }
        do { try Timings.shared.measure("  of which PNG encoding") { try PNGEncoder.write(image.surface, to: path, dpi: dpi) } } catch { failure.record(error) }
      }
    }
    running.wait()
    if let error = failure.error { throw error }
  }

  /// The numbered pages of an older set beyond the `count` pages of the new one: from the
  /// first number the new set does not write, as long as they run on without a gap (a
  /// single page is written unnumbered, so then from `-1`).
  static func stalePages(_ path: String, keeping count: Int) -> [String] {
    var stale: [String] = []
    var n = count == 1 ? 1 : count + 1
    while true {
      let candidate = numbered(path, n)
      var st = stat()
      // Regular files only (lstat: a symbolic link is not followed, nor removed).
      guard lstat(candidate, &st) == 0, st.st_mode & 0o170000 == 0o100000 else { break }
      stale.append(candidate)
      n += 1
    }
    return stale
  }

  static func numbered(_ path: String, _ n: Int) -> String {
    let ns = path as NSString
    let ext = ns.pathExtension
    return ns.deletingPathExtension + "-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
  }

  func renderPNG(_ page: RenderedPage, to path: String, dpi: Double, proof: PrintProfile?, threads: Int = 1) throws {
    let image = try Timings.shared.measure("  of which drawing") { try drawPNG(page, dpi: dpi, proof: proof) }
    defer { image.destroy() }
    try Timings.shared.measure("  of which PNG encoding") { try PNGEncoder.write(image.surface, to: path, dpi: dpi, threads: threads) }
  }

  /// The page drawn at `dpi` on a white ARGB32 image (soft-proofed when `proof` is given); the
  /// caller destroys it.
  func drawPNG(_ page: RenderedPage, dpi: Double, proof: PrintProfile?) throws -> ImageSurface {
    let scale = dpi / 72
    let w = Int((page.size.width * scale).rounded()), h = Int((page.size.height * scale).rounded())
    guard w > 0, h > 0, w * h <= 400_000_000 else {
      throw RenderError("a PNG of \(w) × \(h) pixels is too large", hints: ["use a lower --dpi"])
    }
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else {
      throw RenderError("cairo_image_surface_create failed")
    }
    var keep = false
    defer { if !keep { cairo_surface_destroy(surface) } }
    try check(cairo_surface_status(surface), "cannot allocate a \(w) × \(h) image")
    guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, scale, scale)
    try painter.draw(page.nodes, on: cr)
    try check(cairo_status(cr), "drawing the PNG failed")
    cairo_surface_flush(surface)
    if let proof { try softProof(surface, width: w, height: h, profile: proof) }
    keep = true
    return ImageSurface(surface: surface)
  }

  /// Replaces the image's pixels by how they will print (the page is opaque: white under all).
  func softProof(_ surface: OpaquePointer, width w: Int, height h: Int, profile: PrintProfile) throws {
    guard let data = cairo_image_surface_get_data(surface) else { return }
    let stride = Int(cairo_image_surface_get_stride(surface))
    var rgb = [UInt8](repeating: 0, count: w * h * 3)
    for y in 0..<h {
      let row = data + y * stride
      for x in 0..<w {
        // ARGB32 native-endian (little-endian here): B, G, R, A bytes; opaque after the white paint.
        let p = row + x * 4, o = (y * w + x) * 3
        rgb[o] = p[2]; rgb[o + 1] = p[1]; rgb[o + 2] = p[0]
      }
    }
    try profile.softProof(rgb: &rgb, pixels: w * h)
    for y in 0..<h {
      let row = data + y * stride
      for x in 0..<w {
        let p = row + x * 4, o = (y * w + x) * 3
        p[2] = rgb[o]; p[1] = rgb[o + 1]; p[0] = rgb[o + 2]; p[3] = 255
      }
    }
    cairo_surface_mark_dirty(surface)
  }
}

/// A Cairo image surface handed from the drawing thread to one encoder, which alone uses it
/// from then on (and destroys it).
struct ImageSurface: @unchecked Sendable {
  let surface: OpaquePointer
  func destroy() { cairo_surface_destroy(surface) }
}

/// The first error of several workers.
final class FirstError: @unchecked Sendable {
  private let lock = NSLock()
  private var first: Error?
  var error: Error? { lock.withLock { first } }
  func record(_ error: Error) { lock.withLock { if first == nil { first = error } } }
}

/// Cairo image surfaces → PNG files through libpng (`CPNG`'s shim does the whole write in C).
/// Opaque images – every page, painted white first – are written as 8-bit RGB, others as RGBA
/// with the alpha un-premultiplied; with a pHYs chunk for the resolution. Flat artwork
/// compresses best unfiltered, and zlib level 2 is about 7 × faster than Cairo's own writer
/// (zlib's default level, adaptive filters) for some 20 % more bytes. A large image written
/// alone (one page) is compressed on `threads` threads instead (`parallel.h`).
enum PNGEncoder {
  static let compressionLevel: Int32 = 2
  static let filters = Int32(PNG_FILTER_NONE)
  /// Below this many pixels one thread compresses faster than several start.
  static let parallelPixels = 1_000_000

  static func write(_ surface: OpaquePointer, to path: String, dpi: Double, threads: Int = 1) throws {
    cairo_surface_flush(surface)
    let format: naraprint_png_format
    switch cairo_image_surface_get_format(surface) {
    case CAIRO_FORMAT_ARGB32: format = NARAPRINT_PNG_ARGB32
    case CAIRO_FORMAT_RGB24: format = NARAPRINT_PNG_RGB24
    default: throw RenderError("cannot write the PNG \(path): unsupported image format")
    }
    guard let data = cairo_image_surface_get_data(surface) else {
      throw RenderError("cannot write the PNG \(path): the image has no pixels")
    }
    let width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    var message = [CChar](repeating: 0, count: 256)
    if threads > 1, Int(width) * Int(height) >= parallelPixels {
      let opaque = format == NARAPRINT_PNG_RGB24 || naraprint_png_is_opaque(data, width, height, stride) != 0
      let status = naraprint_png_write_parallel(path, data, width, height, stride, opaque ? 1 : 0, compressionLevel, 0, dpi,
                                                Int32(min(threads, 16)), &message, message.count)
      if status != 0 { throw RenderError("cannot write the PNG \(path): \(String(cString: message))") }
      return
    }
    let options = naraprint_png_options(
      compression_level: compressionLevel, compression_strategy: 0, filters: filters, dpi: dpi)
    let status = naraprint_png_write(
      path, data, cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
      Int(cairo_image_surface_get_stride(surface)), format, options, &message, message.count)
    if status != 0 {
      throw RenderError("cannot write the PNG \(path): \(String(cString: message))")
    }
  }
}
