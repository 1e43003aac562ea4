internal import CGLib
import Foundation

/// The temporary files being written right now, process-wide, so that SIGINT, SIGTERM and
/// SIGHUP do not leave `.partial-PID` files behind: `installSignalCleanup()` (once, at the
/// start of the program) installs a handler that unlinks every live one and then dies of the
/// same signal, with its default action (the exit status still says which signal it was).
///
/// The handler may only do async-signal-safe work, so the registry is a fixed table
/// allocated once: `capacity` slots of `pathCapacity` bytes, each with a state word changed
/// only with atomic operations (GLib's, full barriers). No locks, no allocation and no Swift
/// runtime calls happen in the handler – only atomic loads and stores, `unlink`, `signal`
/// and `raise`. A path that does not fit (too long, table full) is still written, just not
/// cleaned up on a signal.
public enum TemporaryFiles {
  static let capacity = 1024
  static let pathCapacity = 4096

  private enum State: gint { case free = 0, writing = 1, live = 2, cleaning = 3 }

  /// One block: `capacity` state words, then `capacity` path buffers. Allocated once and never
  /// freed (the handler may read it at any moment).
  private nonisolated(unsafe) static let states: UnsafeMutablePointer<gint> = {
    let p = UnsafeMutablePointer<gint>.allocate(capacity: capacity)
    p.initialize(repeating: State.free.rawValue, count: capacity)
    return p
  }()
  private nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
    // calloc: the pages are only touched when a slot is used.
    calloc(capacity * pathCapacity, 1)!.assumingMemoryBound(to: CChar.self)
  }()
  /// Only register/unregister take it; the handler never does.
  private static let lock = NSLock()

  /// A registered path; give it back to `unregister` when the file is renamed or removed.
  public struct Token: Sendable { let slot: Int }

  /// Adds `path` to the files removed on a signal; nil when it cannot be tracked.
  public static func register(_ path: String) -> Token? {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty, bytes.count < pathCapacity, !bytes.contains(0) else { return nil }
    lock.lock()
    defer { lock.unlock() }
    for slot in 0..<capacity where g_atomic_int_get(states + slot) == State.free.rawValue {
      g_atomic_int_set(states + slot, State.writing.rawValue)
      let buffer = paths + slot * pathCapacity
      bytes.withUnsafeBufferPointer { b in
        UnsafeMutableRawPointer(buffer).copyMemory(from: b.baseAddress!, byteCount: b.count)
      }
      buffer[bytes.count] = 0
      // Live only once the whole path is in place.
      g_atomic_int_set(states + slot, State.live.rawValue)
      return Token(slot: slot)
    }
    return nil
  }

  /// The file is no longer temporary (renamed into place, or removed).
  public static func unregister(_ token: Token?) {
    guard let token else { return }
    lock.lock()
    defer { lock.unlock() }
    // Fails only if the handler is cleaning up this slot: the process is ending then.
    _ = g_atomic_int_compare_and_exchange(states + token.slot, State.live.rawValue, State.free.rawValue)
  }

  /// The paths registered now (for tests).
  static var livePaths: [String] {
    lock.lock()
    defer { lock.unlock() }
    return (0..<capacity).filter { g_atomic_int_get(states + $0) == State.live.rawValue }
      .map { String(cString: paths + $0 * pathCapacity) }
  }

  /// Removes every live temporary file. Async-signal-safe.
  static func removeAll() {
    for slot in 0..<capacity where g_atomic_int_compare_and_exchange(states + slot, State.live.rawValue, State.cleaning.rawValue) != 0 {
      unlink(paths + slot * pathCapacity)
    }
  }

  private static let installed = NSLock()
  private nonisolated(unsafe) static var isInstalled = false

  /// Installs the handler for SIGINT, SIGTERM and SIGHUP (once; later calls do nothing), and
  /// unblocks them in the calling thread (call it first thing in the program, before other
  /// threads start). A signal the process was started with ignored stays ignored.
  /// `evenIfIgnored`: also catch a signal the process was started with ignored (`watch`,
  /// which must stop on Ctrl-C whoever started it).
  public static func installSignalCleanup(evenIfIgnored: Bool = false) {
    installed.lock()
    defer { installed.unlock() }
    guard !isInstalled || evenIfIgnored else { return }
    isInstalled = true
    // Touch the table now, so that the handler never runs a lazy initialiser.
    _ = states; _ = paths
    // A signal mask is inherited across exec: a parent that had these blocked (Foundation's
    // Process, started from a thread that blocks them, does) would make them no-ops. Unblock
    // them here, at the start, so every thread started later inherits the unblocked mask.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(sig, { sig in
        TemporaryFiles.removeAll()
        // The default action, delivered as soon as the handler returns (the signal is
        // blocked until then): the process ends as if there had been no handler.
        signal(sig, SIG_DFL)
        raise(sig)
      })
      if !evenIfIgnored, let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        signal(sig, SIG_IGN)
      }
    }
  }
}
