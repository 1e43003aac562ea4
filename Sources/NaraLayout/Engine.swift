import NaraModel
import NaraPageTree

/// Normalises and hyphenates the segments of one paragraph (see NaraTypography); the layout
/// asks through this seam so tests can run without dictionaries.
public protocol TextPreparer: Sendable {
  /// Returns one string per segment, in order.
  func prepare(_ segments: [PreparedSegment], language: String) -> [String]
  /// The breaks of a lower-cased word (Character offsets, soft hyphens left out) that stand at
  /// a compound's joint, for the line breaker to prefer.
  func compoundJoints(inLowercasedWord word: String, language: String) -> Set<Int>
}

extension TextPreparer {
  public func compoundJoints(inLowercasedWord word: String, language: String) -> Set<Int> { [] }
}

public struct PreparedSegment: Sendable, Hashable {
  public var text: String
  public var verbatim: Bool
  public var hyphenate: Bool
  public init(text: String, verbatim: Bool, hyphenate: Bool) { self.text = text; self.verbatim = verbatim; self.hyphenate = hyphenate }
}

/// Leaves text as typed.
public struct VerbatimPreparer: TextPreparer {
  public init() {}
  public func prepare(_ segments: [PreparedSegment], language: String) -> [String] { segments.map(\.text) }
}

/// The result of laying out a document.
public struct LayoutResult: Sendable {
  public var document: PagedDocument
  /// Overflow and other layout warnings (errors when the frame says `overflow: error`).
  public var diagnostics: [Diagnostic]
  /// How each text sits in its frame, by text id (stories by name): for translator notes.
  public var fits: [String: TextFit] = [:]
}

/// The room a text has and how much of it the text takes.
public struct TextFit: Sendable, Hashable {
  /// Line width in points (a column's, for flowing text).
  public var width: Double
  /// The height available, all columns and frames together; nil when the frame grows.
  public var capacity: Double?
  /// The height the text takes.
  public var used: Double
  public var page: Int
  public var size: Double
}

/// Turns a loaded `Document` into a `PagedDocument`: places items, sets text through the
/// `TextShaper`, draws shapes as paths.
public final class LayoutEngine {
  let shaper: TextShaper
  let images: ImageInspector
  let preparer: TextPreparer
  var diagnostics: [Diagnostic] = []
  var document: Document!
  var pageNumber = 0
  /// The ids of the items being laid out, outermost first.
  var itemPath: [String] = []
  /// Where those items were written, and the ids their texts may sit on (`on:`).
  var itemSources: [SourceLocation] = []
  var groundPath: [String] = []
  /// Where each component around the item being laid out was placed (`use:`), outermost first.
  var usePath: [SourceLocation] = []
  /// Pages before this document's first (when sheets of a kit are numbered together).
  public var pageNumberOffset = 0
  /// The number of pages `{{sidor}}` shows; the document's own count when nil.
  public var totalPages: Int?
  /// `--fit shrink`: frames that would overflow shrink their text down to the styles' minimum.
  public var shrinkToFit = false
  /// Shaped paragraphs: the same text at the same width is set once (components placed many
  /// times, stretch re-layouts, and – when the caller keeps one cache for several layouts –
  /// the fixed texts of every row of a batch and every `watch` iteration).
  let shapeCache: ShapeCache
  /// Where each story stands, and the last frame that showed it (for overflow reports).
  var storyCursors: [String: FlowCursor] = [:]
  var storyLastFrame: [String: (item: Item, page: Int, width: Double)] = [:]
  /// Flowing frames are set once: a second layout pass (a row stretching its children)
  /// must not take more of the story.
  var flowCache: [String: Laid] = [:]
  var fits: [String: TextFit] = [:]
  /// Stories set smaller to fit their frames (`overflow: shrink` on the frames), by name.
  var storyScales: [String: Double] = [:]

  /// Draws QR codes (`qr` items); without one they are reported.
  let codes: CodeEncoder?

  public init(shaper: TextShaper, images: ImageInspector, preparer: TextPreparer, codes: CodeEncoder? = nil,
              shapeCache: ShapeCache = ShapeCache()) {
    self.shaper = shaper; self.images = images; self.preparer = preparer; self.codes = codes
    self.shapeCache = shapeCache
  }

  public func layout(_ document: Document) throws -> LayoutResult {
    self.document = document
    storyScales = [:]
    let s = document.settings
    var meta = DocumentMetadata(language: s.language)
    meta.title = s.title; meta.author = s.author; meta.subject = s.subject; meta.keywords = s.keywords
    meta.paper = s.paper
    var pages: [RenderedPage] = []
    // A story that does not fit frames that may shrink is set again, 2 % smaller each time,
    // until it fits or its styles reach their min-size (at most 40 passes).
    for _ in 0..<40 {
      diagnostics = []
      storyCursors = [:]; storyLastFrame = [:]; flowCache = [:]; fits = [:]
      pages = []
      for (i, page) in document.pages.enumerated() {
        pageNumber = i + 1
        pages.append(try layoutPage(page))
      }
      guard try shrinkOverflowingStories() else { break }
    }
    for name in storyScales.keys.sorted() {
      guard let scale = storyScales[name], let last = storyLastFrame[name] else { continue }
      diagnostics.append(.note(.shrunk, "story `\(name)` was shrunk to \(Int((scale * 100).rounded())) % to fit its frames", at: last.item.location,
                               itemID: last.item.id, subject: name))
    }
    try reportStoryOverflow()
    return LayoutResult(document: PagedDocument(metadata: meta, pages: pages), diagnostics: diagnostics, fits: fits)
  }

  var isRTL: Bool { document.settings.direction == .rtl }

  func layoutPage(_ page: Page) throws -> RenderedPage {
    let s = document.settings
    let size = s.pageSize
    var nodes: [Node] = []
    if let bg = page.background {
      let b = s.bleed.points
      nodes.append(.path(PathNode(path: Shapes.rect(Rect(x: -b, y: -b, width: size.width + 2 * b, height: size.height + 2 * b), radius: 0),
                                  fill: bg, stroke: nil, role: .artifact)))
    }
    let content = Rect(x: s.margins.start.points, y: s.margins.top.points,
                       width: size.width - s.margins.start.points - s.margins.end.points,
                       height: size.height - s.margins.top.points - s.margins.bottom.points)
    let frame = Rect(x: 0, y: 0, width: size.width, height: size.height)
    var siblings = PlacedSiblings()
    for item in page.items {
      nodes += try placeAbsolute(item, in: frame, defaultArea: content, siblings: &siblings)
    }
    var rendered = RenderedPage(size: size, bleed: s.bleed.points, nodes: nodes)
    rendered.readingOrder = page.readingOrder
    rendered.safeArea = s.safeArea.points
    return rendered
  }

  /// Places an item that may say where it goes (`at`), inside `frame` (the parent's box).
  /// Items without `at` go into `defaultArea` (the page's margins, or the whole group); an
  /// item with `anchor:` hangs from a sibling placed before it. Each placed item's box is
  /// recorded in `siblings` for the items after it.
  func placeAbsolute(_ item: Item, in frame: Rect, defaultArea: Rect, siblings: inout PlacedSiblings) throws -> [Node] {
    if let anchor = item.placement.anchor {
      guard let (nodes, box) = try placeAnchored(item, anchor: anchor, in: frame, defaultArea: defaultArea, siblings: siblings) else { return [] }
      siblings.record(item, box: box, nodes: nodes)
      return nodes
    }
    let (nodes, box) = try placeFree(item, in: frame, defaultArea: defaultArea)
    siblings.record(item, box: box, nodes: nodes)
    return nodes
  }

  /// Places an item at `at` (or in the default area), mirrored in right-to-left layouts.
  func placeFree(_ item: Item, in frame: Rect, defaultArea: Rect) throws -> (nodes: [Node], box: Rect) {
    if case .shape(let shape) = item.kind, shape.geometry.isFreeform {
      // Lines, arrows and paths are drawn in the parent's coordinates, offset by `at`.
      let at = item.placement.at ?? .zero
      var laid = try layout(item, width: nil, height: nil, parentHeight: frame.height)
      if isRTL {
        // A road, an arrow or a line runs the other way in a right-to-left layout.
        laid.nodes = laid.nodes.map { $0.mirrored(width: frame.width - 2 * at.x) }
      }
      laid.nodes = laid.nodes.map { $0.offset(dx: frame.minX + at.x, dy: frame.minY + at.y) }
      let box = Shapes.bounds(of: laid.nodes) ?? Rect(x: frame.minX + at.x, y: frame.minY + at.y, width: 0, height: 0)
      return (laid.nodes, box)
    }
    let origin: Point
    var availableWidth: Double
    if let at = item.placement.at {
      origin = Point(x: frame.minX + at.x, y: frame.minY + at.y)
      availableWidth = max(0, defaultArea.maxX - origin.x)
      if availableWidth <= 0 { availableWidth = max(0, frame.maxX - origin.x) }
    } else {
      origin = defaultArea.origin
      availableWidth = defaultArea.width
    }
    let width = resolve(item.placement.width, available: availableWidth) ?? availableWidth
    let height = resolve(item.placement.height, available: frame.height)
    let laid = try layout(item, width: width, height: height, parentHeight: frame.height)
    var x = origin.x
    if isRTL {
      // Mirror: `at` is measured from the start edge, which is the right edge here.
      x = frame.maxX - (origin.x - frame.minX) - laid.size.width
    }
    let nodes = laid.nodes.map { $0.offset(dx: x, dy: origin.y) }
    var box = Rect(x: x, y: origin.y, width: laid.size.width, height: laid.size.height)
    // A group sized by its children: the box of what it drew (children may sit at negative `at`).
    if case .group(let g) = item.kind, g.designSize == nil, let b = Shapes.bounds(of: nodes) { box = b }
    return (nodes, box)
  }

  /// A fixed or relative extent in points; nil when it depends on content.
  func resolve(_ e: Extent, available: Double?) -> Double? {
    switch e {
    case .auto: nil
    case .fixed(let l): l.points
    case .percent(let p): available.map { $0 * p }
    case .fraction: available
    }
  }
}

/// An item after layout: its size and its marks relative to its top-left corner.
struct Laid {
  var size: Size
  var nodes: [Node]
}

extension Geometry {
  var isFreeform: Bool {
    switch self {
    case .line, .arrow, .path: true
    default: false
    }
  }
}

/// Shaped paragraphs by text, styles and width, kept across layouts by whoever owns it (one
/// per pipeline, so one per thread). Bounded: emptied when it holds `capacity` paragraphs.
public final class ShapeCache {
  struct Key: Hashable { let paragraph: StyledParagraph; let width: Double }
  private var entries: [Key: ShapedParagraph] = [:]
  public let capacity: Int
  public init(capacity: Int = 20_000) { self.capacity = capacity }
  public var count: Int { entries.count }

  func shaped(_ p: StyledParagraph, width: Double, by shaper: TextShaper) throws -> ShapedParagraph {
    let key = Key(paragraph: p, width: (width * 100).rounded() / 100)
    if let s = entries[key] { return s }
    let s = try shaper.shape(p, width: width)
    if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
    entries[key] = s
    return s
  }

  /// A paragraph text's joint and part breaks (`LayoutEngine.compoundBreaks`), kept with the
  /// shapes: the same text is looked up on every render of `watch` and every row of a batch.
  struct JointKey: Hashable { let text: String; let language: String }
  private var joints: [JointKey: (Set<Int>, Set<Int>)] = [:]

  func compoundBreaks(_ text: String, language: String, compute: () -> (Set<Int>, Set<Int>)) -> (Set<Int>, Set<Int>) {
    let key = JointKey(text: text, language: language)
    if let found = joints[key] { return found }
    let found = compute()
    if joints.count >= capacity { joints.removeAll(keepingCapacity: true) }
    joints[key] = found
    return found
  }
}
