#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a scrape's bytes from a path or from standard input.
public enum SourceFile {
  /// Why a scrape could not be read.
  public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
      case notFound, permissionDenied, isDirectory, tooLarge(limit: Int), other(errno: Int32)
      /// Binary data: NUL or control bytes past ``TextEncoding/maxControlPercent``.
      case notText
    }
    public var path: String
    public var reason: Reason

    public var description: String {
      switch reason {
      case .notFound: return "\(path): no such file"
      case .permissionDenied: return "\(path): permission denied"
      case .isDirectory: return "\(path): is a directory, not a scrape file"
      case .tooLarge(let limit): return "\(path): larger than the limit of \(limit) bytes"
      case .other(let code): return "\(path): cannot read (\(String(cString: strerror(code))))"
      case .notText: return "\(path): not a text scrape"
      }
    }
  }

  /// Reads the whole file, or standard input when `path` is "-", and checks
  /// that it is text (``TextEncoding/isText(_:)``).
  /// - Parameters:
  ///   - path: a file path, or "-" for standard input.
  ///   - limit: the largest size accepted, in bytes.
  ///   - text: refuse binary data (off for a key file).
  /// - Throws: `ReadError` naming the path; `.notText` for binary data.
  public static func read(_ path: String, limit: Int = Int.max, text: Bool = true) throws(ReadError) -> [UInt8] {
    let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw ReadError(path: path, reason: reason(errno)) }
    defer { if fd != 0 { close(fd) } }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
      throw ReadError(path: path, reason: .isDirectory)
    }
    var bytes: [UInt8] = []
    if fd != 0, st.st_size > 0 {
      if Int(st.st_size) > limit { throw ReadError(path: path, reason: .tooLarge(limit: limit)) }
      bytes.reserveCapacity(Int(st.st_size))
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ReadError(path: path, reason: reason(errno))
      }
      if n == 0 { break }
      if bytes.count + n > limit { throw ReadError(path: path, reason: .tooLarge(limit: limit)) }
      bytes.append(contentsOf: chunk[0..<n])
    }
    guard !text || TextEncoding.isText(bytes) else { throw ReadError(path: path, reason: .notText) }
    return bytes
  }

  private static func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(fd, buf, n)
    #elseif canImport(Musl)
      Musl.read(fd, buf, n)
    #else
      Darwin.read(fd, buf, n)
    #endif
  }

  private static func reason(_ code: Int32) -> ReadError.Reason {
    switch code {
    case ENOENT, ENOTDIR: return .notFound
    case EACCES, EPERM: return .permissionDenied
    case EISDIR: return .isDirectory
    default: return .other(errno: code)
    }
  }
}
