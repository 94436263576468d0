#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the process's standard streams, and writing to standard error.
enum Terminal {
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
}
