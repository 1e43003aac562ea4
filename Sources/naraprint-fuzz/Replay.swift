#if !FUZZING
  import Foundation

  /// Without libFuzzer (a plain `swift build`): the replay driver. Runs the fuzz entry on every
  /// file given and every file directly inside each folder given (the seed corpus, the
  /// regression inputs, a crash file from a fuzzing run), and optionally on deterministic
  /// mutations of them:
  ///
  ///     naraprint-fuzz [--mutate N] [--seed S] [--timeout SECONDS] [--verbose] PATH...
  ///
  /// A crash ends the process (with the input's name printed before it ran); an input that
  /// takes longer than the timeout (default 10 s) is reported and makes the exit status 1.
  /// The loaders throw only `DiagnosticsError` (typed throws), so any other error cannot
  /// reach here. Exit status: 0 all ran, 1 a slow input, 2 a usage error.
  @main
  struct Replay {
    static func main() {
      var args = Array(CommandLine.arguments.dropFirst())
      var mutations = 0, seed: UInt64 = 1, timeout = 10.0, verbose = false
      var paths: [String] = []
      func usage(_ message: String) -> Never {
        FileHandle.standardError.write(Data("naraprint-fuzz: \(message)\nusage: naraprint-fuzz [--mutate N] [--seed S] [--timeout SECONDS] [--verbose] PATH...\n".utf8))
        exit(2)
      }
      while !args.isEmpty {
        let a = args.removeFirst()
        func value() -> String {
          guard !args.isEmpty else { usage("\(a) needs a value") }
          return args.removeFirst()
        }
        func number<T: LosslessStringConvertible>(_: T.Type) -> T {
          guard let n = T(value()) else { usage("\(a) takes a number") }
          return n
        }
        switch a {
        case "--mutate": mutations = number(Int.self)
        case "--seed": seed = number(UInt64.self)
        case "--timeout": timeout = number(Double.self)
        case "--verbose", "-v": verbose = true
        case "-h", "--help": usage("runs the loader's parsers on fuzz inputs")
        default: paths.append(a)
        }
      }
      if paths.isEmpty { usage("no inputs given") }

      var files: [String] = []
      let fm = FileManager.default
      for p in paths {
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: p, isDirectory: &isDir) else { usage("no such file or folder: \(p)") }
        if isDir.boolValue {
          let names = (try? fm.contentsOfDirectory(atPath: p)) ?? []
          for n in names.sorted() where !n.hasPrefix(".") && n != "README.md" {
            var sub: ObjCBool = false
            if fm.fileExists(atPath: p + "/" + n, isDirectory: &sub), !sub.boolValue { files.append(p + "/" + n) }
          }
        } else {
          files.append(p)
        }
      }

      var slow: [String] = []
      var counts: [String: Int] = [:]
      var rng = SplitMix64(seed: seed)
      func runOne(_ name: String, _ input: [UInt8]) {
        if verbose { FileHandle.standardError.write(Data("running \(name)\n".utf8)) }
        // Named for the crash handler, so that a crash says which input it was.
        setCurrent(name)
        let start = Date()
        let outcome = FuzzEntry.run(input)
        let seconds = Date().timeIntervalSince(start)
        if seconds > timeout {
          slow.append("\(name): \(String(format: "%.1f", seconds)) s")
        }
        let kind = ParserKind.split(input).map { $0.kind.rawValue } ?? "empty"
        switch outcome {
        case .loaded: counts[kind + " loaded", default: 0] += 1
        case .diagnostics(let first, let count):
          counts[kind + " refused", default: 0] += 1
          if verbose {
            FileHandle.standardError.write(Data("  \(count) diagnostics; the first: \(first.prefix(300))\n".utf8))
          }
        case .empty: counts["empty", default: 0] += 1
        }
      }
      var inputs: [(String, [UInt8])] = []
      for f in files {
        guard let data = fm.contents(atPath: f) else { usage("cannot read \(f)") }
        inputs.append((f, [UInt8](data)))
        runOne(f, [UInt8](data))
      }
      if mutations > 0, !inputs.isEmpty {
        for i in 0..<mutations {
          let (name, original) = inputs[Int(rng.next() % UInt64(inputs.count))]
          let mutated = Mutator.mutate(original, others: inputs, rng: &rng)
          runOne("mutation \(i) of \(name) (seed \(seed))", mutated)
        }
      }
      setCurrent(nil)
      let summary = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
      print("naraprint-fuzz: \(files.count) inputs\(mutations > 0 ? " + \(mutations) mutations" : ""): \(summary)")
      if !slow.isEmpty {
        print("slower than \(timeout) s:\n  " + slow.joined(separator: "\n  "))
        exit(1)
      }
    }
  }

  /// The input being run, printed by the crash handler (a trap kills the process before any
  /// Swift code could say which input it was).
  nonisolated(unsafe) private var currentName: UnsafeMutablePointer<CChar>?

  private func setCurrent(_ name: String?) {
    if currentName == nil {
      for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
        signal(sig) { sig in
          if let name = currentName {
            let prefix = "\nnaraprint-fuzz: crashed on "
            _ = prefix.withCString { write(2, $0, strlen($0)) }
            _ = write(2, name, strlen(name))
            _ = write(2, "\n", 1)
          }
          signal(sig, SIG_DFL)
          raise(sig)
        }
      }
    }
    free(currentName)
    currentName = name.map { strdup($0) } ?? strdup("(between inputs)")
  }

  /// A small deterministic random source (the same seed, the same mutations).
  struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
  }

  /// libFuzzer-like byte mutations, without coverage: flips, inserts of interesting bytes
  /// and tokens, deletions, duplications and splices with another input. The first byte (the
  /// parser) is kept.
  enum Mutator {
    static let tokens: [[UInt8]] = [
      "\"", "\"\"", ";", ",", "\t", "\r\n", "\r", "\n", "\0", "\u{1B}", "\\", "\\0", "\\x", "\\777", "#~ ", "#| ",
      "msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[0] ", "sep=", "{{", "}}", "{{enhet}}", ": ", "- ",
      "[", "]", "{", "}", "&a ", "*a", "!!", "<<: ", "|\n", ">-\n", "---\n", "...\n", "use: ", "style: ", "items:",
      "\u{FEFF}", "\u{2028}", "é", "\u{0301}", "ø", "𝄞", "1e308", "-0", "99999999999999999999", "mm", "pt", "%",
    ].map { Array($0.utf8) }
    static let bytes: [UInt8] = [0, 1, 0x0A, 0x0D, 0x20, 0x22, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF]

    static func mutate(_ input: [UInt8], others: [(String, [UInt8])], rng: inout SplitMix64) -> [UInt8] {
      guard let first = input.first else { return input }
      var body = Array(input.dropFirst())
      for _ in 0...rng.below(4) {
        let at = rng.below(body.count + 1)
        switch rng.below(7) {
        case 0 where !body.isEmpty: body[min(at, body.count - 1)] ^= UInt8(1 << rng.below(8))
        case 1: body.insert(bytes[rng.below(bytes.count)], at: at)
        case 2: body.insert(contentsOf: tokens[rng.below(tokens.count)], at: at)
        case 3 where !body.isEmpty:
          let n = min(body.count - min(at, body.count), 1 + rng.below(64))
          body.removeSubrange(min(at, body.count)..<(min(at, body.count) + n))
        case 4 where !body.isEmpty:
          let from = rng.below(body.count), n = min(body.count - from, 1 + rng.below(256))
          body.insert(contentsOf: body[from..<(from + n)], at: at)
        case 5:
          let other = others[rng.below(others.count)].1.dropFirst()
          guard !other.isEmpty else { continue }
          let from = other.startIndex + rng.below(other.count)
          let n = min(other.endIndex - from, 1 + rng.below(512))
          body.insert(contentsOf: other[from..<(from + n)], at: at)
        default: if !body.isEmpty { body[min(at, body.count - 1)] = bytes[rng.below(bytes.count)] }
        }
      }
      return [first] + body
    }
  }
#endif
