import NaraModel
import Yams

extension Reader {
  /// A node's location with the length of its token in the source: a plain scalar's text, a
  /// quoted scalar's quotes and all, a block scalar's indicator, a key; 0 for a mapping or list.
  func span(_ node: Node) -> SourceLocation {
    location(node).spanning(tokenLength(node))
  }

  func tokenLength(_ node: Node) -> Int {
    guard case .scalar(let scalar) = node, let mark = node.mark, mark.line > 0, mark.column > 0 else { return 0 }
    guard let line = sourceLine(mark.line) else { return 0 }
    let chars = Array(line)
    let start = mark.column - 1
    guard start < chars.count else { return 0 }
    switch scalar.style {
    case .singleQuoted, .doubleQuoted:
      let quote = chars[start]
      guard quote == "'" || quote == "\"" else { break }
      var i = start + 1
      while i < chars.count {
        if quote == "\"" && chars[i] == "\\" { i += 2; continue }
        if chars[i] == quote {
          if quote == "'" && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
          return i - start + 1
        }
        i += 1
      }
      return chars.count - start
    case .literal, .folded:
      return 1
    default:
      break
    }
    // A plain scalar: its first line as written (a multi-line one to the end of its line).
    let first = scalar.string.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    return min(first.count, chars.count - start)
  }

  /// Line `n` (1-based) of the file, without its line break.
  func sourceLine(_ n: Int) -> Substring? {
    var current = 1
    var lineStart = text.startIndex
    var i = text.startIndex
    while i < text.endIndex {
      if current == n { break }
      if text[i] == "\n" || text[i] == "\r\n" { current += 1; lineStart = text.index(after: i) }
      i = text.index(after: i)
    }
    guard current == n else { return nil }
    let end = text[lineStart...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ?? text.endIndex
    return text[lineStart..<end]
  }
}
