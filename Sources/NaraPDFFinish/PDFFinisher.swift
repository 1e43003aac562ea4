import NaraModel

/// What the finished PDF must say that Cairo 1.16 does not write.
public struct AccessibilityInfo: Sendable {
  /// BCP 47 language of the document (`/Lang`).
  public var language: String
  public var title: String?
  /// Alternative texts of the Figure structure elements, in the order Cairo wrote them.
  public var figureAlts: [String]
  /// The top-level structure elements in reading order, as indices into the order they were
  /// drawn in; nil keeps the drawing order.
  public var readingOrder: [Int]?
  /// Also identify the file as PDF/X-4 (a print PDF) in its metadata.
  public var pdfx = false
  /// The language of each top-level structure element in drawing order, where it differs
  /// from the document's (a Swedish text left untranslated in an Arabic PDF).
  public var elementLanguages: [String?] = []
  public init(language: String, title: String?, figureAlts: [String], readingOrder: [Int]? = nil) {
    self.language = language; self.title = title; self.figureAlts = figureAlts; self.readingOrder = readingOrder
  }
}

/// Completes Cairo's tagged PDF for accessibility (PDF/UA-1, ISO 14289-1, as veraPDF and
/// PAC check it) with libqpdf, rewriting the file in place:
/// 1. catalog: `/Lang`, `/ViewerPreferences << /DisplayDocTitle true >>`, `/MarkInfo`,
///    XMP metadata with `dc:title` and `pdfuaid:part 1` (`CatalogFixes`);
/// 2. structure tree: `/Alt` on every Figure (`StructureFixes`);
/// 3. pages with annotations get `/Tabs /S`, links a `/Contents` (`ObjectFixes`);
/// 4. TrueType CID fonts get `/CIDToGIDMap /Identity` (`ObjectFixes`);
/// 5. content drawn outside any tag becomes an Artifact (`ArtifactMarker`).
/// The same input gives the same bytes (see `QPDFDocument.writeInPlace`).
public enum PDFFinisher {
  public static func finish(path: String, info: AccessibilityInfo, boxes: [PageBoxes]? = nil, print: PrintConversion? = nil) throws {
    let doc = try QPDFDocument(reading: path)
    try CatalogFixes.apply(to: doc, info: info)
    try StructureFixes.apply(to: doc, info: info)
    try ObjectFixes.apply(to: doc)
    try markArtifacts(in: doc)
    if let boxes { try PrintFinisher.setBoxes(boxes, in: doc) }
    if let print { try PrintFinisher.makePDFX(doc, settings: print) }
    try doc.writeInPlace()
  }

  /// Step 5 for every page. A page with several content streams gets one new stream with
  /// their concatenation: a marked-content sequence may run from one into the next.
  static func markArtifacts(in doc: QPDFDocument) throws {
    for (n, page) in try doc.pages().enumerated() {
      let content = try doc.pageContent(page)
      let marked: [UInt8]?
      do {
        marked = try ArtifactMarker.mark(content)
      } catch let e as RenderError {
        throw RenderError("page \(n + 1): \(e.message)", hints: e.hints)
      }
      guard let marked else { continue }
      let contents = try doc.key("/Contents", of: page)
      if doc.isStream(contents) {
        try doc.replaceData(of: contents, with: marked)
      } else {
        try doc.set("/Contents", of: page, to: try doc.newStream(marked))
      }
    }
  }
}
