import SystemCalls
import Metrics
import Threads

/// The record of one run, written as `report.json` and kept in the run log.
public struct RunReport: Sendable, Equatable {
  /// A scrape that could not be processed, and why.
  public struct Failure: Sendable, Equatable {
    public var path: String
    public var reason: String
  }

  /// A finding about a processed scrape (the parser's diagnostics, for
  /// example a converted encoding) or about the run's state.
  public struct Warning: Sendable, Equatable {
    public var path: String
    /// The 1-based line of the scrape it is about; nil for the run's own findings.
    public var line: Int?
    /// "warning" or "note", as the parser grades its findings.
    public var severity: String = "warning"
    public var message: String
  }

  /// Counts of files by what became of them.
  public struct Counts: Sendable, Equatable {
    public var seen = 0
    public var new = 0
    public var changed = 0
    public var unchanged = 0
    public var removed = 0
    public var failed = 0
  }

  /// The run's number in the state database's run log.
  public var run: Int64
  public var input: String
  public var output: String
  /// Start, seconds since 1970 (UTC).
  public var started: Int64
  /// Start and end, ISO 8601 in UTC ("2026-12-03T02:30:00Z").
  public var startedAt = ""
  public var finishedAt = ""
  /// The run was stopped (SIGINT, SIGTERM) before it finished; such a report
  /// is kept under `runs/` only, beside the report of the last full run.
  public var interrupted = false
  public var durationSeconds: Double
  public var files = Counts()
  /// Bytes read from scrapes (processed or hashed).
  public var bytesRead = 0
  /// Relative paths, sorted.
  public var new: [String] = []
  public var changed: [String] = []
  public var removed: [String] = []
  public var failed: [Failure] = []
  public var warnings: [Warning] = []
  /// Whether the corpus outputs were rebuilt in this run.
  public var corpusRebuilt = false
  /// The process exit status this run calls for: 0, 3 when files failed,
  /// 128 + the signal number when it was stopped.
  public var exitStatus: Int32 = 0

  /// Pretty, key-sorted JSON with a final newline.
  public func json() -> [UInt8] { Array(jsonValue.pretty().utf8) }

  /// The report as JSON: snake_case keys, paths and messages as given.
  var jsonValue: JSON.Value {
    typealias V = JSON.Value
    let counts: [String: V] = [
      "seen": .int(files.seen), "new": .int(files.new), "changed": .int(files.changed),
      "unchanged": .int(files.unchanged), "removed": .int(files.removed), "failed": .int(files.failed),
    ]
    return .object([
      "run": .int(run), "input": .string(input), "output": .string(output), "started": .int(started),
      "started_at": .string(startedAt), "finished_at": .string(finishedAt), "interrupted": .bool(interrupted),
      "duration_seconds": .number(NumberText.json(durationSeconds)), "files": .object(counts),
      "bytes_read": .int(bytesRead), "new": .array(new.map(V.string)), "changed": .array(changed.map(V.string)),
      "removed": .array(removed.map(V.string)),
      "failed": .array(failed.map { .object(["path": .string($0.path), "reason": .string($0.reason)]) }),
      "warnings": .array(
        warnings.map { w in
          var fields: [String: V] = [
            "path": .string(w.path), "severity": .string(w.severity), "message": .string(w.message),
          ]
          if let line = w.line { fields["line"] = .int(line) }
          return .object(fields)
        }),
      "corpus_rebuilt": .bool(corpusRebuilt), "exit_status": .int(exitStatus),
    ])
  }
}
