import CPangoCairo
import NaraColour
import NaraModel
import NaraPageTree

/// Crop marks, registration marks and the slug line, drawn outside the bleed.
enum PrintMarks {
  /// The registration colour (`Colour.registration`, which the PDF/X step turns into the
  /// `All` separation).
  static let registration = Colour.registration

  static func draw(_ cr: OpaquePointer, page: RenderedPage, offset: Double, bleed: Double, registration: Bool, slugLine: String?) {
    let gap = bleed + Length.mm(1).points, len = Length.mm(6).points
    let x0 = offset, y0 = offset, x1 = offset + page.size.width, y1 = offset + page.size.height
    cairo_save(cr)
    cairo_set_source_rgb(cr, Self.registration.red, Self.registration.green, Self.registration.blue)
    cairo_set_line_width(cr, 0.25)
    for (x, dx) in [(x0, -1.0), (x1, 1.0)] {
      for (y, dy) in [(y0, -1.0), (y1, 1.0)] {
        cairo_move_to(cr, x + dx * gap, y); cairo_line_to(cr, x + dx * (gap + len), y)
        cairo_move_to(cr, x, y + dy * gap); cairo_line_to(cr, x, y + dy * (gap + len))
      }
    }
    cairo_stroke(cr)
    if registration {
      // A target in the middle of each side, outside the bleed.
      let r = Length.mm(2.5).points, out = gap + Length.mm(4).points
      let centres = [((x0 + x1) / 2, y0 - out), ((x0 + x1) / 2, y1 + out), (x0 - out, (y0 + y1) / 2), (x1 + out, (y0 + y1) / 2)]
      for (cx, cy) in centres {
        cairo_new_sub_path(cr)
        cairo_arc(cr, cx, cy, r * 0.6, 0, 2 * .pi)
        cairo_move_to(cr, cx - r, cy); cairo_line_to(cr, cx + r, cy)
        cairo_move_to(cr, cx, cy - r); cairo_line_to(cr, cx, cy + r)
      }
      cairo_stroke(cr)
    }
    if let slugLine {
      cairo_select_font_face(cr, "Noto Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
      cairo_set_font_size(cr, 6)
      cairo_move_to(cr, x0 + len + gap, y1 + gap + len * 0.9)
      cairo_show_text(cr, slugLine)
    }
    cairo_restore(cr)
  }
}

extension CairoRenderer {
  /// The CMYK the theme gives for colours drawn on the pages, by their sRGB value.
  static func themeCMYK(_ document: PagedDocument) -> [String: CMYK] {
    var out: [String: CMYK] = [:]
    for page in document.pages {
      for drawn in PageInspection.colours(page) {
        let c = drawn.colour
        guard let k = c.cmyk, k.count == 4 else { continue }
        let key = Colour(red: c.red, green: c.green, blue: c.blue).hex
        if out[key] == nil { out[key] = CMYK(k[0], k[1], k[2], k[3]) }
      }
    }
    return out
  }
}
