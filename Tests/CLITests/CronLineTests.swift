import Foundation
import TestSupport
import Testing

/// The README's crontab lines, run as cron would (sh, a bare PATH) on a
/// folder that does not exist yet.
@Suite("the README's cron line works on the first night")
struct CronLineTests {
  /// The crontab lines of the README's Nightly section: the PATH line and
  /// the command of the schedule line (its five time fields dropped).
  private func cronLines() throws -> (path: String, command: String) {
    let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let path = try #require(lines.first { $0.hasPrefix("PATH=") })
    let schedule = try #require(lines.first { $0.hasPrefix("30 2 * * *") })
    let fields = schedule.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
    return (String(path.dropFirst("PATH=".count)), String(try #require(fields.last)))
  }

  /// Whether `line` starts with "YYYY-MM-DDTHH:MM:SSZ ".
  private func stamped(_ line: Substring) -> Bool {
    let shape = Array("0000-00-00T00:00:00Z ".utf8)
    let head = Array(line.utf8.prefix(shape.count))
    return head.count == shape.count
      && zip(head, shape).allSatisfy { got, want in want == UInt8(ascii: "0") ? (0x30...0x39).contains(got) : got == want }
  }

  @Test func cronLineRunsOnANewFolder() throws {
    let (path, command) = try cronLines()
    #expect(command.contains("threadstat batch /data/scrapes --out /data/results"))
    let dir = try CLI.scratch("cron")
    defer { try? FileManager.default.removeItem(at: dir) }
    let scrapes = dir.appendingPathComponent("scrapes").path
    try FileManager.default.createDirectory(atPath: scrapes, withIntermediateDirectories: true)
    try ScrapeCorpus.write(to: scrapes, files: 3, seed: 161)
    let results = dir.appendingPathComponent("new/results").path
    let line = command.replacingOccurrences(of: "/data/scrapes", with: scrapes)
      .replacingOccurrences(of: "/data/results", with: results)

    func night() throws -> (status: Int32, stderr: String) {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", line]
      // cron's environment: the crontab's PATH, with the built binary where an install would put it.
      p.environment = ["PATH": CLI.binary.deletingLastPathComponent().path + ":" + path, "HOME": dir.path, "SHELL": "/bin/sh"]
      p.currentDirectoryURL = dir
      let err = Pipe()
      p.standardError = err
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      let e = err.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    let first = try night()
    #expect(first.status == 0, "\(line): \(first.stderr)")
    #expect(first.stderr.isEmpty, "\(first.stderr)")
    let logPath = try #require(line.split(separator: " ").last.map(String.init))
    #expect(logPath.hasPrefix(results))
    let log = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
    #expect(!log.isEmpty)
    #expect(log.allSatisfy(stamped), "\(log)")
    #expect(log.contains { $0.contains(" batch: 3 files, ") })
    #expect(log.last?.contains("batch: 3 seen, 3 new, 0 changed, 0 unchanged, 0 removed, 0 failed") == true)
    #expect(FileManager.default.fileExists(atPath: results + "/report.json"))

    let second = try night()
    #expect(second.status == 0, "\(second.stderr)")
    let again = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
    #expect(again.count > log.count)
    #expect(Array(again.prefix(log.count)) == log)
    #expect(again.last?.contains("batch: 3 seen, 0 new, 0 changed, 3 unchanged") == true)
  }
}
