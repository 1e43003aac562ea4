import Foundation
import NaraModel
import NaraPageTree

/// Helpers for the hardening tests of the Cairo side (issue 14).
enum Hardening {
  /// The files in `dir` (and its subfolders) that are a render's temporaries.
  static func partialFiles(in dir: String) -> [String] {
    (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter { $0.contains(".partial-") }
  }

  /// A PNG of only its chunks: signature, IHDR (8-bit RGB), the given IDAT, IEND, with CRCs.
  static func png(width: UInt32, height: UInt32, idat: [UInt8] = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) -> [UInt8] {
    func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
      let body = Array(type.utf8) + data
      return be(UInt32(data.count)) + body + be(crc32(body))
    }
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
      + chunk("IDAT", idat) + chunk("IEND", [])
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes {
      c ^= UInt32(b)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }
    return c ^ 0xFFFF_FFFF
  }

  /// A JPEG's bytes with the size in its (first) frame header replaced.
  static func jpeg(_ original: [UInt8], claiming width: Int, _ height: Int) -> [UInt8] {
    var d = original
    var i = 2
    while i + 9 < d.count {
      let marker = d[i + 1], length = Int(d[i + 2]) << 8 | Int(d[i + 3])
      if (0xC0...0xC2).contains(marker) {
        d[i + 5] = UInt8(height >> 8); d[i + 6] = UInt8(height & 0xFF)
        d[i + 7] = UInt8(width >> 8); d[i + 8] = UInt8(width & 0xFF)
        return d
      }
      i += 2 + length
    }
    return d
  }

  /// Every node's text runs with their links replaced by `replace`.
  static func mapLinks(_ nodes: [Node], _ replace: (String) -> String) -> [Node] {
    nodes.map { node in
      switch node {
      case .text(var t):
        t.runs = t.runs.map { var r = $0; r.link = r.link.map(replace); return r }
        return .text(t)
      case .group(var g):
        g.children = mapLinks(g.children, replace)
        return .group(g)
      default: return node
      }
    }
  }

  /// Every text run of a page, in drawing order.
  static func runs(_ nodes: [Node]) -> [GlyphRun] {
    nodes.flatMap { node -> [GlyphRun] in
      switch node {
      case .text(let t): return t.runs
      case .group(let g): return runs(g.children)
      default: return []
      }
    }
  }
}
