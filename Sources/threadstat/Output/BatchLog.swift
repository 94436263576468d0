import Batch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `batch --log FILE`: every line a run prints, quiet or not, appended to a
/// file with its UTC time ("2026-12-03T02:30:00Z batch: ..."). The file and
/// its folders are created when missing, so a cron line works on a new folder.
final class BatchLog: Sendable {
  private let fd: Int32

  /// Opens `path` for appending.
  /// - Throws: a one-line message naming the file.
  init(path: String) throws(LogError) {
    try Self.makeParents(of: path)
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw LogError(message: "\(path): cannot open the log (\(String(cString: strerror(errno))))") }
  }

  deinit { close(fd) }

  struct LogError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// Appends `text`, one timestamped line per line of it. One write per
  /// call, so lines of concurrent runs never interleave within a line.
  func append(_ text: String) {
    let stamp = RunReport.isoTime(Int64(time(nil)))
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      out += stamp + " " + line + "\n"
    }
    let bytes = Array(out.utf8)
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }

  /// Creates the folders above `path` that are missing.
  private static func makeParents(of path: String) throws(LogError) {
    var prefix = ""
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for (i, part) in parts.enumerated() {
      prefix += (i == 0 ? "" : "/") + part
      if part.isEmpty || prefix == "." || prefix == ".." { continue }
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw LogError(message: "\(prefix): cannot create the log's folder (\(String(cString: strerror(errno))))")
      }
    }
  }
}
