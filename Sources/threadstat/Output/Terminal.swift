#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the process's standard streams, writing to standard error,
/// and checking that standard output took every byte.
enum Terminal {
  /// Standard output could not be written: the command's data is incomplete.
  struct OutputError: Error, CustomStringConvertible {
    var code: Int32
    var description: String { "standard output: cannot write (\(String(cString: strerror(code))))" }
  }

  enum Stream: Int32 {
    case standardInput = 0, standardOutput = 1, standardError = 2
  }

  static func isTerminal(_ stream: Stream) -> Bool { isatty(stream.rawValue) == 1 }

  /// Writes `text` and a newline to standard error, unbuffered.
  static func error(_ text: String) {
    let line = text + "\n"
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
      if n <= 0 { return }
      offset += n
    }
  }

  /// Writes `bytes` to standard output through the same buffer as `print`.
  static func output(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stdout) }
  }

  /// Flushes standard output and reports whether every write to it
  /// (`print` and ``output(_:)``) reached it.
  /// - Throws: `OutputError` when one failed (a full disk, a closed pipe).
  static func finishOutput() throws(OutputError) {
    let flushed = fflush(stdout) == 0
    let code = errno
    if !flushed || ferror(stdout) != 0 { throw OutputError(code: code == 0 ? EIO : code) }
  }
}
