import CPangoCairo
import Foundation
import NaraColour
import NaraFiles
import NaraModel
import NaraPDFFinish
import NaraPageTree

/// How a PDF is written.
public struct PDFOptions: Sendable {
  /// Enlarge the media by the document's bleed on every side (for the print shop).
  public var bleed = false
  /// Draw crop marks outside the bleed (implies room for them around the page).
  public var cropMarks = false
  /// The creation date written in the PDF; fixed so that the same input gives the same bytes.
  public var creationDate: Date
  /// A print PDF (PDF/X-4 in CMYK through this condition's profile), or nil for the screen
  /// and office PDF.
  public var print: PrintSettings?
  public init(creationDate: Date) { self.creationDate = creationDate }

  /// Room outside the bleed for marks.
  var slug: Double {
    guard cropMarks else { return 0 }
    return Length.mm(print.map { $0.slugLine || $0.registrationMarks ? 12 : 10 } ?? 8).points
  }
}

/// What a print PDF needs beyond the screen PDF: the printing condition, the colours the
/// theme gives in CMYK, and the marks asked for.
public struct PrintSettings: @unchecked Sendable {
  public var profile: PrintProfile
  /// Exact CMYK for colours the theme writes as CMYK, by their sRGB value (8 bits a channel).
  public var cmykColours: [String: CMYK] = [:]
  public var registrationMarks = false
  /// A line in the slug naming the file, the date and the page.
  public var slugLine = false
  /// What the slug line names.
  public var jobName = ""
  public init(profile: PrintProfile) { self.profile = profile }
}

/// The Cairo backend: owns the fonts (project fontconfig), the Pango shaper and decoded
/// images, and writes page trees as PDF or PNG. One per thread.
public final class CairoRenderer {
  let fonts: FontSetup
  let imageStore: ImageStore
  let painter: Painter
  public let shaper: PangoShaper

  /// `fontConfig`: the project's `fonts/fonts.conf`.
  public init(fontConfig: String) throws {
    fonts = try FontSetup(configFile: fontConfig)
    imageStore = ImageStore()
    painter = Painter(fonts: fonts, images: imageStore)
    shaper = PangoShaper(fonts: fonts)
  }

  public var images: ImageInspector { imageStore }
  /// QR codes for `qr` items.
  public let codes: CodeEncoder = QREncoder()

  /// The pixel size of a PNG or JPEG (nil for SVG, which has no pixels), for resolution checks.
  public func imagePixelSize(_ path: String) -> (width: Int, height: Int)? {
    guard case .raster(_, let w, let h)? = try? imageStore.decoded(path) else { return nil }
    return (w, h)
  }

  /// Whether the configured fonts include this family (for preflight checks).
  public func hasFontFamily(_ family: String) -> Bool { fonts.hasFamily(family) }

  // MARK: PDF

  public func writePDF(_ document: PagedDocument, to path: String, options: PDFOptions) throws {
    try AtomicFile.write(to: path) { temp in try renderPDF(document, to: temp, options: options) }
  }

  private func renderPDF(_ document: PagedDocument, to path: String, options: PDFOptions) throws {
    guard let first = document.pages.first else { throw RenderError("the document has no pages") }
    var options = options
    options.print?.cmykColours.merge(Self.themeCMYK(document)) { a, _ in a }
    let slug = options.slug
    func mediaSize(_ p: RenderedPage) -> (Double, Double, Double) {
      let extra = (options.bleed || options.cropMarks ? p.bleed : 0) + slug
      return (p.size.width + 2 * extra, p.size.height + 2 * extra, extra)
    }
    var boxes: [PageBoxes] = []
    let (w0, h0, _) = mediaSize(first)
    guard let surface = cairo_pdf_surface_create(path, w0, h0) else { throw RenderError("cairo_pdf_surface_create failed") }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "cannot create the PDF \(path)")
    setMetadata(surface, document.metadata, date: options.creationDate)
    guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
    defer { cairo_destroy(cr) }
    painter.tagStructure = true
    painter.figureAlts = []
    painter.topLevelIDs = []
    painter.topLevelLanguages = []
    var elementsPerPage: [Int] = []
    defer { painter.tagStructure = false }
    cairo_tag_begin(cr, "Document", nil)
    for page in document.pages {
      let (w, h, offset) = mediaSize(page)
      cairo_pdf_surface_set_size(surface, w, h)
      cairo_save(cr)
      cairo_translate(cr, offset, offset)
      // Without bleed the page is the trim box, with bleed the bleed box: what runs past it
      // is clipped, so artwork never covers the marks in the slug.
      let bleed = options.bleed || options.cropMarks ? page.bleed : 0
      cairo_rectangle(cr, -bleed, -bleed, page.size.width + 2 * bleed, page.size.height + 2 * bleed)
      cairo_clip(cr)
      try painter.draw(page.nodes, on: cr)
      painter.closeList(on: cr)
      elementsPerPage.append(painter.topLevelIDs.count - elementsPerPage.reduce(0, +))
      cairo_restore(cr)
      boxes.append(PageBoxes(media: Size(width: w, height: h), trimOffset: offset, trim: page.size, bleed: bleed))
      if options.cropMarks {
        PrintMarks.draw(cr, page: page, offset: offset, bleed: bleed, registration: options.print?.registrationMarks ?? false,
                        slugLine: options.print?.slugLine == true
                          ? "\(options.print?.jobName ?? "")   \(Self.slugDate(options.creationDate))   sida \(boxes.count) av \(document.pages.count)"
                          : nil)
      }
      cairo_show_page(cr)
      try check(cairo_status(cr), "drawing the PDF failed")
    }
    cairo_tag_end(cr, "Document")
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "finishing the PDF failed")
    var info = AccessibilityInfo(
      language: document.metadata.language, title: document.metadata.title, figureAlts: painter.figureAlts,
      readingOrder: Self.readingOrder(ids: painter.topLevelIDs, perPage: elementsPerPage, pages: document.pages))
    info.pdfx = options.print != nil
    info.elementLanguages = painter.topLevelLanguages
    try PDFFinisher.finish(path: path, info: info, boxes: options.bleed || options.cropMarks ? boxes : nil,
                           print: options.print.map { PrintConversion(profile: $0.profile, cmykColours: $0.cmykColours) })
  }

  static func slugDate(_ d: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "sv_SE")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd HH:mm"
    return f.string(from: d)
  }

  /// The top-level elements in each page's declared reading order: an element goes with the
  /// first listed id that names it or an item around it (a group, a placed component);
  /// unlisted ones follow in drawing order. Nil when no page declares an order.
  static func readingOrder(ids: [[String]], perPage: [Int], pages: [RenderedPage]) -> [Int]? {
    guard pages.contains(where: { !$0.readingOrder.isEmpty }) else { return nil }
    var order: [Int] = []
    var start = 0
    for (page, count) in zip(pages, perPage) {
      let indices = Array(start..<start + count)
      func rank(_ chain: [String]) -> Int {
        page.readingOrder.firstIndex { entry in chain.contains { $0 == entry || $0.hasPrefix(entry + "#") } } ?? Int.max
      }
      order += indices.enumerated().sorted { a, b in
        let ra = rank(ids[a.element]), rb = rank(ids[b.element])
        return ra != rb ? ra < rb : a.offset < b.offset
      }.map(\.element)
      start += count
    }
    return order
  }

  private func setMetadata(_ surface: OpaquePointer, _ m: DocumentMetadata, date: Date) {
    if let t = m.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, t) }
    if let a = m.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, a) }
    if let s = m.subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, s) }
    if !m.keywords.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, m.keywords.joined(separator: ", ")) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, m.creator)
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    let stamp = f.string(from: date)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp)
  }

  func check(_ status: cairo_status_t, _ what: String) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
      throw RenderError("\(what): \(String(cString: cairo_status_to_string(status)))")
    }
  }
}

extension CairoRenderer {
  /// One PNG with small previews of many pages in a grid, each with a caption, so a
  /// coordinator sees a whole batch at a glance.
  public func writeContactSheet(_ pages: [(page: RenderedPage, caption: String)], to path: String,
                                thumbnailWidth: Double = 160, columns requested: Int? = nil) throws {
    guard let first = pages.first else { throw RenderError("nothing to put on the contact sheet") }
    let columns = max(1, requested ?? min(pages.count, 10))
    let rows = (pages.count + columns - 1) / columns
    let aspect = first.page.size.height / first.page.size.width
    let gap = 14.0, caption = 16.0
    let cellW = thumbnailWidth, cellH = thumbnailWidth * aspect
    let width = Int(gap + Double(columns) * (cellW + gap)), height = Int(gap + Double(rows) * (cellH + caption + gap))
    guard width * height <= 200_000_000 else {
      throw RenderError("a contact sheet of \(width) × \(height) pixels is too large", hints: ["render fewer rows at a time"])
    }
    try AtomicFile.write(to: path) { temp in
      guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
        throw RenderError("cairo_image_surface_create failed")
      }
      defer { cairo_surface_destroy(surface) }
      try check(cairo_surface_status(surface), "cannot allocate the contact sheet")
      guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
      defer { cairo_destroy(cr) }
      cairo_set_source_rgb(cr, 0.93, 0.94, 0.93)
      cairo_paint(cr)
      for (i, entry) in pages.enumerated() {
        let x = gap + Double(i % columns) * (cellW + gap), y = gap + Double(i / columns) * (cellH + caption + gap)
        let scale = cellW / entry.page.size.width
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_rectangle(cr, 0, 0, cellW, entry.page.size.height * scale)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_fill_preserve(cr)
        cairo_clip(cr)
        cairo_scale(cr, scale, scale)
        try painter.draw(entry.page.nodes, on: cr)
        cairo_restore(cr)
        // The caption in the project's fonts, through the same shaper.
        let spec = FontSpec(family: "Noto Sans", size: 9)
        let line = try shaper.shape(StyledParagraph(spans: [StyledSpan(text: entry.caption, font: spec, colour: Colour(red: 0.2, green: 0.2, blue: 0.2))],
                                                    alignment: .start, language: "sv", direction: .ltr), width: 10_000).lines.first
        if let line {
          cairo_save(cr)
          cairo_rectangle(cr, x, y, cellW, cellH + caption)
          cairo_clip(cr)
          try painter.draw([.text(TextNode(id: "caption", role: .artifact, runs: line.runs.map {
            var r = $0; r.origin.x += x; r.origin.y += y + cellH + 11; return r
          }))], on: cr)
          cairo_restore(cr)
        }
      }
      try check(cairo_status(cr), "drawing the contact sheet failed")
      cairo_surface_flush(surface)
      try check(cairo_surface_write_to_png(surface, temp), "cannot write \(path)")
    }
  }
}
