import Foundation
import NaraModel
import Testing

/// Every numeric key refuses what is not a finite number in its range – NaN, ±infinity,
/// a huge value, and a negative one where a negative means nothing – at the value itself.
@Suite("Numeric values: finite and in range, at the key") struct NumericValueTests {
  /// An item with `V` where the value goes (the marker 1️⃣ before it), and whether a
  /// negative value is meaningful there.
  static let keys: [(name: String, item: String, negativeOK: Bool)] = [
    ("scale", "- rect: {at: [10mm, 10mm], size: [10mm, 10mm], fill: \"#000000\", scale: 1️⃣V}", false),
    ("opacity", "- rect: {at: [10mm, 10mm], size: [10mm, 10mm], fill: \"#000000\", opacity: 1️⃣V}", false),
    ("rotate", "- rect: {at: [10mm, 10mm], size: [10mm, 10mm], fill: \"#000000\", rotate: 1️⃣V}", true),
    ("width", "- rect: {at: [10mm, 10mm], size: [10mm, 10mm], fill: \"#000000\", width: 1️⃣Vmm}", false),
    ("at", "- rect: {at: [1️⃣Vmm, 10mm], size: [10mm, 10mm], fill: \"#000000\"}", true),
    ("size", "- rect: {at: [10mm, 10mm], size: [1️⃣Vmm, 10mm], fill: \"#000000\"}", false),
    ("stroke width", "- line: {from: [10mm, 10mm], to: [50mm, 50mm], stroke: {colour: \"#000000\", width: 1️⃣Vpt}}", false),
    ("font-size", "- text: Hej\n  at: [10mm, 10mm]\n  width: 50mm\n  font-size: 1️⃣Vpt", false),
    ("leading", "- text: Hej\n  at: [10mm, 10mm]\n  width: 50mm\n  leading: 1️⃣Vpt", false),
    ("gap", "- stack: {at: [10mm, 10mm], width: 50mm, gap: 1️⃣Vmm, items: [{text: Hej}]}", false),
    ("radius", "- rect: {at: [10mm, 10mm], size: [10mm, 10mm], fill: \"#000000\", radius: 1️⃣Vmm}", false),
    ("qr width", "- qr: https://regionvarmland.se\n  at: [10mm, 10mm]\n  width: 1️⃣Vmm", false),
    ("rating steps", "- rating: {at: [10mm, 10mm], width: 50mm, steps: 1️⃣V}", false),
    ("lines spacing", "- lines: {at: [10mm, 10mm], width: 50mm, height: 40mm, spacing: 1️⃣Vmm}", false),
  ]

  @Test(arguments: Self.keys.indices)
  func nonFiniteHugeAndNegativeValuesAreErrorsAtTheValue(index: Int) {
    let key = Self.keys[index]
    for value in [".nan", ".inf", "-.inf", "1e308", "99999999999", "-1"] where !(value == "-1" && key.negativeOK) {
      let r = load(onPage(key.item.replacingOccurrences(of: "V", with: value)))
      #expect(r.loaded == nil, "\(key.name): \(value) was accepted")
      let at = r.markers["1️⃣"]!
      let pointed = r.errors.contains { d in d.location.map { $0.line == at.line && $0.column == at.column } ?? false }
      #expect(pointed, "\(key.name) = \(value): no error at \(at); got \(r.errors.map(\.description))")
    }
  }

  @Test func ordinaryValuesStillLoad() {
    for key in Self.keys {
      let value = key.name == "rating steps" ? "5" : key.name == "opacity" || key.name == "scale" ? "0.5" : "12"
      let r = load(onPage(key.item.replacingOccurrences(of: "V", with: value)))
      #expect(r.errors.isEmpty, "\(key.name) = \(value): \(r.errors.map(\.description))")
    }
  }
}
