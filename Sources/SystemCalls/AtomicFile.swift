import Synchronization

/// Writing a file all at once or not at all, for every file threadstat
/// writes: a temporary file on the same file system, filled, then renamed
/// over the target, so a reader (or a run after a crash) only ever sees a
/// complete old version or a complete new one.
public enum AtomicFile {
  /// Makes temporary names unique among threads of this process.
  private static let counter = Atomic<Int>(0)

  /// Lets `body` fill a new temporary file and renames it to `path`. On any
  /// error the temporary file is removed and `path` is untouched. A device,
  /// pipe or socket at `path` (`/dev/stdout`, a FIFO) cannot be replaced:
  /// `body` writes into it directly.
  /// - Parameters:
  ///   - temporaryFolder: where the temporary file goes (on the same file
  ///     system as `path`); nil puts it beside `path` as a hidden file.
  ///   - durable: force the file and then its folder's entry to disk before
  ///     returning, so that a power cut cannot undo the rename. Without it
  ///     the kernel holds the data, which `kill -9` cannot lose.
  ///   - failure: turns a failed system call into the caller's error.
  public static func replace<E: Error>(
    _ path: String, temporaryFolder: String? = nil, durable: Bool = true,
    failure: (SystemError) -> E, _ body: (Int32) throws(E) -> Void
  ) throws(E) {
    if let entry = Posix.statEntry(path), entry.kind == .other {
      return try Posix.writeExisting(path, failure: failure, body)
    }
    let serial = counter.add(1, ordering: .relaxed).newValue
    let folder = Paths.parent(path)
    let temp =
      temporaryFolder.map { Paths.join($0, "\(Posix.processID())-\(serial)") }
      ?? Paths.join(folder, ".\(Paths.name(path)).tmp-\(Posix.processID())-\(serial)")
    // Errors name the file the user asked for, not the temporary one.
    func named(_ error: SystemError) -> E { failure(SystemError(error.action, path, code: error.code)) }
    try Posix.writeNewFile(temp, sync: durable, failure: named, body)
    do throws(SystemError) {
      try Posix.rename(temp, path)
    } catch {
      try? Posix.removeFile(temp)
      throw named(error)
    }
    if durable {
      do throws(SystemError) { try Posix.syncDirectory(folder) } catch { throw failure(error) }
    }
  }

  /// Writes `bytes` to `path` all at once or not at all (see ``replace(_:temporaryFolder:durable:failure:_:)``).
  public static func write(_ bytes: [UInt8], toFile path: String) throws(SystemError) {
    try replace(path, failure: { $0 }) { fd throws(SystemError) in try Posix.writeAll(fd, bytes, path: path) }
  }
}
