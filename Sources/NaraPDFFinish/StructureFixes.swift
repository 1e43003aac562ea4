import NaraModel

/// Step 2, the structure tree: alternative texts on Figure elements (ISO 14289-1 §7.3).
enum StructureFixes {
  static func apply(to doc: QPDFDocument, info: AccessibilityInfo) throws {
    let root = try doc.root()
    let treeRoot = try doc.key("/StructTreeRoot", of: root)
    guard doc.isDictionary(treeRoot) else {
      // A document of decoration only (a page with just a drawing) has nothing to tag.
      if info.figureAlts.isEmpty { return }
      throw RenderError("making the PDF accessible failed: Cairo wrote no structure tree (/StructTreeRoot)")
    }
    // Marked content finds its element through the parent tree; without it nothing is tagged.
    guard doc.isDictionary(try doc.key("/ParentTree", of: treeRoot)) else {
      throw RenderError("making the PDF accessible failed: the structure tree has no /ParentTree")
    }
    var top = try elements(of: treeRoot, in: doc)
    if top.count > 1, try doc.items(try doc.key("/K", of: treeRoot)).count == top.count {
      top = [try wrapInDocument(top, root: treeRoot, in: doc)]
    }
    // The top element carries the language too, for checkers that look there.
    if top.count == 1, !(try doc.hasKey("/Lang", top[0])) {
      try doc.set("/Lang", of: top[0], to: try doc.unicodeString(info.language))
    }
    var figures: [PDFObject] = []
    var seen = Set<Int>()
    try collect(top, into: &figures, seen: &seen, in: doc)
    guard figures.count == info.figureAlts.count else {
      throw RenderError(
        "making the PDF accessible failed: the PDF has \(figures.count) Figure elements but the renderer recorded \(info.figureAlts.count) alternative texts",
        hints: ["every figure must be drawn between cairo_tag_begin and cairo_tag_end exactly once"])
    }
    for (figure, alt) in zip(figures, info.figureAlts) {
      try doc.set("/Alt", of: figure, to: try doc.unicodeString(alt))
    }
    // Each element in a language other than the document's says so (ISO 14289-1 §7.2).
    if top.count == 1, info.elementLanguages.contains(where: { $0 != nil }) {
      let kids = try elements(of: top[0], in: doc)
      if kids.count == info.elementLanguages.count {
        for (kid, language) in zip(kids, info.elementLanguages) {
          if let language { try doc.set("/Lang", of: kid, to: try doc.unicodeString(language)) }
        }
      }
    }
    // Reading order as the layout declares it: the Document's kids in a new order (figures
    // got their alt texts above, in the order they were drawn).
    if let order = info.readingOrder, top.count == 1 {
      let kids = try elements(of: top[0], in: doc)
      guard order.count == kids.count, Set(order) == Set(0..<kids.count) else {
        throw RenderError("making the PDF accessible failed: the reading order names \(order.count) elements but the PDF has \(kids.count)")
      }
      try doc.set("/K", of: top[0], to: try doc.array(order.map { kids[$0] }))
    }
  }

  /// Cairo 1.16 drops the renderer's outermost `Document` tag and hangs its children on the
  /// StructTreeRoot itself; a tree has one root element (poppler warns otherwise), so put
  /// them back under a Document. Only `/P` links change: the parent tree maps marked
  /// content to the leaf elements, which stay the same objects.
  static func wrapInDocument(_ kids: [PDFObject], root: PDFObject, in doc: QPDFDocument) throws -> PDFObject {
    let element = try doc.newIndirectDictionary()
    try doc.set("/Type", of: element, to: try doc.name("/StructElem"))
    try doc.set("/S", of: element, to: try doc.name("/Document"))
    try doc.set("/P", of: element, to: root)
    try doc.set("/K", of: element, to: try doc.array(kids))
    for kid in kids { try doc.set("/P", of: kid, to: element) }
    try doc.set("/K", of: root, to: try doc.array([element]))
    return element
  }

  /// The structure elements among a node's `/K` kids (marked-content ids, marked-content
  /// and object references are leaves and left out).
  static func elements(of node: PDFObject, in doc: QPDFDocument) throws -> [PDFObject] {
    try doc.items(try doc.key("/K", of: node)).filter { kid in
      try doc.isDictionary(kid) && doc.hasKey("/S", kid)
    }
  }

  /// Figure elements in document order (depth first, kids in `/K` order), which is the
  /// order Cairo wrote them in. `seen` guards against a tree that loops.
  private static func collect(_ nodes: [PDFObject], into figures: inout [PDFObject], seen: inout Set<Int>, in doc: QPDFDocument) throws {
    for node in nodes {
      let id = doc.objectID(node)
      if id != 0 {
        guard seen.insert(id).inserted else {
          throw RenderError("making the PDF accessible failed: structure element \(id) occurs twice in the tree")
        }
      }
      if doc.isName(try doc.key("/S", of: node), "/Figure") { figures.append(node) }
      try collect(try elements(of: node, in: doc), into: &figures, seen: &seen, in: doc)
    }
  }
}
