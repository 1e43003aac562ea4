internal import CLCMS
import Foundation
import NaraFiles
import NaraModel

/// A CMYK colour, components 0…1.
public struct CMYK: Sendable, Hashable, CustomStringConvertible {
  public var c, m, y, k: Double
  public init(_ c: Double, _ m: Double, _ y: Double, _ k: Double) { self.c = c; self.m = m; self.y = y; self.k = k }
  /// Total area coverage (ink), 0…4.
  public var total: Double { c + m + y + k }
  public var description: String {
    [c, m, y, k].map { String(Int(($0 * 100).rounded())) }.joined(separator: "/")
  }
}

/// The printing condition a print PDF is made for: its output profile (LittleCMS), the
/// conversions from the page's sRGB colours to its CMYK, and soft proofs back to sRGB.
/// Owns every LittleCMS handle it makes.
public final class PrintProfile: @unchecked Sendable {
  /// The condition's name in the output intent (`FOGRA39`).
  public let condition: String
  /// What the output intent says about it.
  public let info: String
  /// The profile's bytes, embedded in the PDF as `/DestOutputProfile`.
  public let data: [UInt8]
  /// The most ink the condition allows (3.3 = 330 %).
  public let inkLimit: Double
  public let path: String

  private let profile: cmsHPROFILE
  private let sRGB: cmsHPROFILE
  private let lab: cmsHPROFILE
  private let toCMYK: cmsHTRANSFORM
  private let toCMYK8: cmsHTRANSFORM
  private let toLab: cmsHTRANSFORM
  private let lock = NSLock()
  /// L* of K-only ink from 0 to 100 % in 1 % steps (for greys printed with black alone).
  private var blackRamp: [Double] = []

  /// The named papers and their profiles in `colour/`.
  public enum Paper: String, Sendable, CaseIterable {
    case coated, uncoated
    var file: String { profileFile }
    /// The profile's file, relative to naraprint's data.
    public var profileFile: String { self == .coated ? "colour/naraprint-coated-fogra39.icc" : "colour/naraprint-uncoated-fogra29.icc" }
    var condition: String { self == .coated ? "FOGRA39" : "FOGRA29" }
    var info: String {
      self == .coated ? "Offset printing on coated paper (ISO 12647-2:2004, paper type 1/2), FOGRA39"
        : "Offset printing on uncoated white paper (ISO 12647-2:2004, paper type 4), FOGRA29"
    }
    var inkLimit: Double { self == .coated ? 3.3 : 3.0 }
  }

  /// The profile for a paper, from the project's `colour/` folder.
  public static func load(paper: Paper) throws -> PrintProfile {
    guard let path = ProjectResources.locate(paper.file, environment: "NARAPRINT_COLOUR") else {
      throw RenderError("cannot find naraprint's print profile \(paper.file)",
                        hints: ["run naraprint inside its checkout, or set NARAPRINT_COLOUR to the colour/ folder",
                                "rebuild the profiles with scripts/build-profiles"])
    }
    return try PrintProfile(path: path, condition: paper.condition, info: paper.info, inkLimit: paper.inkLimit)
  }

  public init(path: String, condition: String, info: String, inkLimit: Double) throws {
    guard let bytes = FileManager.default.contents(atPath: path), bytes.count > 128, bytes.count < 64 << 20 else {
      throw RenderError("cannot read the print profile \(path)")
    }
    data = [UInt8](bytes)
    self.condition = condition; self.info = info; self.inkLimit = inkLimit; self.path = path
    guard let p = data.withUnsafeBytes({ cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }) else {
      throw RenderError("\(path) is not an ICC profile LittleCMS can read")
    }
    guard cmsGetColorSpace(p) == cmsSigCmykData, cmsGetDeviceClass(p) == cmsSigOutputClass else {
      cmsCloseProfile(p)
      throw RenderError("\(path) is not a CMYK output profile", hints: ["a print profile converts to CMYK for a press (class 'prtr')"])
    }
    profile = p
    sRGB = cmsCreate_sRGBProfile()
    lab = cmsCreateLab4Profile(nil)
    let flags = cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION)
    // Relative colorimetric with black-point compensation: the colours a designer chose,
    // on this paper's white, with the darkest black the press can print.
    guard let t = cmsCreateTransform(sRGB, NARA_TYPE_RGB_DBL, p, NARA_TYPE_CMYK_DBL, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags),
          let t8 = cmsCreateTransform(sRGB, NARA_TYPE_RGB_8, p, NARA_TYPE_CMYK_8, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags),
          let l = cmsCreateTransform(p, NARA_TYPE_CMYK_DBL, lab, NARA_TYPE_Lab_DBL, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), 0)
    else {
      cmsCloseProfile(p)
      throw RenderError("LittleCMS cannot build a transform to \(path)")
    }
    toCMYK = t; toCMYK8 = t8; toLab = l
    blackRamp = (0...100).map { lightness(of: CMYK(0, 0, 0, Double($0) / 100)) }
  }

  deinit {
    cmsDeleteTransform(toCMYK); cmsDeleteTransform(toCMYK8); cmsDeleteTransform(toLab)
    cmsCloseProfile(profile); cmsCloseProfile(sRGB); cmsCloseProfile(lab)
  }

  /// L* of a CMYK colour on this paper.
  public func lightness(of c: CMYK) -> Double {
    var input = [c.c * 100, c.m * 100, c.y * 100, c.k * 100]
    var out = cmsCIELab()
    lock.lock(); defer { lock.unlock() }
    cmsDoTransform(toLab, &input, &out, 1)
    return out.L
  }

  /// An sRGB colour in this condition's CMYK (the colour's own CMYK when the theme gives one).
  /// Greys (equal red, green and blue, give or
  /// take 2 %) print with black ink alone, so thin lines and small text do not depend on four
  /// plates in register; a grey as dark as 90 % black or darker is 100 % K.
  public func cmyk(for colour: Colour) -> CMYK {
    // The theme's own CMYK for this colour, exactly.
    if let k = colour.cmyk, k.count == 4 { return CMYK(k[0], k[1], k[2], k[3]) }
    let r = colour.red, g = colour.green, b = colour.blue
    if max(r, g, b) - min(r, g, b) <= 0.02 {
      return CMYK(0, 0, 0, blackOnly(forGrey: (r + g + b) / 3))
    }
    var input = [r, g, b]
    var out = [Double](repeating: 0, count: 4)
    lock.lock()
    cmsDoTransform(toCMYK, &input, &out, 1)
    lock.unlock()
    // LittleCMS gives CMYK in percent for the floating-point formats.
    return CMYK(out[0] / 100, out[1] / 100, out[2] / 100, out[3] / 100)
  }

  /// The K-only tint whose lightness matches an sRGB grey (0 black … 1 white).
  func blackOnly(forGrey grey: Double) -> Double {
    guard grey < 0.999 else { return 0 }
    // sRGB grey → L*.
    let lin = grey <= 0.04045 ? grey / 12.92 : pow((grey + 0.055) / 1.055, 2.4)
    let l = lin > 0.008856 ? 116 * pow(lin, 1 / 3) - 16 : 903.3 * lin
    // The ramp falls from paper white (K 0) to the darkest black (K 100).
    let darkest = blackRamp.last ?? 0, paper = blackRamp.first ?? 100
    if l <= darkest + (paper - darkest) * 0.1 { return 1 }  // as dark as 90 % black: solid black
    for i in 1..<blackRamp.count where blackRamp[i] <= l {
      let a = blackRamp[i - 1], b = blackRamp[i]
      let t = a == b ? 0 : (a - l) / (a - b)
      return (Double(i - 1) + t) / 100
    }
    return 1
  }

  /// RGB pixels (3 bytes each) to CMYK pixels (4 bytes each).
  public func convert(rgb: [UInt8], pixels: Int) -> [UInt8] {
    guard pixels > 0, rgb.count >= pixels * 3 else { return [] }
    var out = [UInt8](repeating: 0, count: pixels * 4)
    lock.lock(); defer { lock.unlock() }
    rgb.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst in
        cmsDoTransform(toCMYK8, src.baseAddress, dst.baseAddress, cmsUInt32Number(pixels))
      }
    }
    return out
  }

  /// A soft proof: sRGB pixels as they will look printed in this condition (mapped to what
  /// the press can print, as the print PDF converts them), back in sRGB. The paper shows as
  /// white (relative colorimetric), so what changes is what the inks cannot reach – the dull
  /// orange, the flatter green – not a grey cast over the whole page.
  public func softProof(rgb: inout [UInt8], pixels: Int) throws {
    let flags = cmsUInt32Number(cmsFLAGS_SOFTPROOFING | cmsFLAGS_BLACKPOINTCOMPENSATION)
    guard let t = cmsCreateProofingTransform(sRGB, NARA_TYPE_RGB_8, sRGB, NARA_TYPE_RGB_8, profile,
                                             cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags)
    else { throw RenderError("LittleCMS cannot build a soft-proof transform for \(path)") }
    defer { cmsDeleteTransform(t) }
    rgb.withUnsafeMutableBufferPointer { p in cmsDoTransform(t, p.baseAddress, p.baseAddress, cmsUInt32Number(pixels)) }
  }
}
