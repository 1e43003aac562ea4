import Foundation
import NaraLoader
import NaraModel

/// Lines around one line of a source file, for click-to-source. Only a file the last render
/// read (an exact match of its real path), inside its project, of a text kind naraprint parses
/// (YAML, .po, CSV, fontconfig XML) and of bounded size is shown: the address cannot name any
/// other file, with `..` or otherwise.
struct SourceExcerpt: Encodable, Sendable {
  struct Line: Encodable, Sendable {
    var number: Int
    var text: String
  }
  var file: String
  var line: Int
  var lines: [Line]

  struct Refusal: Error {
    var message: String
  }

  /// The kinds of file shown.
  static let textExtensions: Set<String> = ["yaml", "yml", "po", "pot", "csv", "conf"]
  /// Lines shown before and after the one asked for.
  static let context = 4

  static func read(file: String, line: Int, allowed: [String]) -> Result<SourceExcerpt, Refusal> {
    guard !file.isEmpty, file.utf8.count <= 4096, !file.contains("\0") else { return .failure(Refusal(message: "not a file name")) }
    let real = URL(fileURLWithPath: LayoutLoader.absolutePath(file)).resolvingSymlinksInPath().path
    let reals = Set(allowed.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
    guard reals.contains(real) else {
      return .failure(Refusal(message: "\(file) is not a file this render read; the preview shows only those"))
    }
    guard textExtensions.contains((real as NSString).pathExtension.lowercased()) else {
      return .failure(Refusal(message: "\(file) is not a text file naraprint reads"))
    }
    switch ProjectRoot.discover(for: real).admit(real, what: "source", maxBytes: Limits.translationFileBytes) {
    case .failure(let refusal): return .failure(Refusal(message: refusal.message))
    case .success(let path):
      guard let data = FileManager.default.contents(atPath: path) else { return .failure(Refusal(message: "\(file) cannot be read")) }
      // Lossy: a file with broken UTF-8 is shown with replacement characters, not refused.
      let text = String(decoding: data, as: UTF8.self)
      var lines: [Line] = []
      var number = 0
      let first = max(1, line - context), last = line + context
      for content in text.split(separator: "\n", omittingEmptySubsequences: false) {
        number += 1
        if number > last { break }
        if number >= first {
          let trimmed = content.hasSuffix("\r") ? content.dropLast() : content
          lines.append(Line(number: number, text: trimmed.count > 400 ? String(trimmed.prefix(400)) + "…" : String(trimmed)))
        }
      }
      return .success(SourceExcerpt(file: LayoutLoader.displayPath(real), line: line, lines: lines))
    }
  }
}

/// A settings request from the page, checked against what the state offers.
enum SettingsRequest {
  struct Problem: Error { var message: String }

  static func parse(_ body: Data, state: PreviewState) -> Result<WatchSettings, Problem> {
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
      return .failure(Problem(message: "the body is not a JSON object"))
    }
    var settings = WatchSettings()
    switch object["locale"] {
    case nil, is NSNull: settings.locale = nil
    case let locale as String where locale.isEmpty: settings.locale = nil
    case let locale as String where state.locales.contains(locale): settings.locale = locale
    default: return .failure(Problem(message: "locale must be one of \(state.locales.joined(separator: ", ")) or null"))
    }
    switch object["row"] {
    case nil, is NSNull: settings.row = nil
    case let row as Int where (1...max(1, state.rows.count)).contains(row) && !state.rows.isEmpty: settings.row = row
    default: return .failure(Problem(message: "row must be a number from 1 to \(state.rows.count)"))
    }
    switch object["variables"] {
    case nil, is NSNull: break
    case let values as [String: Any] where values.count <= 200:
      for (name, value) in values {
        guard let text = value as? String else { return .failure(Problem(message: "the value of \(name) must be a string")) }
        guard name.range(of: #"^[\p{L}_][\p{L}\p{N}_.-]{0,63}$"#, options: .regularExpression) != nil else {
          return .failure(Problem(message: "`\(name.prefix(64))` is not a variable name"))
        }
        guard text.count <= Limits.variableLength,
          !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F })
        else { return .failure(Problem(message: "the value of \(name) is too long or has control characters")) }
        settings.variables[name] = text
      }
    default: return .failure(Problem(message: "variables must be an object of at most 200 names and string values"))
    }
    return .success(settings)
  }
}
