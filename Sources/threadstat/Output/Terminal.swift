import SystemCalls

/// Facts about the process's standard streams, writing to standard error,
/// and checking that standard output took every byte.
enum Terminal {
  /// Standard output could not be written: the command's data is incomplete.
  struct OutputError: Error, CustomStringConvertible {
    var error: SystemError
    var description: String { error.description }
  }

  enum Stream: Int32 {
    case standardInput = 0, standardOutput = 1, standardError = 2
  }

  static func isTerminal(_ stream: Stream) -> Bool { Posix.isTerminal(stream.rawValue) }

  /// Writes `text` and a newline to standard error, unbuffered.
  static func error(_ text: String) {
    Posix.writeToStandardError(text + "\n")
  }

  /// Writes `bytes` to standard output through the same buffer as `print`.
  static func output(_ bytes: [UInt8]) {
    Posix.bufferStandardOutput(bytes)
  }

  /// Flushes standard output and reports whether every write to it
  /// (`print` and ``output(_:)``) reached it.
  /// - Throws: `OutputError` when one failed (a full disk, a closed pipe).
  static func finishOutput() throws(OutputError) {
    do { try Posix.flushStandardOutput() } catch { throw OutputError(error: error) }
  }
}
