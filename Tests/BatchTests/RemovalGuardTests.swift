import Foundation
import TestSupport
import Testing

/// An empty or unmounted input folder, or a glob that matches nothing, must
/// not wipe a night's results: `batch` refuses and changes nothing.
@Suite(.serialized) struct RemovalGuardTests {
  /// Every file of the output folder (the state database, the report and
  /// `runs/` included), by relative path; only `.tmp/` and the lock file
  /// (which holds the last locker's process id) are left out.
  private func everything(_ folder: String) throws -> [String: Data] {
    try Fixture.files(folder) { $0 == ".lock" }
  }

  /// The refusal is one line on standard error, and nothing else is printed.
  private func expectRefused(_ run: Fixture.Execution, _ words: String) {
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(run.stderr.contains(words), "\(run.stderr)")
    #expect(run.stderr.contains("--allow-removals"))
  }

  @Test func emptyFolderAndNoMatchGlobChangeNothing() throws {
    let (input, output) = try Fixture.corpus("guard", files: 4, seed: 131)
    #expect(try Fixture.batch(input, output, ["--quiet"]).status == 0)
    let before = try everything(output)
    #expect(before.keys.contains("threadstat.sqlite"))
    #expect(before.keys.contains { $0.hasPrefix("pages/") })

    let empty = try Fixture.scratch("guard-empty")
    expectRefused(try Fixture.batch(empty, output), "but 4 pages are stored")
    #expect(try everything(output) == before)

    expectRefused(try Fixture.batch(input, output, ["--include", "*.scrape"]), "no file matches *.scrape")
    #expect(try everything(output) == before)
  }

  @Test func overTheShareRefusesUntilAllowed() throws {
    let (input, output) = try Fixture.corpus("guard-share", files: 4, seed: 132)
    #expect(try Fixture.batch(input, output, ["--quiet"]).status == 0)
    let before = try everything(output)
    let names = try Fixture.scrapes(input)
    for name in names.prefix(3) { try Fixture.remove(input + "/" + name) }

    // 3 of 4 is over the default 50%.
    expectRefused(try Fixture.batch(input, output, ["--quiet"]), "3 of 4 stored pages are gone, over the limit of 50%")
    #expect(try everything(output) == before)
    expectRefused(try Fixture.batch(input, output, ["--max-removals", "74"]), "over the limit of 74%")
    #expect(try everything(output) == before)

    // At 75% the run may go on; the removals are listed even with --quiet.
    let allowed = try Fixture.batch(input, output, ["--quiet", "--max-removals", "75"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    let listed = allowed.stderr.split(separator: "\n").map(String.init)
    #expect(listed == names.prefix(3).map { "batch: removed \($0)" })
    let pages = try #require(CSVRows(try String(contentsOfFile: output + "/pages.csv", encoding: .utf8))).records
    #expect(pages.map { $0["path"] ?? "" } == [names[3]])
  }

  @Test func allowRemovalsDropsEverything() throws {
    let (input, output) = try Fixture.corpus("guard-allow", files: 2, seed: 133)
    #expect(try Fixture.batch(input, output, ["--quiet"]).status == 0)
    let empty = try Fixture.scratch("guard-allow-empty")
    let run = try Fixture.batch(empty, output, ["--quiet", "--allow-removals"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 2)
    let report = try Fixture.report(output)
    #expect((report["removed"] as? [String])?.count == 2)
    #expect(try Fixture.scrapes(output).isEmpty)
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(pages.split(separator: "\n").count == 1)
  }

  @Test func badPercentageIsAUsageError() throws {
    let output = try Fixture.scratch("guard-usage")
    #expect(try Fixture.batch(output, output + "/out", ["--max-removals", "101"]).status == 2)
  }
}
