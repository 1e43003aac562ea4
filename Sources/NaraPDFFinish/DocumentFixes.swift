import NaraModel

/// Step 1, the document level: catalog entries and metadata (ISO 14289-1 §7.1, §7.2).
enum CatalogFixes {
  static func apply(to doc: QPDFDocument, info: AccessibilityInfo) throws {
    let root = try doc.root()
    let trailer = try doc.trailer()

    // The Info dictionary: dates with their `D:` prefix (Cairo 1.16 leaves it out), the title.
    var infoDict = try doc.key("/Info", of: trailer)
    if !doc.isDictionary(infoDict) {
      infoDict = try doc.dictionary()
      try doc.set("/Info", of: trailer, to: infoDict)
    }
    func date(_ key: String) throws -> PDFDate? {
      guard let raw = try doc.text(try doc.key(key, of: infoDict)) else { return nil }
      guard let d = PDFDate(raw) else {
        throw RenderError("making the PDF accessible failed: the Info dictionary's \(key) (\(raw)) is not a PDF date")
      }
      try doc.set(key, of: infoDict, to: try doc.string(d.pdfString))
      return d
    }
    let created = try date("/CreationDate"), modified = try date("/ModDate")
    var title = info.title.flatMap { $0.isEmpty ? nil : $0 }
    if let t = title {
      try doc.set("/Title", of: infoDict, to: try doc.unicodeString(t))
    } else {
      title = try doc.text(try doc.key("/Title", of: infoDict))
    }

    try doc.set("/Lang", of: root, to: try doc.unicodeString(info.language))
    // Who made the file: naraprint, through Cairo.
    try doc.set("/Creator", of: infoDict, to: try doc.unicodeString("naraprint \(NaraprintVersion.string)"))
    let cairo = try doc.text(try doc.key("/Producer", of: infoDict)) ?? "cairo"
    if !cairo.hasPrefix("naraprint") {
      try doc.set("/Producer", of: infoDict, to: try doc.unicodeString("naraprint \(NaraprintVersion.string) with \(cairo)"))
    }

    // Viewers show the title, not the file name (§7.1, "DisplayDocTitle").
    var prefs = try doc.key("/ViewerPreferences", of: root)
    if !doc.isDictionary(prefs) {
      prefs = try doc.dictionary()
      try doc.set("/ViewerPreferences", of: root, to: prefs)
    }
    try doc.set("/DisplayDocTitle", of: prefs, to: try doc.bool(true))

    // A tagged PDF says so; `/Suspects true` would tell checkers the tags are not to be trusted.
    var mark = try doc.key("/MarkInfo", of: root)
    if !doc.isDictionary(mark) {
      mark = try doc.dictionary()
      try doc.set("/MarkInfo", of: root, to: mark)
    }
    try doc.set("/Marked", of: mark, to: try doc.bool(true))
    if try doc.hasKey("/Suspects", mark) { try doc.set("/Suspects", of: mark, to: try doc.bool(false)) }

    let xmp = XMPPacket(
      title: title, language: info.language,
      author: try doc.text(try doc.key("/Author", of: infoDict)),
      subject: try doc.text(try doc.key("/Subject", of: infoDict)),
      keywords: try doc.text(try doc.key("/Keywords", of: infoDict)),
      creatorTool: try doc.text(try doc.key("/Creator", of: infoDict)),
      producer: try doc.text(try doc.key("/Producer", of: infoDict)),
      created: created, modified: modified, pdfx: info.pdfx)
    let stream = try doc.newStream(xmp.bytes)
    let dict = try doc.streamDictionary(stream)
    try doc.set("/Type", of: dict, to: try doc.name("/Metadata"))
    try doc.set("/Subtype", of: dict, to: try doc.name("/XML"))
    try doc.set("/Metadata", of: root, to: stream)
    if info.pdfx {
      // PDF/X-4 (ISO 15930-7 §6.7.4, §6.7.5): the version and the trapping state, in the
      // Info dictionary as in the XMP.
      try doc.set("/GTS_PDFXVersion", of: infoDict, to: try doc.string("PDF/X-4"))
      try doc.set("/Trapped", of: infoDict, to: try doc.name("/False"))
    }
  }
}

/// Steps 3 and 4, object by object: pages with annotations, link annotations, CID fonts.
enum ObjectFixes {
  static func apply(to doc: QPDFDocument) throws {
    for page in try doc.pages() {
      let annots = try doc.items(try doc.key("/Annots", of: page))
      guard !annots.isEmpty else { continue }
      // Tab order follows the structure tree (§7.18.3).
      try doc.set("/Tabs", of: page, to: try doc.name("/S"))
      for a in annots where doc.isName(try doc.key("/Subtype", of: a), "/Link") {
        // A link's alternate description (§7.18.5); the URI says where it goes.
        guard try doc.text(try doc.key("/Contents", of: a))?.isEmpty ?? true else { continue }
        let action = try doc.key("/A", of: a)
        let uri = doc.isDictionary(action) ? try doc.text(try doc.key("/URI", of: action)) : nil
        try doc.set("/Contents", of: a, to: try doc.unicodeString(uri ?? "Länk"))
      }
    }
    // TrueType CID fonts need an explicit CIDToGIDMap (§7.21.3.2); Cairo's subsets use
    // glyph ids as CIDs, which is what /Identity says.
    for o in try doc.allObjects() where doc.isDictionary(o) {
      guard doc.isName(try doc.key("/Type", of: o), "/Font"),
            doc.isName(try doc.key("/Subtype", of: o), "/CIDFontType2"),
            !(try doc.hasKey("/CIDToGIDMap", o)) else { continue }
      try doc.set("/CIDToGIDMap", of: o, to: try doc.name("/Identity"))
    }
  }
}
