#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A system call that failed: what was attempted, on which path, and the
/// system's reason. Its description is the one-line message users see:
/// "out/pages.csv: cannot write (No space left on device)".
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file or folder, as the user named it.
  public var path: String
  /// What could not be done ("write", "create directory").
  public var action: String
  /// The errno value.
  public var code: Int32

  public init(_ action: String, _ path: String, code: Int32 = errno) {
    self.action = action
    self.path = path
    self.code = code
  }

  public var description: String { "\(path): cannot \(action) (\(Posix.reason(code)))" }
}

/// Every system call of threadstat, each wrapped once: the other targets
/// never import the C library for I/O. A failure becomes a ``SystemError``.
public enum Posix {
  /// The system's text for an errno value.
  public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

  // MARK: Files and folders

  public enum EntryKind: Sendable { case file, directory, other }

  /// What `stat` says of a path.
  public struct Entry: Sendable {
    public var kind: EntryKind
    public var size: Int
    public var device: UInt64
    public var inode: UInt64

    init(_ st: stat) {
      switch st.st_mode & S_IFMT {
      case S_IFREG: kind = .file
      case S_IFDIR: kind = .directory
      default: kind = .other
      }
      size = Int(st.st_size)
      device = UInt64(st.st_dev)
      inode = UInt64(st.st_ino)
    }
  }

  /// Kind and size of `path` without following a final symbolic link; nil when it does not exist.
  public static func lstatEntry(_ path: String) -> Entry? { entry(path, follow: false) }

  /// Kind and size of `path`, following symbolic links; nil when it does not exist.
  public static func statEntry(_ path: String) -> Entry? { entry(path, follow: true) }

  private static func entry(_ path: String, follow: Bool) -> Entry? {
    var st = stat()
    guard (follow ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
    return Entry(st)
  }

  /// The names in a directory, "." and ".." left out, in no particular order.
  public static func directoryNames(_ path: String) throws(SystemError) -> [String] {
    guard let dir = opendir(path) else { throw SystemError("list directory", path) }
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
  public static func makeDirectories(_ path: String) throws(SystemError) {
    if let entry = lstatEntry(path) {
      if entry.kind == .directory { return }
      throw SystemError("create directory", path, code: EEXIST)
    }
    let parent = Paths.parent(path)
    if parent != path, !parent.isEmpty, parent != "." { try makeDirectories(parent) }
    if mkdir(path, 0o755) != 0, errno != EEXIST { throw SystemError("create directory", path) }
  }

  /// Creates the file `path` (which must not exist) and lets `body` fill
  /// the open descriptor; with `sync`, forces it to disk. On any error the
  /// file is removed.
  /// - Parameter failure: turns a failed system call into the caller's error.
  public static func writeNewFile<E: Error>(
    _ path: String, sync: Bool, failure: (SystemError) -> E, _ body: (Int32) throws(E) -> Void
  ) throws(E) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    if fd < 0 { throw failure(SystemError("create", path)) }
    do throws(E) {
      try body(fd)
      if sync, fsync(fd) != 0 { throw failure(SystemError("write", path)) }
    } catch {
      close(fd)
      unlink(path)
      throw error
    }
    if systemClose(fd) != 0 {
      let error = failure(SystemError("write", path))
      unlink(path)
      throw error
    }
  }

  /// Opens an existing file that is not a regular one (a device such as
  /// `/dev/stdout`, a FIFO) for writing, lets `body` write it and closes it.
  public static func writeExisting<E: Error>(
    _ path: String, failure: (SystemError) -> E, _ body: (Int32) throws(E) -> Void
  ) throws(E) {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    if fd < 0 { throw failure(SystemError("open", path)) }
    defer { close(fd) }
    try body(fd)
  }

  /// Opens `path` for appending, creating it when missing.
  /// - Returns: the descriptor; close it with ``close(_:)``.
  public static func openForAppending(_ path: String) throws(SystemError) -> Int32 {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw SystemError("open", path) }
    return fd
  }

  /// Closes a descriptor this wrapper opened.
  public static func close(_ fd: Int32) {
    #if canImport(Glibc)
      _ = Glibc.close(fd)
    #elseif canImport(Musl)
      _ = Musl.close(fd)
    #else
      _ = Darwin.close(fd)
    #endif
  }

  /// A second descriptor for the open file `fd`, nil when none can be made.
  public static func duplicate(_ fd: Int32) -> Int32? {
    let copy = dup(fd)
    return copy < 0 ? nil : copy
  }

  /// Writes every byte of `bytes` to `fd`, retrying short and interrupted writes.
  /// - Throws: ``SystemError`` naming `path`.
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) {
    var offset = 0
    while offset < bytes.count {
      let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0, errno == EINTR { continue }
      if n <= 0 { throw SystemError("write", path) }
      offset += n
    }
  }

  /// Writes every byte of `bytes` to `fd` (see the pointer form).
  public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
    let failure: SystemError? = bytes.withUnsafeBytes { raw in
      do throws(SystemError) {
        try writeAll(fd, raw, path: path)
        return nil
      } catch { return error }
    }
    if let failure { throw failure }
  }

  /// Reads `fd` to its end, `limit` bytes at most.
  /// - Returns: nil when the file holds more than `limit` bytes.
  /// - Throws: the errno of a failed read.
  public static func readAll(_ fd: Int32, sizeHint: Int, limit: Int) throws(SystemError) -> [UInt8]? {
    var bytes: [UInt8] = []
    if sizeHint > 0 { bytes.reserveCapacity(min(sizeHint, limit)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemError("read", "", code: errno)
      }
      if n == 0 { return bytes }
      if bytes.count + n > limit { return nil }
      bytes.append(contentsOf: chunk[0..<n])
    }
  }

  /// Opens `path` for reading.
  /// - Returns: the descriptor; close it with ``close(_:)``.
  public static func openForReading(_ path: String) throws(SystemError) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw SystemError("open", path) }
    return fd
  }

  /// Kind and size of the open file `fd`; nil when `fstat` fails.
  public static func entry(_ fd: Int32) -> Entry? {
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    return Entry(st)
  }

  /// Renames `from` over `to` in one step.
  public static func rename(_ from: String, _ to: String) throws(SystemError) {
    #if canImport(Glibc)
      let rc = Glibc.rename(from, to)
    #elseif canImport(Musl)
      let rc = Musl.rename(from, to)
    #else
      let rc = Darwin.rename(from, to)
    #endif
    if rc != 0 { throw SystemError("rename into place", to) }
  }

  /// Forces a directory's entries (a rename) to disk.
  public static func syncDirectory(_ path: String) throws(SystemError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 { throw SystemError("open directory", path) }
    defer { close(fd) }
    if fsync(fd) != 0, errno != EINVAL { throw SystemError("sync directory", path) }
  }

  /// Removes a file; a missing file is not an error.
  public static func removeFile(_ path: String) throws(SystemError) {
    if unlink(path) != 0, errno != ENOENT { throw SystemError("remove", path) }
  }

  /// Removes `path` and, if it is a directory, everything below it
  /// (symbolic links are removed, not followed); a missing path is not an error.
  public static func removeTree(_ path: String) throws(SystemError) {
    guard let entry = lstatEntry(path) else { return }
    guard entry.kind == .directory else { return try removeFile(path) }
    for name in try directoryNames(path) { try removeTree(Paths.join(path, name)) }
    if rmdir(path) != 0, errno != ENOENT { throw SystemError("remove directory", path) }
  }

  /// Removes an empty directory; returns false when it is not empty or cannot be removed.
  public static func removeEmptyDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

  /// Flushes every dirty file to disk (`syncfs` is not exported to Swift; `sync` waits as well on Linux).
  public static func syncFileSystems() { sync() }

  // MARK: Locks

  /// Opens (creating) `path` and takes an exclusive lock without waiting.
  /// - Returns: the descriptor holding the lock, or nil when another process holds it.
  public static func tryLock(_ path: String) throws(SystemError) -> Int32? {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw SystemError("open lock file", path) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      close(fd)
      if code == EWOULDBLOCK { return nil }
      throw SystemError("lock", path, code: code)
    }
    return fd
  }

  /// Replaces the contents of an open file with `text`.
  public static func overwrite(_ fd: Int32, _ text: String) {
    _ = ftruncate(fd, 0)
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  /// Releases a lock taken by `tryLock`.
  public static func unlock(_ fd: Int32) {
    flock(fd, LOCK_UN)
    close(fd)
  }

  // MARK: The process

  public static func processID() -> Int32 { getpid() }

  /// Online processors, at least 1.
  public static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// Ends the process with `status`.
  public static func exit(_ status: Int32) -> Never {
    #if canImport(Glibc)
      Glibc.exit(status)
    #elseif canImport(Musl)
      Musl.exit(status)
    #else
      Darwin.exit(status)
    #endif
  }

  /// The descriptors of the standard streams.
  public static let standardInput: Int32 = 0
  public static let standardOutput: Int32 = 1
  public static let standardError: Int32 = 2

  /// Whether `fd` is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Writes `text` to standard error, unbuffered; a failure is ignored
  /// (there is nowhere left to report it).
  public static func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { try? writeAll(standardError, UnsafeRawBufferPointer($0), path: "standard error") }
  }

  /// Writes `bytes` to standard output through the C library's buffer,
  /// the one `print` uses, so the two never reorder.
  public static func bufferStandardOutput(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stdout) }
  }

  /// Flushes standard output's buffer.
  /// - Throws: when a write to it failed since the start (a full disk, a closed pipe).
  public static func flushStandardOutput() throws(SystemError) {
    let flushed = fflush(stdout) == 0
    let code = errno
    if !flushed || ferror(stdout) != 0 { throw SystemError("write", "standard output", code: code == 0 ? EIO : code) }
  }

  // MARK: Clocks

  /// Seconds on the monotonic clock (from an arbitrary start, not the epoch),
  /// with sub-second precision: for durations and rates only.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// The wall clock in whole seconds since the epoch, for the run log.
  public static func wallClock() -> Int64 { Int64(time(nil)) }

  /// `seconds` since the epoch as ISO 8601 in UTC: "2026-12-03T02:30:00Z".
  public static func isoTime(_ seconds: Int64) -> String {
    var t = time_t(seconds)
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : String(n) }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// Pattern match on a path with shell glob rules (`*`, `?`, `[...]`).
  public static func globMatch(_ pattern: String, _ text: String, pathAware: Bool) -> Bool {
    fnmatch(pattern, text, pathAware ? FNM_PATHNAME : 0) == 0
  }
}

/// `write(2)` and `read(2)`, outside `Posix` whose own names would shadow them.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
