import Foundation
import NaraModel

/// The laid-out document: every mark on every page at its final position. Backends draw
/// it and decide nothing (as Typst's `Frame`).
public struct PagedDocument: Sendable, Hashable {
  public var metadata: DocumentMetadata
  public var pages: [RenderedPage]
  public init(metadata: DocumentMetadata, pages: [RenderedPage]) { self.metadata = metadata; self.pages = pages }
}

public struct DocumentMetadata: Sendable, Hashable {
  public var title: String?
  public var author: String?
  public var subject: String?
  public var keywords: [String] = []
  public var language: String
  public var creator = "naraprint"
  /// The paper print PDFs are made for (`coated`, `uncoated`).
  public var paper = "coated"
  public init(language: String) { self.language = language }
}

public struct RenderedPage: Sendable, Hashable {
  /// Trim size in points.
  public var size: Size
  /// Bleed in points: how far backgrounds run past the trim edge.
  public var bleed: Double
  public var nodes: [Node]
  /// Item ids in the order a screen reader should read them; what is not listed follows
  /// in drawing order.
  public var readingOrder: [String] = []
  /// How far text must stay from the trim edge, in points.
  public var safeArea: Double = 0
  public init(size: Size, bleed: Double, nodes: [Node]) { self.size = size; self.bleed = bleed; self.nodes = nodes }
}

/// An affine transform, as in PDF: x' = a·x + c·y + tx, y' = b·x + d·y + ty.
public struct Transform: Sendable, Hashable {
  public var a, b, c, d, tx, ty: Double
  public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
    self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
  }
  public static let identity = Transform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)
  public static func translation(_ x: Double, _ y: Double) -> Transform { Transform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y) }
  public static func scale(_ s: Double) -> Transform { Transform(a: s, b: 0, c: 0, d: s, tx: 0, ty: 0) }
  public static func rotation(degrees: Double) -> Transform {
    let r = degrees * .pi / 180
    let c = cos(r), s = sin(r)
    return Transform(a: c, b: s, c: -s, d: c, tx: 0, ty: 0)
  }
  /// First `self`, then `other`.
  public func then(_ o: Transform) -> Transform {
    Transform(a: a * o.a + b * o.c, b: a * o.b + b * o.d, c: c * o.a + d * o.c, d: c * o.b + d * o.d,
              tx: tx * o.a + ty * o.c + o.tx, ty: tx * o.b + ty * o.d + o.ty)
  }
  public var isIdentity: Bool { self == .identity }

  /// A point moved by the transform.
  public func apply(_ p: Point) -> Point { Point(x: a * p.x + c * p.y + tx, y: b * p.x + d * p.y + ty) }

  /// The bounding box of a rectangle after the transform.
  public func apply(_ r: Rect) -> Rect {
    let corners = [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.minX, y: r.maxY), Point(x: r.maxX, y: r.maxY)]
      .map(apply)
    let xs = corners.map(\.x), ys = corners.map(\.y)
    let x0 = xs.min() ?? 0, y0 = ys.min() ?? 0
    return Rect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0)
  }

  /// How much lengths grow (the square root of the area scale), for stroke widths and sizes.
  public var scaleFactor: Double { sqrt(abs(a * d - b * c)) }
}

/// What a screen reader should make of a node (used for tagged PDF).
public enum StructureRole: Sendable, Hashable {
  case paragraph
  case heading(Int)
  case listItem
  case figure(alt: String)
  case artifact
  case group
}

public indirect enum Node: Sendable, Hashable {
  case path(PathNode)
  case text(TextNode)
  case image(ImageNode)
  case group(GroupNode)
}

public struct PathNode: Sendable, Hashable {
  /// The ids of the item and the items around it, outermost first (for the reading order).
  public var owners: [String] = []
  /// Where those items were written, in the same order (for findings that point at a line).
  public var sources: [SourceLocation] = []
  public var path: PathData
  public var fill: Colour?
  public var stroke: Stroke?
  public var role: StructureRole
  public init(path: PathData, fill: Colour?, stroke: Stroke?, role: StructureRole = .artifact) {
    self.path = path; self.fill = fill; self.stroke = stroke; self.role = role
  }
}

/// One block of text (a paragraph, a heading, a list item), its lines as glyph runs.
public struct TextNode: Sendable, Hashable {
  /// The text's stable id and the block's index in it (`p1.3#2`).
  public var id: String
  /// The ids of the text item and the items around it, outermost first.
  public var owners: [String] = []
  /// Where those items were written, in the same order.
  public var sources: [SourceLocation] = []
  /// Ids of the items whose shapes this text deliberately sits on (`on:` on it or around it).
  public var grounds: [String] = []
  /// Words or numbers a line break had to split (no break opportunity in a too-narrow line).
  public var forcedBreaks: [String] = []
  /// Where the innermost component around the text was placed (`use:`), if any.
  public var placedBy: SourceLocation?
  /// Where the block's own words are written: its paragraph in a story or text, which may be
  /// far from the item that places it (`sources`).
  public var written: SourceLocation?
  /// The text's language when it is not the document's (Swedish left untranslated, a frame
  /// with `lang:`), for its structure element's `/Lang`.
  public var language: String?
  public var role: StructureRole
  public var runs: [GlyphRun]
  public init(id: String, role: StructureRole, runs: [GlyphRun]) { self.id = id; self.role = role; self.runs = runs }
}

public struct ImageNode: Sendable, Hashable {
  /// The ids of the item and the items around it, outermost first (for the reading order).
  public var owners: [String] = []
  /// Where those items were written, in the same order (for findings that point at a line).
  public var sources: [SourceLocation] = []
  public var path: String
  /// The box the image is drawn into (after fitting), in page coordinates.
  public var rect: Rect
  /// The visible area (the item's box): `cover` crops to it.
  public var clip: Rect
  public var tint: Colour?
  public var role: StructureRole
  public init(path: String, rect: Rect, clip: Rect, tint: Colour?, role: StructureRole) {
    self.path = path; self.rect = rect; self.clip = clip; self.tint = tint; self.role = role
  }
}

public struct GroupNode: Sendable, Hashable {
  /// The ids of the item and the items around it, outermost first (for the reading order).
  public var owners: [String] = []
  /// Where those items were written, in the same order (for findings that point at a line).
  public var sources: [SourceLocation] = []
  public var transform: Transform
  public var opacity: Double
  public var children: [Node]
  public var role: StructureRole
  public init(transform: Transform, opacity: Double = 1, children: [Node], role: StructureRole = .group) {
    self.transform = transform; self.opacity = opacity; self.children = children; self.role = role
  }
}

