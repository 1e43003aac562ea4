import ArgumentParser
import NaraTypography

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `naraprint normalize [--lang sv-SE] [TEXT…]` (standard input if no TEXT).
struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Apply Swedish typography to text: ”quotes”, tankstreck, ranges, no-break spaces.",
    discussion: "Reads standard input when no TEXT is given; each paragraph (blank-line separated) is normalised on its own. Use --show-invisible to see no-break spaces and word joiners.")

  @Option(name: .long, help: "BCP 47 language tag of the text (Swedish rules apply to sv only).")
  var lang: String = "sv-SE"

  @Flag(name: .long, help: "Write invisible characters as escapes (\\u{A0} …).")
  var showInvisible = false

  @Argument(help: "Text to normalise (joined with spaces); standard input if omitted.")
  var text: [String] = []

  func run() throws {
    let t = Typographer(language: lang, patterns: nil)
    let input = text.isEmpty ? readAllStandardInput() : text.joined(separator: " ")
    // Paragraph by paragraph: pratminus and quote context are per paragraph.
    let paragraphs = input.split(separator: "\n\n", omittingEmptySubsequences: false).map { t.normalize(String($0)) }
    var out = paragraphs.joined(separator: "\n\n")
    if showInvisible { out = Self.escapeInvisible(out) }
    if text.isEmpty { print(out, terminator: out.hasSuffix("\n") ? "" : "\n") } else { print(out) }
  }

  static func escapeInvisible(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u.value {
      case 0xA0, 0x202F, 0x2060, 0xAD, 0x2009, 0x200B: out += "\\u{\(String(u.value, radix: 16, uppercase: true))}"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}

/// Reads standard input to its end.
func readAllStandardInput() -> String {
  var bytes: [UInt8] = []
  while let line = readLine(strippingNewline: false) { bytes += Array(line.utf8) }
  return String(decoding: bytes, as: UTF8.self)
}

/// Writes a line to standard error (file descriptor 2; the C `stderr` global is not
/// concurrency-safe in Swift 6).
func typographyWarning(_ message: String) {
  var line = message + "\n"
  line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
