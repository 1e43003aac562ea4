import Foundation

/// Where a render's time goes (`naraprint render --timings`): each step's wall-clock time,
/// recorded only when switched on, printed as a table at the end. Like Typst's `--timings`,
/// for a user asking why a render is slow and for us profiling a whole process.
public final class Timings: @unchecked Sendable {
  public static let shared = Timings()

  private let lock = NSLock()
  private var on = false
  private var steps: [(name: String, milliseconds: Double)] = []
  private let origin = ContinuousClock.now

  public var enabled: Bool {
    get { lock.withLock { on } }
    set { lock.withLock { on = newValue } }
  }

  /// Runs `body`, recording its time under `name` when switched on (steps of the same name
  /// add up: a kit's sheets, a batch's rows).
  public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    guard enabled else { return try body() }
    let start = ContinuousClock.now
    defer { record(name, since: start) }
    return try body()
  }

  private func record(_ name: String, since start: ContinuousClock.Instant) {
    let ms = Self.milliseconds(ContinuousClock.now - start)
    lock.withLock {
      if let i = steps.firstIndex(where: { $0.name == name }) { steps[i].milliseconds += ms } else { steps.append((name, ms)) }
    }
  }

  private static func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }

  /// The steps in the order they first ran, with the time since the timer started.
  public func report() -> String {
    let totalMS = Self.milliseconds(ContinuousClock.now - origin)
    let rows = lock.withLock { steps }
    let width = max(24, (rows.map(\.name.count).max() ?? 0) + 2)
    var out = ""
    for (name, ms) in rows {
      out += name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "%8.1f ms\n", ms)
    }
    out += "since main".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "%8.1f ms\n", totalMS)
    return out
  }
}
