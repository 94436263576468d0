import Foundation
import Testing

/// The hidden entry `scripts/drift-eval` scores the labelled set through.
@Suite("threadstat drift-threads")
struct DriftThreadsTests {
  static func write(_ text: String, _ name: String) throws -> (dir: URL, file: String) {
    let dir = try CLI.scratch(name)
    let file = dir.appendingPathComponent("t.thread")
    try Data(text.utf8).write(to: file)
    return (dir, file.path)
  }

  @Test func scoresEachCommentInOrder() throws {
    let (dir, file) = try Self.write(
      """
      title\tWhich bank is best for a salary account?
      text\tI need a bank for my salary.
      comment\t-\tCommercial bank has the best salary account.
      comment\t0\tNice weather for a picnic today
      comment\t-\tlol

      """, "drift-threads")
    defer { try? FileManager.default.removeItem(at: dir) }
    for flags in [[], ["--corpus"]] {
      let r = try CLI.run(["drift-threads"] + flags + [file])
      #expect(r.status == 0, "\(r.stderr)")
      let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
      #expect(rows.count == 3)
      #expect(rows.map { $0[0] } == [Substring(file), Substring(file), Substring(file)])
      #expect(rows.map { $0[1] } == ["0", "1", "2"])
      let near = try #require(Double(rows[0][2]))
      #expect(near > 0 && near < 1)
      #expect(try #require(Double(rows[1][2])) == 1)
      // The reply has a parent similarity, the top-level comments none.
      #expect(!rows[1][4].isEmpty && rows[0][4].isEmpty)
    }
  }

  @Test func badRecordNamesTheFileAndLine() throws {
    let (dir, file) = try Self.write("title\tA\ncomment\t3\tno such parent\n", "drift-threads-bad")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["drift-threads", file])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("\(file):2:"))
  }

  @Test func hiddenFromHelp() throws {
    let r = try CLI.run(["--help"])
    #expect(r.status == 0)
    #expect(!r.stdout.contains("drift-threads"))
  }
}
