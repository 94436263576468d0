import Foundation
import TestSupport
import Testing

@testable import Batch

#if canImport(Glibc)
  import Glibc
#endif

/// `threadstat batch` as users run it: exit codes, messages, and kill -9.
@Suite(.serialized) struct BatchCommandTests {
  @Test func cleanRunExitsZeroAndLogsPlainLines() throws {
    let (input, output) = try Fixture.corpus("cli", files: 3, seed: 61)
    let run = try Fixture.batch(input, output)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("batch: 3 seen, 3 new, 0 changed, 0 unchanged, 0 removed, 0 failed"))
    #expect(!run.stderr.contains("\u{1B}["))
    let quiet = try Fixture.batch(input, output, ["--quiet"])
    #expect(quiet.status == 0)
    #expect(quiet.stderr.isEmpty)
  }

  @Test func usageErrorsExitTwo() throws {
    let output = try Fixture.scratch("usage-out")
    let missing = try Fixture.batch(output + "/no-such-folder", output)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no-such-folder"))
    let badLimit = try Fixture.batch(output, output + "/results", ["--max-page-bytes", "0"])
    #expect(badLimit.status == 2)
    let sameFolder = try Fixture.batch(output, output + "/.")
    #expect(sameFolder.status == 2)
    #expect(sameFolder.stderr.contains("cannot be the input folder"))
  }

  @Test func secondConcurrentRunExitsOneAtOnce() throws {
    let (input, output) = try Fixture.corpus("busy", files: 1, seed: 71)
    let held = try OutputLock(folder: output)
    let run = try Fixture.batch(input, output)
    withExtendedLifetime(held) {}
    #expect(run.status == 1)
    #expect(run.stderr.contains("another threadstat batch is running on this output folder"))
    #expect(!FileManager.default.fileExists(atPath: output + "/report.json"))
  }

  /// Unreadable, too large and invalid UTF-8 files: the first two fail, are
  /// listed on stderr and in report.json, the rest is processed, exit 3.
  @Test func badFilesExitThree() throws {
    let (input, output) = try Fixture.corpus("cli-bad", files: 2, seed: 81)
    try Fixture.write(String(repeating: "big page\n", count: 50_000), to: input + "/big.txt")
    try Data([0x4E, 0x61, 0xEF, 0x0A, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: input + "/broken.txt"))
    try Fixture.write("secret\n", to: input + "/locked.txt")
    chmod(input + "/locked.txt", 0o000)
    let run = try batchAsNobody(input, output, ["--max-page-bytes", "100000"])
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains("batch: failed big.txt: 450000 bytes, over the limit of 100000 bytes"))
    #expect(run.stderr.contains("batch: failed locked.txt: permission denied"))
    #expect(run.stderr.contains("broken.txt:1: warning: not valid UTF-8"))
    let report = try Fixture.report(output)
    let failed = try #require(report["failed"] as? [[String: Any]])
    #expect(failed.compactMap { $0["path"] as? String } == ["big.txt", "locked.txt"])
    let files = try #require(report["files"] as? [String: Int])
    #expect(files["new"] == 3)
    #expect(files["failed"] == 2)
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(pages.contains("broken.txt"))
  }

  /// A folder that cannot be listed fails on its own; the pages stored from it stay.
  @Test func unlistableFolderKeepsItsPages() throws {
    let (input, output) = try Fixture.corpus("unlisted", files: 1, seed: 82)
    let sub = input + "/sub"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    try Fixture.write("Title\n\nText of the article.\n", to: sub + "/inner.txt")
    #expect(try batchAsNobody(input, output).status == 0)
    chmod(sub, 0o000)
    defer { chmod(sub, 0o755) }
    let run = try batchAsNobody(input, output)
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains("batch: failed sub/:"))
    let report = try Fixture.report(output)
    #expect((report["removed"] as? [String]) == [])
    let pages = try String(contentsOfFile: output + "/pages.csv", encoding: .utf8)
    #expect(pages.contains("sub/inner.txt"))
  }

  /// Runs the batch as user nobody when the tests run as root (root reads
  /// anything), so that permission bits count.
  private func batchAsNobody(_ input: String, _ output: String, _ extra: [String] = []) throws
    -> Fixture.Execution
  {
    chmod(output, 0o777)
    let asRoot = getuid() == 0
    let program = asRoot ? "/usr/bin/setpriv" : Fixture.binary
    let prefix = asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", Fixture.sharedBinary] : []
    return try Fixture.execute(program, prefix + ["batch", input, "--out", output] + extra)
  }

  /// Kills runs with SIGKILL at pseudo-random moments, re-runs, and checks
  /// that the outputs equal those of an uninterrupted run, byte for byte. Half
  /// the trials kill a first run, half an incremental night.
  @Test func killedRunsResumeToIdenticalOutputs() throws {
    let base = try Fixture.scratch("kill-base")
    let extra = try Fixture.scratch("kill-extra")
    try Fixture.generate(base, files: 24, seed: 91)
    try Fixture.generate(extra, files: 6, seed: 92)
    let night2 = try Fixture.scratch("kill-night2")
    for name in try Fixture.scrapes(base).dropFirst(3) {
      try FileManager.default.copyItem(atPath: base + "/" + name, toPath: night2 + "/" + name)
    }
    for name in try Fixture.scrapes(extra) {
      try FileManager.default.copyItem(atPath: extra + "/" + name, toPath: night2 + "/x-" + name)
    }
    try Fixture.append("\nSomeone Else\n\nA late reply.\n", to: night2 + "/" + (try Fixture.scrapes(night2))[0])

    let reference1 = try Fixture.scratch("kill-ref1")
    let started = Date()
    #expect(try Fixture.batch(base, reference1, ["--quiet"]).status == 0)
    let fullRun = Date().timeIntervalSince(started)
    let reference2 = try Fixture.scratch("kill-ref2")
    #expect(try Fixture.batch(night2, reference2, ["--quiet"]).status == 0)
    let expected1 = try Fixture.reproducibleOutputs(reference1)
    let expected2 = try Fixture.reproducibleOutputs(reference2)

    var random = SplitMix64(seed: 2026)
    for trial in 0..<6 {
      let output = try Fixture.scratch("kill-\(trial)")
      let incremental = trial % 2 == 1
      if incremental { #expect(try Fixture.batch(base, output, ["--quiet"]).status == 0) }
      let input = incremental ? night2 : base
      for _ in 0..<2 {
        try killMidway(input, output, after: fullRun * random.fraction())
        try expectComplete(output)
      }
      let resumed = try Fixture.batch(input, output, ["--quiet"])
      #expect(resumed.status == 0, "\(resumed.stderr)")
      let outputs = try Fixture.reproducibleOutputs(output)
      #expect(outputs == (incremental ? expected2 : expected1), "trial \(trial)")
    }
  }

  /// Starts a run and sends it SIGKILL after `delay` seconds (or lets it end).
  private func killMidway(_ input: String, _ output: String, after delay: Double) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Fixture.binary)
    process.arguments = ["batch", input, "--out", output, "--quiet"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(UInt32(delay * 1_000_000))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Every corpus output left by a killed run is whole: a header and full lines.
  private func expectComplete(_ output: String) throws {
    let graph = output + "/corpus.graphml"
    if FileManager.default.fileExists(atPath: graph) {
      #expect(try String(contentsOfFile: graph, encoding: .utf8).hasSuffix("</graphml>\n"))
    }
    for name in ["pages.csv", "authors.csv", "terms.csv"] {
      let path = output + "/" + name
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(text.hasSuffix("\n"), "\(name) cut short")
      #expect(text.split(separator: "\n").first?.contains(",") == true)
    }
  }
}
