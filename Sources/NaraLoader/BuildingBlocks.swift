import NaraModel
import Yams

/// Building blocks for worksheets – ruled lines, tick boxes, rating scales and tables – made
/// of the ordinary items (rects, text frames, rows, grids), so the layout needs nothing new
/// and a translation that grows pushes them as it pushes any text.
enum BuildingBlock { case lines, checkbox, rating, table }

extension Reader {
  func buildingBlock(_ kind: BuildingBlock, _ f: Fields, main: Node?, at node: Node, id: String, theme: Theme) -> ItemKind? {
    let loc = location(node)
    let defaultStroke = Stroke(colour: theme.blocks.stroke ?? Colour(red: 0.33, green: 0.35, blue: 0.36), width: .pt(0.75))
    let lineStroke = f["stroke"].flatMap { stroke($0, theme: theme) } ?? defaultStroke
    // `fill:` fills a table's body cells, or a checkbox's or rating's boxes (by default the
    // theme's `blocks: box-fill`).
    let fill = f["fill"].flatMap { colour($0, theme: theme, what: "fill") }
    let boxFill = fill ?? theme.blocks.boxFill
    func styleName(_ key: String) -> String? {
      guard let n = f[key], let s = string(n, what: key) else { return nil }
      if theme.paragraphStyles[s] == nil { unknownStyle(s, at: n, theme: theme); return nil }
      return s
    }
    func text(_ content: String, id: String, style: String?, align: TextAlignment? = nil) -> Item {
      var parser = MarkupParser(file: displayName, firstLine: loc.line, column: loc.column)
      var frame = TextFrame(blocks: parser.parse(content))
      diagnostics += parser.diagnostics
      frame.style = style
      if isFallback(id) { frame.language = Reader.sourceLanguage }
      if let align { var o = ParagraphStyle(name: "align"); o.alignment = align; frame.overrides = o }
      return Item(id: id, location: loc, kind: .text(frame))
    }

    switch kind {
    case .lines:
      // `- lines: 6`, or `count:`; without a count the lines fill the item's height.
      var count: Int?
      if let m = main ?? f["count"] { count = integer(m, what: "count", range: 1...200) }
      let spacing = f["spacing"].flatMap { length($0, what: "spacing", max: .mm(100)) } ?? .mm(9)
      if spacing.points < Length.mm(3).points { error("lines closer than 3 mm cannot be written on", at: f["spacing"] ?? node) }
      return .shape(Shape(geometry: .ruledLines(spacing: spacing, count: count), stroke: lineStroke))

    case .checkbox:
      let label = (main ?? f["label"]).flatMap { translatable($0, id: "\(id).text", what: "label") } ?? ""
      let box = f["box"].flatMap { length($0, what: "box", max: .mm(50)) } ?? .mm(4.5)
      let style = styleName("style")
      var square = Placement(); square.width = .fixed(box); square.height = .fixed(box)
      let boxItem = Item(id: "\(id).ruta", location: loc, placement: square, role: .artifact,
                         kind: .shape(Shape(geometry: .rect(radius: .pt(1)), fill: boxFill, stroke: lineStroke)))
      // The box sits level with the label's first line, however many lines the label takes:
      // it is centred on that line's height.
      let lineStyle = (style ?? theme.defaultStyle).flatMap { theme.paragraphStyles[$0] }
      let size = lineStyle?.character.size?.points ?? 11
      let lineHeight = lineStyle?.leading?.points(atSize: size) ?? size * 1.3
      var holder = Stack(axis: .vertical, items: [boxItem])
      holder.padding = Insets(top: Length(points: max(0, (lineHeight - box.points) / 2)), end: .zero, bottom: .zero, start: .zero)
      var items = [Item(id: "\(id).rutan", location: loc, role: .artifact, kind: .stack(holder))]
      if !label.isEmpty { items.append(text(label, id: "\(id).text", style: style)) }
      var row = Stack(axis: .horizontal, items: items)
      row.gap = f["gap"].flatMap { length($0, what: "gap") } ?? .mm(2.5)
      row.alignment = .start
      // The box keeps its size; the label takes the rest.
      row.items[0].placement.width = .fixed(box)
      if items.count == 2 { row.items[1].placement.width = .fraction(1) }
      return .stack(row)

    case .rating:
      let steps = f["steps"].flatMap { integer($0, what: "steps", range: 2...11) } ?? 5
      let box = f["box"].flatMap { length($0, what: "box", max: .mm(50)) } ?? .mm(8)
      // Numbers go under the boxes (people tick the empty boxes); `numbers: inside` puts them
      // in the boxes, `numbers: false` leaves them out.
      var numbers = "under"
      if let n = f["numbers"], let raw = rawScalar(n, what: "numbers") {
        switch raw {
        case "true", "yes", "under": numbers = "under"
        case "false", "no": numbers = "none"
        case "inside": numbers = "inside"
        default: error("numbers cannot be `\(raw)`", at: n, hints: ["use under (the default), inside or false"])
        }
      }
      let style = styleName("style")
      var boxes: [Item] = []
      for i in 1...steps {
        var cell = text(numbers == "inside" ? "\(i)" : "", id: "\(id).steg-\(i)", style: style, align: .center)
        if case .text(var frame) = cell.kind {
          frame.stroke = lineStroke; frame.verticalAlignment = .middle; frame.fill = boxFill
          cell.kind = .text(frame)
        }
        cell.placement.width = .fixed(box); cell.placement.height = .fixed(box)
        cell.role = .artifact
        if numbers == "under" {
          var number = text("\(i)", id: "\(id).tal-\(i)", style: style, align: .center)
          number.placement.width = .fixed(box)
          number.role = .artifact
          var pair = Stack(axis: .vertical, items: [cell, number])
          pair.gap = .mm(1)
          pair.alignment = .center
          var pairItem = Item(id: "\(id).steg-\(i)-par", location: loc, role: .artifact, kind: .stack(pair))
          pairItem.placement.width = .fixed(box)
          boxes.append(pairItem)
        } else {
          boxes.append(cell)
        }
      }
      var row = Stack(axis: .horizontal, items: boxes)
      row.gap = f["gap"].flatMap { length($0, what: "gap") } ?? .mm(3)
      row.alignment = .start
      var rowItem = Item(id: "\(id).rutor", location: loc, kind: .stack(row))
      rowItem.placement.width = .fixed(Length(points: box.points * Double(steps) + row.gap.points * Double(steps - 1)))
      var parts = [rowItem]
      if let ln = f["labels"] {
        let labels = list(ln, what: "labels").enumerated().compactMap { translatable($0.element, id: "\(id).\($0.offset == 0 ? "låg" : "hög")", what: "label") }
        if labels.count != 2 { error("labels takes two texts: the low end and the high end", at: ln) } else {
          var l1 = text(labels[0], id: "\(id).låg", style: style, align: .start)
          var l2 = text(labels[1], id: "\(id).hög", style: style, align: .end)
          l1.placement.width = .fraction(1); l2.placement.width = .fraction(1)
          var labelRow = Item(id: "\(id).etiketter", location: loc, kind: .stack(Stack(axis: .horizontal, items: [l1, l2])))
          labelRow.placement.width = rowItem.placement.width
          parts.append(labelRow)
        }
      }
      var column = Stack(axis: .vertical, items: parts)
      column.gap = .mm(1.5)
      column.alignment = .start
      return .stack(column)

    case .table:
      guard let cn = f["columns"] else { error("a table needs `columns:` (widths like [50mm, 1fr, 1fr])", at: node); return nil }
      var columns: [Extent] = []
      if case .sequence(let seq) = cn { columns = seq.compactMap { dimension($0, what: "column width") } }
      else if let c = integer(cn, what: "columns", range: 1...12) { columns = Array(repeating: .fraction(1), count: c) }
      guard !columns.isEmpty else { return nil }
      let padding = f["padding"].flatMap { insets($0, what: "padding") } ?? Insets(top: .mm(1.8), end: .mm(2.5), bottom: .mm(1.8), start: .mm(2.5))
      let rowHeight = f["row-height"].flatMap { length($0, what: "row-height", max: .mm(300)) }
      let headerFill = f["header-fill"].flatMap { colour($0, theme: theme, what: "header-fill") } ?? theme.blocks.headerFill
      let bodyStyle = styleName("style"), headerStyle = styleName("header-style") ?? bodyStyle
      var cells: [Item] = []
      func cell(_ content: String, row: Int, column: Int, header: Bool) -> Item {
        var c = text(content, id: "\(id).r\(row)k\(column)", style: header ? headerStyle : bodyStyle)
        if case .text(var frame) = c.kind {
          frame.stroke = lineStroke; frame.padding = padding
          if header { frame.fill = headerFill; frame.headingLevel = nil } else if let fill { frame.fill = fill }
          c.kind = .text(frame)
        }
        if !header, let rowHeight { c.placement.minHeight = rowHeight }
        return c
      }
      if let hn = f["header"] {
        let header = list(hn, what: "header").enumerated().compactMap { translatable($0.element, id: "\(id).r0k\($0.offset + 1)", what: "header cell") }
        if header.count != columns.count { error("the header has \(header.count) cells but the table \(columns.count) columns", at: hn) }
        for (j, h) in header.prefix(columns.count).enumerated() { cells.append(cell(h, row: 0, column: j + 1, header: true)) }
      }
      if let rn = f["rows"] {
        for (i, r) in list(rn, what: "rows").enumerated() {
          let values = list(r, what: "row").enumerated().compactMap { translatable($0.element, id: "\(id).r\(i + 1)k\($0.offset + 1)", what: "cell") }
          if values.count > columns.count { error("row \(i + 1) has \(values.count) cells but the table \(columns.count) columns", at: r) }
          for j in 0..<columns.count { cells.append(cell(j < values.count ? values[j] : "", row: i + 1, column: j + 1, header: false)) }
        }
      }
      var grid = Grid(columns: columns, items: cells)
      grid.alignment = .stretch
      return .grid(grid)
    }
  }
}
