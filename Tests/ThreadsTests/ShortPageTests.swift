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
