import NaraColour
import NaraModel

/// What making a PDF/X-4 needs besides the file: the printing condition and the exact CMYK
/// of the colours the theme gives in CMYK.
public struct PrintConversion: Sendable {
  public var profile: PrintProfile
  /// Exact CMYK by sRGB value (8 bits a channel, `Colour.hex`).
  public var cmykColours: [String: CMYK]
  public init(profile: PrintProfile, cmykColours: [String: CMYK] = [:]) { self.profile = profile; self.cmykColours = cmykColours }
}

/// Turns Cairo's device-RGB PDF into a PDF/X-4 (ISO 15930-7:2010) print file with libqpdf:
/// page boxes, every colour in the condition's CMYK, images converted, transparency groups
/// blended in CMYK, and the output intent with its embedded profile. The tags, `/Lang` and
/// alternative texts of the accessible PDF stay as they are.
///
/// Clauses covered (ISO 15930-7): 6.2.2 output intent with an embedded CMYK destination
/// profile (`/S /GTS_PDFX`, `/OutputConditionIdentifier`, `/RegistryName`); 6.2.3 no
/// device-dependent RGB left (content operators, image colour spaces, group colour spaces –
/// checked after conversion, an error if any remains); 6.4 `/TrimBox` and `/BleedBox` on every
/// page, inside the MediaBox; 6.7.2 `/ID`; 6.7.4–6.7.5 `GTS_PDFXVersion` and `/Trapped` in Info
/// and XMP, `xmpMM:DocumentID`, `VersionID`, `RenditionClass`; 6.3 fonts embedded (Cairo
/// always embeds subsets; `pdffonts` checks it in the tests).
enum PrintFinisher {
  static func setBoxes(_ boxes: [PageBoxes], in doc: QPDFDocument) throws {
    for (page, b) in zip(try doc.pages(), boxes) {
      try doc.set("/TrimBox", of: page, to: try doc.box(b.trimBox))
      try doc.set("/BleedBox", of: page, to: try doc.box(b.bleedBox))
    }
  }

  static func makePDFX(_ doc: QPDFDocument, settings: PrintConversion) throws {
    let convert = colourConverter(settings)
    // Page content streams, form XObjects (Cairo's groups and masks), images, group spaces.
    var contentStreams = Set<Int>()
    for page in try doc.pages() {
      let contents = try doc.key("/Contents", of: page)
      let streams = doc.isArray(contents) ? try doc.items(contents) : [contents]
      for s in streams where doc.isStream(s) {
        contentStreams.insert(doc.objectID(s))
        try rewrite(s, in: doc, convert: convert, owner: page)
      }
      try blendInCMYK(page, doc)
      try hideLinks(on: page, in: doc)
    }
    for o in try doc.allObjects() {
      let isStream = doc.isStream(o)
      let dict = isStream ? try doc.streamDictionary(o) : o
      guard doc.isDictionary(dict) else { continue }
      if isStream, !contentStreams.contains(doc.objectID(o)) {
        let subtype = try doc.key("/Subtype", of: dict)
        if doc.isName(subtype, "/Form") {
          try rewrite(o, in: doc, convert: convert, owner: dict)
          try blendInCMYK(dict, doc)
        } else if doc.isName(subtype, "/Image") {
          try convertImage(o, dict, in: doc, profile: settings.profile)
        }
      }
      // Gradients: shading dictionaries, indirect or inside a pattern.
      if try doc.hasKey("/ShadingType", dict) { try convertShading(dict, in: doc, convert: convert) }
      let inner = try doc.key("/Shading", of: dict)
      if doc.isDictionary(inner) { try convertShading(inner, in: doc, convert: convert) }
    }
    try addOutputIntent(doc, profile: settings.profile)
    try assertNoDeviceRGB(doc)
  }

  /// Links mean nothing on paper, and PDF/X preflights refuse annotations inside the page
  /// area unless hidden: a print PDF's links get the Hidden flag (and lose Print). They stay
  /// in the file, so the structure tree's references to them still hold.
  static func hideLinks(on page: PDFObject, in doc: QPDFDocument) throws {
    let annots = try doc.key("/Annots", of: page)
    guard doc.isArray(annots) else { return }
    for a in try doc.items(annots) where doc.isDictionary(a) {
      guard doc.isName(try doc.key("/Subtype", of: a), "/Link") else { continue }
      let flags = try doc.integer(try doc.key("/F", of: a)) ?? 0
      try doc.set("/F", of: a, to: try doc.integer((flags | 2) & ~4))
    }
  }

  /// sRGB → CMYK: the theme's own CMYK where it gives one, registration colour for the marks,
  /// else the profile.
  static func colourConverter(_ s: PrintConversion) -> (Double, Double, Double) -> CMYK {
    let registration = Colour.registration.hex
    return { r, g, b in
      let c = Colour(red: r, green: g, blue: b)
      let key = c.hex
      if key == registration { return CMYK(1, 1, 1, 1) }  // where a separation cannot be used
      if let exact = s.cmykColours[key] { return exact }
      return s.profile.cmyk(for: c)
    }
  }

  /// Rewrites one content stream; when it uses the registration colour, `owner`'s resources
  /// (the page or the form) get the `/All` separation it names.
  static func rewrite(_ stream: PDFObject, in doc: QPDFDocument, convert: (Double, Double, Double) -> CMYK,
                      owner: PDFObject? = nil) throws {
    guard let data = try doc.streamData(stream) else {
      throw RenderError("making the print PDF failed: a content stream cannot be decoded")
    }
    let registration = Colour.registration
    let result = try CMYKContent.rewrite(data, convert: convert, isRegistration: { r, g, b in
      abs(r - registration.red) < 0.001 && abs(g - registration.green) < 0.001 && abs(b - registration.blue) < 0.001
    })
    if let converted = result.data { try doc.replaceData(of: stream, with: converted) }
    if result.usedRegistration, let owner { try addRegistrationSpace(to: owner, in: doc) }
  }

  /// `/NaraAll`: the `All` separation (ISO 32000-1 §8.6.6.4), which prints on every plate –
  /// the registration colour prepress software expects for marks.
  static func addRegistrationSpace(to owner: PDFObject, in doc: QPDFDocument) throws {
    var resources = try doc.key("/Resources", of: owner)
    if !doc.isDictionary(resources) {
      resources = try doc.dictionary()
      try doc.set("/Resources", of: owner, to: resources)
    }
    var spaces = try doc.key("/ColorSpace", of: resources)
    if !doc.isDictionary(spaces) {
      spaces = try doc.dictionary()
      try doc.set("/ColorSpace", of: resources, to: spaces)
    }
    let tint = try doc.dictionary()
    try doc.set("/FunctionType", of: tint, to: try doc.integer(2))
    try doc.set("/Domain", of: tint, to: try doc.array([try doc.integer(0), try doc.integer(1)]))
    try doc.set("/C0", of: tint, to: try doc.array((0..<4).map { _ in try doc.integer(0) }))
    try doc.set("/C1", of: tint, to: try doc.array((0..<4).map { _ in try doc.integer(1) }))
    try doc.set("/N", of: tint, to: try doc.integer(1))
    let separation = try doc.array([try doc.name("/Separation"), try doc.name("/All"), try doc.name("/DeviceCMYK"), tint])
    try doc.set("/NaraAll", of: spaces, to: separation)
  }

  /// Transparency groups blend in the press's colour space, not in RGB.
  static func blendInCMYK(_ owner: PDFObject, _ doc: QPDFDocument) throws {
    let group = try doc.key("/Group", of: owner)
    guard doc.isDictionary(group), try doc.hasKey("/CS", group) else { return }
    try doc.set("/CS", of: group, to: try doc.name("/DeviceCMYK"))
  }

  /// A gradient in RGB becomes one in CMYK: the colours its functions interpolate between
  /// (exponential functions, and stitching functions made of them, as Cairo writes) are
  /// converted at their ends. Sampled or PostScript functions stay, and the final sweep then
  /// reports them.
  static func convertShading(_ shading: PDFObject, in doc: QPDFDocument, convert: (Double, Double, Double) -> CMYK) throws {
    guard doc.isName(try doc.key("/ColorSpace", of: shading), "/DeviceRGB") else { return }
    func cmykArray(_ a: PDFObject) throws -> PDFObject? {
      let v = try doc.items(a).compactMap { doc.number($0) }
      guard v.count == 3 else { return nil }
      let c = convert(v[0], v[1], v[2])
      return try doc.array([c.c, c.m, c.y, c.k].map { try doc.real($0, places: 4) })
    }
    func convertFunction(_ f: PDFObject) throws -> Bool {
      let dict = doc.isStream(f) ? try doc.streamDictionary(f) : f
      guard doc.isDictionary(dict) else { return false }
      switch try doc.integer(try doc.key("/FunctionType", of: dict)) {
      case 2:
        // C0 and C1 default to black and white: write both out in CMYK.
        let c0 = try doc.key("/C0", of: dict), c1 = try doc.key("/C1", of: dict)
        let zero = doc.isArray(c0) ? try cmykArray(c0) : try doc.array([0, 0, 0, 1].map { try doc.real($0) })
        let one = doc.isArray(c1) ? try cmykArray(c1) : try doc.array([0, 0, 0, 0].map { try doc.real($0) })
        guard let zero, let one else { return false }
        try doc.set("/C0", of: dict, to: zero)
        try doc.set("/C1", of: dict, to: one)
        if try doc.hasKey("/Range", dict) { try doc.removeKey("/Range", of: dict) }
        return true
      case 3:
        let parts = try doc.items(try doc.key("/Functions", of: dict))
        var ok = !parts.isEmpty
        for part in parts { ok = try convertFunction(part) && ok }
        if try doc.hasKey("/Range", dict) { try doc.removeKey("/Range", of: dict) }
        return ok
      default:
        return false
      }
    }
    let function = try doc.key("/Function", of: shading)
    let functions = doc.isArray(function) ? try doc.items(function) : [function]
    guard functions.count == 1, try convertFunction(functions[0]) else { return }
    let background = try doc.key("/Background", of: shading)
    if doc.isArray(background), let b = try cmykArray(background) { try doc.set("/Background", of: shading, to: b) }
    try doc.set("/ColorSpace", of: shading, to: try doc.name("/DeviceCMYK"))
  }

  /// An RGB image becomes a CMYK image through the profile (lossless: Flate). Its soft mask
  /// (alpha, DeviceGray) stays.
  static func convertImage(_ image: PDFObject, _ dict: PDFObject, in doc: QPDFDocument, profile: PrintProfile) throws {
    let space = try doc.key("/ColorSpace", of: dict)
    guard doc.isName(space, "/DeviceRGB") else { return }
    guard let w = try doc.integer(try doc.key("/Width", of: dict)), let h = try doc.integer(try doc.key("/Height", of: dict)),
          try doc.integer(try doc.key("/BitsPerComponent", of: dict)) == 8, w > 0, h > 0, w <= 30_000, h <= 30_000
    else { throw RenderError("making the print PDF failed: an RGB image with a size or depth naraprint cannot convert") }
    guard let pixels = try doc.streamData(image, all: true), pixels.count >= w * h * 3 else {
      throw RenderError("making the print PDF failed: an RGB image cannot be decoded for conversion to CMYK")
    }
    let cmyk = profile.convert(rgb: pixels, pixels: w * h)
    try doc.replaceData(of: image, with: cmyk)
    try doc.set("/ColorSpace", of: dict, to: try doc.name("/DeviceCMYK"))
    if try doc.hasKey("/Decode", dict) { try doc.removeKey("/Decode", of: dict) }
  }

  static func addOutputIntent(_ doc: QPDFDocument, profile: PrintProfile) throws {
    let icc = try doc.newStream(profile.data)
    try doc.set("/N", of: try doc.streamDictionary(icc), to: try doc.integer(4))
    let intent = try doc.dictionary()
    try doc.set("/Type", of: intent, to: try doc.name("/OutputIntent"))
    try doc.set("/S", of: intent, to: try doc.name("/GTS_PDFX"))
    try doc.set("/OutputConditionIdentifier", of: intent, to: try doc.string(profile.condition))
    try doc.set("/OutputCondition", of: intent, to: try doc.unicodeString(profile.info))
    try doc.set("/RegistryName", of: intent, to: try doc.string("http://www.color.org"))
    try doc.set("/Info", of: intent, to: try doc.unicodeString(profile.info))
    try doc.set("/DestOutputProfile", of: intent, to: icc)
    try doc.set("/OutputIntents", of: try doc.root(), to: try doc.array([intent]))
  }

  /// No device RGB may remain (ISO 15930-7 6.2.3): a colour space naraprint did not convert
  /// is an error, never a silently wrong print file.
  static func assertNoDeviceRGB(_ doc: QPDFDocument) throws {
    for o in try doc.allObjects() {
      let dict = doc.isStream(o) ? try doc.streamDictionary(o) : o
      guard doc.isDictionary(dict) else { continue }
      let shading = try doc.key("/Shading", of: dict)
      for (holder, key) in [(dict, "/ColorSpace"), (dict, "/CS"), (shading, "/ColorSpace")] where doc.isDictionary(holder) {
        guard try doc.hasKey(key, holder) else { continue }
        if doc.isName(try doc.key(key, of: holder), "/DeviceRGB") {
          throw RenderError("making the print PDF failed: object \(doc.objectID(o)) still uses DeviceRGB (\(key))",
                            hints: ["this kind of artwork cannot be converted to CMYK yet; render without --print"])
        }
      }
    }
  }
}
