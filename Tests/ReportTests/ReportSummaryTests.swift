import Metrics
import Report
import Testing
import Threads

/// The report's figures on small inputs worked by hand.
@Suite("Report figures by hand")
struct ReportSummaryTests {
  @Test("drift histograms: exact means, medians and quartiles to within one bin")
  func distribution() {
    var d = DriftDistribution(buckets: 2)
    for x in [0.1, 0.3, 0.5, 0.7] { d.add(x, bucket: 0) }
    d.add(nil, bucket: 0)
    d.add(0.9, bucket: 5)  // clamped into the last bucket
    #expect(d.comments == [5, 1])
    #expect(d.scored(0) == 4)
    #expect(abs((d.mean(bucket: 0) ?? -1) - 0.4) < 1e-12)
    // Median of 0.1, 0.3, 0.5, 0.7: half of the values lie at or below 0.3's bin.
    let median = d.quantile(0.5, bucket: 0) ?? -1
    #expect(median >= 0.3 && median <= 0.3 + 1.0 / Double(DriftDistribution.bins))
    #expect(d.quantile(0.5, bucket: 1).map { $0 >= 0.9 && $0 <= 0.92 } == true)
    var e = DriftDistribution(buckets: 2)
    e.add(0.2, bucket: 0)
    d.merge(e)
    #expect(d.scored(0) == 5 && abs((d.mean(bucket: 0) ?? -1) - 0.36) < 1e-12)
    #expect(DriftDistribution(buckets: 1).quantile(0.5, bucket: 0) == nil)
  }

  /// A page of `counts[i]` comments by author i, all top-level.
  private func page(_ counts: [Int], source: String) -> Discussion {
    var lines = ["Title of \(source)", "", "Article text about harbours and ferries.", "", "Comments"]
    for (a, n) in counts.enumerated() {
      for k in 0..<n {
        lines += ["", "Writer\(a) says:", "March \(k + 1), 2024 at 10:00 am", "Comment \(k) about the ferry timetable.", "Reply"]
      }
    }
    return Discussion(parsing: Array(lines.joined(separator: "\n").utf8), source: source)
  }

  @Test("concentration: top-tenth share and Gini of comments per author")
  func concentration() throws {
    // Ten authors: one wrote 10, nine wrote 1 each (19 comments).
    let d = page([10, 1, 1, 1, 1, 1, 1, 1, 1, 1], source: "a.txt")
    var s = ReportSummary()
    s.add(d, PageAnalysis(d))
    try #require(s.graph.authors.count == 10)
    #expect(s.comments == 19)
    // The top tenth is one author: 10 of 19.
    let c = try #require(s.concentration)
    #expect(abs(c.topTenthShare - 10.0 / 19.0) < 1e-12)
    // Sorted 1 x 9, 10: sum (i+1)c = 45 + 100 = 145; G = 2*145/(10*19) - 11/10.
    #expect(abs(c.gini - (290.0 / 190.0 - 1.1)) < 1e-12)
    #expect(ReportSummary().concentration == nil)
    // All equal: no concentration; the top tenth of 20 equal authors wrote a tenth.
    let equal = try #require(Concentration(counts: Array(repeating: 3, count: 20)))
    #expect(abs(equal.gini) < 1e-12 && abs(equal.topTenthShare - 0.1) < 1e-12)
  }

  @Test("pages merge in order; only the largest trees are kept, largest first")
  func shapes() {
    var s = ReportSummary()
    for i in 0..<(ReportSummary.shapesKept + 3) {
      let d = page([1 + i % 5], source: "p\(i).txt")
      s.add(d, PageAnalysis(d))
    }
    #expect(s.pages.map(\.source) == (0..<(ReportSummary.shapesKept + 3)).map { "p\($0).txt" })
    #expect(s.shapes.count == ReportSummary.shapesKept)
    let sizes = s.shapes.map(\.count)
    #expect(sizes == sizes.sorted(by: >))
    // 15 pages of sizes 1,2,3,4,5 repeated: the 12 largest drop three pages of size 1.
    #expect(sizes.first == 5 && sizes.last == 2 && sizes.filter { $0 == 2 }.count == 3)
    // Among equals the earlier page comes first.
    #expect(s.shapes.prefix(3).map(\.source) == ["p4.txt", "p9.txt", "p14.txt"])
  }

  @Test("page rows and flagged pages are kept up to a bound, counted beyond it")
  func bounded() {
    var s = ReportSummary()
    let n = ReportSummary.pagesKept + 7
    for i in 0..<n {
      // Every third page has no comment section: flagged.
      let d = i % 3 == 0 ? Discussion(parsing: Array("Just an article.\n".utf8), source: "e\(i).txt") : page([1], source: "p\(i).txt")
      s.merge(ReportSummary(d, PageAnalysis(d), authors: false))
    }
    #expect(s.pageCount == n)
    #expect(s.pages.count == ReportSummary.pagesKept)
    #expect(s.pages.last?.source == "p\(ReportSummary.pagesKept - 1).txt")
    #expect(s.flaggedCount == (n + 2) / 3)
    #expect(s.flagged.allSatisfy { $0.comments == 0 })
    #expect(!s.hasAuthors && s.graph.authors.isEmpty)
  }
}
