#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every C call of the Batch library, each wrapped once: a failure becomes a
/// `BatchError` naming the path and the system's reason.
enum Posix {
  /// The system's text for an errno value.
  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

  static func failure(_ what: String, _ path: String, _ code: Int32 = errno) -> BatchError {
    BatchError(.io, "\(path): cannot \(what) (\(reason(code)))")
  }

  /// Kind and size of `path` without following a final symbolic link; nil when it does not exist.
  static func lstatEntry(_ path: String) -> (kind: EntryKind, size: Int, device: UInt64, inode: UInt64)? {
    entry(path, follow: false)
  }

  /// Kind and size of `path`, following symbolic links; nil when it does not exist.
  static func statEntry(_ path: String) -> (kind: EntryKind, size: Int, device: UInt64, inode: UInt64)? {
    entry(path, follow: true)
  }

  private static func entry(_ path: String, follow: Bool) -> (kind: EntryKind, size: Int, device: UInt64, inode: UInt64)? {
    var st = stat()
    guard (follow ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
    let kind: EntryKind
    switch st.st_mode & S_IFMT {
    case S_IFREG: kind = .file
    case S_IFDIR: kind = .directory
    default: kind = .other
    }
    return (kind, Int(st.st_size), UInt64(st.st_dev), UInt64(st.st_ino))
  }

  enum EntryKind { case file, directory, other }

  /// The names in a directory, "." and ".." left out, in no particular order.
  static func directoryNames(_ path: String) throws(BatchError) -> [String] {
    guard let dir = opendir(path) else { throw failure("list directory", path) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Creates `path` and its missing parents.
  static func makeDirectories(_ path: String) throws(BatchError) {
    if let entry = lstatEntry(path) {
      if entry.kind == .directory { return }
      throw BatchError(.io, "\(path): exists and is not a directory")
    }
    let parent = Paths.parent(path)
    if parent != path, !parent.isEmpty { try makeDirectories(parent) }
    if mkdir(path, 0o755) != 0, errno != EEXIST { throw failure("create directory", path) }
  }

  /// Creates the file `path` (which must not exist) and lets `body` fill
  /// the open descriptor; with `sync`, forces it to disk. On any error the
  /// file is removed.
  static func writeNewFile(
    _ path: String, sync: Bool, _ body: (Int32) throws(BatchError) -> Void
  ) throws(BatchError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 { throw failure("create", path) }
    do throws(BatchError) {
      try body(fd)
      if sync, fsync(fd) != 0 { throw failure("write", path) }
    } catch {
      close(fd)
      unlink(path)
      throw error
    }
    close(fd)
  }

  /// Writes every byte of `bytes` to `fd`, retrying short writes.
  /// - Throws: `BatchError` naming `path`.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(BatchError) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { throw failure("write", path) }
      offset += n
    }
  }

  /// Renames `from` over `to` in one step.
  static func rename(_ from: String, _ to: String) throws(BatchError) {
    #if canImport(Glibc)
      let rc = Glibc.rename(from, to)
    #elseif canImport(Musl)
      let rc = Musl.rename(from, to)
    #else
      let rc = Darwin.rename(from, to)
    #endif
    if rc != 0 { throw failure("rename into place", to) }
  }

  /// Forces a directory's entries (a rename) to disk.
  static func syncDirectory(_ path: String) throws(BatchError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 { throw failure("open directory", path) }
    defer { close(fd) }
    if fsync(fd) != 0, errno != EINVAL { throw failure("sync directory", path) }
  }

  /// Removes a file; a missing file is not an error.
  static func removeFile(_ path: String) throws(BatchError) {
    if unlink(path) != 0, errno != ENOENT { throw failure("remove", path) }
  }

  /// Removes `path` and, if it is a directory, everything below it
  /// (symbolic links are removed, not followed); a missing path is not an error.
  static func removeTree(_ path: String) throws(BatchError) {
    guard let entry = lstatEntry(path) else { return }
    guard entry.kind == .directory else { return try removeFile(path) }
    for name in try directoryNames(path) { try removeTree(Paths.join(path, name)) }
    if rmdir(path) != 0, errno != ENOENT { throw failure("remove directory", path) }
  }

  /// Removes an empty directory; returns false when it is not empty or cannot be removed.
  static func removeEmptyDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

  /// Opens (creating) `path` and takes an exclusive lock without waiting.
  /// - Returns: the descriptor holding the lock, or nil when another process holds it.
  static func tryLock(_ path: String) throws(BatchError) -> Int32? {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw failure("open lock file", path) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      close(fd)
      if code == EWOULDBLOCK { return nil }
      throw failure("lock", path, code)
    }
    return fd
  }

  /// Replaces the contents of an open file with `text`.
  static func overwrite(_ fd: Int32, _ text: String) {
    _ = ftruncate(fd, 0)
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  /// Releases a lock taken by `tryLock`.
  static func unlock(_ fd: Int32) {
    flock(fd, LOCK_UN)
    close(fd)
  }

  static func processID() -> Int32 { getpid() }

  /// Seconds on the monotonic clock (from an arbitrary start, not the epoch),
  /// with sub-second precision: for durations and rates only.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// The wall clock in whole seconds since the epoch, for the run log.
  static func wallClock() -> Int64 { Int64(time(nil)) }

  /// `seconds` since the epoch as ISO 8601 in UTC: "2026-12-03T02:30:00Z".
  static func isoTime(_ seconds: Int64) -> String {
    var t = time_t(seconds)
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : String(n) }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// Pattern match on a path with shell glob rules (`*`, `?`, `[...]`).
  static func globMatch(_ pattern: String, _ text: String, pathAware: Bool) -> Bool {
    fnmatch(pattern, text, pathAware ? FNM_PATHNAME : 0) == 0
  }
}

extension Posix {
  /// Flushes every dirty file to disk (`syncfs` is not exported to Swift; `sync` waits as well on Linux).
  static func syncFileSystems() { sync() }
}
