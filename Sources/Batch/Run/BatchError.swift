import SystemCalls

/// Why a batch run could not go on. Per-file problems are not errors: they are
/// reported as `FileFailure`s and the run continues.
public struct BatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The broad class of the failure, for callers that react differently.
  public enum Kind: Sendable, Equatable {
    /// Another run holds the output folder.
    case locked
    /// A file-system operation on the input or output folder failed.
    case io
    /// The state database failed or holds something this version cannot read.
    case store
    /// The options cannot work (for example the input folder is missing).
    case usage
    /// The run would drop too many stored pages (an empty or unmounted input
    /// folder, a glob that matches nothing); nothing was changed.
    case refused
    /// A stop was requested (SIGINT, SIGTERM): the files in progress were
    /// finished and recorded, the rest was left for the next run.
    case interrupted
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

extension BatchError {
  /// A failed system call as an I/O error, its message naming the path.
  init(_ error: SystemError) { self.init(.io, error.description) }

  /// Runs `body`, a system call wrapper, its failure as an I/O error.
  static func io<T>(_ body: () throws(SystemError) -> T) throws(BatchError) -> T {
    do { return try body() } catch { throw BatchError(error) }
  }
}
