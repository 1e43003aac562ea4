import Foundation
import NaraModel

/// Decoding PO files: UTF-8 only, with the first bad byte reported at its line and column.
enum UTF8Check {
  /// The text of `data` (a byte-order mark dropped), or an error at the first byte that is not
  /// UTF-8. Columns count Unicode scalars, as everywhere in naraprint's diagnostics.
  static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let bad = firstInvalidByte(bytes) else { return .success(String(decoding: bytes, as: UTF8.self)) }
    let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
    let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
    var hints = [
      "naraprint reads UTF-8 only: re-save the file as UTF-8, or convert it with `msgconv -t UTF-8 \(file) -o \(file)`"
    ]
    // Name the charset the header declares, if it can be read.
    let lossy = String(decoding: bytes, as: UTF8.self)
    if let r = lossy.range(of: "charset="),
      let declared = lossy[r.upperBound...].split(whereSeparator: { "\\\" \n;".contains($0) }).first,
      declared.uppercased() != "UTF-8" {
      hints.append("the header declares charset=\(declared)")
    }
    return .failure(.error(.poEncoding, String(format: "not UTF-8: byte 0x%02X", bytes[bad]),
                           at: SourceLocation(file: file, line: line, column: column), hints: hints))
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
  /// (overlong forms, surrogates and values past U+10FFFF included).
  static func firstInvalidByte(_ b: [UInt8]) -> Int? {
    var i = 0
    while i < b.count {
      let c = b[i]
      if c < 0x80 { i += 1; continue }
      let n: Int, lo: UInt8, hi: UInt8  // sequence length; allowed range of the second byte
      switch c {
      case 0xC2...0xDF: (n, lo, hi) = (2, 0x80, 0xBF)
      case 0xE0: (n, lo, hi) = (3, 0xA0, 0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (n, lo, hi) = (3, 0x80, 0xBF)
      case 0xED: (n, lo, hi) = (3, 0x80, 0x9F)
      case 0xF0: (n, lo, hi) = (4, 0x90, 0xBF)
      case 0xF1...0xF3: (n, lo, hi) = (4, 0x80, 0xBF)
      case 0xF4: (n, lo, hi) = (4, 0x80, 0x8F)
      default: return i
      }
      guard i + 1 < b.count, (lo...hi).contains(b[i + 1]) else { return i }
      for k in 2..<n where i + k >= b.count || !(0x80...0xBF).contains(b[i + k]) { return i }
      i += n
    }
    return nil
  }
}
