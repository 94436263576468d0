import Foundation
import TestSupport
import Testing

/// `threadstat report`: the HTML a user opens, read back as XML, its charts
/// linted one by one, rendered in headless Chromium, and its numbers held
/// to what `stats` and `drift` print for the same files.
@Suite("threadstat report, end to end")
struct ReportCommandTests {
  /// The sample scrapes, sorted.
  private static var samples: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Samples").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { "Samples/" + $0 }
  }

  /// Writes the report of `files` into `dir`, checks the file is well-formed
  /// XML, every chart has a title and a description and passes `xmllint`, and
  /// that Chromium draws it in light and dark mode with visible ink.
  private func render(_ files: [String], in dir: URL) throws -> ReportCheck {
    let out = dir.appendingPathComponent("report.html")
    let r = try CLI.run(["report"] + files + ["-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let report = try ReportCheck(path: out.path)
    let charts = try report.charts()
    // Two drift curves, two author bar charts, the terms, the evidence
    // split, then an icicle and a drift line per drawn page.
    #expect(charts.count >= 6)
    #expect(charts.count % 2 == 0)
    for chart in charts {
      #expect(!chart.title.isEmpty && !chart.description.isEmpty, "chart \(chart.id) lacks a text alternative")
    }
    #expect(try report.lintCharts(in: dir) == charts.count)
    for dark in [false, true] {
      let shot = try report.screenshot(to: dir.appendingPathComponent(dark ? "dark.png" : "light.png"), width: 800, height: 1400, dark: dark)
      #expect(shot.width == 800 && shot.height == 1400)
      // Text, bars and bands in several colours on a plain background.
      #expect(shot.colours >= 20, "only \(shot.colours) colours: a blank page?")
      #expect(shot.inked > 0.03 && shot.inked < 0.7, "\(shot.inked) of the pixels inked")
    }
    return report
  }

  /// Checks the report's author rows against `stats --format json` for
  /// the same files: names and counts equal, share and mean drift as the
  /// report rounds them (to 3 places).
  private func expectStatsRows(_ rows: [[String]], _ files: [String]) throws {
    let r = try CLI.run(["stats"] + files + ["--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let stats = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    #expect(stats.count >= rows.count)
    for (row, a) in zip(rows, stats) {
      let counts = [a["comments"], a["words"], a["replies_sent"], a["replies_received"], a["articles"]].map { ($0 as? Int).map(String.init) ?? "?" }
      #expect([row[0], row[1], row[3], row[4], row[5], row[7]] == [a["author"] as? String ?? "?"] + counts)
      expectRounded(row[2], a["share"])
      expectRounded(row[6], a["mean_drift"])
    }
  }

  /// `shown` is `value` to 3 places (or both are empty).
  private func expectRounded(_ shown: String, _ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let value = value as? Double else {
      #expect(shown == "", sourceLocation: sourceLocation)
      return
    }
    let x = Double(shown) ?? .nan
    #expect(abs(x - value) <= 0.0005 + 1e-9, "\(shown) shown for \(value)", sourceLocation: sourceLocation)
  }

  @Test("the samples' report: charts well formed, drawn in light and dark, authors as stats counts them")
  func samples() throws {
    let dir = try CLI.scratch("report-samples")
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = Self.samples
    #expect(files.count >= 10)
    let report = try render(files, in: dir)
    let authors = try report.table("Authors by comments")
    #expect(!authors.isEmpty)
    try expectStatsRows(authors, files)
    // A page whose parser warned is listed with its warning count.
    let pages = try report.table("\(files.count) pages")
    #expect(pages.count == files.count)
  }

  @Test("one page's drift curves are those of threadstat drift")
  func driftMatches() throws {
    let dir = try CLI.scratch("report-drift")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = "Samples/wpdiscuz-twice.txt"
    let out = dir.appendingPathComponent("one.html")
    #expect(try CLI.run(["report", file, "-o", out.path]).status == 0)
    let report = try ReportCheck(path: out.path)
    let drift = try CLI.json(try CLI.run(["drift", file, "--format", "json"]).stdout)
    /// The report's rows of a curve against drift's points that have comments.
    func expectCurve(_ rows: [[String]], _ key: String, _ name: String) throws {
      let points = try #require(drift[key] as? [[String: Any]]).filter { ($0["comments"] as? Int ?? 0) > 0 }
      #expect(rows.count == points.count)
      for (row, p) in zip(rows, points) {
        let ints = [p[name], p["comments"], p["scored"]].map { ($0 as? Int).map(String.init) ?? "?" }
        #expect(Array(row[0..<3]) == ints)
        expectRounded(row[3], p["mean_drift"])
      }
    }
    let byDepth = try report.table("Drift by depth")
    #expect(!byDepth.isEmpty)
    try expectCurve(byDepth, "by_depth", "depth")
    let byQuarter = try report.table("Drift by quarter").map { row in [String(row[0].dropFirst())] + row[1...] }
    try expectCurve(byQuarter, "by_position", "quarter")
  }

  @Test("a 1,000-file corpus: one small file, authors as stats counts them")
  func corpus() throws {
    let dir = try CLI.scratch("report-corpus")
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try ScrapeCorpus.write(to: input.path, files: 1000, seed: 7)
    let files = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted().map { input.path + "/" + $0 }
    #expect(files.count == 1000)
    let report = try render(files, in: dir)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: report.path)[.size] as? Int)
    #expect(size < 2_000_000, "\(size) bytes")
    let authors = try report.table("Authors by comments")
    try expectStatsRows(authors, files)
    // The page table lists the first 500 pages and says how many there are.
    #expect(try report.table("The first 500 of 1000 pages").count == 500)
  }

  @Test("an unreadable input or an output folder that is not there: one line, exit 1, no file left")
  func failures() throws {
    let dir = try CLI.scratch("report-fail")
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r.html")
    let missing = try CLI.run(["report", "Samples/plain.txt", "no-such-page.txt", "-o", out.path])
    #expect(missing.status == 1)
    #expect(missing.stderr.split(separator: "\n").last == "Error: no-such-page.txt: no such file")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let nowhere = dir.appendingPathComponent("absent/r.html").path
    let r = try CLI.run(["report", "Samples/plain.txt", "-o", nowhere])
    #expect(r.status == 1)
    #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(nowhere))
    // Standard input reads like the file.
    let piped = try CLI.run(["report", "-", "--title", "t"], stdin: try Data(contentsOf: CLI.root.appendingPathComponent("Samples/plain.txt")))
    let file = try CLI.run(["report", "Samples/plain.txt", "--title", "t"])
    #expect(piped.status == 0 && !piped.stdout.isEmpty)
    #expect(piped.stdout == file.stdout)
    // And the same input gives the same bytes.
    #expect(try CLI.run(["report", "Samples/plain.txt", "--title", "t"]).stdout == file.stdout)
  }
}
