import CPangoCairo
import Foundation
import NaraModel

/// The pixels of a PNG file as RGBA bytes, for golden-image comparisons in tests and the
/// greyscale/contrast checks. Decoded by Cairo, so no other PNG library is needed.
public struct PNGPixels: Sendable, Equatable {
  public var width: Int
  public var height: Int
  /// Un-premultiplied RGBA, row by row.
  public var rgba: [UInt8]

  public init(width: Int, height: Int, rgba: [UInt8]) { self.width = width; self.height = height; self.rgba = rgba }

  public init(contentsOf path: String) throws {
    guard let s = cairo_image_surface_create_from_png(path), cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
      throw RenderError("cannot read PNG \(path)")
    }
    defer { cairo_surface_destroy(s) }
    self.init(surface: s)
  }

  init(surface s: OpaquePointer) {
    cairo_surface_flush(s)
    width = Int(cairo_image_surface_get_width(s)); height = Int(cairo_image_surface_get_height(s))
    let stride = Int(cairo_image_surface_get_stride(s))
    let format = cairo_image_surface_get_format(s)
    let data = cairo_image_surface_get_data(s)!
    var out = [UInt8](repeating: 0, count: width * height * 4)
    for y in 0..<height {
      let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
      for x in 0..<width {
        let p = row[x]
        let a = format == CAIRO_FORMAT_ARGB32 ? UInt32(p >> 24) : 255
        func un(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
        let i = (y * width + x) * 4
        out[i] = un((p >> 16) & 0xFF); out[i + 1] = un((p >> 8) & 0xFF); out[i + 2] = un(p & 0xFF); out[i + 3] = UInt8(a)
      }
    }
    rgba = out
  }

  /// Writes the pixels as a PNG (used for diff images).
  public func write(to path: String) throws {
    guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else { throw RenderError("cairo_image_surface_create failed") }
    defer { cairo_surface_destroy(s) }
    cairo_surface_flush(s)
    let stride = Int(cairo_image_surface_get_stride(s))
    let data = cairo_image_surface_get_data(s)!
    for y in 0..<height {
      let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
      for x in 0..<width {
        let i = (y * width + x) * 4
        let a = UInt32(rgba[i + 3])
        func pm(_ c: UInt8) -> UInt32 { UInt32(c) * a / 255 }
        row[x] = a << 24 | pm(rgba[i]) << 16 | pm(rgba[i + 1]) << 8 | pm(rgba[i + 2])
      }
    }
    cairo_surface_mark_dirty(s)
    guard cairo_surface_write_to_png(s, path) == CAIRO_STATUS_SUCCESS else { throw RenderError("cannot write \(path)") }
  }

  /// Compares with another image: the share of pixels whose channels differ by more than
  /// `tolerance`, and a diff image (changed pixels red over a faded copy).
  public func difference(from other: PNGPixels, tolerance: UInt8) -> (fraction: Double, diff: PNGPixels)? {
    guard width == other.width, height == other.height else { return nil }
    var diff = self
    var changed = 0
    for p in 0..<(width * height) {
      let i = p * 4
      var differs = false
      for c in 0..<4 where abs(Int(rgba[i + c]) - Int(other.rgba[i + c])) > Int(tolerance) { differs = true }
      if differs {
        changed += 1
        diff.rgba[i] = 255; diff.rgba[i + 1] = 0; diff.rgba[i + 2] = 0; diff.rgba[i + 3] = 255
      } else {
        for c in 0..<3 { diff.rgba[i + c] = UInt8(200 + Int(rgba[i + c]) * 55 / 255) }
      }
    }
    return (Double(changed) / Double(max(1, width * height)), diff)
  }
}
