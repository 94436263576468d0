import Foundation

/// The corpus outputs, rebuilt from the store alone (never by re-reading
/// scrapes): pages are visited in path order and every table is sorted, so the
/// same set of pages gives the same bytes however many runs it took.
struct CorpusOutputs {
  /// The file names below the output folder.
  static let pagesTable = "pages.csv"
  static let all = [pagesTable]
  /// Changes whenever the corpus outputs' format does, so a new version rebuilds them.
  static let formatVersion = "corpus-v1"
  /// The setting holding the digest of the pages the current corpus outputs were built from.
  static let digestSetting = "corpus-digest"

  let store: BatchStore
  let files: AtomicFile

  /// Rebuilds and writes every corpus output.
  func write() throws(BatchError) {
    var pages = CSVTable(header: [
      "path", "title", "date", "layout", "comments", "authors", "unknown_author_comments",
      "comment_words", "article_words", "truncated", "replies", "max_depth", "content_hash",
    ])
    let decoder = JSONDecoder()
    try store.forEachPage { path, hash, data in
      let record = try decoder.decode(PageRecord.self, from: data)
      pages.append([
        .text(path), .text(record.title), .text(record.date ?? ""), .text(record.layout),
        .integer(record.comments), .integer(record.authors), .integer(record.unknownAuthorComments),
        .integer(record.commentWords), .integer(record.articleWords), .integer(record.truncated),
        .integer(record.replies), .integer(record.maxDepth), .text(hash),
      ])
    }
    try files.write(pages.bytes, to: Self.pagesTable, durable: true)
  }

  /// Whether every corpus output is present.
  func present() -> Bool { Self.all.allSatisfy { files.exists($0) } }
}
