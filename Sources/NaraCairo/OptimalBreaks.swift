import CPangoCairo
import NaraModel
import NaraPageTree

/// Optimal line breaking on Pango's measurements: the paragraph is set once as one long line,
/// every place Pango allows a break (UAX #14, soft hyphens) is measured on it, the
/// `OptimalLineBreaker` chooses the breaks, and Pango is then told to break only there
/// (`allow_breaks` off between them). Pango still sets the lines – shaping, the hyphen it
/// draws at a soft hyphen, justification, alignment – so nothing else changes.
///
/// Left to Pango's own greedy breaking: right-to-left and mixed-direction text, text with line
/// breaks in it, a hanging first line, and paragraphs where a word is longer than the line.
extension PangoShaper {
  /// Byte offsets at which Pango may break `layout`'s text, or nil to leave its breaking alone.
  /// It leaves the layout set as one unjustified line: the caller sets width and justification.
  /// `spanRanges`: each span's bytes, as the shaper maps runs back to spans.
  func optimalBreaks(_ layout: OpaquePointer, bytes: [UInt8], paragraph: StyledParagraph, spanRanges: [Range<Int>], width: Double) -> [Int]? {
    guard paragraph.lineBreaking == .optimal, paragraph.direction == .ltr, paragraph.firstLineIndent >= 0, width > 0,
      !bytes.isEmpty, !Self.hasRightToLeftOrLineBreak(bytes)
    else { return nil }
    // The paragraph as one line, unjustified: natural widths.
    pango_layout_set_width(layout, -1)
    pango_layout_set_justify(layout, 0)
    guard pango_layout_get_line_count(layout) == 1 else { return nil }
    var count: Int32 = 0
    guard let attrs = pango_layout_get_log_attrs_readonly(layout, &count), count >= 2 else { return nil }
    let characters = Int(count) - 1

    // Byte offset and kind of every character.
    var offsets = [Int](repeating: bytes.count, count: characters + 1)
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(characters)
    var byte = 0
    for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      guard scalars.count < characters else { break }
      offsets[scalars.count] = byte
      scalars.append(s)
      byte += String(s).utf8.count
    }
    guard scalars.count == characters else { return nil }
    // Where each cluster starts on the line, in one walk over its glyphs (asking Pango for
    // each position walks the line every time).
    var starts = [Int32: Double]()
    if let line = pango_layout_get_line_readonly(layout, 0) {
      var x: Int32 = 0
      var node = line.pointee.runs
      while let n = node {
        if let run = n.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self), let item = run.pointee.item, let glyphs = run.pointee.glyphs {
          let offset = item.pointee.offset
          for g in 0..<Int(glyphs.pointee.num_glyphs) {
            let byte = offset + glyphs.pointee.log_clusters[g]
            if starts[byte] == nil { starts[byte] = units(x) }
            x += glyphs.pointee.glyphs[g].geometry.width
          }
        }
        node = n.pointee.next
      }
    }
    func x(_ character: Int) -> Double {
      if character >= characters {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return units(logical.width)
      }
      if let known = starts[Int32(offsets[character])] { return known }
      var rect = PangoRectangle()
      pango_layout_index_to_pos(layout, Int32(offsets[character]), &rect)
      return units(rect.x)
    }
    func isWhite(_ k: Int) -> Bool { attrs[k].is_white != 0 }
    var spacesBefore = [Int](repeating: 0, count: characters + 1)
    for k in 0..<characters { spacesBefore[k + 1] = spacesBefore[k] + (scalars[k] == " " ? 1 : 0) }

    var candidates = [BreakCandidate(kind: .mandatory, next: 0, lineEnd: 0, lineStart: 0, spacesAtEnd: 0, spacesAtStart: 0)]
    func lastInk(before k: Int) -> Int {
      var m = k - 1
      while m >= 0, isWhite(m) { m -= 1 }
      return m + 1
    }
    for k in 1..<characters where attrs[k].is_line_break != 0 {
      let previous = scalars[k - 1]
      let end = lastInk(before: k)
      var kind = BreakCandidate.Kind.other
      var lineEnd = x(end)
      if previous == "\u{00AD}" {
        let at = offsets[k - 1]
        kind = .softHyphen(paragraph.jointBreaks.contains(at) ? .joint : paragraph.partBreaks.contains(at) ? .withinPart : .plain)
        lineEnd += hyphenWidth(paragraph.spans[spanRanges.firstIndex { $0.contains(at) } ?? 0].font)
      } else if isWhite(k - 1) {
        kind = .space
      } else if "-‐–—".unicodeScalars.contains(previous) {
        kind = .explicitHyphen
      }
      var candidate = BreakCandidate(kind: kind, next: offsets[k], lineEnd: lineEnd, lineStart: x(k),
                                     spacesAtEnd: spacesBefore[end], spacesAtStart: spacesBefore[k])
      if kind == .space { candidate.penalty = Self.lineEndPenalty(scalars, wordEndingAt: end) }
      candidates.append(candidate)
    }
    // A paragraph of thousands of words (a pasted report) is set greedily: its lines are as
    // good one by one, and the breaker's work stays bounded by what a page can hold.
    guard candidates.count <= Self.maximumCandidates else { return nil }
    let end = lastInk(before: characters)
    candidates.append(BreakCandidate(kind: .mandatory, next: bytes.count, lineEnd: x(end), lineStart: x(characters),
                                     spacesAtEnd: spacesBefore[end], spacesAtStart: spacesBefore[characters]))

    // A little under the measure: Pango sets each line again and may come out a hair wider
    // (kerning at a hyphen), and a line over the measure would be broken between letters.
    var parameters = LineBreakParameters(width: width - 0.5, firstLineWidth: width - 0.5 - paragraph.firstLineIndent,
                                         spaceWidth: spaceWidth(paragraph.spans.first?.font))
    parameters.justify = paragraph.alignment == .justify
    parameters.unhyphenatedFirstLines = paragraph.unhyphenatedFirstLines
    guard let result = OptimalLineBreaker.breaks(candidates, parameters: parameters), !result.overfull else { return nil }
    return result.breaks.dropLast().map { candidates[$0].next }
  }

  /// Past this many break opportunities a paragraph is set greedily.
  static let maximumCandidates = 5_000

  /// Breaks allowed only at `starts` (the byte offsets where lines begin): everything between
  /// two of them is one unbreakable range for Pango.
  func restrictBreaks(_ attributes: OpaquePointer?, to starts: [Int], length: Int) {
    var from = 0
    for start in starts + [length] where start > from {
      if let a = pango_attr_allow_breaks_new(0) {
        a.pointee.start_index = guint(from)
        a.pointee.end_index = guint(start)
        pango_attr_list_insert(attributes, a)
      }
      from = start
    }
  }

  /// The text with every soft hyphen (C2 AD) that does not end a chosen line replaced by a
  /// combining grapheme joiner (U+034F, CD 8F): as long, invisible, and no break.
  static func hidingSoftHyphens(_ bytes: [UInt8], except starts: Set<Int>) -> [UInt8] {
    var out = bytes
    var i = 0
    while i + 1 < out.count {
      if out[i] == 0xC2, out[i + 1] == 0xAD, !starts.contains(i + 2) {
        out[i] = 0xCD
        out[i + 1] = 0x8F
      }
      i += 1
    }
    return out
  }

  /// A one-letter word (`i`, `å`, `ö`) or an abbreviation (`kl.`, `t.ex.`) should not end a line
  /// (typography-sv.md §7): a cost on the break after it, not a ban.
  static func lineEndPenalty(_ scalars: [Unicode.Scalar], wordEndingAt end: Int) -> Double {
    var start = end
    while start > 0, !scalars[start - 1].properties.isWhitespace, end - start < 8 { start -= 1 }
    let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
    if word.count == 1, word.first?.isLetter == true { return 100 }
    return ["kl.", "t.ex.", "bl.a.", "s.k.", "p.g.a.", "nr", "ca", "dvs.", "m.m.", "o.s.v.", "s."].contains(word) ? 100 : 0
  }

  /// Right-to-left letters, directional controls, or a line break in the text.
  static func hasRightToLeftOrLineBreak(_ bytes: [UInt8]) -> Bool {
    for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      switch s.value {
      case 0x0A, 0x0D, 0x2028, 0x2029, 0x200F, 0x202B, 0x202E, 0x2067: return true
      case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
      default: continue
      }
    }
    return false
  }
}
