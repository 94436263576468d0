import Foundation
import Metrics
import Synchronization
import Testing

@testable import Batch

#if canImport(Glibc)
  import Glibc
#endif

/// What goes wrong around a nightly run: files that vanish, a full disk, a
/// damaged state database, and signals.
@Suite struct BatchFaultTests {
  /// Every per-page GraphML below `folder` reads back with libxml2, and no
  /// temporary file is left behind.
  private func expectIntactOutputs(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/.tmp")) ?? []
    #expect(leftovers.isEmpty, "temporary files left: \(leftovers)", sourceLocation: sourceLocation)
    let pages = folder + "/pages"
    for name in (try? FileManager.default.subpathsOfDirectory(atPath: pages)) ?? [] where name.hasSuffix(".graphml") {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: pages + "/" + name)))
      #expect(throws: Never.self, "\(name) is damaged", sourceLocation: sourceLocation) {
        try GraphDocument.counts(parsing: bytes)
      }
    }
  }

  /// A reference run's reproducible outputs for `input`.
  private func reference(_ input: String, _ name: String) throws -> [String: Data] {
    let output = try Fixture.scratch(name)
    let run = try Fixture.batch(input, output, ["--quiet"])
    try #require(run.status == 0, "\(run.stderr)")
    return try Fixture.reproducibleOutputs(output)
  }

  /// A scrape deleted after the walk listed it and before it was read.
  @Test func fileThatVanishesMidRunFailsAloneAndIsDroppedNextRun() throws {
    let (input, output) = try Fixture.corpus("vanish", files: 4, seed: 101)
    let victim = try Fixture.scrapes(input)[1]
    let options = BatchOptions(input: input, output: output, jobs: 1)
    let report = try BatchRun(options: options).run { event in
      if case .started = event { try? Fixture.remove(input + "/" + victim) }
    }
    #expect(report.failed.map(\.path) == [victim])
    #expect(report.failed.first?.reason == "no such file (removed during the run?)")
    #expect(report.files.new == 3)
    #expect(report.exitStatus == 3)
    try expectIntactOutputs(output)
    let again = try BatchRun(options: options).run { _ in }
    #expect(again.exitStatus == 0)
    #expect(again.files.unchanged == 3)
  }

  /// A 1 GB page of one line (sparse, so it costs no disk) is refused by its
  /// size before a byte is read; the rest of the folder is processed.
  @Test func oneGigabyteOneLinePageIsSkippedBySize() throws {
    let (input, output) = try Fixture.corpus("gigabyte", files: 2, seed: 105)
    let fd = open(input + "/huge.txt", O_WRONLY | O_CREAT, 0o644)
    try #require(fd >= 0)
    #expect(ftruncate(fd, 1 << 30) == 0)
    close(fd)
    let run = try Fixture.batch(input, output, ["--quiet"])
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains("huge.txt: 1073741824 bytes, over the limit of 67108864 bytes"), "\(run.stderr)")
    let files = try #require(try Fixture.report(output)["files"] as? [String: Int])
    #expect(files["new"] == 2)
    #expect(files["failed"] == 1)
  }

  /// Outputs on a 512 kB tmpfs: the run fails with the system's reason and
  /// leaves whole files only; with room again, a re-run finishes the job.
  @Test func fullDiskForTheOutputFolder() throws {
    let input = try Fixture.scratch("full-in")
    try Fixture.generate(input, files: 200, seed: 102)
    let expected = try reference(input, "full-ref")
    let output = try Fixture.scratch("full-out")
    let mount = try Fixture.execute("/bin/mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", output])
    try #require(mount.status == 0, "cannot mount a tmpfs (the test needs root): \(mount.stderr)")
    defer { _ = try? Fixture.execute("/bin/umount", ["-l", output]) }

    let full = try Fixture.batch(input, output, ["--quiet", "--jobs", "1"])
    #expect(full.status == 1 || full.status == 3, "\(full.stderr)")
    #expect(
      full.stderr.contains("No space left on device") || full.stderr.contains("database or disk is full"),
      "\(full.stderr)")
    try expectIntactOutputs(output)

    let grown = try Fixture.execute("/bin/mount", ["-o", "remount,size=256m", output])
    try #require(grown.status == 0, "\(grown.stderr)")
    let resumed = try Fixture.batch(input, output, ["--quiet"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try Fixture.reproducibleOutputs(output) == expected)
  }

  enum Damage: String, CaseIterable { case garbage, truncated, zeroedHeader }

  /// A damaged state database is a clear error that names --rebuild, and
  /// --rebuild recovers the same outputs as a fresh run.
  @Test(arguments: Damage.allCases)
  func damagedStateDatabase(damage: Damage) throws {
    let (input, output) = try Fixture.corpus("damaged-\(damage)", files: 6, seed: 103)
    let expected = try reference(input, "damaged-ref")
    #expect(try Fixture.batch(input, output, ["--quiet"]).status == 0)
    let database = output + "/" + BatchRun.databaseName
    for suffix in ["-wal", "-shm"] { try? Fixture.remove(database + suffix) }
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: database)))
    switch damage {
    case .garbage: bytes = Array("this is not a database\n".utf8) + [UInt8](repeating: 0x5A, count: 8192)
    case .truncated: bytes = Array(bytes.prefix(bytes.count / 2))
    case .zeroedHeader: bytes.replaceSubrange(0..<100, with: [UInt8](repeating: 0, count: 100))
    }
    try Data(bytes).write(to: URL(fileURLWithPath: database))
    // A page output left over from a scrape that is gone: --rebuild must not keep it.
    try Fixture.write("stale", to: output + "/pages/gone.txt.graphml")

    let failed = try Fixture.batch(input, output, ["--quiet"])
    #expect(failed.status == 1, "\(failed.stderr)")
    #expect(failed.stderr.contains("state database"), "\(failed.stderr)")
    #expect(failed.stderr.contains("--rebuild"), "\(failed.stderr)")

    let rebuilt = try Fixture.batch(input, output, ["--quiet", "--rebuild"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(try Fixture.reproducibleOutputs(output) == expected)
    #expect(try Fixture.batch(input, output, ["--quiet"]).status == 0)
  }

  /// SIGINT and SIGTERM during the first run: the run stops after the files
  /// in progress with status 128 + signal, every output written is whole,
  /// and a re-run finishes to the same outputs as an uninterrupted run.
  @Test(arguments: [SIGINT, SIGTERM])
  func signalStopsCleanlyAfterTheCurrentFiles(signal: Int32) throws {
    let input = try Fixture.scratch("signal-in")
    try Fixture.generate(input, files: 80, seed: 104)
    let expected = try reference(input, "signal-ref")
    let output = try Fixture.scratch("signal-out")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Fixture.binary)
    process.arguments = ["batch", input, "--out", output, "--jobs", "1", "--quiet"]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    // Wait for the first page output, then signal.
    var polls = 0
    while process.isRunning, polls < 60_000,
      ((try? FileManager.default.subpathsOfDirectory(atPath: output + "/pages")) ?? []).isEmpty
    {
      usleep(1_000)
      polls += 1
    }
    kill(process.processIdentifier, signal)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 128 + signal, "\(stderr)")
    #expect(stderr.contains("stopped on request after"), "\(stderr)")
    #expect(!FileManager.default.fileExists(atPath: output + "/report.json"))
    try expectIntactOutputs(output)

    let resumed = try Fixture.batch(input, output, ["--quiet"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let report = try Fixture.report(output)
    let files = try #require(report["files"] as? [String: Int])
    #expect(files["unchanged"] ?? 0 > 0, "the stopped run recorded nothing")
    #expect(try Fixture.reproducibleOutputs(output) == expected)
  }
}
