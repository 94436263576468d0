import Foundation
import TestSupport
import Testing

/// A scrape copied within the input folder is counted once in the corpus
/// outputs, with a note naming both; once the original is gone the copy counts.
@Suite(.serialized) struct CopiedPageTests {
  private func corpusOutputs(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in ["corpus.graphml", "authors.csv", "terms.csv", "pages.csv"] {
      result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return result
  }

  @Test func copyCountsOnceUntilTheOriginalGoes() throws {
    let (input, reference) = try Fixture.corpus("copies", files: 4, seed: 141)
    #expect(try Fixture.batch(input, reference, ["--quiet"]).status == 0)
    let names = try Fixture.scrapes(input)
    try FileManager.default.copyItem(atPath: input + "/" + names[1], toPath: input + "/zz-copy.txt")

    let output = try Fixture.scratch("copies-out")
    let run = try Fixture.batch(input, output)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("zz-copy.txt: note: same content as \(names[1]); counted once in the corpus outputs"))
    #expect(try corpusOutputs(output) == corpusOutputs(reference))
    let report = try Fixture.report(output)
    let warnings = try #require(report["warnings"] as? [[String: Any]])
    #expect(warnings.contains { ($0["path"] as? String) == "zz-copy.txt" && ($0["severity"] as? String) == "note" })
    #expect((report["files"] as? [String: Int])?["new"] == 5)
    #expect(FileManager.default.fileExists(atPath: output + "/pages/zz-copy.txt.graphml"))

    try Fixture.remove(input + "/" + names[1])
    let after = try Fixture.batch(input, output, ["--quiet"])
    #expect(after.status == 0, "\(after.stderr)")
    let pages = try #require(CSVRows(try String(contentsOfFile: output + "/pages.csv", encoding: .utf8))).records
    #expect(pages.map { $0["path"] ?? "" } == [names[0], names[2], names[3], "zz-copy.txt"])
    let authors = try Data(contentsOf: URL(fileURLWithPath: output + "/authors.csv"))
    #expect(authors == (try corpusOutputs(reference))["authors.csv"])
  }
}
