import Foundation
import NaraModel
import NaraPageTree

extension LayoutEngine {
  /// Sets a text frame: each block normalised, hyphenated, shaped at the frame's width and
  /// stacked on a baseline grid of its style's leading. A frame with a fixed height that its
  /// text does not fit is reported (never clipped silently), or shrunk with `overflow: shrink`.
  func layoutText(_ frame: TextFrame, item: Item, width: Double?, height: Double?) throws -> Laid {
    if frame.story != nil || frame.columns > 1 { return try layoutFlowing(frame, item: item, width: width, height: height) }
    let pad = frame.padding
    let padH = pad.start.points + pad.end.points, padV = pad.top.points + pad.bottom.points
    let innerW: Double
    if let width { innerW = max(1, width - padH) } else {
      // No width given: as wide as the longest line set without wrapping.
      innerW = try naturalWidth(frame, item: item) + 0.01
    }
    var scale = 1.0
    var set = try setBlocks(frame, item: item, width: innerW, scale: scale)
    func tooBig(_ set: SetText) -> Bool {
      if let height, set.height > height - padV + 0.01 { return true }
      if let maxLines = frame.maxLines, set.lineBottoms.count > maxLines { return true }
      // A word split between letters does not fit either.
      return set.nodes.contains { if case .text(let t) = $0 { !t.forcedBreaks.isEmpty } else { false } }
    }
    if frame.overflow == .shrink || (shrinkToFit && frame.overflow == .warn) {
      // Shrink in 2 % steps until it fits or a style reaches its minimum size.
      let floor = minimumScale(frame)
      while tooBig(set), scale > floor + 0.0001 {
        scale = max(floor, scale * 0.98)
        set = try setBlocks(frame, item: item, width: innerW, scale: scale)
      }
      if scale < 1 {
        // Asked for in the layout (`overflow: shrink`): a note; forced by `--fit shrink`: a warning.
        let message = "text `\(item.id)` was shrunk to \(Int((scale * 100).rounded())) % to fit its frame on page \(pageNumber)"
        diagnostics.append(Diagnostic(frame.overflow == .shrink ? .note : .warning, .shrunk, message, at: item.location, itemID: item.id))
      }
    }
    if let maxLines = frame.maxLines, set.lineBottoms.count > maxLines {
      let message = "text `\(item.id)` takes \(set.lineBottoms.count) lines on page \(pageNumber), more than its max-lines: \(maxLines)"
        + (scale < 1 ? " even at its style's min-size" : "")
      let hints = scale < 1 ? ["shorten the text, or give it more room (a wider frame or a higher max-lines)"]
        : ["shorten the text, or add `overflow: shrink` to shrink it down to its style's min-size"]
      let d = Diagnostic(frame.overflow == .error ? .error : .warning, .overflow, message, at: item.location, hints: hints, itemID: item.id)
      diagnostics.append(d)
    }
    let contentH = set.height + padV
    if fits[item.id] == nil {
      fits[item.id] = TextFit(width: innerW, capacity: height.map { $0 - padV }, used: set.height, page: pageNumber,
                              size: bodySize(frame))
    }
    let boxW = width ?? innerW + padH
    let boxH = height ?? contentH
    if let height, contentH > height + 0.5 {
      reportOverflow(item: item, frame: frame, excess: contentH - height, lines: set.linesBeyond(height - pad.bottom.points - pad.top.points))
    }
    var dy = pad.top.points
    if height != nil {
      switch frame.verticalAlignment {
      case .top: break
      case .middle: dy += max(0, (boxH - contentH) / 2)
      case .bottom: dy += max(0, boxH - contentH)
      }
    }
    var nodes = frameBox(frame, width: boxW, height: boxH)
    for n in set.nodes { nodes.append(n.offset(dx: pad.start.points, dy: dy)) }
    return Laid(size: Size(width: boxW, height: boxH), nodes: nodes)
  }

  /// The size of the frame's plain paragraphs (its style's, not a heading's).
  func bodySize(_ frame: TextFrame) -> Double {
    resolveStyle(for: TextBlock(kind: .paragraph, inlines: [], location: .unknown), in: frame).size
  }

  /// The frame's background and border.
  func frameBox(_ frame: TextFrame, width: Double, height: Double) -> [Node] {
    guard frame.fill != nil || frame.stroke != nil else { return [] }
    return [.path(PathNode(path: Shapes.rect(Rect(x: 0, y: 0, width: width, height: height), radius: 0),
                           fill: frame.fill, stroke: frame.stroke))]
  }

  /// The smallest scale at which no block goes below its style's `min-size` (0.3 at most).
  func minimumScale(_ frame: TextFrame) -> Double {
    var floor = 0.3
    for block in frame.blocks {
      let style = resolveStyle(for: block, in: frame)
      if let min = style.minimumSize, style.size > 0 { floor = max(floor, min / style.size) }
    }
    return Swift.min(1, floor)
  }

  func reportOverflow(item: Item, frame: TextFrame, excess: Double, lines: Int) {
    let mm = Length(points: excess).millimetres
    let message = "text `\(item.id)` does not fit its frame on page \(pageNumber): \(lines) line\(lines == 1 ? "" : "s") (\(formatNumber(mm)) mm) too long"
    let hints = ["shorten the text, make the frame taller, or let it grow (remove its height)", "or add `overflow: shrink` to shrink it down to its style's min-size"]
    let d = Diagnostic(frame.overflow == .error ? .error : .warning, .overflow, message, at: item.location, hints: hints, itemID: item.id)
    diagnostics.append(d)
  }

  func naturalWidth(_ frame: TextFrame, item: Item) throws -> Double {
    let set = try setBlocks(frame, item: item, width: 100_000, scale: 1)
    return set.maxLineWidth
  }

  /// All blocks of a frame set at `width` in one column of unlimited height, top at y = 0.
  func setBlocks(_ frame: TextFrame, item: Item, width: Double, scale: Double) throws -> SetText {
    var cursor = FlowCursor()
    return try setColumn(frame.blocks, frame: frame, item: item, textID: item.id, width: width, height: .infinity,
                         scale: scale, cursor: &cursor)
  }

  /// A character no configured font has would print as an empty box: that is an error.
  func reportMissing(_ scalars: [Unicode.Scalar], item: Item) {
    let list = scalars.map { s in "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4) + " (\(Character(s)))" }
    diagnostics.append(.error(.missingGlyphs,
      "text `\(item.id)` has characters no font can show: " + list.joined(separator: ", "), at: item.location,
      hints: ["remove or replace them, or add a font that has them to fonts/ (see fonts/LICENSES.md)"], itemID: item.id))
  }

  func mirror(_ x: Double, _ w: Double, _ total: Double) -> Double { isRTL ? total - x - w : x }

  /// Where the baseline sits in a line box of height `leading`: the half-leading model of CSS,
  /// so the space above and below the letters is shared equally.
  func baselineOffset(_ line: ShapedLine, leading: Double) -> Double {
    (leading - (line.ascent + line.descent)) / 2 + line.ascent
  }

  func shapeCached(_ p: StyledParagraph, width: Double) throws -> ShapedParagraph {
    var paragraph = p
    // Found on the text as it is set now (a suffix, a word's soft hyphens taken out).
    if paragraph.lineBreaking == .optimal {
      let text = paragraph.text, language = paragraph.language
      (paragraph.jointBreaks, paragraph.partBreaks) = shapeCache.compoundBreaks(text, language: language) {
        compoundBreaks(in: text, language: language)
      }
    }
    return try shapeCache.shaped(paragraph, width: width, by: shaper)
  }

  /// The UTF-8 offsets of the soft hyphens that stand at a compound's joint, and of those
  /// inside a part of a compound.
  func compoundBreaks(in text: String, language: String) -> (joints: Set<Int>, parts: Set<Int>) {
    guard text.contains("\u{00AD}") else { return ([], []) }
    var out = Set<Int>(), inside = Set<Int>()
    var byte = 0
    var word: [Character] = []       // letters of the current word, lower-cased
    var shys: [(letters: Int, byte: Int)] = []
    func finish() {
      if !shys.isEmpty {
        let joints = preparer.compoundJoints(inLowercasedWord: String(word), language: language)
        for s in shys {
          if joints.contains(s.letters) { out.insert(s.byte) } else if !joints.isEmpty { inside.insert(s.byte) }
        }
      }
      word.removeAll(keepingCapacity: true)
      shys.removeAll(keepingCapacity: true)
    }
    for c in text {
      if c == "\u{00AD}" {
        shys.append((word.count, byte))
      } else if c.isLetter {
        let lower = c.lowercased()
        word.append(lower.count == 1 ? Character(lower) : c)
      } else {
        finish()
      }
      byte += c.utf8.count
    }
    finish()
    return (out, inside)
  }

  /// The block's inlines as styled spans, with Swedish typography applied.
  func styledParagraph(_ block: TextBlock, style: ResolvedStyle, frame: TextFrame, language: String) -> StyledParagraph {
    let markup = frame.markup.map { $0.over(theme.markup) } ?? theme.markup
    let segments = block.inlines.map {
      PreparedSegment(text: $0.text, verbatim: frame.verbatim || $0.code,
                      hyphenate: style.hyphenate && !frame.verbatim && $0.link == nil
                        && attributes(of: $0, base: style.character, markup: markup).hyphenate != false)
    }
    var texts = preparer.prepare(segments.map { var s = $0; s.text = pageFields(s.text); return s }, language: language)
    if case .heading = block.kind {} else if frame.headingLevel == nil, LanguageData.forTag(language).tieLastWord { tieLastWord(&texts) }
    // A paragraph runs in its own language's direction: Swedish left to right even on an
    // Arabic page (a text without a translation), Arabic right to left.
    let direction = (block.language ?? frame.language).map { Direction.of(language: $0) } ?? document.settings.direction
    if direction == .rtl { texts = zip(block.inlines, texts).map { rightToLeft($1, isLink: $0.link != nil || $0.code) } }
    var spans: [StyledSpan] = []
    for (inline, text) in zip(block.inlines, texts) {
      let a = attributes(of: inline, base: style.character, markup: frame.markup.map { $0.over(theme.markup) } ?? theme.markup)
      let size = a.size.map { $0.points * (style.size / (style.character.size?.points ?? style.size)) } ?? style.size
      var t = text
      switch a.transform ?? .none {
      case .uppercase: t = t.uppercased()
      case .lowercase: t = t.lowercased()
      case .none: break
      }
      spans.append(StyledSpan(text: t, font: fontSpec(a, size: size), colour: a.colour ?? .black,
                              tracking: a.tracking?.points(atSize: size) ?? 0, underline: a.underline ?? false, link: inline.link))
    }
    // A paragraph set against the page's direction keeps its own start (Swedish reads from the
    // left), but `end` is the page's end, so the mirrored design holds: a page number set at
    // the end edge stays at the end edge.
    var alignment = style.alignment
    if direction != document.settings.direction, alignment == .end { alignment = .start }
    var paragraph = StyledParagraph(spans: spans, alignment: alignment, language: language,
                                    direction: direction, firstLineIndent: style.firstLineIndent)
    paragraph.lineBreaking = style.lineBreaking
    paragraph.unhyphenatedFirstLines = style.unhyphenatedLines
    return paragraph
  }

  /// In right-to-left text, arrows point the other way and web addresses, e-mail and code
  /// are isolated as left-to-right runs (U+2066 … U+2069), so their dots and slashes keep
  /// their order.
  func rightToLeft(_ text: String, isLink: Bool) -> String {
    let swapped = String(text.map { c -> Character in
      switch c {
      case "→": "←"
      case "←": "→"
      case "⟶": "⟵"
      default: c
      }
    })
    if isLink { return "\u{2066}" + swapped + "\u{2069}" }
    // Bare addresses: words with a dot or @ between letters.
    return swapped.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
      let w = String(word)
      let looksLikeAddress = (w.contains(".") && w.contains("/")) || w.contains("@") || w.hasPrefix("http")
      return looksLikeAddress ? "\u{2066}" + w + "\u{2069}" : w
    }.joined(separator: " ")
  }

  /// `{{sida}}` and `{{sidor}}` (or `{{page}}`, `{{pages}}`): the page's number and the
  /// number of pages (of the whole kit when sheets are rendered together).
  func pageFields(_ text: String) -> String {
    guard text.contains("{{") else { return text }
    var t = text
    for (names, value) in [(["sida", "page"], pageNumberOffset + pageNumber), (["sidor", "pages"], totalPages ?? document.pages.count)] {
      for n in names { t = t.replacingOccurrences(of: "{{\(n)}}", with: String(value)).replacingOccurrences(of: "{{ \(n) }}", with: String(value)) }
    }
    return t
  }

  /// Keeps a short last word from standing alone on the paragraph's last line by binding it
  /// to the word before with a no-break space (typography-sv.md §7: no lonely short word), in
  /// the languages whose `LanguageData` entry says `tieLastWord`.
  func tieLastWord(_ texts: inout [String]) {
    guard let si = texts.lastIndex(where: { $0.contains(" ") }) else { return }
    // Only when everything after the last space is one short word.
    var trailing = texts[si]
    guard let spaceIndex = trailing.lastIndex(of: " ") else { return }
    let afterInSegment = trailing[trailing.index(after: spaceIndex)...]
    let lastWord = String(afterInSegment) + texts[(si + 1)...].joined()
    let letters = lastWord.filter { $0.isLetter || $0.isNumber }
    guard !letters.isEmpty, letters.count <= 6, !lastWord.contains(" ") else { return }
    trailing.replaceSubrange(spaceIndex...spaceIndex, with: "\u{00A0}")
    texts[si] = trailing
  }
}

extension LayoutEngine {
  /// The UTF-8 offset of a line end that would make more than `maximumInARow` hyphenated
  /// lines in a row, if there is one. A run whose last `maximumInARow` lines are all one
  /// word (no space in them) does not count: that word is longer than any line, so taking
  /// its breaks out would only split it between letters – and have the shaper break a word
  /// of thousands of letters character by character, which costs time with the square of
  /// its length.
  static func excessHyphenOffset(in shaped: ShapedParagraph, maximumInARow: Int) -> Int? {
    var offset = 0, run = 0, oneWord = 0
    for line in shaped.lines {
      offset += line.text.utf8.count
      run = line.hyphenated ? run + 1 : 0
      oneWord = line.hyphenated && !line.text.contains(where: \.isWhitespace) ? oneWord + 1 : 0
      if run > maximumInARow && oneWord < maximumInARow { return offset - 1 }
    }
    return nil
  }
}

extension StyledParagraph {
  /// The same paragraph without soft hyphens in the word around a UTF-8 offset.
  func removingSoftHyphens(inWordAtByte target: Int) -> StyledParagraph {
    let bytes = Array(text.utf8)
    var start = min(target, bytes.count - 1), end = start
    while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
    while end < bytes.count, bytes[end] != 0x20 { end += 1 }
    var copy = self
    var offset = 0
    for i in copy.spans.indices {
      let spanBytes = Array(copy.spans[i].text.utf8)
      let lo = max(start, offset), hi = min(end, offset + spanBytes.count)
      if lo < hi {
        let before = spanBytes[..<(lo - offset)], word = spanBytes[(lo - offset)..<(hi - offset)], after = spanBytes[(hi - offset)...]
        let cleaned = String(decoding: word, as: UTF8.self).replacingOccurrences(of: "\u{00AD}", with: "")
        copy.spans[i].text = String(decoding: before, as: UTF8.self) + cleaned + String(decoding: after, as: UTF8.self)
      }
      offset += spanBytes.count
    }
    return copy
  }
}

/// A frame's blocks after setting.
struct SetText {
  var nodes: [Node] = []
  var height = 0.0
  var maxLineWidth = 0.0
  var canShrink = false
  /// The bottom of each line's box, to count the lines past a limit.
  var lineBottoms: [Double] = []
  func linesBeyond(_ limit: Double) -> Int { lineBottoms.filter { $0 > limit + 0.5 }.count }
}

extension String {
  func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
