import Dispatch
import Foundation
import Metrics
import Synchronization

/// The corpus outputs, rebuilt from the store alone (never by re-reading
/// scrapes). Pages are visited in path order and every table is sorted, so the
/// same set of pages gives the same bytes however many runs it took.
struct CorpusOutputs {
  /// One row per page.
  static let pagesTable = "pages.csv"
  /// One row per author across all pages.
  static let authorsTable = "authors.csv"
  /// The terms the corpus's comments drifted toward and away from.
  static let termsTable = "terms.csv"
  /// Authors across all pages, one node per page's article.
  static let corpusGraph = "corpus.graphml"
  static let all = [corpusGraph, pagesTable, authorsTable, termsTable]
  /// Changes whenever the corpus outputs' format does, so a new version rebuilds them.
  static let formatVersion = "corpus-v4"
  /// The setting holding the digest of the pages the current corpus outputs were built from.
  static let digestSetting = "corpus-digest"
  /// How many corpus drift terms `terms.csv` lists each way.
  static let termLimit = 50

  let store: BatchStore
  let files: AtomicFile
  /// Threads decoding stored pages.
  let jobs: Int

  /// Pages decoded at once; bounds the memory of the rebuild.
  static let chunkSize = 256

  /// Whether every corpus output is present.
  func present() -> Bool { Self.all.allSatisfy { files.exists($0) } }

  /// Rebuilds and writes every corpus output.
  func write() throws(BatchError) {
    var pages = CSVTable(header: [
      "path", "title", "date", "layout", "language", "comments", "authors",
      "unknown_author_comments", "comment_words", "article_words", "truncated", "replies",
      "max_depth", "mean_drift", "drift_toward", "content_hash",
    ])
    var graph = AuthorGraph()
    var commentTerms = TermCounts()
    var articleTerms = TermCounts()
    try store.forEachChunk(of: Self.chunkSize) { chunk in
      for (row, page) in zip(chunk, try decode(chunk)) {
        let r = page.row
        pages.append([
          .text(row.path), .text(r.title), .text(r.date ?? ""), .text(r.layout), .text(r.language),
          .integer(r.comments), .integer(r.authors), .integer(r.unknownAuthorComments),
          .integer(r.commentWords), .integer(r.articleWords), .integer(r.truncated),
          .integer(r.replies), .integer(r.maxDepth), .decimal(r.meanDrift),
          .text(r.driftToward.joined(separator: " ")), .text(row.hash),
        ])
        graph.merge(page.graph)
        commentTerms.merge(page.commentTerms)
        articleTerms.merge(page.articleTerms)
      }
    }
    try files.write(pages.bytes, to: Self.pagesTable, durable: true)
    try files.write(Self.authorsTable(graph).bytes, to: Self.authorsTable, durable: true)
    let terms = DriftTerms(comments: commentTerms, article: articleTerms, limit: Self.termLimit)
    try files.write(Self.termsTable(terms).bytes, to: Self.termsTable, durable: true)
    try writeGraph(consuming: &graph)
  }

  /// Writes `corpus.graphml`, letting go of the merged graph before the XML
  /// is rendered, so the two never take memory at the same time.
  private func writeGraph(consuming graph: inout AuthorGraph) throws(BatchError) {
    var document = GraphMLDocument(graph)
    graph = AuthorGraph()
    let xml: [UInt8]
    do { xml = try document.bytes() } catch {
      throw BatchError(.io, "\(Self.corpusGraph): \(error.message)")
    }
    document = GraphMLDocument(AuthorGraph())
    try files.write(xml, to: Self.corpusGraph, durable: true)
  }

  /// Decodes a chunk of stored pages on `jobs` threads; the result keeps the chunk's order.
  private func decode(_ chunk: [BatchStore.StoredRow]) throws -> [StoredPage] {
    let slots = Mutex([StoredPage?](repeating: nil, count: chunk.count))
    let failure = Mutex<(any Error)?>(nil)
    let workers = min(jobs, chunk.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let decoder = JSONDecoder()
      for i in stride(from: worker, to: chunk.count, by: workers) {
        do {
          let page = try decoder.decode(StoredPage.self, from: chunk[i].record)
          slots.withLock { $0[i] = page }
        } catch {
          failure.withLock { $0 = error }
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return slots.withLock { $0.compactMap { $0 } }
  }

  /// One row per named author, by normalised name in byte order.
  static func authorsTable(_ graph: AuthorGraph) -> CSVTable {
    var table = CSVTable(header: [
      "author", "key", "pages", "comments", "share", "words", "truncated", "replies_sent",
      "replies_received", "partners", "first_date", "last_date", "mean_drift",
    ])
    let authors = graph.authors.values.sorted { BatchRun.byteOrder($0.key, $1.key) }
    for a in authors {
      table.append([
        .text(a.name), .text(a.key), .integer(a.articles), .integer(a.comments),
        .decimal(graph.share(of: a)), .integer(a.words), .integer(a.truncated),
        .integer(a.repliesSent), .integer(a.repliesReceived), .integer(a.partnerCount),
        .text(a.firstDate?.iso ?? ""), .text(a.lastDate?.iso ?? ""), .decimal(a.meanDrift),
      ])
    }
    return table
  }

  /// The corpus drift terms: comments of all pages against their articles,
  /// the whole corpus as the prior.
  static func termsTable(_ terms: DriftTerms) -> CSVTable {
    var table = CSVTable(header: [
      "direction", "rank", "term", "z", "delta", "comment_count", "article_count",
    ])
    for (direction, scores) in [("toward", terms.toward), ("away", terms.away)] {
      for (rank, s) in scores.enumerated() {
        table.append([
          .text(direction), .integer(rank + 1), .text(s.term), .decimal(s.z), .decimal(s.delta),
          .integer(s.focusCount), .integer(s.referenceCount),
        ])
      }
    }
    return table
  }
}
