import Foundation

/// The record of one run, written as `report.json` and kept in the run log.
public struct RunReport: Sendable, Equatable, Codable {
  /// A scrape that could not be processed, and why.
  public struct Failure: Sendable, Equatable, Codable {
    public var path: String
    public var reason: String
  }

  /// A finding about a processed scrape (the parser's diagnostics, for
  /// example a converted encoding) or about the run's state.
  public struct Warning: Sendable, Equatable, Codable {
    public var path: String
    /// The 1-based line of the scrape it is about; nil for the run's own findings.
    public var line: Int?
    /// "warning" or "note", as the parser grades its findings.
    public var severity: String = "warning"
    public var message: String
  }

  /// Counts of files by what became of them.
  public struct Counts: Sendable, Equatable, Codable {
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

  enum CodingKeys: String, CodingKey {
    case run, input, output, started, files, new, changed, removed, failed, warnings, interrupted
    case startedAt = "started_at"
    case finishedAt = "finished_at"
    case exitStatus = "exit_status"
    case durationSeconds = "duration_seconds"
    case bytesRead = "bytes_read"
    case corpusRebuilt = "corpus_rebuilt"
  }

  /// `seconds` since 1970 as ISO 8601 in UTC, as in ``startedAt``.
  public static func isoTime(_ seconds: Int64) -> String { Posix.isoTime(seconds) }

  /// Pretty, key-sorted JSON with a final newline.
  public func json() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and numbers cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return Array(data) + [0x0A]
  }
}
