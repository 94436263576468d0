#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// Writing a file all at once or not at all: a temporary file in the same
/// folder, flushed to disk, then renamed over the target.
public enum AtomicFile {
  /// Makes temporary names unique among threads of this process.
  private static let counter = Atomic<Int>(0)

  /// Creates a temporary file next to `path`, lets `body` fill it, and
  /// renames it to `path`. On any error the temporary file is removed.
  /// A device, pipe or socket at `path` (`/dev/stdout`, a FIFO) cannot be
  /// replaced: `body` writes into it directly.
  static func replace(
    _ path: String, with body: (Int32) throws(GraphMLError) -> Void
  ) throws(GraphMLError) {
    var info = stat()
    if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
      let fd = open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw failure(path, "cannot open") }
      defer { close(fd) }
      try body(fd)
      return
    }
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    let folder = slash.map { String(Substring(path.utf8[...$0])) } ?? ""
    let name = slash.map { String(Substring(path.utf8[path.utf8.index(after: $0)...])) } ?? path
    let serial = counter.add(1, ordering: .relaxed).newValue
    let temp = "\(folder).\(name).tmp-\(getpid())-\(serial)"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw failure(path, "cannot create a temporary file in its folder") }
    do throws(GraphMLError) {
      try body(fd)
      guard fsync(fd) == 0 else { throw failure(path, "cannot flush") }
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    guard close(fd) == 0 else {
      let error = failure(path, "cannot close")
      unlink(temp)
      throw error
    }
    guard rename(temp, path) == 0 else {
      let error = failure(path, "cannot rename the temporary file into place")
      unlink(temp)
      throw error
    }
  }

  /// Writes `bytes` to `path` all at once or not at all (see `replace`).
  /// - Throws: ``GraphMLError`` naming `path`.
  public static func write(_ bytes: [UInt8], toFile path: String) throws(GraphMLError) {
    try replace(path) { fd throws(GraphMLError) in
      var done = 0
      while done < bytes.count {
        let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
        if n < 0 {
          if errno == EINTR { continue }
          throw failure(path, "cannot write")
        }
        done += n
      }
    }
  }

  /// Creates the folder `path` unless it exists.
  /// - Throws: ``GraphMLError`` naming `path`.
  public static func makeFolder(_ path: String) throws(GraphMLError) {
    var info = stat()
    if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
    guard mkdir(path, 0o777) == 0 else { throw failure(path, "cannot create the folder") }
  }

  private static func failure(_ path: String, _ what: String) -> GraphMLError {
    GraphMLError("\(path): \(what) (\(String(cString: strerror(errno))))")
  }
}

/// `write(2)`, outside `AtomicFile` whose own `write` would shadow it.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
