import Foundation
import NaraModel
import NaraPageTree

/// Where flowing text stands: the next block, and how many UTF-8 bytes of its paragraph text
/// are already set (a paragraph split across a column or frame break).
struct FlowCursor: Hashable {
  var block = 0
  var byte = 0
  func isAtEnd(of blocks: [TextBlock]) -> Bool { block >= blocks.count }
}

/// A block prepared for setting: its style, its paragraph and the lines at one width.
struct SetBlock {
  var style: ResolvedStyle
  var paragraph: StyledParagraph
  var shaped: ShapedParagraph
  var indent: Double
}

extension LayoutEngine {
  /// Sets blocks from `cursor` into one column of `width` × `height`, advancing the cursor.
  /// The column ends where the next line does not fit, with the rules of good setting:
  /// no orphan (a paragraph's first line alone at the bottom), no widow (its last line alone
  /// at the top of the next column; `keep-lines` in the style, default 2), and a heading
  /// never last in a column without the first lines of what follows it.
  func setColumn(_ blocks: [TextBlock], frame: TextFrame, item: Item, textID: String, width: Double, height: Double,
                 scale: Double, cursor: inout FlowCursor) throws -> SetText {
    var result = SetText()
    var y = 0.0
    var previousAfter = 0.0
    var first = true
    let frameLanguage = frame.language ?? document.settings.language
    while cursor.block < blocks.count {
      let block = blocks[cursor.block]
      // A paragraph left in Swedish in a translation has its own language.
      let language = block.language ?? frameLanguage
      let prepared = try prepare(block, frame: frame, item: item, width: width, scale: scale, language: language, fromByte: cursor.byte)
      let style = prepared.style
      if let min = style.minimumSize { if style.size > min + 0.01 { result.canShrink = true } } else { result.canShrink = true }
      if let min = style.minimumSize, style.size < min - 0.01, scale == 1, cursor.byte == 0 {
        diagnostics.append(.warning(.belowMinimumSize,
          "text `\(textID)` is set at \(formatNumber(style.size)) pt, below the \(formatNumber(min)) pt its style `\(style.name)` allows",
          at: block.location, hints: ["make it larger, or lower the style's min-size if the smaller size is meant"], itemID: item.id))
      }
      let lines = prepared.shaped.lines
      var spaceBefore = first || cursor.byte > 0 ? 0 : max(previousAfter, style.spaceBefore)
      // On a baseline grid the block's first baseline moves down to the next grid line.
      if let grid = frame.baselineGrid.map({ $0.points * scale }), grid > 0, let firstLine = lines.first {
        let baseline = y + spaceBefore + baselineOffset(firstLine, leading: style.leading)
        spaceBefore += ((baseline / grid) - 0.001).rounded(.up) * grid - baseline
      }
      var take = lines.count
      if height.isFinite {
        let fit = Int(((height - y - spaceBefore) / style.leading + 0.001).rounded(.down))
        take = max(0, min(fit, lines.count))
        let keep = style.keepLines ?? 2
        if take < lines.count {
          if take < min(keep, lines.count) { take = 0 }  // no orphan
          else if lines.count - take < keep { take = lines.count - keep >= keep ? lines.count - keep : 0 }  // no widow
        } else if isHeading(block, frame), cursor.block + 1 < blocks.count {
          // Keep a heading with the first lines of the next block.
          let next = try prepare(blocks[cursor.block + 1], frame: frame, item: item, width: width, scale: scale,
                                 language: blocks[cursor.block + 1].language ?? frameLanguage, fromByte: 0)
          let need = min(next.style.keepLines ?? 2, next.shaped.lines.count)
          let after = y + spaceBefore + Double(lines.count) * style.leading + max(style.spaceAfter, next.style.spaceBefore)
          if after + Double(need) * next.style.leading > height + 0.001 { take = 0 }
        }
        if take == 0 {
          if !first { break }
          // An empty column must take something, or the text would never move on.
          take = max(1, min(lines.count, fit))
        }
      }
      y += spaceBefore
      let role = self.role(of: block, frame: frame, item: item)
      var runs: [GlyphRun] = []
      if case .listItem(let marker, _) = block.kind, cursor.byte == 0, let first = lines.first {
        runs += try markerRuns(marker, style: style, indent: prepared.indent, width: width, language: language,
                               baseline: y + baselineOffset(first, leading: style.leading), rtl: prepared.paragraph.direction == .rtl)
      }
      for (i, line) in lines.prefix(take).enumerated() {
        let top = y + Double(i) * style.leading
        let baseline = top + baselineOffset(line, leading: style.leading)
        let lineX = prepared.paragraph.direction == .rtl ? 0 : prepared.indent
        for r in line.runs {
          var run = r
          run.origin.x += lineX
          run.origin.y += baseline
          runs.append(run)
        }
        result.maxLineWidth = max(result.maxLineWidth, line.width + prepared.indent)
        result.lineBottoms.append(top + style.leading)
      }
      y += Double(max(take, lines.isEmpty ? 0 : 1)) * style.leading
      if lines.isEmpty { y += 0 }
      var node = TextNode(id: "\(textID)#\(cursor.block + 1)", role: role, runs: runs)
      if language != document.settings.language { node.language = language }
      node.written = block.location
      node.forcedBreaks = Self.forcedBreaks(in: Array(lines.prefix(take + (take < lines.count ? 1 : 0))))
      result.nodes.append(.text(node))
      first = false
      if take < lines.count {
        cursor.byte += lines.prefix(take).reduce(0) { $0 + $1.text.utf8.count }
        break
      }
      cursor.block += 1
      cursor.byte = 0
      previousAfter = style.spaceAfter
    }
    result.height = y
    return result
  }

  func isHeading(_ block: TextBlock, _ frame: TextFrame) -> Bool {
    if case .heading = block.kind { return true }
    return frame.headingLevel != nil
  }

  func role(of block: TextBlock, frame: TextFrame, item: Item) -> StructureRole {
    if case .artifact = item.role { return .artifact }
    switch block.kind {
    case .heading(let level): return .heading(level)
    case .listItem: return .listItem
    case .paragraph: return frame.headingLevel.map { .heading($0) } ?? .paragraph
    }
  }

  /// A block's style, typography and lines at `width`, from `fromByte` on.
  func prepare(_ block: TextBlock, frame: TextFrame, item: Item, width: Double, scale: Double, language: String,
               fromByte: Int) throws -> SetBlock {
    let style = resolveStyle(for: block, in: frame, scale: scale)
    var indent = 0.0
    if case .listItem(_, let level) = block.kind { indent = style.listIndent * Double(level) }
    var paragraph = styledParagraph(block, style: style, frame: frame, language: language)
    if fromByte > 0 {
      paragraph = paragraph.suffix(fromByte: fromByte)
      paragraph.firstLineIndent = 0
    }
    let lineWidth = max(1, width - indent)
    var shaped = try shapeCached(paragraph, width: lineWidth)
    // At most two hyphenated line ends in a row (typography-sv.md §5): take the break
    // points out of the word at a third and set the paragraph again.
    var attempts = 0
    while let offset = Self.excessHyphenOffset(in: shaped, maximumInARow: 2), attempts < 20 {
      paragraph = paragraph.removingSoftHyphens(inWordAtByte: offset)
      shaped = try shapeCached(paragraph, width: lineWidth)
      attempts += 1
    }
    // The tie that keeps a short last word off a line of its own must not split a word: a
    // tied pair wider than the line is set untied.
    let forced = Self.forcedBreaks(in: shaped.lines).count
    if forced > 0, let untied = paragraph.untyingLastWord() {
      let reshaped = try shapeCached(untied, width: lineWidth)
      if Self.forcedBreaks(in: reshaped.lines).count < forced { paragraph = untied; shaped = reshaped }
    }
    if !shaped.missingCharacters.isEmpty { reportMissing(shaped.missingCharacters, item: item) }
    return SetBlock(style: style, paragraph: paragraph, shaped: shaped, indent: indent)
  }

  func markerRuns(_ marker: ListMarker, style: ResolvedStyle, indent: Double, width: Double, language: String,
                  baseline: Double, rtl: Bool) throws -> [GlyphRun] {
    let markerText = { if case .number(let n) = marker { return "\(n)." }; return "•" }()
    let markerPara = StyledParagraph(
      spans: [StyledSpan(text: markerText, font: fontSpec(style.character, size: style.size), colour: style.character.colour ?? .black)],
      // Set on its own, left to right; its place mirrors in right-to-left text.
      alignment: .start, language: language, direction: .ltr)
    guard let line = try shapeCached(markerPara, width: 10_000).lines.first else { return [] }
    let x = indent - style.listIndent
    return line.runs.map { var r = $0; r.origin.x += rtl ? width - x - line.width : x; r.origin.y += baseline; return r }
  }
}

extension StyledParagraph {
  /// The paragraph with its last no-break space (the tie before a short last word) made an
  /// ordinary space; nil when there is none.
  func untyingLastWord() -> StyledParagraph? {
    guard let si = spans.lastIndex(where: { $0.text.contains("\u{00A0}") }),
          spans[(si + 1)...].allSatisfy({ !$0.text.contains(" ") }),
          let r = spans[si].text.range(of: "\u{00A0}", options: .backwards),
          !spans[si].text[r.upperBound...].contains(" ") else { return nil }
    var copy = self
    copy.spans[si].text.replaceSubrange(r, with: " ")
    return copy
  }

  /// The paragraph from a UTF-8 offset on (the rest after a column break).
  func suffix(fromByte start: Int) -> StyledParagraph {
    var copy = self
    var offset = 0
    var spans: [StyledSpan] = []
    for span in self.spans {
      let bytes = Array(span.text.utf8)
      let end = offset + bytes.count
      if end > start {
        var s = span
        s.text = String(decoding: bytes[max(0, start - offset)...], as: UTF8.self)
        spans.append(s)
      }
      offset = end
    }
    copy.spans = spans
    return copy
  }
}

extension LayoutEngine {
  /// The words and numbers a line break split where no break was allowed: the line was too
  /// narrow for them, so the shaper broke between letters (`kompetensförsörj|ning`), or a
  /// range was split at its dash (`9.00–|11.30`). A break after a space, a soft hyphen, a
  /// hyphen or a spaced dash is a proper one.
  static func forcedBreaks(in lines: [ShapedLine]) -> [String] {
    var out: [String] = []
    for (line, next) in zip(lines, lines.dropFirst()) {
      // Word joiners glue, they do not break: look past them.
      let joiner: (Unicode.Scalar) -> Bool = { $0 == "\u{2060}" || $0 == "\u{FEFF}" }
      let lineEnd = Array(line.text.unicodeScalars.reversed().drop(while: joiner))
      guard !line.hyphenated, let last = lineEnd.first, let first = next.text.unicodeScalars.first(where: { !joiner($0) }),
            !last.properties.isWhitespace, !first.properties.isWhitespace else { continue }
      let isWordChar = { (s: Unicode.Scalar) in s.properties.isAlphabetic || s.properties.numericType != nil }
      let beforeLast = lineEnd.dropFirst().first(where: { !joiner($0) })
      let isDash = { (s: Unicode.Scalar) in s == "\u{2013}" || s == "-" }
      let isDigit = { (s: Unicode.Scalar) in s.properties.numericType != nil }
      let afterFirst = next.text.unicodeScalars.drop(while: joiner).dropFirst().first(where: { !joiner($0) })
      // `9.00–|11.30` or `9.00|–11.30`: a range split at its dash.
      let rangeDash = (isDash(last) && beforeLast.map(isDigit) == true && isDigit(first))
        || (isDigit(last) && isDash(first) && afterFirst.map(isDigit) == true)
      guard (isWordChar(last) && isWordChar(first)) || rangeDash else { continue }
      let visible = { (t: String) in String(t.unicodeScalars.filter { !joiner($0) }.map(Character.init)) }
      let tail = visible(line.text).split(whereSeparator: { $0.isWhitespace }).last.map(String.init) ?? ""
      let head = visible(next.text).split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
      out.append(tail + "|" + head)
    }
    return out
  }
}
