import Foundation
import TestSupport
import Testing

@testable import Batch

/// Terms are shown to readers by the word most often behind their stem:
/// pages.csv's drift_toward_words and terms.csv's word column.
@Suite struct DisplayWordTests {
  /// A WordPress page whose one comment says `comment`.
  private func page(_ title: String, _ article: String, _ comment: String) -> String {
    """
    \(title)

    Posted on March 2, 2019 by Ruth Kane

    \(article)

    1 Response to “\(title)”

    Ann Lee says:
    March 3, 2019 at 9:00 am

    \(comment)

    Reply

    """
  }

  private func rows(_ output: String, _ name: String) throws -> [[String: String]] {
    try #require(CSVRows(try String(contentsOfFile: output + "/" + name, encoding: .utf8))).records
  }

  private func run(_ input: String, _ output: String) throws {
    _ = try BatchRun(options: BatchOptions(input: input, output: output, jobs: 1, maxRemovedShare: 1)).run { _ in }
  }

  @Test func corpusWordFollowsTheCountsAsPagesComeAndGo() throws {
    let input = try Fixture.scratch("words-in")
    let output = try Fixture.scratch("words-out")
    // "run" is "running" three times on a.txt, "runs" twice on b.txt.
    try Fixture.write(
      page("Harbour Wall Repairs", "The harbour wall needs new stone.", "Running late, running out of money, running scared."),
      to: input + "/a.txt")
    try Fixture.write(
      page("Ferry Timetable Change", "The ferry timetable changes in May.", "The ferry runs late and runs empty."),
      to: input + "/b.txt")
    try run(input, output)
    let terms = try rows(output, "terms.csv")
    let runRow = try #require(terms.first { $0["term"] == "run" }, "\(terms.map { $0["term"] ?? "" })")
    #expect(runRow["word"] == "running")
    #expect(runRow["comment_count"] == "5")
    #expect(terms.first { $0["term"] == "empti" }?["word"] == "empty")
    #expect(terms.first { $0["term"] == "timet" }?["word"] == "timetable")
    // Where the stem is the word, the word is the stem.
    #expect(terms.first { $0["term"] == "late" }?["word"] == "late")

    let pages = try rows(output, "pages.csv")
    for row in pages {
      let stems = (row["drift_toward"] ?? "").split(separator: " ")
      let words = (row["drift_toward_words"] ?? "").split(separator: " ")
      #expect(stems.count == words.count && !stems.isEmpty, "\(row)")
      if let i = stems.firstIndex(of: "run") {
        #expect(words[i] == (row["path"] == "a.txt" ? "running" : "runs"))
      }
    }

    // a.txt gone: its three "running" leave the counts, "runs" is left.
    try Fixture.remove(input + "/a.txt")
    try run(input, output)
    let after = try rows(output, "terms.csv")
    #expect(after.first { $0["term"] == "run" }?["word"] == "runs")
  }
}
