import Foundation
import Testing

@testable import NaraTypography

/// The compound lexicon file is mapped, not read and parsed: look-ups in a small file, and
/// the files it must refuse (missing, empty, no `%%` line).
struct CompoundLexiconFile {
  static func write(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "naraprint-lexicon-\(UUID().uuidString).txt"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func looksUpStemsAndSuffixedForms() throws {
    let path = try Self.write("SFX\tA\t\ts\t.\t\n%%\nbil\tBEW\tA\nbo\tW\t\nöl\tE\tA\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let lexicon = try #require(CompoundLexicon(path: path))
    #expect(lexicon.roles(of: "bil") == [.begin, .end, .word])
    #expect(lexicon.roles(of: "bils") == [.end, .word])
    #expect(lexicon.roles(of: "bo") == [.word])
    #expect(lexicon.roles(of: "bos") == [])
    #expect(lexicon.roles(of: "öls") == [.end, .word])
    #expect(lexicon.roles(of: "ko") == [])
  }

  @Test func refusesMissingEmptyAndHeadlessFiles() throws {
    #expect(CompoundLexicon(path: "/nonexistent/compounds-sv.txt") == nil)
    let empty = try Self.write("")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    #expect(CompoundLexicon(path: empty) == nil)
    let noBody = try Self.write("SFX\tA\t\ts\t.\t\nbil\tBEW\tA\n")
    defer { try? FileManager.default.removeItem(atPath: noBody) }
    #expect(CompoundLexicon(path: noBody) == nil)
  }

  @Test func theProjectLexiconLoads() throws {
    let dir = try #require(TypographyData.defaultDirectory())
    let lexicon = try #require(CompoundLexicon(path: dir + "/" + TypographyData.compoundLexiconFileName(language: "sv")))
    #expect(lexicon.roles(of: "bil").contains(.word))
  }
}
