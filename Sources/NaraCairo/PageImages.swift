import CPangoCairo
import Foundation
import NaraModel
import NaraPageTree

/// One page as an image in memory, for the live preview (`watch --serve`): SVG, which the
/// browser draws sharp at any zoom (Cairo writes each glyph once as a symbol), and PNG.
extension CairoRenderer {
  /// The page as an SVG document, in points (`width="595pt"`), white paper under it.
  public func svg(_ page: RenderedPage) throws -> Data {
    let sink = ByteSink()
    let box = Unmanaged.passRetained(sink)
    defer { box.release() }
    guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, box.toOpaque(), page.size.width, page.size.height) else {
      throw RenderError("cairo_svg_surface_create_for_stream failed")
    }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "cannot make an SVG surface")
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
    do {
      guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
      defer { cairo_destroy(cr) }
      cairo_set_source_rgb(cr, 1, 1, 1)
      cairo_paint(cr)
      try painter.draw(page.nodes, on: cr)
      try check(cairo_status(cr), "drawing the SVG failed")
    }
    // Finishing writes the document's end; the stream is complete after it.
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "writing the SVG failed")
    return sink.data
  }

  /// The page as a PNG at `dpi` (Cairo's own writer: a preview needs no speed at low
  /// resolutions, and libpng's path writes files).
  public func png(_ page: RenderedPage, dpi: Double) throws -> Data {
    let image = try drawPNG(page, dpi: dpi, proof: nil)
    defer { image.destroy() }
    let sink = ByteSink()
    let box = Unmanaged.passRetained(sink)
    defer { box.release() }
    try check(cairo_surface_write_to_png_stream(image.surface, ByteSink.write, box.toOpaque()), "writing the PNG failed")
    return sink.data
  }
}

/// Collects what a Cairo stream writes.
private final class ByteSink {
  var data = Data()
  static let write: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
  }
}
