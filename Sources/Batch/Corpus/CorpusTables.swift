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
  /// The stored pages the corpus counts: of pages with the same content
  /// hash (a copied scrape), only the first in path order.
  static let countedPages = """
    (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY hash ORDER BY path) AS copy FROM page)
     WHERE copy = 1)
    """

  /// Creates `corpus_page` (each counted page's number in path order and how
  /// many unknown authors come before it) and the empty `corpus_author` and
  /// `corpus_reply`.
  static func create(_ db: Database) throws {
    try drop(db)
    try db.execute(
      sql: """
        CREATE TEMP TABLE corpus_page (
          n INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, unknown_base INTEGER NOT NULL);
        INSERT INTO corpus_page
          SELECT ROW_NUMBER() OVER w, id, SUM(unknown_comments) OVER w - unknown_comments
          FROM \(countedPages) WINDOW w AS (ORDER BY path);
        CREATE TEMP TABLE corpus_author (
          key TEXT PRIMARY KEY NOT NULL, n INTEGER, first_page INTEGER NOT NULL,
          first_ord INTEGER NOT NULL, name TEXT NOT NULL, comments INTEGER NOT NULL,
          words INTEGER NOT NULL, truncated INTEGER NOT NULL, replies_sent INTEGER NOT NULL,
          replies_received INTEGER NOT NULL, partners TEXT NOT NULL, first_date INTEGER,
          last_date INTEGER, articles INTEGER NOT NULL, drift_sum REAL NOT NULL,
          drift_count INTEGER NOT NULL, days TEXT NOT NULL) WITHOUT ROWID;
        CREATE TEMP TABLE corpus_reply (
          first_page INTEGER NOT NULL, first_ord INTEGER NOT NULL, source TEXT NOT NULL,
          target TEXT NOT NULL, replies INTEGER NOT NULL, drift_sum REAL NOT NULL,
          drift_count INTEGER NOT NULL, PRIMARY KEY (first_page, first_ord)) WITHOUT ROWID;
        """)
  }

  /// Drops the temporary tables.
  static func drop(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP TABLE IF EXISTS temp.corpus_page;
        DROP TABLE IF EXISTS temp.corpus_author;
        DROP TABLE IF EXISTS temp.corpus_reply;
        """)
  }

  /// Merges each author's page rows, in path order, with
  /// `AuthorStats.merge` (as `AuthorGraph.merge` does), and calls `body` with
  /// the authors by key in byte order; stores them in `corpus_author`,
  /// numbered in order of first appearance.
  static func foldAuthors(_ db: Database, _ body: (AuthorStats) throws -> Void) throws {
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO corpus_author (key, first_page, first_ord, name, comments, words, truncated,
          replies_sent, replies_received, partners, first_date, last_date, articles, drift_sum,
          drift_count, days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    func flush(_ sum: (stats: AuthorStats, page: Int, ord: Int)) throws {
      let a = sum.stats
      try body(a)
      try insert.execute(arguments: [
        a.key, sum.page, sum.ord, a.name, a.comments, a.words, a.truncated, a.repliesSent,
        a.repliesReceived, a.partners.joined(separator: "\n"), PageRows.day(a.firstDate),
        PageRows.day(a.lastDate), a.articles, a.driftSum, a.driftCount, PageRows.days(a.activeDays),
      ])
    }
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT a.key, a.name, a.comments, a.words, a.truncated, a.replies_sent, a.replies_received,
          a.partners, a.first_date, a.last_date, a.articles, a.drift_sum, a.drift_count, a.days, cp.n, a.ord
        FROM page_author a JOIN corpus_page cp ON cp.id = a.page
        ORDER BY a.key, cp.n
        """)
    // The author being summed, with its first page's number and its place there.
    var sum: (stats: AuthorStats, page: Int, ord: Int)?
    while let row = try rows.next() {
      let stats = authorStats(row)
      if sum?.stats.key == stats.key {
        sum?.stats.merge(stats)
      } else {
        if let done = sum { try flush(done) }
        sum = (stats, row[14], row[15])
      }
    }
    if let done = sum { try flush(done) }
    try db.execute(
      sql: """
        UPDATE corpus_author SET n = r.n
        FROM (SELECT key, ROW_NUMBER() OVER (ORDER BY first_page, first_ord) AS n FROM corpus_author) AS r
        WHERE corpus_author.key = r.key
        """)
  }

  /// An author from columns 0 to 13 of `row` (a `page_author` or
  /// `corpus_author` row): key, name, comments, words, truncated, replies
  /// sent and received, partners, first and last date, articles, drift sum
  /// and count, active days. Key and name are stored normalised and displayed already.
  private static func authorStats(_ row: Row) -> AuthorStats {
    var a = AuthorStats(name: "")
    a.key = row[0]
    a.name = row[1]
    a.comments = row[2]
    a.words = row[3]
    a.truncated = row[4]
    a.repliesSent = row[5]
    a.repliesReceived = row[6]
    let partners: String = row[7]
    a.partners = partners.split(separator: "\n").map(String.init)
    a.firstDate = PageRows.date(row[8])
    a.lastDate = PageRows.date(row[9])
    a.articles = row[10]
    a.driftSum = row[11]
    a.driftCount = row[12]
    a.activeDays = PageRows.days(row[13] as String)
    return a
  }

  /// Calls `body` with each counted page's article, in path order.
  static func forEachArticle(_ db: Database, _ body: (AuthorGraph.Page) throws -> Void) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT p.path, p.title, p.date, p.article_words, p.comments
        FROM corpus_page cp JOIN page p ON p.id = cp.id ORDER BY cp.n
        """)
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
          first_date, last_date, articles, drift_sum, drift_count, days
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
        FROM corpus_page cp JOIN page p ON p.id = cp.id JOIN page_unknown u ON u.page = p.id
        ORDER BY cp.n, u.ord
        """)
    while let r = try rows.next() {
      let unknown = AuthorGraph.UnknownAuthor(
        page: 0, comment: r[1], words: r[2], truncated: r[3], date: PageRows.date(r[4]), drift: r[5])
      try body(unknown, r[0])
    }
  }

  /// Calls `body` with each edge of the merged graph in order of first
  /// appearance: an edge between two named authors sums its pages' replies
  /// (in path order); every other edge belongs to one page. The two kinds
  /// come from two queries, each in that order, merged here.
  static func forEachEdge(
    _ db: Database,
    _ body: (AuthorGraphStream.Node, AuthorGraphStream.Node, AuthorGraph.Replies) throws -> Void
  ) throws {
    try foldReplies(db)
    let merged = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.first_page, r.first_ord, source.n, target.n, r.replies, r.drift_sum, r.drift_count
        FROM corpus_reply r JOIN corpus_author source ON source.key = r.source
          JOIN corpus_author target ON target.key = r.target
        ORDER BY r.first_page, r.first_ord
        """)
    let single = try Row.fetchCursor(
      db,
      sql: """
        SELECT cp.n, e.ord, e.source_author, source.n, e.source_unknown, e.target_author, target.n,
          e.target_unknown, cp.unknown_base, e.replies, e.drift_sum, e.drift_count
        FROM corpus_page cp JOIN page_edge e ON e.page = cp.id
          LEFT JOIN corpus_author source ON source.key = e.source_author
          LEFT JOIN corpus_author target ON target.key = e.target_author
        ORDER BY cp.n, e.ord
        """)
    // A node of a page-specific edge, from the columns at `i`: author key,
    // author number, unknown author's ord.
    func node(_ r: Row, _ i: Int) -> AuthorGraphStream.Node {
      if !r.hasNull(atIndex: i) { return .author(r[i + 1]) }
      if let ord: Int = r[i + 2] { return .unknown(r[8] + ord + 1) }
      return .article(r[0])
    }
    var m = try merged.next()
    var s = try single.next()
    while m != nil || s != nil {
      if let r = m, s.map({ (r[0], r[1]) < ($0[0] as Int, $0[1] as Int) }) ?? true {
        try body(.author(r[2]), .author(r[3]), replies(r, 4))
        m = try merged.next()
      } else if let r = s {
        try body(node(r, 2), node(r, 5), replies(r, 9))
        s = try single.next()
      }
    }
  }

  /// Fills `corpus_reply`: one row per pair of named authors that replied,
  /// its pages' replies summed in path order, numbered by its first page and
  /// its place there.
  private static func foldReplies(_ db: Database) throws {
    let insert = try db.makeStatement(sql: "INSERT INTO corpus_reply VALUES (?, ?, ?, ?, ?, ?, ?)")
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.source, e.target, cp.n, e.ord, e.replies, e.drift_sum, e.drift_count
        FROM page_reply e JOIN corpus_page cp ON cp.id = e.page
        ORDER BY e.source, e.target, cp.n
        """)
    var current: (source: String, target: String, page: Int, ord: Int, replies: AuthorGraph.Replies)?
    func flush() throws {
      guard let c = current else { return }
      try insert.execute(arguments: [
        c.page, c.ord, c.source, c.target, c.replies.count, c.replies.driftSum, c.replies.driftCount,
      ])
    }
    while let r = try rows.next() {
      let source: String = r[0]
      let target: String = r[1]
      let more = replies(r, 4)
      if let c = current, c.source == source, c.target == target {
        current?.replies.merge(more)
      } else {
        try flush()
        current = (source, target, r[2], r[3], more)
      }
    }
    try flush()
  }

  /// Replies from columns `i` to `i + 2` of `row`: count, drift sum and count.
  private static func replies(_ row: Row, _ i: Int) -> AuthorGraph.Replies {
    var replies = AuthorGraph.Replies()
    replies.count = row[i]
    replies.driftSum = row[i + 1]
    replies.driftCount = row[i + 2]
    return replies
  }
}
