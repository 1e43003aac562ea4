import Foundation

/// What the finished PDF must say that Cairo 1.16 does not write.
public struct AccessibilityInfo: Sendable {
  /// BCP 47 language of the document (`/Lang`).
  public var language: String
  public var title: String?
  /// Alternative texts of the Figure structure elements, in the order Cairo wrote them.
  public var figureAlts: [String]
  public init(language: String, title: String?, figureAlts: [String]) {
    self.language = language; self.title = title; self.figureAlts = figureAlts
  }
}

/// Completes Cairo's tagged PDF for accessibility with libqpdf (see Accessibility/).
enum PDFFinisher {
  static func finish(path: String, info: AccessibilityInfo) throws {
    // Filled in by the qpdf post-processor.
  }
}
