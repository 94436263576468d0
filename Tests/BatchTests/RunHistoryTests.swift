import SystemCalls
import Foundation
import Testing

@testable import Batch

/// report.json's exit status, times and interrupted flag, and the bounded
/// history of earlier reports under runs/.
@Suite(.serialized) struct RunHistoryTests {
  private func history(_ output: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: output + "/runs").sorted()
  }

  private func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// "YYYY-MM-DDTHH:MM:SSZ" within `slack` seconds of `date`.
  private func expectISO(_ value: Any?, near date: Date, slack: Double = 5) throws {
    let text = try #require(value as? String)
    let parser = ISO8601DateFormatter()
    let parsed = try #require(parser.date(from: text), "\(text)")
    #expect(text.count == 20 && text.hasSuffix("Z"))
    #expect(abs(parsed.timeIntervalSince(date)) < slack, "\(text)")
  }

  @Test func reportCarriesStatusAndTimesAndRunsKeepsTheLast30() throws {
    let (input, output) = try Fixture.corpus("history", files: 1, seed: 151)
    let before = Date()
    let options = BatchOptions(input: input, output: output, jobs: 1)
    let first = try BatchRun(options: options).run { _ in }
    let report = try Fixture.report(output)
    #expect(report["exit_status"] as? Int == 0)
    #expect(report["interrupted"] as? Bool == false)
    try expectISO(report["started_at"], near: before)
    try expectISO(report["finished_at"], near: Date())
    #expect((report["started"] as? Int).map(Int64.init) == first.started)
    let kept = try history(output)
    #expect(kept.count == 1)
    // The history entry is this run's report, byte for byte.
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: output + "/runs/" + kept[0]))
        == Data(contentsOf: URL(fileURLWithPath: output + "/report.json")))

    // A failed file: exit status 3 in the report.
    try Data([0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 64)).write(
      to: URL(fileURLWithPath: input + "/junk.txt"))
    _ = try BatchRun(options: options).run { _ in }
    #expect(try Fixture.report(output)["exit_status"] as? Int == 3)
    try Fixture.remove(input + "/junk.txt")

    for _ in 0..<(BatchRun.historyLimit + 3) { _ = try BatchRun(options: options).run { _ in } }
    let runs = try history(output)
    #expect(runs.count == BatchRun.historyLimit)
    // The newest are kept, oldest first: runs 6 to 35 of 35.
    let numbers = try runs.map { try #require(json(output + "/runs/" + $0)["run"] as? Int) }
    #expect(numbers == Array(6...35))
  }

  @Test func aStoppedRunIsKeptInTheHistoryOnly() throws {
    let (input, output) = try Fixture.corpus("history-stop", files: 3, seed: 152)
    let options = BatchOptions(input: input, output: output, jobs: 1)
    _ = try BatchRun(options: options).run { _ in }
    let full = try Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))
    try Fixture.generate(input, files: 6, seed: 153)
    #expect {
      _ = try BatchRun(options: options).run(onEvent: { _ in }, stopRequested: { true })
    } throws: { ($0 as? BatchError)?.kind == .interrupted }
    #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/report.json")) == full)
    let runs = try history(output)
    #expect(runs.count == 2)
    let stopped = try json(output + "/runs/" + runs[1])
    #expect(stopped["interrupted"] as? Bool == true)
    #expect(stopped["exit_status"] as? Int == Int(StopSignal.exitStatus))
    #expect(stopped["run"] as? Int == 2)
  }
}
