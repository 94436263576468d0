import Foundation
import Testing
import Threads

/// Pages of one to three lines made of widget lines, names and dates: the
/// template learning looks at the lines around each one, and must stay in
/// bounds at the page's edges (a page of just "Leave a Reply" trapped).
@Suite("short pages of widget lines")
struct ShortPageTests {
  static let pieces = ["Leave a Reply", "Reply", "Permalink", "Share", "2 hours ago", "Anna Berg", "", "12"]

  @Test func everyShortPageParses() {
    var pages: [[String]] = Self.pieces.map { [$0] }
    for a in Self.pieces { for b in Self.pieces { pages.append([a, b]) } }
    for a in Self.pieces { for b in Self.pieces { for c in ["Reply", "Permalink", "Anna Berg"] { pages.append([a, b, c]) } } }
    for lines in pages {
      for ending in ["", "\n"] {
        let text = lines.joined(separator: "\n") + ending
        let d = Discussion(parsing: Array(text.utf8), source: "short.txt")
        #expect(d.comments.count <= lines.count, "\(lines)")
      }
    }
  }
}

/// Inputs the fuzzer found (Tests/Fixtures/fuzz, made from the project's own
/// sample files): each must parse with the invariants FuzzPage checks.
@Suite("fuzzer findings")
struct FuzzFindingTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/fuzz").standardizedFileURL

  @Test func findingsKeepTheInvariants() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
    #expect(names.count >= 3)
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
      let d = Discussion(parsing: bytes, source: name)
      for (i, c) in d.comments.enumerated() {
        #expect(c.index == i, "\(name) #\(i)")
        if let p = c.parent { #expect(p >= 0 && p < i, "\(name) #\(i) parent \(p)") }
        if i > 0 { #expect(c.line > d.comments[i - 1].line, "\(name) #\(i) out of page order") }
      }
    }
  }
}
