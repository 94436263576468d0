import Dispatch
import Synchronization

/// Elements handed to a ``GraphSink`` that writes them on a thread of its
/// own, in batches, so that the caller builds the next elements while the
/// sink (libxml2, for the XML formats) writes the last ones. A few batches at most are in flight: memory
/// stays bounded however large the graph.
final class GraphPipe: @unchecked Sendable {
  // @unchecked: `sink` is used by one thread at a time, the queue's while
  // batches are in flight and the caller's only after `drain()`.
  private let sink: any GraphSink
  private let queue = DispatchQueue(label: "threadstat.graphml-pipe")
  private let free = DispatchSemaphore(value: GraphPipe.inFlight)
  private let failure = Mutex<GraphFileError?>(nil)
  /// Elements not yet handed over; touched by the caller only.
  private var batch: [GraphDocument.Element] = []

  /// Elements per batch, and batches handed over but not yet written.
  static let batchSize = 256
  static let inFlight = 4

  /// A pipe into `sink`, whose graph is begun.
  init(_ sink: any GraphSink) {
    self.sink = sink
    batch.reserveCapacity(Self.batchSize)
  }

  /// Queues `element` to be written after those added before it.
  /// - Throws: the failure of an earlier write, if any.
  func add(_ element: GraphDocument.Element) throws(GraphFileError) {
    batch.append(element)
    if batch.count >= Self.batchSize { try send() }
  }

  /// Writes what is queued, ends the graph and pushes every byte out.
  func finish() throws(GraphFileError) {
    try send()
    drain()
    if let failure = failure.withLock({ $0 }) { throw failure }
    try sink.finish()
  }

  /// Waits until every batch handed over is written (or dropped after a failure).
  func drain() {
    queue.sync {}
  }

  private func send() throws(GraphFileError) {
    if let failure = failure.withLock({ $0 }) { throw failure }
    guard !batch.isEmpty else { return }
    let elements = batch
    batch.removeAll(keepingCapacity: true)
    free.wait()
    queue.async { [self] in
      defer { free.signal() }
      guard failure.withLock({ $0 == nil }) else { return }
      do throws(GraphFileError) { for element in elements { try sink.add(element) } } catch { failure.withLock { $0 = error } }
    }
  }
}
