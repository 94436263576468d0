import SystemCalls

/// The output folder's files, each written through ``AtomicFile`` so that a
/// reader, or a run after a crash, only ever sees a complete old version or
/// a complete new one.
///
/// Each file is written under the output folder's `.tmp/` (same file system)
/// and renamed into place. `durable` files (the corpus outputs and the report)
/// are also forced to disk with their directory; per-page files are not, one by
/// one, since `kill -9` cannot lose what the kernel already holds, and
/// `BatchRun` flushes the whole file system once before it records the corpus
/// outputs as current.
final class OutputFolder: Sendable {
  /// The output folder.
  let root: String

  init(root: String) {
    self.root = root
  }

  var temporaryFolder: String { Paths.join(root, ".tmp") }

  /// Empties `.tmp/` of files a killed run left behind, and creates it.
  func prepare() throws(BatchError) {
    let tmp = temporaryFolder
    try BatchError.io { () throws(SystemError) in
      if Posix.lstatEntry(tmp) != nil {
        for name in try Posix.directoryNames(tmp) { try Posix.removeFile(Paths.join(tmp, name)) }
      }
      try Posix.makeDirectories(tmp)
    }
  }

  /// Writes `bytes` to `relativePath` below the output folder, creating folders as needed.
  func write(_ bytes: [UInt8], to relativePath: String, durable: Bool) throws(BatchError) {
    try write(to: relativePath, durable: durable) { fd throws(BatchError) in
      try BatchError.io { () throws(SystemError) in try Posix.writeAll(fd, bytes, path: relativePath) }
    }
  }

  /// Lets `body` write `relativePath` below the output folder through an
  /// open descriptor, creating folders as needed; the file appears when
  /// `body` returns, and not at all when it throws.
  func write(
    to relativePath: String, durable: Bool, _ body: (Int32) throws(BatchError) -> Void
  ) throws(BatchError) {
    let target = Paths.join(root, relativePath)
    try BatchError.io { () throws(SystemError) in try Posix.makeDirectories(Paths.parent(target)) }
    try AtomicFile.replace(
      target, temporaryFolder: temporaryFolder, durable: durable, failure: BatchError.init, body)
  }

  /// Removes an output file and the folders it leaves empty below the output folder.
  func remove(_ relativePath: String) throws(BatchError) {
    try BatchError.io { () throws(SystemError) in try Posix.removeFile(Paths.join(root, relativePath)) }
    var dir = Paths.parent(relativePath)
    while dir != ".", dir != "/", !dir.isEmpty, Posix.removeEmptyDirectory(Paths.join(root, dir)) {
      dir = Paths.parent(dir)
    }
  }

  /// Whether a non-empty output file exists.
  func exists(_ relativePath: String) -> Bool {
    guard let entry = Posix.lstatEntry(Paths.join(root, relativePath)) else { return false }
    return entry.kind == .file && entry.size > 0
  }
}
