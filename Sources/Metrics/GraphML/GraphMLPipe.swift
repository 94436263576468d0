import Dispatch
import Synchronization

/// Elements handed to a ``GraphMLWriter`` that serialises them on a thread
/// of its own, in batches, so that the caller builds the next elements while
/// libxml2 writes the last ones. A few batches at most are in flight: memory
/// stays bounded however large the graph.
final class GraphMLPipe: @unchecked Sendable {
  // @unchecked: `writer` is used by one thread at a time, the queue's while
  // batches are in flight and the caller's only after `drain()`.
  private let writer: GraphMLWriter
  private let queue = DispatchQueue(label: "threadstat.graphml-pipe")
  private let free = DispatchSemaphore(value: GraphMLPipe.inFlight)
  private let failure = Mutex<GraphMLError?>(nil)
  /// Elements not yet handed over; touched by the caller only.
  private var batch: [GraphMLDocument.Element] = []

  /// Elements per batch, and batches handed over but not yet written.
  static let batchSize = 256
  static let inFlight = 4

  /// A pipe into `writer`, whose document is begun.
  init(_ writer: GraphMLWriter) {
    self.writer = writer
    batch.reserveCapacity(Self.batchSize)
  }

  /// Queues `element` to be written after those added before it.
  /// - Throws: the failure of an earlier write, if any.
  func add(_ element: GraphMLDocument.Element) throws(GraphMLError) {
    batch.append(element)
    if batch.count >= Self.batchSize { try send() }
  }

  /// Writes what is queued, closes the document and pushes every byte out.
  func finish() throws(GraphMLError) {
    try send()
    drain()
    if let failure = failure.withLock({ $0 }) { throw failure }
    try writer.finish()
  }

  /// Waits until every batch handed over is written (or dropped after a failure).
  func drain() {
    queue.sync {}
  }

  private func send() throws(GraphMLError) {
    if let failure = failure.withLock({ $0 }) { throw failure }
    guard !batch.isEmpty else { return }
    let elements = batch
    batch.removeAll(keepingCapacity: true)
    free.wait()
    queue.async { [self] in
      defer { free.signal() }
      guard failure.withLock({ $0 == nil }) else { return }
      do throws(GraphMLError) { try writer.write(elements) } catch { failure.withLock { $0 = error } }
    }
  }
}
