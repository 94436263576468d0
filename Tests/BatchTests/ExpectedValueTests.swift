import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Batch

/// The corpus outputs and report.json of a hand-worked corpus (`HandCorpus`),
/// held to numbers worked out by hand, not to what the code produced.
@Suite struct ExpectedValueTests {
  /// Writes the hand corpus into a new folder, runs the batch over it and
  /// returns the folders and the report.
  private func run(_ input: String? = nil, _ output: String? = nil) throws -> (String, String, RunReport) {
    let input = try input ?? {
      let folder = try Fixture.scratch("hand-in")
      for page in HandCorpus.pages { try Fixture.write(page.text, to: folder + "/" + page.name) }
      return folder
    }()
    let output = try output ?? Fixture.scratch("hand-out")
    let report = try BatchRun(options: BatchOptions(input: input, output: output, jobs: 2)).run { _ in }
    return (input, output, report)
  }

  private func table(_ output: String, _ name: String) throws -> CSVRows {
    let text = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
    return try #require(CSVRows(text), "\(name) does not read back as CSV")
  }

  @Test func authorsTableHasTheHandCounts() throws {
    let (_, output, _) = try run()
    let authors = try table(output, "authors.csv")
    let columns = [
      "author", "key", "pages", "comments", "share", "words", "truncated", "replies_sent",
      "replies_received", "partners", "first_date", "last_date",
    ]
    let expected = [
      ["Ann Lee", "ann lee", "2", "3", "0.5", "32", "0", "2", "1", "1", "2019-03-03", "2019-04-12"],
      ["Bob Stone", "bob stone", "2", "2", "0.333333", "22", "0", "1", "2", "1", "2019-03-04", "2019-04-11"],
      ["Cy Park", "cy park", "1", "1", "0.166667", "8", "0", "0", "0", "0", "2019-03-06", "2019-03-06"],
    ]
    #expect(authors.records.map { row in columns.map { row[$0] ?? "(missing)" } } == expected)
    // Cy Park's one comment shares no term with its article: drift 1 exactly.
    let drift = authors.records.map { $0["mean_drift"] ?? "" }
    #expect(drift.last == "1")
    for value in drift.dropLast() {
      let d = try #require(Double(value))
      #expect(d > 0 && d < 1)
    }
  }

  @Test func pagesTableHasTheHandCounts() throws {
    let (_, output, _) = try run()
    let pages = try table(output, "pages.csv")
    let columns = [
      "path", "title", "date", "layout", "language", "comments", "authors", "unknown_author_comments",
      "comment_words", "article_words", "truncated", "replies", "max_depth", "content_hash",
    ]
    // XXH64 of the bytes (the hash itself is checked against xxhsum in XXH64Tests).
    let hash = { (text: String) in XXH64.hex(XXH64.hash(Array(text.utf8))) }
    let expected = [
      ["bridge.txt", "Bridge Repairs Start Monday", "2019-03-02", "wordpress", "en", "4", "3", "0", "40", "40",
       "0", "2", "2", hash(HandCorpus.bridge)],
      ["market.txt", "Market Hall Gets New Roof", "2019-04-10", "wordpress", "en", "2", "2", "0", "22", "39",
       "0", "1", "1", hash(HandCorpus.market)],
    ]
    #expect(pages.records.map { row in columns.map { row[$0] ?? "(missing)" } } == expected)
  }

  /// The corpus drift terms: every term of the two pages is listed (fewer
  /// than 50 each way), so the counts add up to the hand totals, and the two
  /// worked terms have the hand scores.
  @Test func termsTableHasTheHandScores() throws {
    let (_, output, _) = try run()
    let terms = try table(output, "terms.csv").records
    #expect(terms.reduce(0) { $0 + (Int($1["comment_count"] ?? "") ?? 0) } == 32)
    #expect(terms.reduce(0) { $0 + (Int($1["article_count"] ?? "") ?? 0) } == 52)
    func stem(_ row: [String: String]) -> String? { row["stem"] ?? row["term"] }
    for (name, want, direction) in [
      ("boot", HandCorpus.boot, "toward"), ("bridg", HandCorpus.bridg, "away"),
    ] {
      let row = try #require(terms.first { stem($0) == name }, "\(name) is not in terms.csv")
      #expect(row["direction"] == direction)
      let z = try #require(Double(row["z"] ?? ""))
      let delta = try #require(Double(row["delta"] ?? ""))
      #expect(abs(z - want.z) < 1e-6, "\(name): z \(z), by hand \(want.z)")
      #expect(abs(delta - want.delta) < 1e-6, "\(name): delta \(delta), by hand \(want.delta)")
    }
    // Ranks: "boot" ties "fair" (2 and 0 each) at the top and sorts first.
    #expect(terms.first.map(stem) == "boot")
    #expect(terms.first?["rank"] == "1")
  }

  /// Three runs: the first takes both pages; the second sees one changed,
  /// one new and one binary file; the third sees the new one gone.
  @Test func reportCountsFollowTheRuns() throws {
    let (input, output, first) = try run()
    #expect(first.files == RunReport.Counts(seen: 2, new: 2, changed: 0, unchanged: 0, removed: 0, failed: 0))
    #expect(first.new == ["bridge.txt", "market.txt"])
    #expect(first.bytesRead == HandCorpus.bridge.utf8.count + HandCorpus.market.utf8.count)
    #expect(first.exitStatus == 0)

    let late = "\nDee Moss says:\nApril 13, 2019 at 8:00 am\n\nWill the market reopen before the fair?\n\nReply\n"
    try Fixture.append(late, to: input + "/market.txt")
    // A fifth comment on bridge.txt, above its comment form.
    let extra = HandCorpus.bridge.replacingOccurrences(of: "\nLeave a Reply\n", with: late + "\nLeave a Reply\n")
    try Fixture.write(extra, to: input + "/new.txt")
    try Data([0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 200)).write(
      to: URL(fileURLWithPath: input + "/junk.txt"))
    let (_, _, second) = try run(input, output)
    #expect(second.files == RunReport.Counts(seen: 4, new: 1, changed: 1, unchanged: 1, removed: 0, failed: 1))
    #expect(second.new == ["new.txt"])
    #expect(second.changed == ["market.txt"])
    #expect(second.failed == [RunReport.Failure(path: "junk.txt", reason: "not a text scrape")])
    #expect(second.bytesRead == HandCorpus.bridge.utf8.count * 2 + HandCorpus.market.utf8.count + late.utf8.count * 2)
    #expect(second.exitStatus == 3)
    let json = try Fixture.report(output)
    let files = try #require(json["files"] as? [String: Int])
    #expect(files == ["seen": 4, "new": 1, "changed": 1, "unchanged": 1, "removed": 0, "failed": 1])
    let pages = try table(output, "pages.csv").records
    #expect(pages.map { $0["path"] ?? "" } == ["bridge.txt", "market.txt", "new.txt"])
    #expect(pages.map { $0["comments"] ?? "" } == ["4", "3", "5"])

    try Fixture.remove(input + "/new.txt")
    try Fixture.remove(input + "/junk.txt")
    let (_, _, third) = try run(input, output)
    #expect(third.files == RunReport.Counts(seen: 2, new: 0, changed: 0, unchanged: 2, removed: 1, failed: 0))
    #expect(third.removed == ["new.txt"])
    #expect(third.exitStatus == 0)
    let authors = try table(output, "authors.csv").records
    // Dee Moss's comment on market.txt is all that is left of the new page's authors.
    #expect(authors.map { $0["author"] ?? "" } == ["Ann Lee", "Bob Stone", "Cy Park", "Dee Moss"])
    #expect(authors.map { $0["comments"] ?? "" } == ["3", "2", "1", "1"])
    #expect(authors.map { $0["share"] ?? "" } == ["0.428571", "0.285714", "0.142857", "0.142857"])
  }
}
