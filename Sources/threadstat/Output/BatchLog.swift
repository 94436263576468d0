import Batch
import SystemCalls


/// `batch --log FILE`: every line a run prints, quiet or not, appended to a
/// file with its UTC time ("2026-12-03T02:30:00Z batch: ..."). The file and
/// its folders are created when missing, so a cron line works on a new folder.
final class BatchLog: Sendable {
  private let fd: Int32

  /// Opens `path` for appending.
  /// - Throws: a one-line message naming the file.
  init(path: String) throws(LogError) {
    do throws(SystemError) {
      let parent = Paths.parent(path)
      if parent != "." { try Posix.makeDirectories(parent) }
      fd = try Posix.openForAppending(path)
    } catch {
      throw LogError(message: "\(error.path): cannot \(error.action) for the log (\(Posix.reason(error.code)))")
    }
  }

  deinit { Posix.close(fd) }

  struct LogError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// Appends `text`, one timestamped line per line of it. One write per
  /// call, so lines of concurrent runs never interleave within a line.
  func append(_ text: String) {
    let stamp = Posix.isoTime(Posix.wallClock())
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      out += stamp + " " + line + "\n"
    }
    // A log that cannot be written must not stop the run it records.
    try? Posix.writeAll(fd, Array(out.utf8), path: "the log")
  }
}
