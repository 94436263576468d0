import Foundation
import TestSupport
import Testing

/// `stats` and `drift` on the hand-worked pages of `HandCorpus`: the
/// numbers a user reads, held to the hand counts.
@Suite("threadstat stats and drift, values by hand")
struct ValueTests {
  /// The hand pages in a new folder; returns their paths in page order.
  private func pages(_ name: String) throws -> [String] {
    let dir = try CLI.scratch(name)
    return try HandCorpus.pages.map { page in
      let path = dir.appendingPathComponent(page.name).path
      try Data(page.text.utf8).write(to: URL(fileURLWithPath: path))
      return path
    }
  }

  @Test("stats --format csv: the per-author table over both pages")
  func statsCSV() throws {
    let r = try CLI.run(["stats"] + pages("stats-csv") + ["--format", "csv"])
    #expect(r.status == 0, "\(r.stderr)")
    let table = try #require(CSVRows(r.stdout))
    let columns = [
      "author", "comments", "words", "truncated", "replies_sent", "replies_received", "partners", "share",
      "first_date", "last_date", "articles",
    ]
    #expect(table.records.map { row in columns.map { row[$0] ?? "(missing)" } } == [
      ["Ann Lee", "3", "32", "0", "2", "1", "1", "0.500", "2019-03-03", "2019-04-12", "2"],
      ["Bob Stone", "2", "22", "0", "1", "2", "1", "0.333", "2019-03-04", "2019-04-11", "2"],
      ["Cy Park", "1", "8", "0", "0", "0", "0", "0.167", "2019-03-06", "2019-03-06", "1"],
    ])
    #expect(table.records.last?["mean_drift"] == "1.000")
  }

  @Test("stats --format json: exact shares and the merged name's key")
  func statsJSON() throws {
    let r = try CLI.run(["stats"] + pages("stats-json") + ["--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["key"] as? String } == ["ann lee", "bob stone", "cy park"])
    let shares = rows.map { $0["share"] as? Double ?? -1 }
    for (share, want) in zip(shares, [3.0 / 6, 2.0 / 6, 1.0 / 6]) {
      #expect(abs(share - want) < 1e-12, "share \(share), by hand \(want)")
    }
    #expect(rows.map { $0["replies_received"] as? Int } == [1, 2, 0])
  }

  @Test("stats --sort words orders by the hand word counts")
  func statsSortedByWords() throws {
    let r = try CLI.run(["stats"] + pages("stats-sort") + ["--format", "csv", "--sort", "words"])
    #expect(r.status == 0, "\(r.stderr)")
    let table = try #require(CSVRows(r.stdout))
    #expect(table.records.map { $0["words"] ?? "" } == ["32", "22", "8"])
  }

  @Test("drift --format json: depths, the unrelated comment, the curve and the top term")
  func driftJSON() throws {
    let r = try CLI.run(["drift", try pages("drift-json")[0], "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try CLI.json(r.stdout)
    let comments = try #require(json["comments"] as? [[String: Any]])
    #expect(comments.map { $0["depth"] as? Int } == [0, 1, 2, 0])
    #expect(comments.map { $0["terms"] as? Int } == [6, 6, 5, 4])
    // Cy Park's comment shares no term with the article.
    #expect(comments[3]["drift"] as? Double == 1.0)
    #expect(comments[3]["article_similarity"] as? Double == 0.0)
    for c in comments.prefix(3) {
      let d = try #require(c["drift"] as? Double)
      #expect(d > 0 && d < 1)
    }
    let byDepth = try #require(json["by_depth"] as? [[String: Any]])
    #expect(byDepth.map { $0["comments"] as? Int } == [2, 1, 1])
    let drifts = comments.compactMap { $0["drift"] as? Double }
    let depth0 = try #require(byDepth.first?["mean_drift"] as? Double)
    #expect(abs(depth0 - (drifts[0] + drifts[3]) / 2) < 1e-12)
    let terms = try #require(json["terms"] as? [String: Any])
    let toward = try #require(terms["toward"] as? [[String: Any]])
    #expect(toward.first?["term"] as? String == "fair")
    let z = try #require(toward.first?["z"] as? Double)
    #expect(abs(z - HandCorpus.fairOnBridge.z) < 1e-9, "z \(z), by hand \(HandCorpus.fairOnBridge.z)")
    #expect(toward.first?["comments"] as? Int == 2)
  }

  @Test("drift --format csv: one row per comment, the unrelated one at 1")
  func driftCSV() throws {
    let r = try CLI.run(["drift", try pages("drift-csv")[0], "--format", "csv"])
    #expect(r.status == 0, "\(r.stderr)")
    let table = try #require(CSVRows(r.stdout))
    #expect(table.records.map { $0["author"] ?? "" } == ["Ann Lee", "Bob Stone", "Ann Lee", "Cy Park"])
    #expect(table.records.map { $0["depth"] ?? "" } == ["0", "1", "2", "0"])
    #expect(table.records.last?["drift"] == "1.000000")
  }
}
