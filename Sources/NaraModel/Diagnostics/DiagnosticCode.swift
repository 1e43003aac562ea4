/// Every diagnostic naraprint gives has one of these codes, grouped by the step that finds it:
///
/// - `NP01xx` reading files (YAML syntax, encodings, paths)
/// - `NP02xx` layout values (keys, sizes, ids, components)
/// - `NP03xx` variables and markup
/// - `NP04xx` translations and .po files
/// - `NP05xx` CSV data and batches
/// - `NP06xx` layout (overflow, anchors, QR codes)
/// - `NP07xx` checks on the laid-out pages (collisions, contrast, print)
/// - `NP08xx` fonts, images, rendering
/// - `NP09xx` the command line
///
/// A code never changes meaning once released; a retired code is not reused. The title,
/// explanation, example and fix of each are in `DiagnosticCode.info` (docs/diagnostics.md is
/// generated from it).
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  // NP01xx reading files
  case fileUnreadable = "NP0100"
  case yamlSyntax = "NP0101"
  case yamlDuplicateKey = "NP0102"
  case notYAML = "NP0103"
  // NP02xx layout values
  case invalidValue = "NP0200"
  case wrongValueKind = "NP0201"
  case missingSection = "NP0202"
  case tooMany = "NP0203"
  case pageSetup = "NP0204"
  case languageTag = "NP0205"
  case duplicateID = "NP0206"
  case unknownItem = "NP0207"
  case duplicateComponent = "NP0208"
  case unusedComponent = "NP0209"
  case unusedStory = "NP0210"
  case yamlAlias = "NP0211"
  case unknownKey = "NP0212"
  case notANumber = "NP0213"
  case outOfRange = "NP0214"
  case notAllowed = "NP0215"
  case invalidLength = "NP0216"
  case unknownName = "NP0217"
  // NP03xx variables and markup
  case unsetVariable = "NP0301"
  case unclosedVariable = "NP0302"
  case variableFormat = "NP0303"
  case unclosedEmphasis = "NP0304"
  case invalidLink = "NP0305"
  case markupSyntax = "NP0306"
  // NP04xx translations
  case poSyntax = "NP0400"
  case poEncoding = "NP0401"
  case catalogUnreadable = "NP0402"
  case translationMismatch = "NP0403"
  case untranslated = "NP0404"
  case fuzzyTranslation = "NP0405"
  case changedSource = "NP0406"
  case unknownLocale = "NP0407"
  case derivedTextID = "NP0408"
  case noTranslatableFiles = "NP0409"
  // NP05xx CSV and batches
  case csvUnreadable = "NP0500"
  case csvEncoding = "NP0501"
  case csvSyntax = "NP0502"
  case missingColumn = "NP0503"
  case emptyCell = "NP0504"
  case noRows = "NP0505"
  // NP06xx layout
  case overflow = "NP0601"
  case shrunk = "NP0602"
  case anchor = "NP0603"
  case missingGlyphs = "NP0604"
  case qrCode = "NP0605"
  case belowMinimumSize = "NP0606"
  // NP07xx checks
  case textOverlap = "NP0701"
  case textOnArtwork = "NP0702"
  case clearance = "NP0703"
  case sameBaseline = "NP0704"
  case outsideTrim = "NP0705"
  case safeArea = "NP0706"
  case hidden = "NP0707"
  case forcedBreak = "NP0708"
  case lowContrast = "NP0709"
  case lowResolution = "NP0710"
  case hairline = "NP0711"
  case shortOfBleed = "NP0712"
  case inkLimit = "NP0713"
  case printSummary = "NP0714"
  // NP08xx fonts, images, rendering
  case unknownFont = "NP0801"
  case imageUnreadable = "NP0802"
  case renderFailure = "NP0803"
  case typographyData = "NP0804"
  case pdfContent = "NP0805"
  // NP09xx command line
  case outputIsInput = "NP0901"
  case invalidOption = "NP0902"

  public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

  /// The code for `NP0123` (case-insensitive, `0123` and `123` too); nil for an unknown one.
  public init?(parsing text: String) {
    var digits = text.uppercased()
    if digits.hasPrefix("NP") { digits.removeFirst(2) }
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isNumber) else { return nil }
    self.init(rawValue: "NP" + String(repeating: "0", count: 4 - digits.count) + digits)
  }

  /// The stage a code belongs to, by its hundreds.
  public var group: String {
    switch rawValue.dropFirst(2).prefix(2) {
    case "01": "Reading files"
    case "02": "Layout values"
    case "03": "Variables and markup"
    case "04": "Translations"
    case "05": "CSV data and batches"
    case "06": "Layout"
    case "07": "Checks on the laid-out pages"
    case "08": "Fonts, images and rendering"
    default: "The command line"
    }
  }
}
