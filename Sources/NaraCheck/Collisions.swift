import Foundation
import NaraModel
import NaraPageTree

/// One thing `check` found on a laid-out page, pointing at the item that causes it.
public struct Finding: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Glyphs of two texts overlap.
    case textOverlap = "text-overlap"
    /// A text touches or crosses artwork it does not sit on.
    case artwork = "text-on-artwork"
    /// A text is closer to artwork than its clearance.
    case clearance = "clearance"
    /// Two texts on one baseline so close that they read as one line.
    case sameBaseline = "same-baseline"
    /// A text runs past the trim edge (it would be cut off) or off the page.
    case outsideTrim = "outside-trim"
    /// A text closer to the trim than the document's safe area.
    case safeArea = "safe-area"
    /// An item covered completely by an opaque shape drawn after it.
    case hidden = "hidden"
    /// A line break inside a word or number that had no place to break.
    case forcedBreak = "forced-break"
    /// A line thinner than a press holds (`check --print`).
    case hairline = "hairline"
    /// A background that reaches for the page edge but does not fill the bleed (`check --print`).
    case shortOfBleed = "short-of-bleed"

    /// The diagnostic code of findings of this kind.
    public var code: DiagnosticCode {
      switch self {
      case .textOverlap: .textOverlap
      case .artwork: .textOnArtwork
      case .clearance: .clearance
      case .sameBaseline: .sameBaseline
      case .outsideTrim: .outsideTrim
      case .safeArea: .safeArea
      case .hidden: .hidden
      case .forcedBreak: .forcedBreak
      case .hairline: .hairline
      case .shortOfBleed: .shortOfBleed
      }
    }

    /// Findings that count as collisions in `check`'s summary (text against text or artwork).
    public static let collisionCodes: Set<DiagnosticCode> = [
      .textOverlap, .textOnArtwork, .clearance, .sameBaseline, .outsideTrim, .safeArea, .hidden, .forcedBreak,
    ]
  }
  public var kind: Kind
  public var severity: Diagnostic.Severity
  public var page: Int
  /// The item the finding is about.
  public var id: String
  public var location: SourceLocation?
  public var message: String
  public var hints: [String]

  public var diagnostic: Diagnostic {
    Diagnostic(severity, kind.code, message, at: location, hints: hints, itemID: id)
  }
}

/// Finds collisions on laid-out pages: from the page tree's glyph ink boxes and shape
/// outlines, never from the PDF.
public enum CollisionCheck {
  /// Clearance between text and artwork: a quarter of the text's size (design.md, Labels and
  /// artwork), at least 1 pt.
  static func clearance(forSize size: Double) -> Double { max(1, size / 4) }

  public static func findings(in document: PagedDocument) -> [Finding] {
    var out: [Finding] = []
    for (i, page) in document.pages.enumerated() { out += findings(on: page, number: i + 1) }
    return out
  }

  public static func findings(on page: RenderedPage, number: Int) -> [Finding] {
    let marks = PageMarks(page)
    var out: [Finding] = []
    out += edges(marks, page: page, number: number)
    out += overlaps(marks, number: number)
    out += artwork(marks, number: number)
    out += hidden(marks, number: number)
    out += breaks(marks, number: number)
    return out
  }

  static func mm(_ v: Double) -> String { formatNumber((Length(points: v).millimetres * 10).rounded() / 10) }
  static func at(_ r: Rect) -> String { "at \(mm(r.minX)) × \(mm(r.minY)) mm" }

  static func finding(_ kind: Finding.Kind, _ severity: Diagnostic.Severity, page: Int, text: TextMark,
                      _ message: String, hints: [String]) -> Finding {
    var hints = hints
    // A component's item: say which placement of it this is.
    if let use = text.placedBy { hints.append("`\(text.itemID)` is placed by \(use)") }
    return Finding(kind: kind, severity: severity, page: page, id: text.itemID, location: text.sources.last,
                   message: "page \(page): text `\(text.itemID)` (“\(text.snippet)”) " + message, hints: hints)
  }

  /// Text past the trim edge or inside the safe area.
  static func edges(_ marks: PageMarks, page: RenderedPage, number: Int) -> [Finding] {
    var out: [Finding] = []
    let trim = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
    let safe = page.safeArea
    for t in marks.texts {
      if let w = t.words.first(where: { $0.minX < trim.minX - 0.1 || $0.maxX > trim.maxX + 0.1 || $0.minY < trim.minY - 0.1 || $0.maxY > trim.maxY + 0.1 }) {
        let off = !Geometry.intersects(w, trim)
        out.append(finding(.outsideTrim, .error, page: number, text: t,
                           (off ? "is off the page " : "runs past the trim edge, where the sheet is cut, ") + at(w),
                           hints: ["move it inside the page, or give it a narrower width"]))
      } else if safe > 0, let w = t.words.first(where: {
        $0.minX < safe - 0.1 || $0.maxX > trim.maxX - safe + 0.1 || $0.minY < safe - 0.1 || $0.maxY > trim.maxY - safe + 0.1
      }) {
        out.append(finding(.safeArea, .warning, page: number, text: t,
                           "is within \(mm(safe)) mm of the trim edge (the document's safe-area) " + at(w),
                           hints: ["move it further in; printers cannot be trusted that close to the edge"]))
      }
    }
    return out
  }

  /// Texts whose glyphs overlap, and texts that share a baseline too closely.
  static func overlaps(_ marks: PageMarks, number: Int) -> [Finding] {
    var out: [Finding] = []
    let texts = marks.texts
    for i in texts.indices {
      for j in texts.indices where j > i {
        let a = texts[i], b = texts[j]
        // Blocks of one text frame are set by one paragraph engine: not a collision.
        guard a.itemID != b.itemID else { continue }
        guard Geometry.intersects(a.bounds, b.bounds, by: max(a.size, b.size)) else { continue }
        var overlapped = false
        search: for wa in a.words {
          for wb in b.words where Geometry.intersects(wa, wb, by: -0.3) {
            let later = a.order > b.order ? a : b, other = a.order > b.order ? b : a
            out.append(finding(.textOverlap, .error, page: number, text: later,
                               "overlaps text `\(other.itemID)` (“\(other.snippet)”) " + at(wa.union(wb)),
                               hints: ["give them room: put both in a stack, or anchor one to the other"]))
            overlapped = true
            break search
          }
        }
        if overlapped { continue }
        // Side by side on (nearly) one baseline: they read as one line.
        search: for la in a.lines {
          for lb in b.lines where abs(la.baseline - lb.baseline) < 0.3 * min(la.size, lb.size) {
            // The gap between the nearest words (a label may stand between two words of the other).
            var gap = Double.infinity
            for wa in la.words { for wb in lb.words { gap = min(gap, max(wb.minX - wa.maxX, wa.minX - wb.maxX)) } }
            let em = max(la.size, lb.size)
            guard gap >= -0.3, gap < em else { continue }
            let later = a.order > b.order ? a : b, other = a.order > b.order ? b : a
            let severity: Diagnostic.Severity = gap < em / 2 ? .error : .warning
            out.append(finding(.sameBaseline, severity, page: number, text: later,
                               "is on one line with text `\(other.itemID)` (“\(other.snippet)”), only \(mm(max(0, gap))) mm apart, and reads as one phrase "
                                 + at(Rect(x: min(la.minX, lb.minX), y: la.baseline - em, width: 0, height: 0)),
                               hints: ["keep at least one em (\(mm(em)) mm) between them, or put them on different lines"]))
            break search
          }
        }
      }
    }
    return out
  }

  /// Is `shape` one the text sits on on purpose: the page's background, a background of the
  /// text's own frame or of a stack around it, or an item the layout names with `on:`?
  static func isGround(_ shape: ShapeMark, for text: TextMark) -> Bool {
    if shape.isPageBackground { return true }
    if let owner = shape.owners.last, text.owners.contains(owner) { return true }
    return shape.owners.contains { text.grounds.contains($0) }
  }

  /// Text that touches, crosses or comes too close to artwork.
  static func artwork(_ marks: PageMarks, number: Int) -> [Finding] {
    var out: [Finding] = []
    for t in marks.texts {
      let clear = clearance(forSize: t.size)
      var reported = Set<String>()
      for s in marks.shapes where !isGround(s, for: t) && !reported.contains(s.itemID) {
        var nearest = Double.infinity
        var word = t.bounds
        for w in t.words {
          let d = Geometry.distance(w, to: s, within: clear)
          if d < nearest { nearest = d; word = w }
          if d == 0 { break }
        }
        guard nearest < clear else { continue }
        reported.insert(s.itemID)
        let hints = ["move it clear of \(s.noun) (at least \(mm(clear)) mm), or anchor it away from it (`anchor:`)",
                     onHint(for: s, text: t)]
        let placed = s.sources.last.map { " (\($0))" } ?? ""
        if nearest <= 0.01 {
          out.append(finding(.artwork, .error, page: number, text: t,
                             "runs into \(s.noun) `\(s.itemID)`\(placed) " + at(word), hints: hints))
        } else {
          out.append(finding(.clearance, .warning, page: number, text: t,
                             "is \(mm(nearest)) mm from \(s.noun) `\(s.itemID)`\(placed), closer than its clearance of \(mm(clear)) mm " + at(word),
                             hints: hints))
        }
      }
    }
    return out
  }

  /// How to say that a text sits on a shape: by the shape's own id, or – when its id was
  /// derived from its place (`p1.3`) – after giving it one.
  static func onHint(for shape: ShapeMark, text: TextMark) -> String {
    let name = relativeName(of: shape.itemID, from: text.itemID)
    let last = shape.itemID.split(separator: ".").last.map(String.init) ?? shape.itemID
    let derived = last.allSatisfy(\.isNumber) || shape.itemID.range(of: #"^p\d+(\.\d+)*$"#, options: .regularExpression) != nil
    if derived {
      let place = shape.sources.last.map { " (\($0))" } ?? ""
      return "or, if it sits there on purpose, give \(shape.noun)\(place) an `id:` and add `on: <that id>` to the text"
    }
    return "or, if it sits there on purpose, say so: `on: \(name)`"
  }

  /// The shortest name `on:` written on the text can use for an item: its id seen from the
  /// innermost scope the two share (`station-1.himmel` from `k.2` for `k.station-1.himmel`).
  static func relativeName(of id: String, from textID: String) -> String {
    var prefix = Substring(textID)
    while let dot = prefix.lastIndex(of: ".") {
      prefix = prefix[..<dot]
      if id.hasPrefix(prefix + ".") { return String(id.dropFirst(prefix.count + 1)) }
    }
    return id
  }

  /// Items that an opaque shape drawn after them covers completely.
  static func hidden(_ marks: PageMarks, number: Int) -> [Finding] {
    var out: [Finding] = []
    let covers = marks.shapes.filter { $0.opaqueFill && !$0.isPageBackground }
    for t in marks.texts {
      guard let s = covers.first(where: { $0.order > t.order && Geometry.covers($0, t.bounds) }) else { continue }
      out.append(finding(.hidden, .error, page: number, text: t,
                         "is hidden under \(s.noun) `\(s.itemID)` drawn after it " + at(t.bounds),
                         hints: ["move the text after the shape in `items:`, or move one of them"]))
    }
    for item in marks.shapes where !item.isPageBackground && item.bounds.width > 0.5 && item.bounds.height > 0.5 {
      guard let s = covers.first(where: { $0.order > item.order && $0.owners.last != item.owners.last
                                          && !$0.owners.dropLast().contains(item.itemID) && Geometry.covers($0, item.bounds) })
      else { continue }
      out.append(Finding(kind: .hidden, severity: .warning, page: number, id: item.itemID, location: item.sources.last,
                         message: "page \(number): \(item.noun) `\(item.itemID)` is hidden under \(s.noun) `\(s.itemID)` drawn after it " + at(item.bounds),
                         hints: ["remove it, or move it after the shape in `items:`"]))
    }
    // One finding per item and cover.
    var seen = Set<String>()
    return out.filter { seen.insert($0.id + $0.message).inserted }
  }

  static func breaks(_ marks: PageMarks, number: Int) -> [Finding] {
    marks.texts.flatMap { t in
      t.forcedBreaks.prefix(3).map { split in
        finding(.forcedBreak, .error, page: number, text: t,
                "is broken inside “\(split.replacingOccurrences(of: "|", with: ""))” (\(split)), where no break belongs " + at(t.bounds),
                hints: ["give the text more width or a smaller size, or shorten the word",
                        "a range or time (kl. 9.00–11.30) stays on one line; so does a long word with no hyphenation point"])
      }
    }
  }
}
