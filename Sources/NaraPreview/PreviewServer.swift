import FlyingFox
import FlyingSocks
import Foundation
import NaraModel

/// `watch --serve`: the live preview's web server (FlyingFox). It serves the page (plain
/// HTML, CSS and JS from the binary), the state as JSON, each page as SVG and a PNG
/// thumbnail, source lines for click-to-source, and a WebSocket that says when there is a new
/// state. It never serves a file by the path asked for: `/api/source` shows lines only of
/// files the last render read, inside the project.
///
/// Bound to 127.0.0.1 unless `--host` says otherwise. A request must name this server in its
/// `Host` header (a page elsewhere cannot reach it through a DNS name that points at
/// 127.0.0.1), and a request that changes settings or opens the WebSocket must come from this
/// server's own page (`Origin`).
public final class PreviewServer: Sendable {
  public let host: String
  let store: PreviewStore
  let server: HTTPServer
  private let boundPort = Locked<UInt16>(0)

  public init(store: PreviewStore, host: String = "127.0.0.1", port: UInt16) throws {
    self.store = store
    self.host = host
    let address: any SocketAddress
    if host.contains(":") {
      address = try sockaddr_in6.inet6(ip6: host, port: port)
    } else {
      address = try sockaddr_in.inet(ip4: host, port: port)
    }
    server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 30, logger: .disabled))
  }

  /// The port the server listens on (the one the system chose for port 0).
  public var port: UInt16 { boundPort.value }

  /// The address to open in a browser.
  public var url: String {
    let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
    return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
  }

  /// Starts listening; returns once the socket is bound (or throws why it could not be).
  public func start() async throws {
    var router = PreviewRouter(store: store, allowedHosts: { [boundPort, host] in PreviewServer.allowedHosts(host: host, port: boundPort.value) })
    router.openToNetwork = host == "0.0.0.0" || host == "::"
    await server.appendRoute("*", to: router)
    let failure = Locked<String?>(nil)
    let running = Task { [server] in
      do { try await server.run() } catch { failure.set(Self.reason(error)) }
    }
    // Listening, or `run` failed to bind (the port is taken, the address is not this
    // machine's): polled, because FlyingFox's own wait sees only success.
    for _ in 0..<500 {
      switch await server.listeningAddress {
      case .ip4(_, let port)?, .ip6(_, let port)?:
        boundPort.set(port)
        return
      default: break
      }
      if let reason = failure.value { throw PreviewError.cannotListen(host: host, reason: reason) }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    running.cancel()
    throw PreviewError.cannotListen(host: host, reason: "the server did not start within 5 seconds")
  }

  /// The system's words for a socket error (`Address already in use`).
  static func reason(_ error: Error) -> String {
    let text = "\(error)"
    if let range = text.range(of: #"message: ""#), let end = text[range.upperBound...].firstIndex(of: "\"") {
      return String(text[range.upperBound..<end])
    }
    return text
  }

  public func stop() async { await server.stop(timeout: 1) }

  /// An IPv4 or IPv6 address written out (`127.0.0.1`, `::1`), not a name.
  public static func isAddress(_ text: String) -> Bool {
    var v4 = in_addr(), v6 = in6_addr()
    return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
  }

  /// `Host` values this server answers to.
  static func allowedHosts(host: String, port: UInt16) -> Set<String> {
    var hosts: Set<String> = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
    if host != "0.0.0.0" && host != "::" { hosts.insert(host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)") }
    return hosts
  }
}

public enum PreviewError: Error, CustomStringConvertible {
  case cannotListen(host: String, reason: String)
  public var description: String {
    switch self {
    case .cannotListen(let host, let reason): "cannot serve the preview on \(host): \(reason)"
    }
  }
}

/// A value shared between threads behind a lock.
public final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  public init(_ value: Value) { stored = value }
  public var value: Value { lock.withLock { stored } }
  public func set(_ value: Value) { lock.withLock { stored = value } }
}
