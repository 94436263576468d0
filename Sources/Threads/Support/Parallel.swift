import Dispatch

import SystemCalls

/// Work on a huge page split into contiguous slices, one per core.
package enum Parallel {

  /// The results of `body` over the slices of `0..<count`, in order: one
  /// slice per core, but none shorter than `minimumSlice` (a small input is
  /// one slice, on the calling thread). `body` hands each result of its
  /// range, in order, to the function it is given; the results go straight
  /// into the array returned, with no per-slice array joined afterwards.
  static func map<T: Sendable>(
    _ count: Int, minimumSlice: Int, _ body: @Sendable (Range<Int>, (T) -> Void) -> Void
  ) -> [T] {
    let slices = min(Posix.cores, count / max(1, minimumSlice))
    return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      let out = SlotBase(base: buffer.baseAddress)
      @Sendable func fill(_ range: Range<Int>) {
        var next = range.lowerBound
        body(range) { value in
          precondition(next < range.upperBound, "Parallel.map: more results than the slice holds")
          unsafe (out.base! + next).initialize(to: value)
          next += 1
        }
        precondition(next == range.upperBound, "Parallel.map: fewer results than the slice holds")
      }
      if slices > 1 {
        DispatchQueue.concurrentPerform(iterations: slices) { k in
          fill((count * k / slices)..<(count * (k + 1) / slices))
        }
      } else if count > 0 {
        fill(0..<count)
      }
      initialized = count
    }
  }

  /// The start of the array being filled, shared by the slices: each writes
  /// only its own range.
  private struct SlotBase<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?
  }
}
