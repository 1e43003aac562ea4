import CPangoCairo
import CRsvg
import Foundation
import NaraFiles
import NaraModel
import NaraPageTree

/// Decoded images, each file read once per renderer. PNG through Cairo, JPEG through
/// gdk-pixbuf (and embedded in the PDF as the original JPEG bytes), SVG through librsvg as
/// vectors. Raster files are read whole and checked before decoding (`ImageFile`): only
/// regular files, at most `ImageFile.maxPixels`, complete.
final class ImageStore: ImageInspector {
  enum Decoded {
    case raster(OpaquePointer, width: Int, height: Int)
    case svg(UnsafeMutablePointer<RsvgHandle>, width: Double, height: Double)
  }
  private var cache: [String: Decoded] = [:]
  private var tinted: [String: UnsafeMutablePointer<RsvgHandle>] = [:]
  /// Each cached file's stamp when it was read: `watch` keeps one renderer while a designer
  /// replaces an image under the same name, and the next render must show the new one.
  private var stamps: [String: FileStamp] = [:]

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
    let stamp = FileStamp.of(path)
    if let d = cache[path] {
      if stamps[path] == stamp { return d }
      forget(path, d)
    }
    let ext = (path as NSString).pathExtension.lowercased()
    let d: Decoded
    switch ext {
    case "png": d = try loadPNG(path)
    case "jpg", "jpeg": d = try loadJPEG(path)
    case "svg": d = try loadSVG(path, stylesheet: nil).0
    default: throw RenderError("unsupported image type: \(path)")
    }
    cache[path] = d
    stamps[path] = stamp
    return d
  }

  /// Drops a file read before it changed, and its tinted copies.
  private func forget(_ path: String, _ d: Decoded) {
    switch d {
    case .raster(let s, _, _): cairo_surface_destroy(s)
    case .svg(let h, _, _): g_object_unref(UnsafeMutableRawPointer(h))
    }
    cache[path] = nil
    stamps[path] = nil
    for (key, h) in tinted where key.hasPrefix(path + "#") {
      g_object_unref(UnsafeMutableRawPointer(h))
      tinted[key] = nil
    }
  }

  /// An SVG handle with `currentColor` set to `tint`.
  func svgHandle(_ path: String, tint: Colour?) throws -> UnsafeMutablePointer<RsvgHandle> {
    // Through `decoded`, which forgets the tinted copies of a file that changed.
    guard case .svg(let plain, _, _) = try decoded(path) else { throw RenderError("not an SVG: \(path)") }
    guard let tint else { return plain }
    let key = path + tint.hex
    if let h = tinted[key] { return h }
    let (d, _) = try loadSVG(path, stylesheet: "svg { color: \(tint.hex); }")
    guard case .svg(let h, _, _) = d else { throw RenderError("not an SVG: \(path)") }
    tinted[key] = h
    return h
  }

  private func loadPNG(_ path: String) throws -> Decoded {
    let bytes = try ImageFile.read(path, kind: "PNG")
    let header = try ImageFile.pngHeader(bytes, path: path)
    try ImageFile.checkSize(width: header.width, height: header.height, path: path)
    // Decoded from the bytes already read: the file is opened once, and never as anything
    // but the regular file just checked.
    let reader = PNGReader(bytes)
    let s = withExtendedLifetime(reader) {
      cairo_image_surface_create_from_png_stream({ closure, data, length in
        let reader = Unmanaged<PNGReader>.fromOpaque(closure!).takeUnretainedValue()
        return reader.read(into: data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
      }, Unmanaged.passUnretained(reader).toOpaque())
    }
    guard let s else { throw RenderError("cannot read the PNG \(path)") }
    let status = cairo_surface_status(s)
    guard status == CAIRO_STATUS_SUCCESS else {
      let msg = String(cString: cairo_status_to_string(status))
      cairo_surface_destroy(s)
      throw RenderError("the PNG \(path) is damaged: \(msg)", hints: ["open it in an image editor and save it again"])
    }
    let w = Int(cairo_image_surface_get_width(s)), h = Int(cairo_image_surface_get_height(s))
    guard w == header.width, h == header.height else {
      cairo_surface_destroy(s)
      throw RenderError("the PNG \(path) is damaged: it decodes to \(w) × \(h) pixels, its header says \(header.width) × \(header.height)")
    }
    return .raster(s, width: w, height: h)
  }

  private func loadJPEG(_ path: String) throws -> Decoded {
    let bytes = try ImageFile.read(path, kind: "JPEG")
    // Size and completeness from the marker segments, before anything is decoded.
    let header = try ImageFile.jpegHeader(bytes, path: path)
    guard let loader = gdk_pixbuf_loader_new_with_type("jpeg", nil) else { throw RenderError("cannot read the JPEG \(path): gdk-pixbuf has no JPEG loader") }
    defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
    var error: UnsafeMutablePointer<GError>?
    func fail(_ what: String) -> RenderError {
      let msg = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
      if let e = error { g_error_free(e); error = nil }
      return RenderError("the JPEG \(path) \(what): \(msg)", hints: ["open it in an image editor and save it again"])
    }
    let written = bytes.withUnsafeBufferPointer { gdk_pixbuf_loader_write(loader, $0.baseAddress, gsize($0.count), &error) }
    guard written != 0 else {
      let e = fail("is damaged")
      gdk_pixbuf_loader_close(loader, nil)
      throw e
    }
    guard gdk_pixbuf_loader_close(loader, &error) != 0 else { throw fail("is damaged") }
    guard let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else { throw fail("decodes to nothing") }
    let w = Int(gdk_pixbuf_get_width(pixbuf)), h = Int(gdk_pixbuf_get_height(pixbuf))
    guard w == header.width, h == header.height else {
      throw RenderError("the JPEG \(path) is damaged: it decodes to \(w) × \(h) pixels, its header says \(header.width) × \(header.height)")
    }
    let channels = Int(gdk_pixbuf_get_n_channels(pixbuf)), stride = Int(gdk_pixbuf_get_rowstride(pixbuf))
    let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
    guard channels >= (hasAlpha ? 4 : 3) else { throw RenderError("cannot read the JPEG \(path): \(channels) channels") }
    guard let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else {
      throw RenderError("cannot allocate an image of \(w) × \(h) pixels for \(path)")
    }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let src = gdk_pixbuf_get_pixels(pixbuf) else {
      cairo_surface_destroy(surface)
      throw RenderError("cannot allocate an image of \(w) × \(h) pixels for \(path)")
    }
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
    if header.components != 4 {
      let count = bytes.count
      let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
      bytes.withUnsafeBufferPointer { buffer.initialize(from: $0.baseAddress!, count: count) }
      cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, buffer, UInt(count), { p in p?.deallocate() }, buffer)
    }
    return .raster(surface, width: w, height: h)
  }

  private func loadSVG(_ path: String, stylesheet: String?) throws -> (Decoded, Void) {
    // librsvg opens the file itself: make sure first that it is a regular file (a FIFO would
    // block it for good). Its size comes from librsvg's intrinsic size: vectors, no pixels.
    try ImageFile.requireRegularFile(path)
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
