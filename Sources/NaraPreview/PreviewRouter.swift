import FlyingFox
import Foundation
import NaraModel

/// Every request of the preview server. Addresses are matched whole; nothing is looked up
/// on disk by the address.
///
/// | method and address          | answer |
/// |-----------------------------|--------|
/// | GET /                       | the page (`PreviewAssets`) |
/// | GET /preview.css, .js       | its style and script |
/// | GET /api/state              | the state as JSON (`PreviewJSON`) |
/// | GET /pages/GEN/N.svg        | page N drawn in generation GEN |
/// | GET /thumbs/GEN/N.png       | its thumbnail |
/// | GET /api/source?file=&line= | lines around `line` of a file the render read |
/// | POST /api/settings          | `{locale, row, variables}`: render with these |
/// | GET /events                 | WebSocket: `{"generation": N}` on every new state |
struct PreviewRouter: HTTPHandler {
  let store: PreviewStore
  let allowedHosts: @Sendable () -> Set<String>
  /// Bound to every interface (`--host 0.0.0.0`): other machines reach it by an IP address.
  var openToNetwork = false
  /// The largest settings request read.
  static let maximumBody = 64 * 1024

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    let hosts = allowedHosts()
    guard let host = request.headers[.host]?.lowercased(), hosts.contains(host) || (openToNetwork && Self.isAddressLiteral(host, of: hosts))
    else {
      return Self.text(.misdirectedRequest, "this preview answers only to \(hosts.sorted().joined(separator: ", "))")
    }
    // A page from anywhere else may not change settings or listen (a browser sends Origin).
    if let origin = request.headers[HTTPHeader("Origin")], origin.lowercased() != "http://\(host)",
       request.method != .GET || request.path == "/events"
    {
      return Self.text(.forbidden, "requests from other sites are refused")
    }
    let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    switch (request.method, request.path) {
    case (.GET, "/"): return Self.asset(PreviewAssets.html, type: "text/html; charset=utf-8")
    case (.GET, "/preview.css"): return Self.asset(PreviewAssets.css, type: "text/css; charset=utf-8")
    case (.GET, "/preview.js"): return Self.asset(PreviewAssets.script, type: "text/javascript; charset=utf-8")
    case (.GET, "/api/state"): return Self.json(PreviewJSON.state(store.state))
    case (.GET, "/api/source"): return source(request)
    case (.POST, "/api/settings"): return try await settings(request)
    case (.GET, "/events"):
      return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: GenerationFeed(store: store))).handleRequest(request)
    case (_, "/"), (_, "/api/state"), (_, "/api/source"), (_, "/api/settings"), (_, "/events"):
      return Self.text(.methodNotAllowed, "method not allowed")
    default:
      if request.method == .GET, parts.count == 3, parts[0] == "pages" || parts[0] == "thumbs" {
        return image(generation: parts[1], file: parts[2], thumbnail: parts[0] == "thumbs")
      }
      return Self.text(.notFound, "not found")
    }
  }

  /// `192.0.2.7:7373` or `[fe80::1]:7373` with this server's port: an address, which no DNS
  /// name can stand in for (DNS rebinding needs a name).
  static func isAddressLiteral(_ host: String, of allowed: Set<String>) -> Bool {
    guard let colon = host.lastIndex(of: ":"), let port = allowed.first?.split(separator: ":").last,
      host[host.index(after: colon)...] == port
    else { return false }
    var name = String(host[..<colon])
    if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
    return PreviewServer.isAddress(name)
  }

  private func image(generation: String, file: String, thumbnail: Bool) -> HTTPResponse {
    let ext = thumbnail ? ".png" : ".svg"
    guard let gen = Int(generation), file.hasSuffix(ext), let number = Int(file.dropLast(ext.count)),
      let page = store.page(generation: gen, number: number)
    else { return Self.text(.notFound, "no such page (the preview has moved on: reload the state)") }
    // The address names the generation: its pages never change.
    return Self.respond(.ok, type: thumbnail ? "image/png" : "image/svg+xml", cache: "private, max-age=3600, immutable",
                        body: thumbnail ? page.thumbnail : page.svg)
  }

  private func source(_ request: HTTPRequest) -> HTTPResponse {
    let query = Dictionary(request.query.map { ($0.name, $0.value) }) { a, _ in a }
    guard let file = query["file"], let line = query["line"].flatMap(Int.init), line > 0 else {
      return Self.text(.badRequest, "give file= and line=")
    }
    switch SourceExcerpt.read(file: file, line: line, allowed: store.state.inputs) {
    case .success(let excerpt): return Self.json(PreviewJSON.source(excerpt))
    case .failure(let refusal): return Self.text(.forbidden, refusal.message)
    }
  }

  private func settings(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard let length = request.headers[.contentLength].flatMap(Int.init) else {
      return Self.text(.lengthRequired, "a settings request needs a Content-Length")
    }
    guard length <= Self.maximumBody else { return Self.text(.payloadTooLarge, "a settings request is at most 64 KB") }
    let body = try await request.bodyData
    switch SettingsRequest.parse(body, state: store.state) {
    case .success(let settings):
      store.request(settings)
      return Self.json(Data(#"{"accepted":true}"#.utf8))
    case .failure(let problem):
      return Self.text(.unprocessableContent, problem.message)
    }
  }

  // MARK: Responses

  static let secureHeaders: HTTPHeaders = [
    HTTPHeader("X-Content-Type-Options"): "nosniff",
    HTTPHeader("Referrer-Policy"): "no-referrer",
    HTTPHeader("Content-Security-Policy"): "default-src 'self'; img-src 'self' data:; connect-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  ]

  /// Every answer: the secure headers, its type and, when given, how long it may be cached.
  static func respond(_ status: HTTPStatusCode, type: String, cache: String? = nil, body: Data) -> HTTPResponse {
    var headers = secureHeaders
    headers[.contentType] = type
    if let cache { headers[.cacheControl] = cache }
    return HTTPResponse(statusCode: status, headers: headers, body: body)
  }

  static func asset(_ text: String, type: String) -> HTTPResponse {
    respond(.ok, type: type, cache: "no-cache", body: Data(text.utf8))
  }

  static func json(_ data: Data) -> HTTPResponse {
    respond(.ok, type: "application/json; charset=utf-8", cache: "no-store", body: data)
  }

  static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
    respond(status, type: "text/plain; charset=utf-8", body: Data((message + "\n").utf8))
  }
}

/// The WebSocket's messages: the current generation on connecting, then each new one. What
/// the page sends is read only to notice that it went away.
struct GenerationFeed: WSMessageHandler {
  let store: PreviewStore

  func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
    let (id, generations) = store.listen()
    let store = self.store
    let current = store.state.generation
    return AsyncStream { continuation in
      continuation.yield(.text(#"{"generation":\#(current)}"#))
      let feed = Task {
        for await generation in generations { continuation.yield(.text(#"{"generation":\#(generation)}"#)) }
        continuation.finish()
      }
      let reader = Task {
        for await _ in client {}
        store.stopListening(id)
      }
      continuation.onTermination = { _ in
        store.stopListening(id)
        feed.cancel()
        reader.cancel()
      }
    }
  }
}
