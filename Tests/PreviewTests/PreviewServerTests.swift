import Foundation
import NaraModel
import Testing
import TestSupport

@testable import NaraPreview

/// A plain HTTP/1.1 exchange over a socket, so a test can send any Host and Origin (a client
/// library would fix them) and see the status the server gives. The blocking socket calls run
/// on a dispatch thread: the server's tasks need the concurrency pool's few threads.
func exchange(port: UInt16, _ request: String, body: Data = Data()) async throws -> (status: Int, headers: String, body: Data) {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async {
      continuation.resume(with: Result { try blockingExchange(port: port, request, body: body) })
    }
  }
}

func blockingExchange(port: UInt16, _ request: String, body: Data) throws -> (status: Int, headers: String, body: Data) {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  #expect(fd >= 0)
  defer { close(fd) }
  // Long: the whole test bundle shares the machine's cores with the server.
  var timeout = timeval(tv_sec: 60, tv_usec: 0)
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = port.bigEndian
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
  }
  try #require(connected == 0, "cannot connect to 127.0.0.1:\(port)")
  let bytes = Data(request.utf8) + body
  _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, 0) }
  var received = Data()
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = recv(fd, &buffer, buffer.count, 0)
    if n <= 0 { break }
    received.append(contentsOf: buffer[0..<n])
    if let split = received.range(of: Data("\r\n\r\n".utf8)) {
      let head = String(decoding: received[..<split.lowerBound], as: UTF8.self)
      // A WebSocket answer stays open: stop after its first frame.
      if head.contains(" 101 "), received.count > split.upperBound + 2 { break }
      if let length = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") })
        .flatMap({ Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }),
        received.count >= split.upperBound + length
      { break }
    }
  }
  guard let split = received.range(of: Data("\r\n\r\n".utf8)) else { return (0, "", received) }
  let head = String(decoding: received[..<split.lowerBound], as: UTF8.self)
  let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
  return (status, head, received[split.upperBound...])
}

@Suite struct PreviewServerTests {
  /// A store with one page and one text block, as a render would leave it.
  func serving(_ body: (PreviewServer, PreviewStore, String) async throws -> Void) async throws {
    let dir = try tempDirectory()
    let layout = dir + "/blad.yaml"
    try "document: { size: A6 }\npages: []\n".write(toFile: layout, atomically: true, encoding: .utf8)
    try "hemlig\n".write(toFile: dir + "/hemlig.yaml", atomically: true, encoding: .utf8)
    let store = PreviewStore()
    var state = PreviewState()
    state.ok = true
    state.layout = "blad.yaml"
    state.locales = ["en", "fi"]
    state.rows = ["Hemtjänst Norr", "Vårdcentralen Syd"]
    state.inputs = [layout]
    state.pages = [PreviewPage(number: 1, width: 298, height: 420, svg: Data("<svg/>".utf8), thumbnail: Data([0x89, 0x50]), blocks: [])]
    store.publish(state)
    let server = try PreviewServer(store: store, port: 0)
    // Awaited, never waited for with a semaphore: tests run on the few threads that also run
    // the server's tasks.
    try await server.start()
    do {
      try await body(server, store, dir)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  func get(_ port: UInt16, _ path: String, host: String? = nil, extra: String = "") async throws -> (status: Int, headers: String, body: Data) {
    try await exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(extra)Connection: close\r\n\r\n")
  }

  @Test func servesThePageStateAndPagesOnLoopbackOnly() async throws {
    try await serving { server, store, dir in
      let port = server.port
      #expect(port > 0)
      #expect(server.url == "http://127.0.0.1:\(port)/")
      let page = try await get(port, "/")
      #expect(page.status == 200 && String(decoding: page.body, as: UTF8.self).contains("<title>naraprint preview</title>"))
      #expect(page.headers.contains("Content-Security-Policy: default-src 'self'"))
      #expect(try await get(port, "/preview.js").status == 200)
      let state = try await get(port, "/api/state")
      let json = try #require(try JSONSerialization.jsonObject(with: state.body) as? [String: Any])
      #expect(json["ok"] as? Bool == true && json["generation"] as? Int == 1)
      let pages = try #require(json["pages"] as? [[String: Any]])
      #expect(pages.first?["svg"] as? String == "/pages/1/1.svg")
      let svg = try await get(port, "/pages/1/1.svg")
      #expect(svg.status == 200 && svg.headers.contains("Content-Type: image/svg+xml") && svg.body == Data("<svg/>".utf8))
      #expect(try await get(port, "/pages/9/1.svg").status == 404, "an old generation")
      #expect(try await get(port, "/pages/1/2.svg").status == 404, "no such page")
      // Bound to 127.0.0.1: the listening socket's address.
      let address = "\(String(describing: await server.server.listeningAddress))"
      #expect(address.contains("127.0.0.1"), "\(address)")
      _ = store
      _ = dir
    }
  }

  @Test func refusesOtherHostsOriginsAndFiles() async throws {
    try await serving { server, _, dir in
      let port = server.port
      #expect(try await get(port, "/api/state", host: "attacker.example").status == 421, "DNS rebinding: another Host")
      #expect(try await get(port, "/api/state", host: "localhost:\(port)").status == 200)
      #expect(try await get(port, "/../../../etc/passwd").status == 404)
      #expect(try await get(port, "/%2e%2e/%2e%2e/etc/passwd").status == 404)
      #expect(try await get(port, "/api/source?file=../../../../etc/passwd&line=1").status == 403)
      #expect(try await get(port, "/api/source?file=\(dir)/hemlig.yaml&line=1").status == 403, "inside the folder, but not read by the render")
      let source = try await get(port, "/api/source?file=\(dir)/blad.yaml&line=1")
      #expect(source.status == 200 && String(decoding: source.body, as: UTF8.self).contains("document: { size: A6 }"))
      #expect(try await get(port, "/events", extra: "Origin: http://attacker.example\r\n").status == 403)
      let body = Data(#"{"locale":"en"}"#.utf8)
      let crossSite = try await exchange(port: port, "POST /api/settings HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://attacker.example\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n", body: body)
      #expect(crossSite.status == 403)
    }
  }

  @Test func settingsAreCheckedAndWakeTheWatchLoop() async throws {
    try await serving { server, store, _ in
      let port = server.port
      func post(_ json: String, length: Int? = nil) async throws -> Int {
        let body = Data(json.utf8)
        let header = length.map { "Content-Length: \($0)\r\n" } ?? ""
        return try await exchange(port: port, "POST /api/settings HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\n\(header)Connection: close\r\n\r\n", body: body).status
      }
      #expect(try await post(#"{"locale":"de"}"#, length: 15) == 422, "a locale with no translation")
      #expect(try await post(#"{"locale":"../../x"}"#, length: 20) == 422)
      #expect(try await post(#"{"row":3}"#, length: 9) == 422, "only two rows")
      #expect(try await post(#"{"variables":{"a b":"x"}}"#, length: 25) == 422, "not a variable name")
      #expect(try await post("[]", length: 2) == 422)
      // Refused unread (the server drains what was sent, then answers).
      #expect(try await post(String(repeating: " ", count: 100_000), length: 100_000) == 413)
      #expect(try await post("{}") == 411)
      let ok = #"{"locale":"fi","row":2,"variables":{"enhet":"Vårdcentralen Öst"}}"#
      #expect(try await post(ok, length: Data(ok.utf8).count) == 200)
      let request = try #require(store.takeRequest(waiting: 5))
      #expect(request == WatchSettings(locale: "fi", row: 2, variables: ["enhet": "Vårdcentralen Öst"]))
      #expect(store.takeRequest(waiting: 0.05) == nil, "taken once")
    }
  }

  @Test func theWebSocketSaysWhenThereIsANewState() async throws {
    try await serving { server, store, _ in
      let port = server.port
      let upgrade = "GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:\(port)\r\n\r\n"
      let answer = try await exchange(port: port, upgrade)
      #expect(answer.status == 101)
      #expect(answer.headers.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), "RFC 6455's example key")
      // The first frame: unmasked text (0x81), then the current generation.
      #expect(answer.body.first == 0x81)
      #expect(String(decoding: answer.body.dropFirst(2), as: UTF8.self).contains(#"{"generation":1}"#))
      _ = store
    }
  }
}

@Suite struct HostCheckTests {
  /// With `--host 0.0.0.0`, another machine names the server by its address; a DNS name other
  /// than localhost is still refused (that is how DNS rebinding would reach it).
  @Test func anAddressIsAcceptedOnlyWithItsPort() {
    let hosts = PreviewServer.allowedHosts(host: "0.0.0.0", port: 7373)
    #expect(hosts == ["127.0.0.1:7373", "localhost:7373", "[::1]:7373"])
    #expect(PreviewRouter.isAddressLiteral("192.0.2.7:7373", of: hosts))
    #expect(PreviewRouter.isAddressLiteral("[fe80::1]:7373", of: hosts))
    #expect(!PreviewRouter.isAddressLiteral("evil.example:7373", of: hosts))
    #expect(!PreviewRouter.isAddressLiteral("192.0.2.7:80", of: hosts))
    #expect(!PreviewRouter.isAddressLiteral("192.0.2.7", of: hosts))
    #expect(PreviewServer.allowedHosts(host: "192.0.2.9", port: 80).contains("192.0.2.9:80"))
  }
}

@Suite struct SourceExcerptTests {
  @Test func showsNumberedLinesAroundTheOneAskedFor() throws {
    let dir = try tempDirectory()
    let file = dir + "/a.yaml"
    try (1...20).map { "rad \($0)" }.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    let excerpt = try SourceExcerpt.read(file: file, line: 10, allowed: [file]).get()
    #expect(excerpt.lines.map(\.number) == Array(6...14))
    #expect(excerpt.lines.first?.text == "rad 6")
    let start = try SourceExcerpt.read(file: file, line: 1, allowed: [file]).get()
    #expect(start.lines.map(\.number) == Array(1...5))
  }

  @Test func refusesFilesNotReadAndKindsNotParsed() throws {
    let dir = try tempDirectory()
    try "x".write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
    try "x".write(toFile: dir + "/b.yaml", atomically: true, encoding: .utf8)
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: dir + "/bild.png"))
    #expect(throws: SourceExcerpt.Refusal.self) { try SourceExcerpt.read(file: dir + "/b.yaml", line: 1, allowed: [dir + "/a.yaml"]).get() }
    #expect(throws: SourceExcerpt.Refusal.self) { try SourceExcerpt.read(file: dir + "/../" + (dir as NSString).lastPathComponent + "/b.yaml", line: 1, allowed: [dir + "/a.yaml"]).get() }
    // An image the render read is an input, but not a text to show.
    #expect(throws: SourceExcerpt.Refusal.self) { try SourceExcerpt.read(file: dir + "/bild.png", line: 1, allowed: [dir + "/bild.png"]).get() }
    // A symlink to a file that was read shows it (its real path is the same).
    try FileManager.default.createSymbolicLink(atPath: dir + "/l.yaml", withDestinationPath: dir + "/a.yaml")
    #expect(try SourceExcerpt.read(file: dir + "/l.yaml", line: 1, allowed: [dir + "/a.yaml"]).get().lines.count == 1)
  }
}

@Suite struct InputStampsTests {
  @Test func seesEditsRenamesDeletionsAndRecreation() throws {
    let dir = try tempDirectory()
    let file = dir + "/a.yaml"
    try "ett".write(toFile: file, atomically: false, encoding: .utf8)
    var stamps = InputStamps([file])
    #expect(stamps.changed().isEmpty)
    // Same size, same second: a rename over it changes the inode.
    try "två".write(toFile: dir + "/tmp", atomically: false, encoding: .utf8)
    _ = rename(dir + "/tmp", file)
    #expect(stamps.changed() == [file])
    stamps = InputStamps([file])
    try FileManager.default.removeItem(atPath: file)
    #expect(stamps.changed() == [file])
    stamps = InputStamps([file])
    #expect(stamps.stamps[file]?.exists == false)
    #expect(stamps.changed().isEmpty, "still missing is no change")
    try "tre".write(toFile: file, atomically: false, encoding: .utf8)
    #expect(stamps.changed() == [file])
  }

  @Test func keepingHoldsEarlierStamps() throws {
    let dir = try tempDirectory()
    let a = dir + "/a.yaml", b = dir + "/b.yaml"
    try "a".write(toFile: a, atomically: false, encoding: .utf8)
    let before = InputStamps([a])
    // Saved while a render ran: the stamp taken before it still differs.
    try "aa".write(toFile: a, atomically: false, encoding: .utf8)
    try "b".write(toFile: b, atomically: false, encoding: .utf8)
    let after = before.keeping([a, b])
    #expect(after.changed() == [a])
    #expect(after.files == [a, b])
  }
}
