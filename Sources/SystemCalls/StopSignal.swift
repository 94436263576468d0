#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// SIGINT and SIGTERM as a request to stop a batch run cleanly: the files in
/// progress are finished and recorded, no new file is started, and the run
/// ends with ``BatchError/Kind/interrupted``. A second signal of the same
/// kind ends the process at once (the handler restores the default action).
public enum StopSignal {
  /// The first signal received, 0 while none was.
  private static let received = Atomic<Int32>(0)

  /// Installs the handlers and unblocks both signals in the calling thread:
  /// a process inherits its parent's signal mask, and one started from a
  /// libdispatch thread would otherwise never see them. Call once, from the
  /// program's main thread (the library never installs handlers on its own).
  public static func install() {
    _ = received.load(ordering: .relaxed)  // initialise the global before any signal can arrive
    var set = sigset_t()
    sigemptyset(&set)
    for sig in [SIGINT, SIGTERM] {
      signal(sig) { sig in
        _ = StopSignal.received.compareExchange(expected: 0, desired: sig, ordering: .relaxed)
        signal(sig, SIG_DFL)
      }
      sigaddset(&set, sig)
    }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// The signal that asked for a stop, nil if none did.
  public static var requested: Int32? {
    let value = received.load(ordering: .relaxed)
    return value == 0 ? nil : value
  }

  /// The shell's status for a process ended by the requested signal: 128 + its number.
  public static var exitStatus: Int32 { 128 + (requested ?? SIGINT) }
}
