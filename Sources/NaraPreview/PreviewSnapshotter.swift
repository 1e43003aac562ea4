import Foundation
import NaraCairo
import NaraLoader
import NaraModel
import NaraPageTree
import NaraPipeline

/// Turns a watch session's render into the preview's state: each page as SVG and a small
/// PNG, its text blocks, the locales and variables in use.
final class PreviewSnapshotter {
  let layout: String
  let output: String
  /// The pages drawn last time, by number: a page that comes out the same (most pages, after
  /// an edit on one) is not drawn again.
  private var drawn: [Int: (page: RenderedPage, preview: PreviewPage)] = [:]

  init(layout: String, output: String) {
    self.layout = layout; self.output = output
  }
  /// Thumbnails are this many pixels wide.
  static let thumbnailWidth = 160.0

  func good(report: RenderReport, pipeline: Pipeline, settings: WatchSettings, options: RenderOptions, rows: [String],
            milliseconds: Int, inputs: [String]) -> PreviewState {
    var state = base(settings: settings, inputs: inputs)
    state.ok = true
    state.diagnostics = report.warnings
    state.milliseconds = milliseconds
    state.rows = rows
    var pages: [PreviewPage] = []
    var kept: [Int: (page: RenderedPage, preview: PreviewPage)] = [:]
    for (i, page) in report.pages.enumerated() {
      if let old = drawn[i + 1], old.page == page {
        pages.append(old.preview)
        kept[i + 1] = old
        continue
      }
      do {
        let svg = try pipeline.renderer.svg(page)
        let thumbnail = try pipeline.renderer.png(page, dpi: Self.thumbnailWidth / page.size.width * 72)
        let preview = PreviewPage(number: i + 1, width: page.size.width, height: page.size.height, svg: svg, thumbnail: thumbnail,
                                  blocks: PageInspection.textBlocks(page))
        pages.append(preview)
        kept[i + 1] = (page, preview)
      } catch {
        state.diagnostics.append(.warning(.renderFailure, "the preview of page \(i + 1) could not be drawn: \(error)"))
      }
    }
    state.pages = pages
    drawn = kept
    // The variables the layout uses, with the values this render gave them.
    var probe = LayoutLoader(variables: [:])
    probe.cache = pipeline.yamlCache
    let names = probe.variablesNeeded(path: layout).union(options.variables.keys)
    state.variables = names.sorted().map { VariableValue(name: $0, value: options.variables[$0] ?? "") }
    return state
  }

  func failed(_ diagnostics: [Diagnostic], settings: WatchSettings, previous: PreviewState, inputs: [String]) -> PreviewState {
    var state = base(settings: settings, inputs: Array(Set(inputs).union(previous.inputs)).sorted())
    state.ok = false
    state.diagnostics = diagnostics
    state.pages = previous.pages
    state.variables = previous.variables
    state.rows = previous.rows
    state.milliseconds = previous.milliseconds
    return state
  }

  private func base(settings: WatchSettings, inputs: [String]) -> PreviewState {
    var state = PreviewState()
    state.layout = LayoutLoader.displayPath(layout)
    state.output = LayoutLoader.displayPath(output)
    state.settings = settings
    state.locales = Pipeline.availableLocales(for: layout)
    state.inputs = inputs
    state.time = Date()
    return state
  }
}
