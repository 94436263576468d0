import Foundation
import TestSupport
import Testing

@testable import Batch

/// `report.html` in the batch's output folder: the run's pages and the
/// corpus, with numbers that match the corpus tables and the run.
@Suite struct BatchReportTests {
  private func run(_ input: String, _ output: String, jobs: Int = 2) throws -> RunReport {
    try BatchRun(options: BatchOptions(input: input, output: output, jobs: jobs)).run { _ in }
  }

  @Test func reportShowsTheRunsPagesAndTheCorpus() throws {
    let (input, output) = try Fixture.corpus("report", files: 60, seed: 5)
    let first = try run(input, output)
    #expect(first.files.new == 60)
    let path = output + "/report.html"
    var report = try ReportCheck(path: path)
    let charts = try report.charts()
    #expect(charts.contains { $0.title == "Corpus drift terms" })
    #expect(charts.allSatisfy { !$0.title.isEmpty && !$0.description.isEmpty })
    let scratch = URL(fileURLWithPath: try Fixture.scratch("report-lint"))
    #expect(try report.lintCharts(in: scratch) == charts.count)

    // The corpus authors are authors.csv's rows, most comments first.
    let table = try #require(CSVRows(try String(contentsOfFile: output + "/authors.csv", encoding: .utf8)))
    let expected = table.records
      .map { r in (r["author"] ?? "", Int(r["comments"] ?? "") ?? -1, r["key"] ?? "", r["share"] ?? "") }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2.utf8.lexicographicallyPrecedes($1.2.utf8) }
    let shown = try report.table("Corpus authors by comments")
    #expect(!shown.isEmpty)
    #expect(shown.map { $0[1] } == expected.prefix(shown.count).map { String($0.1) })
    for (row, csv) in zip(shown, expected) {
      // The report rounds the share to 3 places; authors.csv gives it in full.
      let gap = abs((Double(row[2]) ?? .nan) - (Double(csv.3) ?? .nan))
      #expect(gap <= 0.0005 + 1e-9, "\(row[0]): \(row[2]) shown, \(csv.3) in authors.csv")
    }
    // The run's page table lists the 60 new pages in path order.
    let pages = try report.table("60 pages").map { $0[0] }
    #expect(pages.count == 60)

    // A night with two changed pages shows those two, and the corpus of 60.
    let names = try Fixture.scrapes(input)
    for name in names.prefix(2) {
      try (try String(contentsOfFile: input + "/" + name, encoding: .utf8) + "\nOne more line.\n")
        .write(toFile: input + "/" + name, atomically: true, encoding: .utf8)
    }
    let second = try run(input, output)
    #expect(second.files.changed == 2)
    report = try ReportCheck(path: path)
    #expect(try report.table("2 pages").count == 2)
    let figures = try String(contentsOfFile: path, encoding: .utf8)
    #expect(figures.contains("<dt>pages</dt><dd>60</dd>"))

    // The same run on one thread gives the same bytes.
    let fresh = try Fixture.scratch("report-fresh")
    _ = try run(input, fresh, jobs: 2)
    let again = try Fixture.scratch("report-again")
    _ = try run(input, again, jobs: 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: fresh + "/report.html"))
      == Data(contentsOf: URL(fileURLWithPath: again + "/report.html")))
  }
}
