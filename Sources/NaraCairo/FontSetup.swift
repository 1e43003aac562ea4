import CPangoCairo
import Foundation
import NaraModel

/// The project's fonts: a fontconfig configuration read from `fonts/fonts.conf` and a Pango
/// font map that sees only it. One per renderer; not shared between threads.
final class FontSetup {
  let fontMap: UnsafeMutablePointer<PangoFontMap>
  let context: OpaquePointer
  private let config: OpaquePointer

  init(configFile: String) throws {
    guard FileManager.default.fileExists(atPath: configFile) else {
      throw RenderError("font configuration not found: \(configFile)", hints: ["run naraprint from its checkout, or set NARAPRINT_FONTS to its fonts/ folder"])
    }
    guard let config = FcConfigCreate() else { throw RenderError("FcConfigCreate failed") }
    guard FcConfigParseAndLoad(config, configFile, 1) != 0 else {
      FcConfigDestroy(config)
      throw RenderError("fontconfig could not read \(configFile)")
    }
    guard FcConfigBuildFonts(config) != 0 else {
      FcConfigDestroy(config)
      throw RenderError("fontconfig could not build the font list from \(configFile)")
    }
    self.config = config
    Self.makeProcessDefault(config)
    guard let map = pango_cairo_font_map_new() else { throw RenderError("pango_cairo_font_map_new failed") }
    fontMap = map
    let raw = UnsafeMutableRawPointer(map)
    // The font map takes its own reference to the configuration.
    pango_fc_font_map_set_config(OpaquePointer(raw), config)
    // Sizes in points: user space is 72 units per inch.
    pango_cairo_font_map_set_resolution(OpaquePointer(raw), 72)
    guard let ctx = pango_font_map_create_context(map) else { throw RenderError("pango_font_map_create_context failed") }
    context = ctx
    // Identical line breaks in PDF and PNG: no hinted metrics, no rounding to whole points
    // (cairo-pango-notes.md, pitfalls 6 and 7).
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(ctx, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(ctx, 0)
  }

  private static let processDefault = NSLock()
  nonisolated(unsafe) private static var processDefaultSet = false

  /// Makes the first configuration built in this process fontconfig's current one, before the
  /// first Pango font map exists. Pango starts a thread that calls `FcInit()` when its first
  /// font map is made; with no current configuration that reads the system's /etc/fonts and
  /// the caches of every system font directory (~10–20 ms and a second core) although no
  /// renderer uses them. With ours current, `FcInit()` has nothing to do, and anything that
  /// asks fontconfig for its default (cairo's fallback, librsvg's text) sees only the
  /// project's fonts too. The current configuration holds its own reference, so it outlives
  /// this renderer's `FcConfigDestroy`.
  private static func makeProcessDefault(_ config: OpaquePointer) {
    processDefault.withLock {
      guard !processDefaultSet else { return }
      processDefaultSet = FcConfigSetCurrent(config) != 0
    }
  }

  deinit {
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(UnsafeMutableRawPointer(fontMap))
    FcConfigDestroy(config)
  }

  /// Families the configuration offers (for `check` and error hints).
  func hasFamily(_ family: String) -> Bool {
    var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
    var count: Int32 = 0
    pango_font_map_list_families(fontMap, &families, &count)
    defer { g_free(families) }
    guard let families else { return false }
    for i in 0..<Int(count) {
      if let name = pango_font_family_get_name(families[i]), String(cString: name).lowercased() == family.lowercased() { return true }
    }
    return false
  }
}
