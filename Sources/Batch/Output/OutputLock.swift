import SystemCalls

/// The lock that keeps two runs off one output folder.
///
/// An exclusive `flock` on `<out>/.lock`, holding the owner's process id. The
/// kernel drops it when the process ends, however it ends, so a killed run never
/// leaves a stale lock behind.
final class OutputLock {
  private let fd: Int32

  /// Takes the lock at once or fails.
  /// - Throws: `BatchError` of kind `.locked`, naming the folder, when another run holds it.
  init(folder: String) throws(BatchError) {
    let path = Paths.join(folder, ".lock")
    guard let fd = try BatchError.io({ () throws(SystemError) in try Posix.tryLock(path) }) else {
      throw BatchError(
        .locked,
        "\(folder): another threadstat batch is running on this output folder (lock \(path)); not starting")
    }
    self.fd = fd
    Posix.overwrite(fd, "\(Posix.processID())\n")
  }

  deinit { Posix.unlock(fd) }
}
