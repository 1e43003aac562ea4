/// The bounds naraprint keeps to, whatever its input: files come from other people (a unit's
/// CSV, a translator's .po), so every loop and every allocation is bounded by one of these.
/// The README's “Limits” table lists them with what to do when a real product needs more.
public enum Limits {
  /// A layout, theme, component library or kit file (YAML). The shipped poster with its
  /// component is 40 KB.
  public static let yamlFileBytes = 4 << 20
  /// Values in one YAML file after its aliases (`*name`) are expanded: catches “billion
  /// laughs” files, which are small but expand exponentially. The poster has about 3,000.
  public static let yamlNodes = 400_000
  /// A translation (.po) or data (.csv) file.
  public static let translationFileBytes = 20 << 20
  /// An image file (PNG, JPEG, SVG).
  public static let imageFileBytes = 64 << 20
  /// Items in one layout after components are expanded (the poster: about 300).
  public static let items = 20_000
  /// Items inside items (groups, stacks, rows, grids and placed components).
  public static let nesting = 32
  /// Components placed inside components.
  public static let componentDepth = 12
  /// Pages of one layout.
  public static let pages = 500
  /// Sheets of one kit.
  public static let kitSheets = 100
  /// The largest page side, and the largest length anywhere (10 m: a roll-up banner is 2 m).
  public static let maxLengthPoints = 10_000.0 / 25.4 * 72
  /// Font sizes, in points.
  public static let fontSize: ClosedRange<Double> = 1...1000
  /// One paragraph, after variables and translation: bounds the work of setting it.
  public static let paragraphCharacters = 20_000
  /// A value from `--set` or a CSV cell, in characters.
  public static let variableLength = 10_000
}
