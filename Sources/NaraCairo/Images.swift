import CPangoCairo
import CRsvg
import Foundation
import NaraModel
import NaraPageTree

/// Decoded images, each file read once per renderer. PNG through Cairo, JPEG through
/// gdk-pixbuf (and embedded in the PDF as the original JPEG bytes), SVG through librsvg as
/// vectors.
final class ImageStore: ImageInspector {
  enum Decoded {
    case raster(OpaquePointer, width: Int, height: Int)
    case svg(UnsafeMutablePointer<RsvgHandle>, width: Double, height: Double)
  }
  private var cache: [String: Decoded] = [:]
  private var tinted: [String: UnsafeMutablePointer<RsvgHandle>] = [:]

  deinit {
    for d in cache.values {
      switch d {
      case .raster(let s, _, _): cairo_surface_destroy(s)
      case .svg(let h, _, _): g_object_unref(UnsafeMutableRawPointer(h))
      }
    }
    for h in tinted.values { g_object_unref(UnsafeMutableRawPointer(h)) }
  }

  func naturalSize(ofImageAt path: String) throws -> Size {
    switch try decoded(path) {
    // Pixels at 96 per inch, the CSS reference, when the file says nothing better.
    case .raster(_, let w, let h): return Size(width: Double(w) * 0.75, height: Double(h) * 0.75)
    case .svg(_, let w, let h): return Size(width: w * 0.75, height: h * 0.75)
    }
  }

  func decoded(_ path: String) throws -> Decoded {
    if let d = cache[path] { return d }
    let ext = (path as NSString).pathExtension.lowercased()
    let d: Decoded
    switch ext {
    case "png": d = try loadPNG(path)
    case "jpg", "jpeg": d = try loadJPEG(path)
    case "svg": d = try loadSVG(path, stylesheet: nil).0
    default: throw RenderError("unsupported image type: \(path)")
    }
    cache[path] = d
    return d
  }

  /// An SVG handle with `currentColor` set to `tint`.
  func svgHandle(_ path: String, tint: Colour?) throws -> UnsafeMutablePointer<RsvgHandle> {
    guard let tint else {
      guard case .svg(let h, _, _) = try decoded(path) else { throw RenderError("not an SVG: \(path)") }
      return h
    }
    let key = path + tint.hex
    if let h = tinted[key] { return h }
    let (d, _) = try loadSVG(path, stylesheet: "svg { color: \(tint.hex); }")
    guard case .svg(let h, _, _) = d else { throw RenderError("not an SVG: \(path)") }
    tinted[key] = h
    return h
  }

  /// Cairo reports any unreadable PNG as “out of memory”; say what is wrong instead.
  private func checkSignature(_ path: String, _ magic: [UInt8], _ kind: String) throws {
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    guard type == .typeRegular else { throw RenderError("\(path) is not a regular file") }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw RenderError("cannot open \(path)") }
    defer { try? handle.close() }
    let head = [UInt8](handle.readData(ofLength: magic.count))
    if head != magic {
      throw RenderError("\(path) is not a \(kind) file", hints: ["save it again as \(kind), or change its name to the format it really has"])
    }
  }

  private func loadPNG(_ path: String) throws -> Decoded {
    try checkSignature(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG")
    guard let s = cairo_image_surface_create_from_png(path) else { throw RenderError("cannot read PNG \(path)") }
    let status = cairo_surface_status(s)
    guard status == CAIRO_STATUS_SUCCESS else {
      let msg = String(cString: cairo_status_to_string(status))
      cairo_surface_destroy(s)
      throw RenderError("cannot read PNG \(path): \(msg)")
    }
    return .raster(s, width: Int(cairo_image_surface_get_width(s)), height: Int(cairo_image_surface_get_height(s)))
  }

  private func loadJPEG(_ path: String) throws -> Decoded {
    try checkSignature(path, [0xFF, 0xD8], "JPEG")
    var error: UnsafeMutablePointer<GError>?
    guard let pixbuf = gdk_pixbuf_new_from_file(path, &error) else {
      let msg = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
      if let error { g_error_free(error) }
      throw RenderError("cannot read JPEG \(path): \(msg)")
    }
    defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
    let w = Int(gdk_pixbuf_get_width(pixbuf)), h = Int(gdk_pixbuf_get_height(pixbuf))
    let channels = Int(gdk_pixbuf_get_n_channels(pixbuf)), stride = Int(gdk_pixbuf_get_rowstride(pixbuf))
    let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
    guard let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(w), Int32(h)),
      cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let src = gdk_pixbuf_get_pixels(pixbuf)
    else { throw RenderError("cannot allocate an image of \(w) × \(h) pixels for \(path)") }
    // gdk-pixbuf has RGB(A) bytes; Cairo wants premultiplied native-endian 32-bit pixels.
    // No library call does this conversion without GTK, so it is done here.
    cairo_surface_flush(surface)
    let dst = cairo_image_surface_get_data(surface)!
    let dstStride = Int(cairo_image_surface_get_stride(surface))
    for y in 0..<h {
      let srow = src + y * stride
      let drow = UnsafeMutableRawPointer(dst + y * dstStride).assumingMemoryBound(to: UInt32.self)
      for x in 0..<w {
        let p = srow + x * channels
        var r = UInt32(p[0]), g = UInt32(p[1]), b = UInt32(p[2])
        let a = hasAlpha ? UInt32(p[3]) : 255
        if a < 255 { r = r * a / 255; g = g * a / 255; b = b * a / 255 }
        drow[x] = a << 24 | r << 16 | g << 8 | b
      }
    }
    cairo_surface_mark_dirty(surface)
    // The PDF embeds the original JPEG data instead of re-encoding pixels – unless it is a
    // CMYK (or YCCK) JPEG: Cairo would embed it as DeviceCMYK without the inverted /Decode
    // that Adobe's APP14 convention needs, and every viewer would show a negative. Those are
    // embedded as the pixels gdk-pixbuf decoded (which handles the inversion).
    if let data = FileManager.default.contents(atPath: path), Self.jpegComponents([UInt8](data)) != 4 {
      let count = data.count
      let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
      data.copyBytes(to: buffer, count: count)
      cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, buffer, UInt(count), { p in p?.deallocate() }, buffer)
    }
    return .raster(surface, width: w, height: h)
  }

  /// The number of colour components in a JPEG's frame header (1 grey, 3 RGB/YCbCr,
  /// 4 CMYK/YCCK); nil when no frame header is found. Walks the marker segments, each
  /// step bounded by the file's size.
  static func jpegComponents(_ d: [UInt8]) -> Int? {
    var i = 2
    while i + 9 < d.count {
      guard d[i] == 0xFF else { return nil }
      let marker = d[i + 1]
      if marker == 0xFF { i += 1; continue }
      if marker == 0xD8 || (0xD0...0xD7).contains(marker) { i += 2; continue }
      let length = Int(d[i + 2]) << 8 | Int(d[i + 3])
      guard length >= 2 else { return nil }
      // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) { return Int(d[i + 9]) }
      if marker == 0xDA { return nil }  // start of scan before any frame header
      i += 2 + length
    }
    return nil
  }

  private func loadSVG(_ path: String, stylesheet: String?) throws -> (Decoded, Void) {
    var error: UnsafeMutablePointer<GError>?
    guard let handle = rsvg_handle_new_from_file(path, &error) else {
      let msg = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
      if let error { g_error_free(error) }
      throw RenderError("cannot read SVG \(path): \(msg)")
    }
    if let stylesheet {
      let bytes = Array(stylesheet.utf8)
      _ = rsvg_handle_set_stylesheet(handle, bytes, gsize(bytes.count), nil)
    }
    var w = 0.0, h = 0.0
    if rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) == 0 {
      // No width/height: use the viewBox.
      var hasW: gboolean = 0, hasH: gboolean = 0, hasVB: gboolean = 0
      var vb = RsvgRectangle()
      rsvg_handle_get_intrinsic_dimensions(handle, &hasW, nil, &hasH, nil, &hasVB, &vb)
      w = hasVB != 0 ? vb.width : 100; h = hasVB != 0 ? vb.height : 100
    }
    return (.svg(handle, width: w, height: h), ())
  }
}
