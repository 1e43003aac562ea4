/// A whole layout after loading: settings, the theme, and pages of items. Components and
/// variables are already resolved (placed components are groups), as usvg resolves an SVG
/// before anyone draws it.
public struct Document: Sendable, Hashable, Codable {
  public var settings: DocumentSettings
  public var theme: Theme
  public var pages: [Page]
  public var stories: [String: Story]
  public var source: String
  public init(settings: DocumentSettings, theme: Theme, pages: [Page], stories: [String: Story] = [:], source: String) {
    self.settings = settings; self.theme = theme; self.pages = pages; self.stories = stories; self.source = source
  }
}

public struct DocumentSettings: Sendable, Hashable, Codable {
  /// Trim size (the finished page), orientation already applied.
  public var pageSize: Size
  public var margins: Insets
  /// How far backgrounds run past the trim edge; drawn when the output asks for bleed.
  public var bleed: Length
  public var language: String
  public var direction: Direction
  public var title: String?
  public var author: String?
  public var subject: String?
  public var keywords: [String]
  /// How far from the trim edge text must stay (a print shop's safe area; 5 mm for office
  /// printers that cannot print to the edge). `check` reports text closer than this.
  public var safeArea: Length = .mm(3)
  /// The paper a print PDF is made for: its CMYK profile (`coated`, FOGRA39, or `uncoated`,
  /// FOGRA29).
  public var paper: String = "coated"
  public init(pageSize: Size) {
    self.pageSize = pageSize
    margins = Insets(all: .mm(15)); bleed = .zero; language = "sv-SE"; direction = .ltr
    keywords = []
  }
}

public struct Page: Sendable, Hashable, Codable {
  public var background: Colour?
  public var items: [Item]
  /// Item ids in reading order (screen readers); the rest follows in drawing order.
  public var readingOrder: [String] = []
  public var location: SourceLocation
  public init(background: Colour? = nil, items: [Item], location: SourceLocation) {
    self.background = background; self.items = items; self.location = location
  }
}

/// How wide or tall an item is: its content's size, a fixed length, or a share of what a
/// row or grid has left (`1fr`).
public enum Extent: Sendable, Hashable, Codable {
  case auto
  case fixed(Length)
  case fraction(Double)
  case percent(Double)
}

/// What a screen reader makes of an item.
public enum AccessibilityRole: Sendable, Hashable, Codable {
  /// Content: text is read, images need alt text.
  case content
  /// Decoration: skipped by assistive technology.
  case artifact
  /// A figure with its alternative text.
  case figure(alt: String)
}

/// Where an item sits and how it is transformed. `at` is measured from the parent's top and
/// start edge (the left edge in left-to-right documents).
public struct Placement: Sendable, Hashable, Codable {
  public var at: Point?
  public var width: Extent = .auto
  public var height: Extent = .auto
  /// Degrees, clockwise.
  public var rotation: Double = 0
  public var scale: Double = 1
  public var opacity: Double = 1
  /// The item grows to at least this height (a table row to write in).
  public var minHeight: Length?
  /// Placed relative to an item placed before it, or to a point along a path (`anchor:`).
  public var anchor: Anchor?
  public init() {}
}

/// A point of an item's box, in logical terms: `start` and `end` follow the text direction.
public enum BoxPoint: String, Sendable, Hashable, Codable, CaseIterable {
  case topStart = "top-start", top, topEnd = "top-end"
  case start, center, end
  case bottomStart = "bottom-start", bottom, bottomEnd = "bottom-end"
  /// 0, ½ or 1 across (from the start edge) and down.
  public var fractions: (x: Double, y: Double) {
    switch self {
    case .topStart: (0, 0)
    case .top: (0.5, 0)
    case .topEnd: (1, 0)
    case .start: (0, 0.5)
    case .center: (0.5, 0.5)
    case .end: (1, 0.5)
    case .bottomStart: (0, 1)
    case .bottom: (0.5, 1)
    case .bottomEnd: (1, 1)
    }
  }
}

/// `anchor:` – where an item goes, measured from another item placed before it in the same
/// page, group or component, so the two move together and a longer text grows away from it.
public struct Anchor: Sendable, Hashable, Codable {
  /// The side of a path an item is put on when it names no point of its own.
  public enum Side: String, Sendable, Hashable, Codable, CaseIterable { case above, below, start, end }
  /// The id of the item it hangs from.
  public var target: String
  /// For a path, line or arrow: how far along it (0…1 of its length).
  public var along: Double?
  /// The target's point (items only).
  public var targetPoint: BoxPoint = .bottomStart
  /// This item's point that goes there; for a path without one the item is set beside the
  /// path on `side`, `distance` clear of the stroke.
  public var selfPoint: BoxPoint?
  public var side: Side = .above
  public var distance: Length = .zero
  /// Moved by this after anchoring (x towards the end edge, y down).
  public var offset: Point = .zero
  public var location: SourceLocation
  public init(target: String, location: SourceLocation) { self.target = target; self.location = location }
}

public struct Item: Sendable, Hashable, Codable {
  /// Stable id: explicit (`id:`) or derived from the item's place (`p1.3.2`).
  public var id: String
  public var location: SourceLocation
  public var placement: Placement
  public var role: AccessibilityRole
  public var kind: ItemKind
  /// Items whose shapes this item's texts deliberately sit on (`on:`), as written; every
  /// other shape is artwork they must keep clear of.
  public var grounds: [String] = []
  public init(id: String, location: SourceLocation, placement: Placement = Placement(),
              role: AccessibilityRole = .content, kind: ItemKind) {
    self.id = id; self.location = location; self.placement = placement; self.role = role; self.kind = kind
  }
}

public indirect enum ItemKind: Sendable, Hashable, Codable {
  case text(TextFrame)
  case shape(Shape)
  case image(ImageItem)
  case group(Group)
  case stack(Stack)
  case grid(Grid)
}

public enum CrossAlignment: String, Sendable, Hashable, Codable, CaseIterable {
  case start, center, end, stretch
}

public enum VerticalAlignment: String, Sendable, Hashable, Codable, CaseIterable {
  case top, middle, bottom
}

/// Children placed one after another, vertically or horizontally (a `row`).
public struct Stack: Sendable, Hashable, Codable {
  public enum Axis: String, Sendable, Hashable, Codable { case vertical, horizontal }
  public var axis: Axis
  public var gap: Length = .zero
  public var alignment: CrossAlignment = .stretch
  /// Where leftover main-axis space goes when the stack is larger than its children.
  public var justify: Justify = .start
  public var padding: Insets = .zero
  /// A shape drawn behind the children, sized to the stack (a panel or a speech bubble).
  public var background: Shape?
  /// What happens when the children are taller than a stack with a fixed height.
  public var overflow: OverflowPolicy = .warn
  public var items: [Item]
  public init(axis: Axis, items: [Item]) { self.axis = axis; self.items = items }
  public enum Justify: String, Sendable, Hashable, Codable, CaseIterable {
    case start, center, end, spaceBetween = "space-between"
  }
}

/// Children in columns; rows are as tall as their tallest cell.
public struct Grid: Sendable, Hashable, Codable {
  public var columns: [Extent]
  public var rowGap: Length = .zero
  public var columnGap: Length = .zero
  public var alignment: CrossAlignment = .stretch
  public var items: [Item]
  public init(columns: [Extent], items: [Item]) { self.columns = columns; self.items = items }
}

/// Children positioned freely; a placed component is a group with its design size and scale.
public struct Group: Sendable, Hashable, Codable {
  public var items: [Item]
  /// The size the children were designed in; placing at another size scales uniformly.
  public var designSize: Size?
  public var component: String?
  public init(items: [Item], designSize: Size? = nil, component: String? = nil) {
    self.items = items; self.designSize = designSize; self.component = component
  }
}

public struct ImageItem: Sendable, Hashable, Codable {
  public enum Fit: String, Sendable, Hashable, Codable, CaseIterable { case contain, cover, fill }
  /// Absolute path, resolved by the loader.
  public var path: String
  public var fit: Fit = .contain
  /// For SVG: the colour `currentColor` means.
  public var tint: Colour?
  public init(path: String) { self.path = path }
}
