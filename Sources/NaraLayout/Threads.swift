import NaraModel
import NaraPageTree

extension LayoutEngine {
  /// A frame whose text flows: through its columns, and for a story on into the story's next
  /// frame. Frames take the story in page and item order.
  func layoutFlowing(_ frame: TextFrame, item: Item, width: Double?, height: Double?) throws -> Laid {
    let key = "\(pageNumber)/\(item.id)"
    if let cached = flowCache[key] { return cached }
    let pad = frame.padding
    let innerW = max(1, (width ?? Length.mm(80).points) - pad.start.points - pad.end.points)
    let innerH = height.map { $0 - pad.top.points - pad.bottom.points } ?? .infinity
    var blocks = frame.blocks
    var cursor = FlowCursor()
    var textID = item.id
    if let name = frame.story, let story = document.stories[name] {
      blocks = story.blocks
      cursor = storyCursors[name] ?? FlowCursor()
      textID = name
    }
    let n = max(1, frame.columns)
    let gap = frame.columnGap.points
    let columnWidth = max(1, (innerW - gap * Double(n - 1)) / Double(n))
    var nodes: [Node] = []
    var used = 0.0, usedTotal = 0.0
    for column in 0..<n where !cursor.isAtEnd(of: blocks) {
      let set = try setColumn(blocks, frame: frame, item: item, textID: textID, width: columnWidth, height: innerH,
                              scale: frame.story.flatMap { storyScales[$0] } ?? 1, cursor: &cursor)
      let x = pad.start.points + mirror(Double(column) * (columnWidth + gap), columnWidth, innerW)
      nodes += set.nodes.map { $0.offset(dx: x, dy: pad.top.points) }
      used = max(used, set.height)
      usedTotal += set.height
    }
    let fitID = frame.story ?? item.id
    var fit = fits[fitID] ?? TextFit(width: columnWidth, capacity: 0, used: 0, page: pageNumber,
                                     size: bodySize(frame))
    fit.capacity = innerH.isFinite ? (fit.capacity ?? 0) + innerH * Double(n) : nil
    fit.used += usedTotal
    fits[fitID] = fit
    if let name = frame.story {
      storyCursors[name] = cursor
      storyLastFrame[name] = (item, pageNumber, columnWidth)
    } else if !cursor.isAtEnd(of: blocks) {
      try reportLeftover(blocks, cursor: cursor, frame: frame, item: item, width: columnWidth, what: "text `\(item.id)`",
                         page: pageNumber)
    }
    let boxW = width ?? innerW + pad.start.points + pad.end.points
    let boxH = height ?? used + pad.top.points + pad.bottom.points
    let background = frameBox(frame, width: boxW, height: boxH)
    let laid = Laid(size: Size(width: boxW, height: boxH), nodes: background + nodes)
    flowCache[key] = laid
    return laid
  }

  /// After a pass: makes each story that has text left over and whose last frame may shrink
  /// (`overflow: shrink`, or `--fit shrink`) 2 % smaller. True when another pass is needed.
  func shrinkOverflowingStories() throws -> Bool {
    var again = false
    for name in document.stories.keys.sorted() {
      guard let story = document.stories[name], let cursor = storyCursors[name], !cursor.isAtEnd(of: story.blocks),
        let last = storyLastFrame[name], case .text(let frame) = last.item.kind,
        frame.overflow == .shrink || (shrinkToFit && frame.overflow == .warn)
      else { continue }
      var floor = 0.3
      for block in story.blocks {
        let style = resolveStyle(for: block, in: frame)
        if let min = style.minimumSize, style.size > 0 { floor = max(floor, min / style.size) }
      }
      let scale = storyScales[name] ?? 1
      guard scale > floor + 0.0001 else { continue }
      storyScales[name] = max(floor, scale * 0.98)
      again = true
    }
    return again
  }

  /// After the last page: stories with text left over are reported with their last frame.
  func reportStoryOverflow() throws {
    for name in document.stories.keys.sorted() {
      guard let story = document.stories[name], let cursor = storyCursors[name], !cursor.isAtEnd(of: story.blocks),
        let last = storyLastFrame[name], case .text(let frame) = last.item.kind
      else { continue }
      let rest = try reportLeftover(story.blocks, cursor: cursor, frame: frame, item: last.item, width: last.width,
                                    what: "story `\(name)`", page: last.page)
      fits[name]?.used += rest
    }
  }

  /// Names what does not fit, where, and by how much: the lines left over set at the last
  /// column's width.
  @discardableResult
  func reportLeftover(_ blocks: [TextBlock], cursor: FlowCursor, frame: TextFrame, item: Item, width: Double, what: String,
                      page: Int) throws -> Double {
    var rest = cursor
    let set = try setColumn(blocks, frame: frame, item: item, textID: item.id, width: width, height: .infinity,
                            scale: frame.story.flatMap { storyScales[$0] } ?? 1, cursor: &rest)
    let lines = set.lineBottoms.count
    let mm = Length(points: set.height).millimetres
    let message = "\(what) does not fit: \(lines) line\(lines == 1 ? "" : "s") (\(formatNumber(mm)) mm) left over after frame `\(item.id)` on page \(page)"
    let hints = ["shorten the text, make the frames larger, or add a frame that shows the rest (`story:`)"]
    let d = Diagnostic(frame.overflow == .error ? .error : .warning, .overflow, message, at: item.location, hints: hints, itemID: item.id)
    diagnostics.append(d)
    return set.height
  }
}
