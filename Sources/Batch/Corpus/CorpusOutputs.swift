import SystemCalls
import GRDB
import Metrics
import Report
import Threads

/// The corpus outputs, rebuilt from the store alone (never by re-reading
/// scrapes). The stored page rows are aggregated in SQL and streamed, row by
/// row, into the files: memory holds one author's or one edge's rows at a
/// time, never the corpus. Pages are taken in path order and every table is
/// sorted, so the same set of pages gives the same bytes however many runs
/// it took, and the bytes `AuthorGraph.merge` of the pages in path order
/// would give.
struct CorpusOutputs {
  /// One row per page.
  static let pagesTable = "pages.csv"
  /// One row per author across all pages.
  static let authorsTable = "authors.csv"
  /// The terms the corpus's comments drifted toward and away from.
  static let termsTable = "terms.csv"
  /// Authors across all pages, one node per page's article.
  static let corpusGraph = "corpus.graphml"
  /// The same graph as dynamic GEXF, for Gephi's timeline.
  static let corpusGEXF = "corpus.gexf"
  /// The corpus graph's edges as a table (Gephi's spreadsheet import, R, pandas).
  static let edgesTable = "edges.csv"
  /// The HTML report of the run's pages and the corpus.
  static let report = "report.html"
  static let all = [corpusGraph, corpusGEXF, edgesTable, pagesTable, authorsTable, termsTable, report]
  /// Changes whenever the corpus outputs' format does, so a new version rebuilds them.
  static let formatVersion = "corpus-v9"
  /// The setting holding the digest of the pages the current corpus outputs were built from.
  static let digestSetting = "corpus-digest"
  /// How many corpus drift terms `terms.csv` lists each way.
  static let termLimit = 50
  /// Bytes of a table gathered before they are written out.
  static let chunkBytes = 1 << 16

  let store: BatchStore
  let files: OutputFolder

  /// Whether every corpus output is present.
  func present() -> Bool { Self.all.allSatisfy { files.exists($0) } }

  /// Rebuilds and writes every corpus output; `report.html` shows `night`
  /// (the run's pages) beside the corpus figures gathered on the way.
  func write(night: ReportSummary) throws(BatchError) {
    var figures = CorpusFigures()
    try store.aggregate { db in
      try CorpusTables.create(db)
      try writePages(db)
      let commentCount =
        try Int.fetchOne(
          db, sql: "SELECT COALESCE(SUM(p.comments), 0) FROM corpus_page cp JOIN page p ON p.id = cp.id") ?? 0
      figures.pages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM corpus_page") ?? 0
      figures.comments = commentCount
      try writeAuthors(db, commentCount: commentCount) { figures.add(author: $0) }
      figures.finish()
      let terms = try writeTerms(db)
      figures.terms = DriftTerms(
        toward: Array(terms.toward.prefix(ReportSummary.termLimit)),
        away: Array(terms.away.prefix(ReportSummary.termLimit)))
      try writeGraph(db, commentCount: commentCount)
      try CorpusTables.drop(db)
    }
    let html = HTMLReport.render(night, title: "threadstat batch: this run and the corpus", corpus: figures)
    try files.write(Array(html.utf8), to: Self.report, durable: true)
  }

  /// Writes `name` through `body`, which may also fail with database errors.
  private func output(_ name: String, _ body: (Int32) throws -> Void) throws(BatchError) {
    try files.write(to: name, durable: true) { fd throws(BatchError) in
      do { try body(fd) } catch let error as BatchError { throw error } catch {
        throw BatchError(.store, "\(name): cannot build it from the state database (\(error))")
      }
    }
  }

  /// Writes `table` to `fd` in chunks, the rest when `final`.
  private func drain(_ table: inout CSVTable, to fd: Int32, _ name: String, final: Bool = false) throws(BatchError) {
    guard final || table.bytes.count >= Self.chunkBytes else { return }
    let bytes = table.takeBytes()
    try BatchError.io { () throws(SystemError) in try Posix.writeAll(fd, bytes, path: name) }
  }

  /// `pages.csv`: one row per counted page (copies left out), in path order.
  private func writePages(_ db: Database) throws(BatchError) {
    try output(Self.pagesTable) { fd in
      var table = CSVTable(header: [
        "path", "title", "date", "layout", "language", "comments", "authors",
        "unknown_author_comments", "comment_words", "article_words", "truncated", "replies",
        "max_depth", "mean_drift", "drift_toward", "content_hash", "drift_toward_words",
      ])
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT path, title, date, layout, language, comments, authors, unknown_comments,
            comment_words, article_words, truncated, replies, max_depth, mean_drift, drift_toward, hash,
            drift_toward_words
          FROM corpus_page cp JOIN page p ON p.id = cp.id ORDER BY cp.n
          """)
      while let r = try rows.next() {
        table.append([
          .text(r[0]), .text(r[1]), .text(PageRows.date(r[2])?.iso ?? ""), .text(r[3]), .text(r[4]),
          .integer(r[5]), .integer(r[6]), .integer(r[7]), .integer(r[8]), .integer(r[9]),
          .integer(r[10]), .integer(r[11]), .integer(r[12]), .decimal(r[13]), .text(r[14]),
          .text(r[15]), .text(r[16]),
        ])
        try drain(&table, to: fd, Self.pagesTable)
      }
      try drain(&table, to: fd, Self.pagesTable, final: true)
    }
  }

  /// `authors.csv`: one row per named author, by normalised name in byte
  /// order; also fills `corpus_author` for the graph.
  private func writeAuthors(
    _ db: Database, commentCount: Int, _ each: (AuthorStats) -> Void
  ) throws(BatchError) {
    try output(Self.authorsTable) { fd in
      var table = CSVTable(header: [
        "author", "key", "pages", "comments", "share", "words", "truncated", "replies_sent",
        "replies_received", "partners", "first_date", "last_date", "mean_drift",
      ])
      try CorpusTables.foldAuthors(db) { a in
        each(a)
        table.append([
          .text(a.name), .text(a.key), .integer(a.articles), .integer(a.comments),
          .decimal(a.share(ofComments: commentCount)), .integer(a.words),
          .integer(a.truncated), .integer(a.repliesSent), .integer(a.repliesReceived),
          .integer(a.partnerCount), .text(a.firstDate?.iso ?? ""), .text(a.lastDate?.iso ?? ""),
          .decimal(a.meanDrift),
        ])
        try drain(&table, to: fd, Self.authorsTable)
      }
      try drain(&table, to: fd, Self.authorsTable, final: true)
    }
  }

  /// `terms.csv`: the corpus drift terms, comments of all pages against
  /// their articles, the whole corpus as the prior, from the kept totals.
  /// - Returns: the terms, for the report.
  private func writeTerms(_ db: Database) throws(BatchError) -> DriftTerms {
    var written = DriftTerms(toward: [], away: [])
    try output(Self.termsTable) { fd in
      var comments: [String: Int] = [:]
      var articles: [String: Int] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT term, comments, articles FROM term_total")
      while let r = try rows.next() {
        let term: String = r[0]
        comments[term, default: 0] += r[1]
        articles[term, default: 0] += r[2]
      }
      // The totals hold every stored page; copies are counted once.
      let copies = try Row.fetchCursor(
        db,
        sql: """
          SELECT t.comments, t.articles FROM page p JOIN page_terms t ON t.page = p.id
          WHERE p.id NOT IN (SELECT id FROM corpus_page)
          """)
      while let r = try copies.next() {
        for (term, n) in TermText.counts(r[0]).counts { comments[term, default: 0] -= n }
        for (term, n) in TermText.counts(r[1]).counts { articles[term, default: 0] -= n }
      }
      comments = comments.filter { $0.value > 0 }
      articles = articles.filter { $0.value > 0 }
      let terms = DriftTerms(
        comments: TermCounts(comments), article: TermCounts(articles), limit: Self.termLimit)
      written = terms
      var table = CSVTable(header: [
        "direction", "rank", "term", "z", "delta", "comment_count", "article_count", "word",
      ])
      // The word behind the most of the term's occurrences over the stored
      // pages (each page's occurrences under the word it shows most).
      let word = try db.makeStatement(
        sql: "SELECT word FROM term_word WHERE term = ? ORDER BY count DESC, LENGTH(CAST(word AS BLOB)), word LIMIT 1")
      for (direction, scores) in [("toward", terms.toward), ("away", terms.away)] {
        for (rank, s) in scores.enumerated() {
          let shown = try String.fetchOne(word, arguments: [s.term]) ?? s.term
          table.append([
            .text(direction), .integer(rank + 1), .text(s.term), .decimal(s.z), .decimal(s.delta),
            .integer(s.focusCount), .integer(s.referenceCount), .text(shown),
          ])
        }
      }
      try drain(&table, to: fd, Self.termsTable, final: true)
    }
    return written
  }

  /// `corpus.graphml`, `corpus.gexf` and `edges.csv` (the columns of
  /// `graph --format csv`), streamed into the files in one pass: articles in
  /// path order, authors and edges in order of first appearance, as
  /// `AuthorGraph.merge` orders them.
  private func writeGraph(_ db: Database, commentCount: Int) throws(BatchError) {
    try output(Self.edgesTable) { edgesFD in
      try output(Self.corpusGEXF) { gexfFD in
        try output(Self.corpusGraph) { fd in
          let edges = { (bytes: [UInt8]) throws(GraphFileError) in
            do throws(SystemError) { try Posix.writeAll(edgesFD, bytes, path: Self.edgesTable) } catch {
              throw GraphFileError(error.description)
            }
          }
          let files: [AuthorGraphStream.Output] = [
            .file(fd, path: Self.corpusGraph), .file(gexfFD, path: Self.corpusGEXF, format: .gexf),
            .edgeTable(edges),
          ]
          try AuthorGraphStream.write(to: files, commentCount: commentCount) { graph in
            try CorpusTables.forEachArticle(db) { try graph.add(article: $0) }
            try CorpusTables.forEachAuthor(db) { try graph.add(author: $0) }
            try CorpusTables.forEachUnknownAuthor(db) { try graph.add(unknown: $0, source: $1) }
            try CorpusTables.forEachEdge(db) { try graph.addEdge(from: $0, to: $1, $2) }
          }
        }
      }
    }
  }
}
