import NaraModel

/// A page's boxes for the print shop (ISO 32000-1 §14.11.2), in points from the media's
/// top-left corner: the trim (the finished page) sits `trimOffset` in, the bleed `bleed`
/// around it, and the media holds the slug with the marks.
public struct PageBoxes: Sendable {
  public var media: Size
  public var trimOffset: Double
  public var trim: Size
  public var bleed: Double
  public init(media: Size, trimOffset: Double, trim: Size, bleed: Double) {
    self.media = media; self.trimOffset = trimOffset; self.trim = trim; self.bleed = bleed
  }

  /// `[llx lly urx ury]` in PDF coordinates (y up), which is the same box here: every box is
  /// centred on the media.
  var trimBox: (Double, Double, Double, Double) {
    (trimOffset, media.height - trimOffset - trim.height, trimOffset + trim.width, media.height - trimOffset)
  }
  var bleedBox: (Double, Double, Double, Double) {
    let t = trimBox
    return (t.0 - bleed, t.1 - bleed, t.2 + bleed, t.3 + bleed)
  }
}

extension Colour {
  /// The registration colour: marks are drawn in this sRGB value, which the PDF/X step turns
  /// into the `All` separation (every plate). No layout colour is this value.
  public static let registration = Colour(red: 1.0 / 255, green: 2.0 / 255, blue: 3.0 / 255)
}
