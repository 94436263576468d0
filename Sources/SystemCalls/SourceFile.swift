#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading an input's bytes from a path or from standard input.
public enum SourceFile {
  /// Why an input could not be read.
  public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
      case notFound, permissionDenied, isDirectory, tooLarge(limit: Int), other(errno: Int32)
      /// Binary data where text was wanted.
      case notText
    }
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
      self.path = path
      self.reason = reason
    }

    public var description: String {
      switch reason {
      case .notFound: return "\(path): no such file"
      case .permissionDenied: return "\(path): permission denied"
      case .isDirectory: return "\(path): is a directory, not a scrape file"
      case .tooLarge(let limit): return "\(path): larger than the limit of \(limit) bytes"
      case .other(let code): return "\(path): cannot read (\(Posix.reason(code)))"
      case .notText: return "\(path): not a text scrape"
      }
    }
  }

  /// Reads the whole file, or standard input when `path` is "-".
  /// - Parameters:
  ///   - path: a file path, or "-" for standard input.
  ///   - limit: the largest size accepted, in bytes.
  /// - Throws: `ReadError` naming the path.
  public static func read(_ path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
    let fd: Int32
    if path == "-" {
      fd = Posix.standardInput
    } else {
      do { fd = try Posix.openForReading(path) } catch { throw ReadError(path: path, reason: reason(error.code)) }
    }
    defer { if fd != Posix.standardInput { Posix.close(fd) } }
    let entry = Posix.entry(fd)
    if entry?.kind == .directory { throw ReadError(path: path, reason: .isDirectory) }
    let size = fd == Posix.standardInput ? 0 : entry?.size ?? 0
    if size > limit { throw ReadError(path: path, reason: .tooLarge(limit: limit)) }
    let bytes: [UInt8]?
    do { bytes = try Posix.readAll(fd, sizeHint: size, limit: limit) } catch {
      throw ReadError(path: path, reason: reason(error.code))
    }
    guard let bytes else { throw ReadError(path: path, reason: .tooLarge(limit: limit)) }
    return bytes
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
