import CPangoCairo
import NaraModel
import NaraPageTree

/// Sets paragraphs with Pango (HarfBuzz shaping, UAX #14 line breaking, bidi), and hands the
/// result back as plain glyph runs: nothing of Pango leaves this file.
public final class PangoShaper: TextShaper {
  let fonts: FontSetup
  private var languages: [String: OpaquePointer] = [:]
  /// Advances of single characters (a space, the hyphen Pango draws) by font.
  private var advances: [String: Double] = [:]

  init(fonts: FontSetup) { self.fonts = fonts }

  public func shape(_ paragraph: StyledParagraph, width: Double) throws -> ShapedParagraph {
    guard let layout = pango_layout_new(fonts.context) else { throw RenderError("pango_layout_new failed") }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let text = paragraph.text
    let bytes = Array(text.utf8)
    pango_layout_set_text(layout, text, Int32(bytes.count))
    let widthUnits = Int32(clamping: Int((width * Double(PANGO_SCALE)).rounded(.down)))
    // A word longer than the line may break between letters rather than run out of the frame.
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    pango_layout_set_auto_dir(layout, 0)
    pango_context_set_base_dir(fonts.context, paragraph.direction == .rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
    pango_layout_context_changed(layout)
    pango_layout_set_indent(layout, Int32((paragraph.firstLineIndent * Double(PANGO_SCALE)).rounded()))
    // With auto-dir off Pango takes LEFT literally, so start and end follow the direction here.
    let rtl = paragraph.direction == .rtl
    switch paragraph.alignment {
    case .start: pango_layout_set_alignment(layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
    case .end: pango_layout_set_alignment(layout, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT)
    case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    case .justify:
      // Justified below, once the breaks are chosen.
      pango_layout_set_alignment(layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
    }

    // Span byte ranges, to map runs back to their span (colour, link, underline).
    var ranges: [Range<Int>] = []
    var offset = 0
    for s in paragraph.spans {
      let n = s.text.utf8.count
      ranges.append(offset..<offset + n); offset += n
    }
    let attrs = pango_attr_list_new()
    defer { pango_attr_list_unref(attrs) }
    let language = pangoLanguage(paragraph.language)
    for (i, span) in paragraph.spans.enumerated() where !ranges[i].isEmpty {
      let r = ranges[i]
      func add(_ a: UnsafeMutablePointer<PangoAttribute>?) {
        guard let a else { return }
        a.pointee.start_index = guint(r.lowerBound); a.pointee.end_index = guint(r.upperBound)
        pango_attr_list_insert(attrs, a)
      }
      let desc = fontDescription(span.font)
      add(pango_attr_font_desc_new(desc))
      pango_font_description_free(desc)
      add(pango_attr_language_new(language))
      if span.tracking != 0 { add(pango_attr_letter_spacing_new(Int32((span.tracking * Double(PANGO_SCALE)).rounded()))) }
      // Alternate a colour that is never drawn (we draw glyphs ourselves) so Pango splits runs
      // at every span boundary; each run then belongs to exactly one span.
      add(pango_attr_foreground_new(UInt16(i % 2), 0, 0))
    }
    pango_layout_set_attributes(layout, attrs)
    let starts = optimalBreaks(layout, bytes: bytes, paragraph: paragraph, spanRanges: ranges, width: width)
    // The measuring pass set the paragraph as one unjustified line.
    pango_layout_set_width(layout, widthUnits)
    pango_layout_set_justify(layout, paragraph.alignment == .justify ? 1 : 0)
    if let starts, let restricted = pango_attr_list_copy(attrs) {
      // Pango breaks only where the optimal breaker chose: `allow_breaks` off between the
      // breaks (a copy of the list: Pango sees a new one), and the soft hyphens not chosen
      // made invisible joiners of the same length, because Pango breaks at a soft hyphen
      // whatever `allow_breaks` says. Lines and runs still read their text from `bytes`.
      let shown = Self.hidingSoftHyphens(bytes, except: Set(starts))
      pango_layout_set_text(layout, shown.map { CChar(bitPattern: $0) }, Int32(shown.count))
      restrictBreaks(restricted, to: starts, length: bytes.count)
      pango_layout_set_attributes(layout, restricted)
      pango_attr_list_unref(restricted)
      // Set a hair wider than measured, a line would overflow: Pango's own breaking then.
      if Self.widestLine(layout) > width + 0.01 {
        pango_layout_set_text(layout, text, Int32(bytes.count))
        pango_layout_set_attributes(layout, attrs)
      }
    }

    var lines: [ShapedLine] = []
    var missing = Set<Unicode.Scalar>()
    guard let iter = pango_layout_get_iter(layout) else { throw RenderError("pango_layout_get_iter failed") }
    defer { pango_layout_iter_free(iter) }
    repeat {
      guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
      // The line's own extents, relative to its baseline – not the iterator's, which are
      // relative to the top of the paragraph in Pango's 32-bit units (1/1024 pt) and wrap
      // around past 2 097 152 pt (some 140 000 lines of body text): the lines' heights would
      // come out as garbage (or trap). Where a line sits is the layout engine's business.
      var logical = PangoRectangle()
      pango_layout_line_get_extents(line, nil, &logical)
      let ascent = -units(logical.y), descent = units(logical.y) + units(logical.height)
      let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
      var runs: [GlyphRun] = []
      // Walk the line's runs; the iterator moves run by run until the next line.
      repeat {
        guard let run = pango_layout_iter_get_run_readonly(iter) else { continue }
        var runRect = PangoRectangle()
        pango_layout_iter_get_run_extents(iter, nil, &runRect)
        if let glyphRun = makeRun(run, bytes: bytes, ranges: ranges, spans: paragraph.spans, x: units(runRect.x), missing: &missing) {
          runs.append(glyphRun)
        }
      } while pango_layout_iter_next_run(iter) != 0 && pango_layout_iter_get_line_readonly(iter) == line
      let lineText = String(decoding: bytes[start..<min(bytes.count, start + length)], as: UTF8.self)
      let hyphenated = lineText.unicodeScalars.last == "\u{00AD}"
      lines.append(ShapedLine(runs: runs, width: units(logical.width), ascent: ascent, descent: descent,
                              hyphenated: hyphenated, text: lineText))
      if pango_layout_iter_get_line_readonly(iter) == line { break }
    } while true
    var result = ShapedParagraph(lines: lines)
    result.missingCharacters = missing.sorted { $0.value < $1.value }
    return result
  }

  static func widestLine(_ layout: OpaquePointer) -> Double {
    var widest = 0.0
    for i in 0..<pango_layout_get_line_count(layout) {
      guard let line = pango_layout_get_line_readonly(layout, i) else { continue }
      var logical = PangoRectangle()
      pango_layout_line_get_extents(line, nil, &logical)
      widest = max(widest, units(logical.width))
    }
    return widest
  }

  /// The advance of `text` (one character) in a font, cached.
  func advance(of text: String, font: FontSpec?) -> Double {
    guard let font else { return 0 }
    let key = "\(text)|\(font.family)|\(font.weight)|\(font.italic)|\(font.size)"
    if let w = advances[key] { return w }
    guard let layout = pango_layout_new(fonts.context) else { return 0 }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let desc = fontDescription(font)
    pango_layout_set_font_description(layout, desc)
    pango_font_description_free(desc)
    pango_layout_set_text(layout, text, Int32(text.utf8.count))
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, nil, &logical)
    let w = units(logical.width)
    advances[key] = w
    return w
  }

  /// The hyphen Pango draws at a soft hyphen (U+2010 where the font has it).
  func hyphenWidth(_ font: FontSpec) -> Double { advance(of: "\u{2010}", font: font) }
  func spaceWidth(_ font: FontSpec?) -> Double { advance(of: " ", font: font) }

  private func makeRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, bytes: [UInt8], ranges: [Range<Int>], spans: [StyledSpan],
                       x: Double, missing: inout Set<Unicode.Scalar>) -> GlyphRun? {
    let item = run.pointee.item!.pointee
    let glyphs = run.pointee.glyphs!.pointee
    let itemStart = Int(item.offset), itemLength = Int(item.length)
    guard glyphs.num_glyphs > 0 else { return nil }
    let spanIndex = ranges.firstIndex { $0.contains(itemStart) } ?? 0
    let span = spans[spanIndex]
    var out: [Glyph] = []
    out.reserveCapacity(Int(glyphs.num_glyphs))
    for g in 0..<Int(glyphs.num_glyphs) {
      let info = glyphs.glyphs[g]
      let cluster = Int(glyphs.log_clusters[g])
      if info.glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 {
        // An empty glyph stands for a character no font has (tofu) – unless it is a control
        // character Pango hides anyway.
        if info.glyph != PANGO_GLYPH_EMPTY, let s = scalar(at: itemStart + cluster, in: bytes), !isInvisible(s) { missing.insert(s) }
      }
      out.append(Glyph(
        id: info.glyph, advance: units(info.geometry.width), xOffset: units(info.geometry.x_offset),
        yOffset: units(info.geometry.y_offset), cluster: cluster, isClusterStart: info.attr.is_cluster_start != 0))
    }
    let font = describe(item.analysis.font)
    let text = String(decoding: bytes[itemStart..<min(bytes.count, itemStart + itemLength)], as: UTF8.self)
    var glyphRun = GlyphRun(font: font, origin: Point(x: x, y: units(run.pointee.y_offset)), glyphs: out, text: text, colour: span.colour,
                            underline: span.underline, link: span.link, bidiLevel: Int(item.analysis.level))
    glyphRun.ink = wordInk(glyphs, font: item.analysis.font, bytes: bytes, itemStart: itemStart)
    return glyphRun
  }

  /// The ink of each word of a run (glyphs between spaces), relative to the run's origin:
  /// what `check` tests for collisions, tighter than the line box.
  private func wordInk(_ glyphs: PangoGlyphString, font: UnsafeMutablePointer<PangoFont>?, bytes: [UInt8], itemStart: Int) -> [Rect] {
    var boxes: [Rect] = []
    var word: Rect?
    var x = 0.0
    for g in 0..<Int(glyphs.num_glyphs) {
      let info = glyphs.glyphs[g]
      let byte = itemStart + Int(glyphs.log_clusters[g])
      let isSpace = byte < bytes.count && (bytes[byte] == 0x20 || bytes[byte] == 0x09)
      var ink = PangoRectangle()
      if !isSpace, info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0 {
        pango_font_get_glyph_extents(font, info.glyph, &ink, nil)
      }
      if isSpace || ink.width <= 0 || ink.height <= 0 {
        if isSpace, let w = word { boxes.append(w); word = nil }
      } else {
        let r = Rect(x: x + units(info.geometry.x_offset) + units(ink.x), y: units(info.geometry.y_offset) + units(ink.y),
                     width: units(ink.width), height: units(ink.height))
        word = word.map { $0.union(r) } ?? r
      }
      x += units(info.geometry.width)
    }
    if let w = word { boxes.append(w) }
    return boxes
  }

  private func scalar(at byte: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    guard byte < bytes.count else { return nil }
    var end = byte + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[byte..<end], as: UTF8.self).unicodeScalars.first
  }

  private func isInvisible(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || [0x00AD, 0x034F, 0x200B, 0x200C, 0x200D, 0x2060, 0x2028, 0x2029, 0xFEFF].contains(s.value)
  }

  /// The font Pango chose (possibly a fallback), as a description we can load again.
  private func describe(_ font: UnsafeMutablePointer<PangoFont>?) -> FontFace {
    guard let font, let desc = pango_font_describe_with_absolute_size(font) else { return FontFace(name: "?", size: 0) }
    defer { pango_font_description_free(desc) }
    let size = Double(pango_font_description_get_size(desc)) / Double(PANGO_SCALE)
    pango_font_description_unset_fields(desc, PANGO_FONT_MASK_SIZE)
    let cstr = pango_font_description_to_string(desc)
    defer { g_free(cstr) }
    return FontFace(name: cstr.map { String(cString: $0) } ?? "?", size: size)
  }

  func fontDescription(_ f: FontSpec) -> OpaquePointer {
    let d = pango_font_description_new()!
    pango_font_description_set_family(d, f.family)
    pango_font_description_set_weight(d, PangoWeight(rawValue: UInt32(f.weight)))
    pango_font_description_set_style(d, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_font_description_set_absolute_size(d, f.size * Double(PANGO_SCALE))
    return d
  }

  private func pangoLanguage(_ tag: String) -> OpaquePointer? {
    if let l = languages[tag] { return l }
    let l = pango_language_from_string(tag)
    languages[tag] = l
    return l
  }
}

@inline(__always) func units(_ v: Int32) -> Double { Double(v) / Double(PANGO_SCALE) }
