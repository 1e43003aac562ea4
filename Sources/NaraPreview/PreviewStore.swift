import Foundation
import NaraModel
import NaraPageTree

/// One page of the preview: drawn as SVG (sharp at any zoom) and as a small PNG for the
/// thumbnail strip, with its text blocks for click-to-source.
public struct PreviewPage: Sendable {
  public var number: Int
  /// In points.
  public var width: Double
  public var height: Double
  public var svg: Data
  public var thumbnail: Data
  public var blocks: [PageInspection.TextBlock]
}

/// A variable the layout uses and the value the render gave it ("" when unset).
public struct VariableValue: Sendable, Hashable, Codable {
  public var name: String
  public var value: String
}

/// What the preview page shows: the last good pages, the latest attempt's diagnostics and
/// the settings in use.
public struct PreviewState: Sendable {
  /// Counts every attempt (the page reloads its state when it changes).
  public var generation = 0
  /// The generation whose render drew `pages` (image addresses carry it, so a browser never
  /// shows a stale cached page).
  public var pagesGeneration = 0
  /// Whether the latest attempt was written; when not, `pages` are the last good ones.
  public var ok = false
  public var pages: [PreviewPage] = []
  /// The latest attempt's errors, or its warnings when it was written.
  public var diagnostics: [Diagnostic] = []
  public var layout = ""
  public var output = ""
  public var milliseconds = 0
  public var settings = WatchSettings()
  /// Translations that exist for the layout (`locales/<tag>.po`).
  public var locales: [String] = []
  public var variables: [VariableValue] = []
  /// Labels of the `--data` rows (their first column), when there is a CSV.
  public var rows: [String] = []
  /// Absolute paths of the files the render read: the only files `/api/source` shows.
  public var inputs: [String] = []
  public var time = Date()
  public init() {}
}

/// The preview's shared state between the watch loop (one thread, which alone renders) and
/// the server's connections (many tasks): the latest state, the connections waiting for the
/// next one, and a request from the page for other settings.
public final class PreviewStore: @unchecked Sendable {
  private let lock = NSLock()
  private var current = PreviewState()
  /// The state before the last new pages: a browser that read the state just before a render
  /// may still ask for those pages' images.
  private var older: PreviewState?
  private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
  private var nextListener = 0
  private var pending: WatchSettings?
  private let wake = DispatchSemaphore(value: 0)

  public init() {}

  public var state: PreviewState { lock.withLock { current } }

  /// Makes `state` the current one (numbering it) and tells every listener.
  public func publish(_ state: PreviewState) {
    let generation: Int = lock.withLock {
      var s = state
      s.generation = current.generation + 1
      if s.ok {
        s.pagesGeneration = s.generation
        older = current
      } else {
        s.pagesGeneration = current.pagesGeneration
      }
      current = s
      return s.generation
    }
    for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(generation) }
  }

  /// A page drawn in generation `generation`, if it is still kept.
  public func page(generation: Int, number: Int) -> PreviewPage? {
    lock.withLock {
      for s in [current, older].compactMap({ $0 }) where s.pagesGeneration == generation {
        return s.pages.first { $0.number == number }
      }
      return nil
    }
  }

  /// Generations as they are published, until `stopListening`.
  public func listen() -> (id: Int, generations: AsyncStream<Int>) {
    lock.withLock {
      let id = nextListener
      nextListener += 1
      let stream = AsyncStream<Int>(bufferingPolicy: .bufferingNewest(1)) { listeners[id] = $0 }
      return (id, stream)
    }
  }

  public func stopListening(_ id: Int) {
    let listener = lock.withLock { listeners.removeValue(forKey: id) }
    listener?.finish()
  }

  public var listenerCount: Int { lock.withLock { listeners.count } }

  /// Asks the watch loop to render with other settings (the latest request wins).
  public func request(_ settings: WatchSettings) {
    lock.withLock { pending = settings }
    wake.signal()
  }

  /// The watch loop's wait: a request from the page, or nil after `waiting` seconds.
  public func takeRequest(waiting: TimeInterval) -> WatchSettings? {
    _ = wake.wait(timeout: .now() + waiting)
    return lock.withLock {
      defer { pending = nil }
      return pending
    }
  }
}
