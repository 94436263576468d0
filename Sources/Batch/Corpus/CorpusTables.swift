import GRDB
import Metrics
import Threads

/// The SQL that aggregates the stored pages into the corpus, in temporary
/// tables of one connection (SQLite keeps them on disk beyond its page
/// cache, so they never take the corpus's size in memory).
///
/// Sums of doubles (drift) are folded in Swift, in path order, rather than
/// by SQL `SUM`, whose order is unspecified: the same additions in the same
/// order as `AuthorGraph.merge` give the same bits.
enum CorpusTables {
  /// Creates `corpus_page` (each page's number in path order and how many
  /// unknown authors come before it) and the empty `corpus_author` and
  /// `corpus_edge`.
  static func create(_ db: Database) throws {
    try drop(db)
    try db.execute(
      sql: """
        CREATE TEMP TABLE corpus_page (
          id INTEGER PRIMARY KEY, n INTEGER NOT NULL, unknown_base INTEGER NOT NULL);
        INSERT INTO corpus_page
          SELECT id, ROW_NUMBER() OVER w, SUM(unknown_comments) OVER w - unknown_comments
          FROM page WINDOW w AS (ORDER BY path);
        CREATE TEMP TABLE corpus_author (
          key TEXT PRIMARY KEY NOT NULL, n INTEGER, first_page INTEGER NOT NULL,
          first_ord INTEGER NOT NULL, name TEXT NOT NULL, comments INTEGER NOT NULL,
          words INTEGER NOT NULL, truncated INTEGER NOT NULL, replies_sent INTEGER NOT NULL,
          replies_received INTEGER NOT NULL, partners TEXT NOT NULL, first_date INTEGER,
          last_date INTEGER, articles INTEGER NOT NULL, drift_sum REAL NOT NULL,
          drift_count INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TEMP TABLE corpus_edge (
          first_page INTEGER NOT NULL, first_ord INTEGER NOT NULL,
          source_kind INTEGER NOT NULL, source_n INTEGER NOT NULL,
          target_kind INTEGER NOT NULL, target_n INTEGER NOT NULL,
          replies INTEGER NOT NULL, drift_sum REAL NOT NULL, drift_count INTEGER NOT NULL);
        """)
  }

  /// Drops the temporary tables.
  static func drop(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP TABLE IF EXISTS temp.corpus_page;
        DROP TABLE IF EXISTS temp.corpus_author;
        DROP TABLE IF EXISTS temp.corpus_edge;
        """)
  }

  /// Merges each author's page rows, in path order, and calls `body` with
  /// the authors by key in byte order; stores them in `corpus_author`,
  /// numbered in order of first appearance.
  static func foldAuthors(_ db: Database, _ body: (AuthorStats) throws -> Void) throws {
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO corpus_author (key, first_page, first_ord, name, comments, words, truncated,
          replies_sent, replies_received, partners, first_date, last_date, articles, drift_sum,
          drift_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var current: (stats: AuthorStats, page: Int, ord: Int)?
    func flush() throws {
      guard let (a, page, ord) = current else { return }
      try body(a)
      try insert.execute(arguments: [
        a.key, page, ord, a.name, a.comments, a.words, a.truncated, a.repliesSent,
        a.repliesReceived, a.partners.joined(separator: "\n"), PageRows.day(a.firstDate),
        PageRows.day(a.lastDate), a.articles, a.driftSum, a.driftCount,
      ])
    }
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT a.key, a.name, a.comments, a.words, a.truncated, a.replies_sent, a.replies_received,
          a.partners, a.first_date, a.last_date, a.articles, a.drift_sum, a.drift_count, cp.n, a.ord
        FROM page_author a JOIN corpus_page cp ON cp.id = a.page
        ORDER BY a.key, cp.n
        """)
    while let row = try rows.next() {
      let stats = authorStats(row)
      if current?.stats.key == stats.key {
        current?.stats.merge(stats)
      } else {
        try flush()
        current = (stats, row[13], row[14])
      }
    }
    try flush()
    try db.execute(
      sql: """
        UPDATE corpus_author SET n = r.n
        FROM (SELECT key, ROW_NUMBER() OVER (ORDER BY first_page, first_ord) AS n FROM corpus_author) AS r
        WHERE corpus_author.key = r.key
        """)
  }

  /// An author of one page, or of all pages, from columns 0 to 12 of `row`:
  /// key, name, comments, words, truncated, replies sent and received,
  /// partners, first and last date, articles, drift sum and count.
  private static func authorStats(_ row: Row) -> AuthorStats {
    var a = blank
    a.key = row[0]
    a.name = row[1]
    a.comments = row[2]
    a.words = row[3]
    a.truncated = row[4]
    a.repliesSent = row[5]
    a.repliesReceived = row[6]
    let partners: String = row[7]
    a.partners = partners.isEmpty ? [] : partners.split(separator: "\n").map(String.init)
    a.firstDate = PageRows.date(row[8])
    a.lastDate = PageRows.date(row[9])
    a.articles = row[10]
    a.driftSum = row[11]
    a.driftCount = row[12]
    return a
  }

  /// Filled in field by field: `AuthorStats(name:)` normalises the name,
  /// which the stored rows already hold normalised.
  private static let blank = AuthorStats(name: "")

  /// Calls `body` with each page's article, in path order.
  static func forEachArticle(_ db: Database, _ body: (AuthorGraph.Page) throws -> Void) throws {
    let rows = try Row.fetchCursor(
      db, sql: "SELECT path, title, date, article_words, comments FROM page ORDER BY path")
    while let r = try rows.next() {
      try body(
        AuthorGraph.Page(source: r[0], title: r[1], date: PageRows.date(r[2]), words: r[3], comments: r[4]))
    }
  }

  /// Calls `body` with each author of `corpus_author`, by number.
  static func forEachAuthor(_ db: Database, _ body: (AuthorStats) throws -> Void) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT key, name, comments, words, truncated, replies_sent, replies_received, partners,
          first_date, last_date, articles, drift_sum, drift_count
        FROM corpus_author ORDER BY n
        """)
    while let row = try rows.next() { try body(authorStats(row)) }
  }

  /// Calls `body` with each comment by an unknown author and its page's
  /// path, pages in path order, comments in page order.
  static func forEachUnknownAuthor(
    _ db: Database, _ body: (AuthorGraph.UnknownAuthor, String) throws -> Void
  ) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT p.path, u.comment, u.words, u.truncated, u.date, u.drift
        FROM page p JOIN page_unknown u ON u.page = p.id ORDER BY p.path, u.ord
        """)
    while let r = try rows.next() {
      let unknown = AuthorGraph.UnknownAuthor(
        page: 0, comment: r[1], words: r[2], truncated: r[3], date: PageRows.date(r[4]), drift: r[5])
      try body(unknown, r[0])
    }
  }

  /// The kinds of node in `corpus_edge`.
  private static let article = 0, author = 1, unknown = 2

  /// Calls `body` with each edge of the merged graph in order of first
  /// appearance: an edge between two named authors sums its pages' replies
  /// (in path order); every other edge belongs to one page.
  static func forEachEdge(
    _ db: Database,
    _ body: (AuthorGraphStream.Node, AuthorGraphStream.Node, AuthorGraph.Replies) throws -> Void
  ) throws {
    // A node's kind and number, from its author key or unknown author's ord.
    func node(_ side: String) -> (kind: String, n: String) {
      (
        "CASE WHEN e.\(side)_author IS NOT NULL THEN \(author) WHEN e.\(side)_unknown IS NOT NULL THEN \(unknown) ELSE \(article) END",
        "CASE WHEN e.\(side)_author IS NOT NULL THEN \(side).n WHEN e.\(side)_unknown IS NOT NULL THEN cp.unknown_base + e.\(side)_unknown + 1 ELSE cp.n END"
      )
    }
    let (sourceKind, sourceN) = node("source")
    let (targetKind, targetN) = node("target")
    try db.execute(
      sql: """
        INSERT INTO corpus_edge
        SELECT cp.n, e.ord, \(sourceKind), \(sourceN), \(targetKind), \(targetN),
          e.replies, e.drift_sum, e.drift_count
        FROM page_edge e JOIN corpus_page cp ON cp.id = e.page
          LEFT JOIN corpus_author source ON source.key = e.source_author
          LEFT JOIN corpus_author target ON target.key = e.target_author
        WHERE e.source_author IS NULL OR e.target_author IS NULL
        """)
    try foldAuthorEdges(db)
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT source_kind, source_n, target_kind, target_n, replies, drift_sum, drift_count
        FROM corpus_edge ORDER BY first_page, first_ord
        """)
    while let r = try rows.next() {
      var replies = AuthorGraph.Replies()
      replies.count = r[4]
      replies.driftSum = r[5]
      replies.driftCount = r[6]
      try body(streamNode(r[0], r[1]), streamNode(r[2], r[3]), replies)
    }
  }

  private static func streamNode(_ kind: Int, _ n: Int) -> AuthorGraphStream.Node {
    switch kind {
    case author: .author(n)
    case unknown: .unknown(n)
    default: .article(n)
    }
  }

  /// Adds the edges between named authors to `corpus_edge`, one per pair,
  /// each pair's pages summed in path order.
  private static func foldAuthorEdges(_ db: Database) throws {
    let insert = try db.makeStatement(
      sql: "INSERT INTO corpus_edge VALUES (?, ?, \(author), ?, \(author), ?, ?, ?, ?)")
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT source.n, target.n, cp.n, e.ord, e.replies, e.drift_sum, e.drift_count
        FROM page_edge e JOIN corpus_page cp ON cp.id = e.page
          JOIN corpus_author source ON source.key = e.source_author
          JOIN corpus_author target ON target.key = e.target_author
        ORDER BY source.n, target.n, cp.n
        """)
    var current: (source: Int, target: Int, page: Int, ord: Int, replies: AuthorGraph.Replies)?
    func flush() throws {
      guard let c = current else { return }
      try insert.execute(arguments: [
        c.page, c.ord, c.source, c.target, c.replies.count, c.replies.driftSum, c.replies.driftCount,
      ])
    }
    while let r = try rows.next() {
      let source: Int = r[0]
      let target: Int = r[1]
      if let c = current, c.source == source, c.target == target {
        current?.replies.count += r[4]
        current?.replies.driftSum += r[5]
        current?.replies.driftCount += r[6]
      } else {
        try flush()
        var replies = AuthorGraph.Replies()
        replies.count = r[4]
        replies.driftSum = r[5]
        replies.driftCount = r[6]
        current = (source, target, r[2], r[3], replies)
      }
    }
    try flush()
  }
}
