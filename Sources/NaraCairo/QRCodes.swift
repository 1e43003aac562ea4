import CQRencode
import Foundation
import NaraModel
import NaraPageTree

/// QR codes through libqrencode (Debian's libqrencode4): the smallest version that holds the
/// text at the level asked for, 8-bit mode (UTF-8), the mask the standard's penalty rules pick.
/// The layout draws the modules as vector squares.
public struct QREncoder: CodeEncoder {
  public init() {}

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public func qrModules(_ data: String, level: QRLevel) throws -> [[Bool]] {
    guard !data.isEmpty else { throw Failure(description: "the text is empty") }
    let ec: QRecLevel = switch level {
    case .l: QR_ECLEVEL_L
    case .m: QR_ECLEVEL_M
    case .q: QR_ECLEVEL_Q
    case .h: QR_ECLEVEL_H
    }
    let bytes = Array(data.utf8)
    // Version 0: the smallest that fits. Data as raw bytes: `data` may hold any character.
    guard let code = bytes.withUnsafeBufferPointer({ QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, ec) }) else {
      throw Failure(description: errno == ERANGE ? "\(bytes.count) bytes do not fit in a QR code at level \(level.rawValue)" : "libqrencode failed (errno \(errno))")
    }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    guard width > 0, width <= 177, let cells = code.pointee.data else { throw Failure(description: "libqrencode returned no modules") }
    // Each byte is one module; its lowest bit says dark.
    return (0..<width).map { row in (0..<width).map { col in cells[row * width + col] & 1 == 1 } }
  }
}
