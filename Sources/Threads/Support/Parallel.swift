import Dispatch
import Synchronization

import SystemCalls

/// Work on a huge page split into contiguous slices, one per core.
package enum Parallel {

  /// `body` over the slices of `0..<count`, their results joined in order:
  /// one slice per core, but none shorter than `minimumSlice` (a small
  /// input is one slice, on the calling thread).
  static func map<T: Sendable>(
    _ count: Int, minimumSlice: Int, _ body: @Sendable (Range<Int>) -> [T]
  ) -> [T] {
    let slices = min(Posix.cores, count / max(1, minimumSlice))
    guard slices > 1 else { return body(0..<count) }
    let parts = Mutex<[[T]]>(Array(repeating: [], count: slices))
    DispatchQueue.concurrentPerform(iterations: slices) { k in
      let part = body((count * k / slices)..<(count * (k + 1) / slices))
      parts.withLock { $0[k] = part }
    }
    return parts.withLock { $0.flatMap { $0 } }
  }
}
