import Foundation

/// An sRGB colour with alpha, components 0…1.
public struct Colour: Sendable, Hashable, Codable, CustomStringConvertible {
  public var red: Double, green: Double, blue: Double, alpha: Double
  /// The same colour for the press, when the theme gives it (cyan, magenta, yellow, black,
  /// 0…1 each): print PDFs use it exactly instead of converting the RGB through the profile.
  public var cmyk: [Double]?
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
  }
  public static let black = Colour(red: 0, green: 0, blue: 0)
  public static let white = Colour(red: 1, green: 1, blue: 1)

  /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa`.
  public static func parseHex(_ text: String) -> Colour? {
    guard text.hasPrefix("#") else { return nil }
    var hex = Array(text.dropFirst())
    if hex.count == 3 { hex = hex.flatMap { [$0, $0] } }
    guard hex.count == 6 || hex.count == 8 else { return nil }
    var values: [Double] = []
    var i = 0
    while i < hex.count {
      guard let v = UInt8(String(hex[i...i + 1]), radix: 16) else { return nil }
      values.append(Double(v) / 255); i += 2
    }
    return Colour(red: values[0], green: values[1], blue: values[2], alpha: values.count == 4 ? values[3] : 1)
  }

  public var hex: String {
    func h(_ v: Double) -> String {
      let n = Int((v * 255).rounded()); let d = Array("0123456789abcdef")
      return String([d[n / 16], d[n % 16]])
    }
    return "#" + h(red) + h(green) + h(blue) + (alpha < 1 ? h(alpha) : "")
  }
  public var description: String { hex }

  /// WCAG 2 relative luminance.
  public var relativeLuminance: Double {
    func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
  }

  /// This colour composited over an opaque background.
  public func over(_ background: Colour) -> Colour {
    Colour(
      red: red * alpha + background.red * (1 - alpha), green: green * alpha + background.green * (1 - alpha),
      blue: blue * alpha + background.blue * (1 - alpha))
  }

  /// WCAG 2 contrast ratio between two colours (1…21).
  public static func contrast(_ a: Colour, _ b: Colour) -> Double {
    let la = a.relativeLuminance, lb = b.relativeLuminance
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }

  /// Luminance as a grey, for the black-and-white printer check.
  public var greyscale: Colour {
    let y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return Colour(red: y, green: y, blue: y, alpha: alpha)
  }
}

