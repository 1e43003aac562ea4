import Foundation
import NaraModel

/// SVG path data (`M 20mm 380mm C 80mm 300mm, …`) → absolute commands in points.
///
/// Hand-written because our numbers carry units (`20mm`), which no SVG library accepts, and
/// because errors must point at the offending token. Supports every SVG command: M L H V C S
/// Q T A Z, absolute and relative. A bare number uses `unit` (the item's `unit:` key).
struct PathParser {
  enum Failure: Error { case message(String, offset: Int) }

  let unit: Length?
  private var tokens: [(text: String, offset: Int)] = []
  private var pos = 0

  init(unit: Length?) { self.unit = unit }

  mutating func parse(_ d: String) throws(Failure) -> PathData {
    tokens = tokenize(d)
    pos = 0
    var cmds: [PathData.Command] = []
    var current = Point.zero, start = Point.zero
    var lastControl: Point?  // for S/T reflection
    var lastCommand: Character = " "
    var command: Character?

    while pos < tokens.count {
      let t = tokens[pos]
      if let c = t.text.first, t.text.count == 1, "MmLlHhVvCcSsQqTtAaZz".contains(c) {
        command = c; pos += 1
      } else if command == nil {
        throw .message("path data must start with a command such as M", offset: t.offset)
      }
      guard let cmd = command else { break }
      let rel = cmd.isLowercase
      func abs(_ p: Point) -> Point { rel ? Point(x: current.x + p.x, y: current.y + p.y) : p }
      switch cmd.uppercased().first! {
      case "M":
        let p = abs(try point()); cmds.append(.move(p)); current = p; start = p
        command = rel ? "l" : "L"  // further pairs are line-tos
        lastControl = nil
      case "L":
        let p = abs(try point()); cmds.append(.line(p)); current = p; lastControl = nil
      case "H":
        let x = try number(); let p = Point(x: rel ? current.x + x : x, y: current.y)
        cmds.append(.line(p)); current = p; lastControl = nil
      case "V":
        let y = try number(); let p = Point(x: current.x, y: rel ? current.y + y : y)
        cmds.append(.line(p)); current = p; lastControl = nil
      case "C":
        let c1 = abs(try point()), c2 = abs(try point()), p = abs(try point())
        cmds.append(.cubic(c1, c2, p)); current = p; lastControl = c2
      case "S":
        let c1 = "CcSs".contains(lastCommand) ? reflect(lastControl ?? current, about: current) : current
        let c2 = abs(try point()), p = abs(try point())
        cmds.append(.cubic(c1, c2, p)); current = p; lastControl = c2
      case "Q", "T":
        let q: Point
        if cmd.uppercased() == "Q" { q = abs(try point()) } else {
          q = "QqTt".contains(lastCommand) ? reflect(lastControl ?? current, about: current) : current
        }
        let p = abs(try point())
        // A quadratic is a cubic with controls 2/3 of the way to the quadratic control.
        let c1 = Point(x: current.x + 2 / 3 * (q.x - current.x), y: current.y + 2 / 3 * (q.y - current.y))
        let c2 = Point(x: p.x + 2 / 3 * (q.x - p.x), y: p.y + 2 / 3 * (q.y - p.y))
        cmds.append(.cubic(c1, c2, p)); current = p; lastControl = q
      case "A":
        let rx = Swift.abs(try number()), ry = Swift.abs(try number())
        let angle = try plainNumber(), large = try plainNumber() != 0, sweep = try plainNumber() != 0
        let p = abs(try point())
        cmds += arc(from: current, to: p, rx: rx, ry: ry, angle: angle, large: large, sweep: sweep)
        current = p; lastControl = nil
      case "Z":
        cmds.append(.close); current = start; lastControl = nil
        command = nil
      default: break
      }
      lastCommand = cmd
      if cmd.uppercased() == "Z", pos < tokens.count, !isCommand(tokens[pos].text) {
        throw .message("numbers after Z need a command first", offset: tokens[pos].offset)
      }
    }
    if cmds.isEmpty { throw .message("the path is empty", offset: 0) }
    return PathData(cmds)
  }

  private func isCommand(_ s: String) -> Bool { s.count == 1 && "MmLlHhVvCcSsQqTtAaZz".contains(s) }

  private func reflect(_ p: Point, about c: Point) -> Point { Point(x: 2 * c.x - p.x, y: 2 * c.y - p.y) }

  private mutating func point() throws(Failure) -> Point {
    let x = try number(); let y = try number(); return Point(x: x, y: y)
  }

  /// A coordinate: a number with a unit, or a bare number in the path's `unit`.
  private mutating func number() throws(Failure) -> Double {
    guard pos < tokens.count else { throw .message("the path ends where a number was expected", offset: -1) }
    let t = tokens[pos]
    // Coordinates within 10 m of the page: nan, inf and absurd sizes are errors, not traps.
    func checked(_ v: Double) throws(Failure) -> Double {
      guard v.isFinite, Swift.abs(v) <= Length.mm(10_000).points else {
        throw .message("the number `\(t.text)` is not a usable coordinate (it must be finite and within 10 m)", offset: t.offset)
      }
      return v
    }
    if let l = Length.parse(t.text) { pos += 1; return try checked(l.points) }
    if let v = Double(t.text) {
      guard let unit else {
        throw .message("the number `\(t.text)` needs a unit (20mm), or give the path a `unit: mm`", offset: t.offset)
      }
      pos += 1; return try checked(v * unit.points)
    }
    throw .message("expected a number, found `\(t.text)`", offset: t.offset)
  }

  /// Arc flags and angles are plain numbers.
  private mutating func plainNumber() throws(Failure) -> Double {
    guard pos < tokens.count, let v = Double(tokens[pos].text), v.isFinite, Swift.abs(v) <= 1_000_000 else {
      throw .message("an arc needs its rotation and two flags as plain, finite numbers", offset: pos < tokens.count ? tokens[pos].offset : -1)
    }
    pos += 1; return v
  }

  private func tokenize(_ d: String) -> [(String, Int)] {
    var out: [(String, Int)] = []
    var cur = "", start = 0
    let chars = Array(d)
    func flush() { if !cur.isEmpty { out.append((cur, start)); cur = "" } }
    for (i, c) in chars.enumerated() {
      if c == " " || c == "," || c == "\n" || c == "\t" { flush(); continue }
      if isCommand(String(c)) && !(c == "e" || c == "E") && !(cur.last?.isLetter ?? false && c.isLowercase && cur.count > 0 && !cur.last!.isNumber) {
        // A letter starts a command unless it continues a unit (`mm`, `pt`, `cm`, `in`).
        if let last = cur.last, last.isLetter || (last.isNumber && "mcpi".contains(c) && i + 1 < chars.count && "mtnx".contains(chars[i + 1])) {
          cur.append(c); continue
        }
        flush(); out.append((String(c), i)); start = i + 1; continue
      }
      if (c == "-" || c == "+"), let last = cur.last, last != "e", last != "E" { flush() }
      if cur.isEmpty { start = i }
      cur.append(c)
    }
    flush()
    return out
  }

  /// Endpoint arc → centre parameterisation → cubic segments of at most 90° (SVG 1.1, F.6).
  private func arc(from p0: Point, to p1: Point, rx rx0: Double, ry ry0: Double, angle: Double, large: Bool, sweep: Bool)
    -> [PathData.Command]
  {
    if rx0 == 0 || ry0 == 0 || (p0.x == p1.x && p0.y == p1.y) { return [.line(p1)] }
    let phi = angle * .pi / 180, cosP = cos(phi), sinP = sin(phi)
    let dx = (p0.x - p1.x) / 2, dy = (p0.y - p1.y) / 2
    let x1 = cosP * dx + sinP * dy, y1 = -sinP * dx + cosP * dy
    var rx = rx0, ry = ry0
    let lambda = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry)
    if lambda > 1 { rx *= lambda.squareRoot(); ry *= lambda.squareRoot() }
    let num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    let den = rx * rx * y1 * y1 + ry * ry * x1 * x1
    var coef = (max(0, num) / den).squareRoot()
    if large == sweep { coef = -coef }
    let cx1 = coef * rx * y1 / ry, cy1 = -coef * ry * x1 / rx
    let cx = cosP * cx1 - sinP * cy1 + (p0.x + p1.x) / 2
    let cy = sinP * cx1 + cosP * cy1 + (p0.y + p1.y) / 2
    func ang(_ ux: Double, _ uy: Double, _ vx: Double, _ vy: Double) -> Double {
      let a = atan2(ux * vy - uy * vx, ux * vx + uy * vy); return a
    }
    let theta1 = ang(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry)
    var delta = ang((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry)
    if !sweep && delta > 0 { delta -= 2 * .pi } else if sweep && delta < 0 { delta += 2 * .pi }
    // Degenerate arcs (radii that collapse, numbers at the edge of range) draw a straight line.
    guard delta.isFinite, theta1.isFinite, cx.isFinite, cy.isFinite else { return [.line(p1)] }
    let segments = max(1, min(4, Int((Swift.abs(delta) / (.pi / 2)).rounded(.up))))
    let step = delta / Double(segments)
    let k = 4 / 3 * tan(step / 4)
    var cmds: [PathData.Command] = []
    var t = theta1
    func pt(_ a: Double, _ dxdy: (Double, Double) = (0, 0)) -> Point {
      let ex = rx * cos(a) - k * rx * sin(a) * dxdy.0, ey = ry * sin(a) + k * ry * cos(a) * dxdy.0
      _ = dxdy
      return Point(x: cx + cosP * ex - sinP * ey, y: cy + sinP * ex + cosP * ey)
    }
    for _ in 0..<segments {
      let t2 = t + step
      let e1 = Point(x: rx * cos(t), y: ry * sin(t)), e2 = Point(x: rx * cos(t2), y: ry * sin(t2))
      let d1 = Point(x: -rx * sin(t), y: ry * cos(t)), d2 = Point(x: -rx * sin(t2), y: ry * cos(t2))
      func map(_ p: Point) -> Point { Point(x: cx + cosP * p.x - sinP * p.y, y: cy + sinP * p.x + cosP * p.y) }
      let c1 = map(Point(x: e1.x + k * d1.x, y: e1.y + k * d1.y))
      let c2 = map(Point(x: e2.x - k * d2.x, y: e2.y - k * d2.y))
      cmds.append(.cubic(c1, c2, map(e2)))
      t = t2
    }
    _ = pt
    return cmds
  }
}
