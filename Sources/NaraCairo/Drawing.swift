import CPangoCairo
import CRsvg
import NaraModel
import NaraPageTree

/// Draws page-tree nodes on a Cairo context. Decides nothing: PDF and PNG differ only in the
/// surface they draw on.
final class Painter {
  let fonts: FontSetup
  let images: ImageStore
  /// Write structure tags (PDF only): headings, paragraphs, lists, figures, links.
  var tagStructure = false
  /// Alternative texts of the figures, in the order their tags were written (the PDF
  /// post-processor puts them on the structure elements: Cairo 1.16 cannot).
  var figureAlts: [String] = []
  /// The id of each top-level structure element, in the order they were written (to put
  /// them in the layout's reading order afterwards).
  var topLevelIDs: [[String]] = []
  /// The language of each top-level element when it is not the document's (nil otherwise).
  var topLevelLanguages: [String?] = []
  /// Inside a figure everything belongs to the figure: no nested tags.
  private var figureDepth = 0
  private var inList = false
  private var fontCache: [FontFace: UnsafeMutablePointer<PangoFont>] = [:]

  init(fonts: FontSetup, images: ImageStore) { self.fonts = fonts; self.images = images }

  deinit { for f in fontCache.values { g_object_unref(UnsafeMutableRawPointer(f)) } }

  func draw(_ nodes: [Node], on cr: OpaquePointer) throws {
    for node in nodes { try draw(node, on: cr) }
  }

  /// Ends an open list at a page end or before content that is not a list item.
  func closeList(on cr: OpaquePointer) {
    if inList { cairo_tag_end(cr, "L"); inList = false }
  }

  private var tagging: Bool { tagStructure && figureDepth == 0 }

  private func beginFigure(_ alt: String, id: [String], on cr: OpaquePointer) {
    guard tagging else { return }
    closeList(on: cr)
    cairo_tag_begin(cr, "Figure", nil)
    figureAlts.append(alt)
    topLevelIDs.append(id)
    topLevelLanguages.append(nil)
  }

  func draw(_ node: Node, on cr: OpaquePointer) throws {
    switch node {
    case .path(let p):
      if case .figure(let alt) = p.role, tagging {
        beginFigure(alt, id: p.owners, on: cr); drawPath(p, on: cr); cairo_tag_end(cr, "Figure")
      } else { drawPath(p, on: cr) }
    case .text(let t): try drawText(t, on: cr)
    case .image(let i):
      if case .figure(let alt) = i.role, tagging {
        beginFigure(alt, id: i.owners, on: cr)
        try drawImage(i, on: cr)
        cairo_tag_end(cr, "Figure")
      } else { try drawImage(i, on: cr) }
    case .group(let g):
      var isFigure = false
      if case .figure(let alt) = g.role, tagging { beginFigure(alt, id: g.owners, on: cr); isFigure = true }
      if isFigure || g.role == .artifact { figureDepth += 1 }
      defer {
        if isFigure || g.role == .artifact { figureDepth -= 1 }
        if isFigure { cairo_tag_end(cr, "Figure") }
      }
      cairo_save(cr)
      let t = g.transform
      var m = cairo_matrix_t(xx: t.a, yx: t.b, xy: t.c, yy: t.d, x0: t.tx, y0: t.ty)
      cairo_transform(cr, &m)
      if g.opacity < 1 {
        cairo_push_group(cr)
        try draw(g.children, on: cr)
        cairo_pop_group_to_source(cr)
        cairo_paint_with_alpha(cr, g.opacity)
      } else {
        try draw(g.children, on: cr)
      }
      cairo_restore(cr)
    }
  }

  /// A text block under its structure tag: H1–H6, P, or LI (Lbl + LBody) inside an L.
  private func drawText(_ t: TextNode, on cr: OpaquePointer) throws {
    guard tagging else {
      for run in t.runs { try drawRun(run, on: cr) }
      return
    }
    switch t.role {
    case .artifact, .group:
      for run in t.runs { try drawRun(run, on: cr) }
    case .listItem:
      if !inList {
        cairo_tag_begin(cr, "L", nil); inList = true
        topLevelIDs.append(t.owners + [t.id]); topLevelLanguages.append(t.language)
      }
      cairo_tag_begin(cr, "LI", nil)
      // The layout puts the marker first.
      if let marker = t.runs.first {
        cairo_tag_begin(cr, "Lbl", nil); try drawRun(marker, on: cr); cairo_tag_end(cr, "Lbl")
      }
      cairo_tag_begin(cr, "LBody", nil)
      try drawRuns(Array(t.runs.dropFirst()), on: cr)
      cairo_tag_end(cr, "LBody")
      cairo_tag_end(cr, "LI")
    case .heading(let level):
      closeList(on: cr)
      let tag = "H\(min(6, max(1, level)))"
      cairo_tag_begin(cr, tag, nil)
      topLevelIDs.append(t.owners + [t.id]); topLevelLanguages.append(t.language)
      try drawRuns(t.runs, on: cr)
      cairo_tag_end(cr, tag)
    case .paragraph, .figure:
      closeList(on: cr)
      cairo_tag_begin(cr, "P", nil)
      topLevelIDs.append(t.owners + [t.id]); topLevelLanguages.append(t.language)
      try drawRuns(t.runs, on: cr)
      cairo_tag_end(cr, "P")
    }
  }

  /// The runs of one structure element. Beside a link, Cairo leaves text placed directly in
  /// the element untagged, so then every run that is not the link gets its own Span.
  private func drawRuns(_ runs: [GlyphRun], on cr: OpaquePointer) throws {
    guard runs.contains(where: { $0.link != nil }) else {
      for run in runs { try drawRun(run, on: cr) }
      return
    }
    for run in runs {
      if run.link == nil { cairo_tag_begin(cr, "Span", nil) }
      try drawRun(run, on: cr)
      if run.link == nil { cairo_tag_end(cr, "Span") }
    }
  }

  private func setColour(_ c: Colour, on cr: OpaquePointer) {
    cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
  }

  func tracePath(_ path: PathData, on cr: OpaquePointer) {
    cairo_new_path(cr)
    for c in path.commands {
      switch c {
      case .move(let p): cairo_move_to(cr, p.x, p.y)
      case .line(let p): cairo_line_to(cr, p.x, p.y)
      case .cubic(let a, let b, let p): cairo_curve_to(cr, a.x, a.y, b.x, b.y, p.x, p.y)
      case .close: cairo_close_path(cr)
      }
    }
  }

  private func drawPath(_ p: PathNode, on cr: OpaquePointer) {
    tracePath(p.path, on: cr)
    if let fill = p.fill, fill.alpha > 0 {
      setColour(fill, on: cr)
      if p.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
    }
    if let s = p.stroke {
      setColour(s.colour, on: cr)
      cairo_set_line_width(cr, s.width.points)
      cairo_set_line_cap(cr, s.cap == .round ? CAIRO_LINE_CAP_ROUND : s.cap == .square ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
      cairo_set_line_join(cr, s.join == .round ? CAIRO_LINE_JOIN_ROUND : s.join == .bevel ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_MITER)
      let dashes = s.dash.map(\.points)
      cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
      cairo_stroke(cr)
      cairo_set_dash(cr, nil, 0, 0)
    }
    cairo_new_path(cr)
  }

  private func font(_ face: FontFace) throws -> UnsafeMutablePointer<PangoFont> {
    if let f = fontCache[face] { return f }
    guard let desc = pango_font_description_from_string(face.name) else { throw RenderError("bad font description \(face.name)") }
    defer { pango_font_description_free(desc) }
    pango_font_description_set_absolute_size(desc, face.size * Double(PANGO_SCALE))
    guard let f = pango_font_map_load_font(fonts.fontMap, fonts.context, desc) else {
      throw RenderError("cannot load the font \(face)")
    }
    fontCache[face] = f
    return f
  }

  /// Draws one glyph run through Pango, which hands Cairo the glyphs together with their text
  /// and clusters, so the PDF's text layer copies and searches as the source text.
  private func drawRun(_ run: GlyphRun, on cr: OpaquePointer) throws {
    guard !run.glyphs.isEmpty else { return }
    let pangoFont = try font(run.font)
    guard let item = pango_item_new(), let glyphs = pango_glyph_string_new() else { throw RenderError("pango_item_new failed") }
    defer { pango_item_free(item); pango_glyph_string_free(glyphs) }
    let text = run.text
    item.pointee.offset = 0
    item.pointee.length = Int32(text.utf8.count)
    item.pointee.num_chars = Int32(text.unicodeScalars.count)
    item.pointee.analysis.font = UnsafeMutablePointer(OpaquePointer(g_object_ref(UnsafeMutableRawPointer(pangoFont))))
    item.pointee.analysis.level = UInt8(run.bidiLevel)
    pango_glyph_string_set_size(glyphs, Int32(run.glyphs.count))
    let scale = Double(PANGO_SCALE)
    for (i, g) in run.glyphs.enumerated() {
      glyphs.pointee.glyphs[i].glyph = g.id
      glyphs.pointee.glyphs[i].geometry.width = Int32((g.advance * scale).rounded())
      glyphs.pointee.glyphs[i].geometry.x_offset = Int32((g.xOffset * scale).rounded())
      glyphs.pointee.glyphs[i].geometry.y_offset = Int32((g.yOffset * scale).rounded())
      glyphs.pointee.glyphs[i].attr.is_cluster_start = g.isClusterStart ? 1 : 0
      glyphs.pointee.log_clusters[i] = Int32(g.cluster)
    }
    var glyphItem = PangoGlyphItem(item: item, glyphs: glyphs, y_offset: 0, start_x_offset: 0, end_x_offset: 0)
    if tagStructure, let link = run.link {
      cairo_tag_begin(cr, CAIRO_TAG_LINK, Self.linkAttributes(link))
    }
    setColour(run.colour, on: cr)
    cairo_move_to(cr, run.origin.x, run.origin.y)
    pango_cairo_show_glyph_item(cr, text, &glyphItem)
    if run.underline {
      let thickness = max(0.5, run.font.size * 0.06)
      cairo_rectangle(cr, run.origin.x, run.origin.y + run.font.size * 0.12, run.width, thickness)
      cairo_fill(cr)
    }
    if tagStructure, run.link != nil { cairo_tag_end(cr, CAIRO_TAG_LINK) }
  }

  private func drawImage(_ img: ImageNode, on cr: OpaquePointer) throws {
    cairo_save(cr)
    defer { cairo_restore(cr) }
    cairo_rectangle(cr, img.clip.minX, img.clip.minY, img.clip.width, img.clip.height)
    cairo_clip(cr)
    switch try images.decoded(img.path) {
    case .raster(let surface, let w, let h):
      cairo_translate(cr, img.rect.minX, img.rect.minY)
      cairo_scale(cr, img.rect.width / Double(w), img.rect.height / Double(h))
      cairo_set_source_surface(cr, surface, 0, 0)
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
      cairo_paint(cr)
    case .svg:
      let handle = try images.svgHandle(img.path, tint: img.tint)
      var viewport = RsvgRectangle(x: img.rect.minX, y: img.rect.minY, width: img.rect.width, height: img.rect.height)
      var error: UnsafeMutablePointer<GError>?
      if rsvg_handle_render_document(handle, cr, &viewport, &error) == 0 {
        let msg = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
        if let error { g_error_free(error) }
        throw RenderError("cannot draw SVG \(img.path): \(msg)")
      }
    }
  }

  /// Cairo's attributes for a link to `url`, which is passed on as given (the loader decides
  /// which URLs are allowed). Cairo 1.16 copies the URI into the PDF as a literal string
  /// without escaping it, and its attribute parser treats `'` and `\` specially: so every
  /// byte that either could mangle – quotes, backslashes, parentheses, spaces and other
  /// characters a URI cannot hold, control characters and non-ASCII (as its UTF-8 bytes) –
  /// is percent-encoded, which leaves an equivalent URI. A `%` stays: it already starts an
  /// escape in a valid URL.
  static func linkAttributes(_ url: String) -> String {
    "uri='\(percentEncodedForPDF(url))'"
  }

  static func percentEncodedForPDF(_ url: String) -> String {
    let unsafe = Set("'\\()\"<>`{}|^".utf8)
    var out = ""
    out.reserveCapacity(url.utf8.count)
    for byte in url.utf8 {
      if byte <= 0x20 || byte >= 0x7F || unsafe.contains(byte) {
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      } else {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      }
    }
    return out
  }
}

private extension String {
  func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
