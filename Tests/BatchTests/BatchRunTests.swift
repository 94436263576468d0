import Foundation
import Metrics
import Synchronization
import TestSupport
import Testing
import Threads

@testable import Batch

/// The batch run as a library: incremental runs, the lock, bad files.
@Suite struct BatchRunTests {
  private func run(
    _ input: String, _ output: String, maxPageBytes: Int = BatchOptions.defaultMaxPageBytes, jobs: Int = 2
  ) throws -> (RunReport, [BatchEvent]) {
    let events = Mutex<[BatchEvent]>([])
    let options = BatchOptions(input: input, output: output, maxPageBytes: maxPageBytes, jobs: jobs)
    let report = try BatchRun(options: options).run { event in events.withLock { $0.append(event) } }
    return (report, events.withLock { $0 })
  }

  @Test func firstRunProcessesEverythingAndSecondRunNothing() throws {
    let input = try Fixture.scratch("first-in")
    let output = try Fixture.scratch("first-out") + "/results"
    try Fixture.generate(input, files: 8, seed: 11)

    let (first, events) = try run(input, output)
    #expect(first.files.seen == 8)
    #expect(first.files.new == 8)
    #expect(first.new == (try Fixture.scrapes(input)))
    #expect(first.corpusRebuilt)
    #expect(first.exitStatus == 0)
    let pageEvents = events.filter { if case .page = $0 { true } else { false } }
    #expect(pageEvents.count == 8)
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(pages.split(separator: "\n").count == 9)
    let outputs = try Fixture.reproducibleOutputs(output)

    let (second, _) = try run(input, output)
    #expect(second.files.unchanged == 8)
    #expect(second.files.new + second.files.changed + second.files.removed == 0)
    #expect(!second.corpusRebuilt)
    #expect(try Fixture.reproducibleOutputs(output) == outputs)
  }

  @Test func incrementalRunEqualsAFreshFullRun() throws {
    let input = try Fixture.scratch("incr-in")
    let extra = try Fixture.scratch("incr-extra")
    let output = try Fixture.scratch("incr-out")
    let fresh = try Fixture.scratch("incr-fresh")
    try Fixture.generate(input, files: 10, seed: 21)
    try Fixture.generate(extra, files: 2, seed: 22)
    _ = try run(input, output)

    let names = try Fixture.scrapes(input)
    for (i, name) in try Fixture.scrapes(extra).enumerated() {
      try FileManager.default.copyItem(atPath: extra + "/" + name, toPath: input + "/new-\(i).txt")
    }
    try Fixture.append("\nLate Reader\n\nI disagree with all of this.\n", to: input + "/" + names[0])
    try Fixture.append("\n", to: input + "/" + names[1])
    try Fixture.remove(input + "/" + names[2])
    try Fixture.remove(input + "/" + names[3])

    let (night, events) = try run(input, output)
    #expect(night.files.new == 2)
    #expect(night.new == ["new-0.txt", "new-1.txt"])
    #expect(night.files.changed == 2)
    #expect(night.changed == [names[0], names[1]])
    #expect(night.files.removed == 2)
    #expect(night.removed == [names[2], names[3]])
    #expect(night.files.unchanged == 6)
    #expect(night.corpusRebuilt)
    #expect(events.contains { if case .removed(names[2]) = $0 { true } else { false } })
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(!pages.contains(names[2]))
    #expect(!FileManager.default.fileExists(atPath: output + "/pages/" + names[2] + ".graphml"))
    #expect(FileManager.default.fileExists(atPath: output + "/pages/new-0.txt.graphml"))

    // One thread instead of two: the outputs must not depend on it either.
    _ = try run(input, fresh, jobs: 1)
    #expect(try Fixture.reproducibleOutputs(output) == Fixture.reproducibleOutputs(fresh))
  }

  /// The corpus graph aggregated in SQL, after pages came, changed and went,
  /// must be the graph `AuthorGraph.merge` makes of the pages in path order.
  @Test func corpusGraphEqualsTheMergedPages() throws {
    let (input, output) = try Fixture.corpus("merged", files: 12, seed: 57)
    try Fixture.write(
      "A page\n\nThe article text.\n\n2 Comments\n\nZoë, \"Q\" <b>\n\nFirst!\n\n\n\nNo name here.\n",
      to: input + "/0-odd.txt")
    _ = try run(input, output)
    let names = try Fixture.scrapes(input)
    try Fixture.append("\nzoë, \"q\" <b>\n\nAgain, with feeling.\n", to: input + "/" + names[3])
    try Fixture.remove(input + "/" + names[5])
    try FileManager.default.copyItem(atPath: input + "/" + names[1], toPath: input + "/zz-copy.txt")
    let (night, _) = try run(input, output, jobs: 1)
    #expect((night.files.new, night.files.changed, night.files.removed) == (1, 1, 1))

    // zz-copy.txt holds the bytes of names[1]: a copy, counted once.
    var seen = Set<Data>()
    let pages = try Fixture.scrapes(input).sorted(by: BatchRun.byteOrder).compactMap { name -> AuthorGraph? in
      let data = try Data(contentsOf: URL(fileURLWithPath: input + "/" + name))
      guard seen.insert(data).inserted else { return nil }
      return PageAnalysis(Discussion(parsing: [UInt8](data), source: name)).graph
    }
    #expect(pages.count == (try Fixture.scrapes(input)).count - 1)
    let merged = AuthorGraph.merged(pages)
    #expect(merged.authors.values.contains { $0.articles > 1 })
    #expect(!merged.unknownAuthors.isEmpty)
    let corpus = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/corpus.graphml")))
    #expect(corpus == (try GraphDocument(merged).bytes()))
    // corpus.gexf, written in the same pass, is the merged graph's GEXF, valid against GEXF 1.3.
    let gexf = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/corpus.gexf")))
    #expect(gexf == (try GraphDocument(merged).bytes(.gexf)))
    #expect(String(decoding: gexf, as: UTF8.self).contains(" start=\"20"))
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Fixtures/gexf-1.3/gexf.rng").standardizedFileURL.path
    let lint = Process()
    lint.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    lint.arguments = ["xmllint", "--noout", "--relaxng", schema, output + "/corpus.gexf"]
    try lint.run()
    lint.waitUntilExit()
    #expect(lint.terminationStatus == 0)
    // edges.csv, aggregated in SQL, is the merged graph's edge table (graph --format csv).
    let edges = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/edges.csv")))
    #expect(edges == GraphTables(GraphDocument(merged)).edges)
    let authors = try String(contentsOfFile: output + "/authors.csv", encoding: .utf8)
    #expect(authors.split(separator: "\n").count == merged.authors.count + 1)
  }

  @Test func secondRunOnALockedFolderFailsAtOnce() throws {
    let (input, output) = try Fixture.corpus("lock", files: 1, seed: 31)
    do {
      let held = try OutputLock(folder: output)
      #expect {
        _ = try run(input, output)
      } throws: { error in
        (error as? BatchError)?.kind == .locked
          && (error as? BatchError)?.message.contains("another threadstat batch is running") == true
      }
      withExtendedLifetime(held) {}
    }
    let (report, _) = try run(input, output)
    #expect(report.files.new == 1)
  }

  @Test func badFilesAreListedAndTheRestIsDone() throws {
    let (input, output) = try Fixture.corpus("bad", files: 3, seed: 41)
    try Fixture.write(String(repeating: "x", count: 300_000), to: input + "/huge.txt")
    try Data([0x41, 0x0A, 0xFF, 0xFE, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: input + "/latin.txt"))

    let (report, events) = try run(input, output, maxPageBytes: 200_000)
    #expect(report.files.seen == 5)
    #expect(report.files.failed == 1)
    #expect(report.failed.map(\.path) == ["huge.txt"])
    #expect(report.failed.first?.reason.contains("--max-page-bytes") == true)
    #expect(report.files.new == 4)
    // The decoding warning, on line 1; the parser's own findings may follow.
    let decoding = report.warnings.filter { $0.message.contains("Windows-1252") }
    #expect(decoding.map(\.path) == ["latin.txt"])
    #expect(decoding.first?.line == 1)
    #expect(report.exitStatus == 3)
    #expect(events.contains { if case .warning("latin.txt", 1, "warning", _) = $0 { true } else { false } })
    let json = try Fixture.report(output)
    let failed = try #require(json["failed"] as? [[String: Any]])
    #expect(failed.first?["path"] as? String == "huge.txt")
  }

  /// Binary data fails unparsed; a page in UTF-16 is parsed, with a warning.
  @Test func binaryFilesFailAndUTF16PagesAreRead() throws {
    let (input, output) = try Fixture.corpus("binary", files: 1, seed: 43)
    let page = try String(contentsOfFile: input + "/" + (try Fixture.scrapes(input))[0], encoding: .utf8)
    try #require(page.data(using: .utf16LittleEndian)).write(to: URL(fileURLWithPath: input + "/wide.txt"))
    try Data([0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 200)).write(
      to: URL(fileURLWithPath: input + "/binary.txt"))

    let (report, _) = try run(input, output)
    #expect(report.failed.map(\.path) == ["binary.txt"])
    #expect(report.failed.first?.reason == "not a text scrape")
    #expect(report.warnings.map(\.path) == ["wide.txt"])
    #expect(report.warnings.first?.message == "decoded as UTF-16LE")
    #expect(report.files.new == 2)
    #expect(report.exitStatus == 3)
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(pages.contains("wide.txt"))
    #expect(!pages.contains("binary.txt"))
  }

  @Test func oddFileNamesStayInsideTheOutputFolder() throws {
    let (input, output) = try Fixture.corpus("odd", files: 1, seed: 52)
    let page = try Fixture.scrapes(input)[0]
    try FileManager.default.createDirectory(atPath: input + "/..x", withIntermediateDirectories: true)
    // Each one blank line longer: not copies, which pages.csv would list once.
    for (i, name) in ["we:ird?.txt", "line\nbreak.txt", "..x/..txt", "-dash.txt"].enumerated() {
      try FileManager.default.copyItem(atPath: input + "/" + page, toPath: input + "/" + name)
      try Fixture.append(String(repeating: "\n", count: i + 1), to: input + "/" + name)
    }
    let (report, _) = try run(input, output)
    #expect(report.files.new == 5)
    #expect(report.failed.isEmpty)
    let written = try #require(FileManager.default.subpaths(atPath: output + "/pages"))
      .filter { $0.hasSuffix(".graphml") }
    #expect(written.count == 5)
    #expect(written.allSatisfy { !$0.contains(":") && !$0.contains("?") && !$0.contains("\n") })
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(pages.contains("\"line\nbreak.txt\""))
  }

  @Test func commentLevelIsAddedToPagesAlreadyDone() throws {
    let (input, output) = try Fixture.corpus("level", files: 2, seed: 53)
    _ = try run(input, output)
    let options = BatchOptions(input: input, output: output, commentLevel: true, jobs: 1)
    let report = try BatchRun(options: options).run { _ in }
    #expect(report.files.unchanged == 2)
    for name in try Fixture.scrapes(input) {
      #expect(FileManager.default.fileExists(atPath: output + "/pages/" + name + ".comments.graphml"))
    }
  }

  @Test func corpusGraphPassesTheGraphMLChecks() throws {
    let (input, output) = try Fixture.corpus("gml", files: 3, seed: 54)
    _ = try run(input, output)
    for page in try Fixture.scrapes(input) {
      let check = try GraphMLCheck(path: output + "/pages/" + page + ".graphml")
      #expect(check.problems.isEmpty, "\(page): \(check.problems)")
    }
    let corpus = try GraphMLCheck(path: output + "/corpus.graphml")
    #expect(corpus.problems.isEmpty, "corpus.graphml: \(corpus.problems)")
    #expect(corpus.summary.nodeIDs.filter { $0.hasPrefix("p") }.count == 3)
  }

  @Test func recordsOfAnotherFormatAreProcessedAgain() throws {
    let (input, output) = try Fixture.corpus("format", files: 2, seed: 55)
    _ = try run(input, output)
    let outputs = try Fixture.reproducibleOutputs(output)
    try BatchStore(path: output + "/" + BatchRun.databaseName).setSetting("record-format", "page-v0")
    let (report, _) = try run(input, output)
    #expect(report.files.new == 2)
    #expect(report.warnings.map(\.path) == [BatchRun.databaseName])
    #expect(try Fixture.reproducibleOutputs(output) == outputs)
  }

  @Test func inputFolderMayBeASymbolicLink() throws {
    let (input, output) = try Fixture.corpus("link", files: 2, seed: 56)
    let link = output + "-link"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
    let (report, _) = try run(link, output)
    #expect(report.files.new == 2)
  }

  @Test func outputFolderInsideTheInputIsNotWalked() throws {
    let input = try Fixture.scratch("nested-in")
    try Fixture.generate(input, files: 2, seed: 51)
    let (first, _) = try run(input, input + "/results")
    try Fixture.write("stray", to: input + "/results/stray.txt")
    let (second, _) = try run(input, input + "/results")
    #expect(first.files.seen == 2)
    #expect(second.files.seen == 2)
  }
}
