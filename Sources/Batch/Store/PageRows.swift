import GRDB
import Metrics
import Threads

/// One page's results as rows of the store's tables, every value bound
/// computed when the page is saved (on the worker that processed it), so
/// that the commit, which holds the database, only binds and steps; and the
/// corpus term totals that follow pages coming and going.
///
/// `page` holds the `pages.csv` figures; `page_author`, `page_unknown`,
/// `page_reply` (edges between two named authors, which merge across pages)
/// and `page_edge` (all other edges) the page's author graph, each row
/// numbered (`ord`) in the graph's order, authors and replies stored in key
/// order, the order the corpus folds them in; `page_terms` its term counts, read back only to take them
/// out of `term_total`, the term counts summed over all pages, kept current
/// as pages are saved and deleted, so the corpus drift terms never need
/// every page read again.
struct PageRows: Sendable {
  /// Every table of page results.
  static let tables = [
    "page", "page_author", "page_unknown", "page_reply", "page_edge", "page_terms", "term_total",
    "term_word",
  ]

  /// The page's row id, handed out by the store when the page is saved.
  let id: Int64
  /// The scrape's path relative to the input folder.
  let path: String
  /// The page's term counts, for `term_total` and `term_word`.
  let commentTerms: TermCounts
  let articleTerms: TermCounts
  let termWords: [String: String]
  private let page: StatementArguments
  private let terms: StatementArguments
  private let authors: [StatementArguments]
  private let unknowns: [StatementArguments]
  private let replies: [StatementArguments]
  private let edges: [StatementArguments]

  /// The rows of `page`, stored under `path` with row id `id`.
  init(_ page: StoredPage, id: Int64, path: String, hash: String, size: Int, outputs: [String]) {
    self.id = id
    self.path = path
    commentTerms = page.commentTerms
    articleTerms = page.articleTerms
    termWords = page.termWords
    let r = page.row
    self.page = [
      id, path, hash, size, outputs.joined(separator: "\n"), r.title, Self.day(page.graph.pages.first?.date),
      r.layout, r.language, r.comments, r.authors, r.unknownAuthorComments, r.commentWords,
      r.articleWords, r.truncated, r.replies, r.maxDepth, r.meanDrift,
      r.driftToward.joined(separator: " "), r.driftTowardWords.joined(separator: " "),
    ]
    terms = [
      id, TermText.text(page.commentTerms), TermText.text(page.articleTerms), TermText.text(words: page.termWords),
    ]
    let graph = page.graph
    authors = graph.authors.enumerated().map { ord, entry in
      let (key, a) = entry
      return [
        id, ord, key, a.name, a.comments, a.words, a.truncated, a.repliesSent, a.repliesReceived,
        a.partners.joined(separator: "\n"), Self.day(a.firstDate), Self.day(a.lastDate), a.articles, a.driftSum,
        a.driftCount, Self.days(a.activeDays),
      ]
    }
    var unknownOrd: [Int: Int] = [:]
    unknowns = graph.unknownAuthors.enumerated().map { ord, u in
      unknownOrd[u.comment] = ord
      return [id, ord, u.comment, u.words, u.truncated, Self.day(u.date), u.drift]
    }
    // A node as (author key, unknown author's ord); the article is neither.
    func columns(_ node: AuthorGraph.Node) -> (String?, Int?) {
      switch node {
      case .author(let key): (key, nil)
      case .unknown(_, let comment): (nil, unknownOrd[comment])
      case .article: (nil, nil)
      }
    }
    var replies: [StatementArguments] = []
    var edges: [StatementArguments] = []
    for (ord, (e, sums)) in graph.edges.enumerated() {
      if case .author(let source) = e.source, case .author(let target) = e.target {
        replies.append([source, target, id, ord, sums.count, sums.driftSum, sums.driftCount])
        continue
      }
      let (sourceAuthor, sourceUnknown) = columns(e.source)
      let (targetAuthor, targetUnknown) = columns(e.target)
      edges.append([
        id, ord, sourceAuthor, sourceUnknown, targetAuthor, targetUnknown, sums.count, sums.driftSum,
        sums.driftCount,
      ])
    }
    self.replies = replies
    self.edges = edges
  }

  /// A date as the integer YYYYMMDD, which sorts as the date does.
  static func day(_ date: CalendarDate?) -> Int? {
    date.map { $0.year * 10_000 + $0.month * 100 + $0.day }
  }

  /// Days as "YYYYMMDD YYYYMMDD ...".
  static func days(_ days: [CalendarDate]) -> String {
    days.compactMap { day($0).map(String.init) }.joined(separator: " ")
  }

  /// The days of a text written by ``days(_:)``.
  static func days(_ text: String) -> [CalendarDate] {
    text.split(separator: " ").compactMap { Int($0).flatMap(date) }
  }

  /// The date of a YYYYMMDD integer.
  static func date(_ day: Int?) -> CalendarDate? {
    day.flatMap { CalendarDate(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) }
  }

  /// Removes the page stored for `path`, if any, and takes its terms out
  /// of `totals` (written to `term_total` by ``TermDelta/apply(_:)``).
  static func delete(path: String, _ db: Database, totals: inout TermDelta) throws {
    let find = try db.cachedStatement(sql: "SELECT id FROM page WHERE path = ?")
    guard let id = try Int64.fetchOne(find, arguments: [path]) else { return }
    if let terms = try Row.fetchOne(
      db, sql: "SELECT comments, articles, words FROM page_terms WHERE page = ?", arguments: [id])
    {
      let comments = TermText.counts(terms[0])
      let articles = TermText.counts(terms[1])
      totals.add(comments, articles, sign: -1)
      totals.addWords(TermText.words(terms[2]), comments, articles, sign: -1)
      try db.execute(sql: "DELETE FROM page_terms WHERE page = ?", arguments: [id])
    }
    for table in ["page_author", "page_unknown", "page_reply", "page_edge"] {
      try db.execute(sql: "DELETE FROM \(table) WHERE page = ?", arguments: [id])
    }
    try db.execute(sql: "DELETE FROM page WHERE id = ?", arguments: [id])
  }

  /// Inserts the rows; no page may be stored under `path` or `id`. The
  /// page's terms are not added here: the store adds them to the
  /// ``TermDelta`` of the pages committed with it when the page is saved.
  func insert(_ db: Database) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO page (id, path, hash, size, outputs, title, date, layout, language, comments,
          authors, unknown_comments, comment_words, article_words, truncated, replies, max_depth,
          mean_drift, drift_toward, drift_toward_words)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: page)
    try db.cachedStatement(sql: "INSERT INTO page_terms (page, comments, articles, words) VALUES (?, ?, ?, ?)")
      .execute(arguments: terms)
    let author = try db.cachedStatement(
      sql: """
        INSERT INTO page_author (page, ord, key, name, comments, words, truncated, replies_sent,
          replies_received, partners, first_date, last_date, articles, drift_sum, drift_count, days)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for row in authors { try author.execute(arguments: row) }
    let unknown = try db.cachedStatement(
      sql: """
        INSERT INTO page_unknown (page, ord, comment, words, truncated, date, drift)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for row in unknowns { try unknown.execute(arguments: row) }
    let reply = try db.cachedStatement(
      sql: """
        INSERT INTO page_reply (source, target, page, ord, replies, drift_sum, drift_count)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for row in replies { try reply.execute(arguments: row) }
    let edge = try db.cachedStatement(
      sql: """
        INSERT INTO page_edge (page, ord, source_author, source_unknown, target_author,
          target_unknown, replies, drift_sum, drift_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for row in edges { try edge.execute(arguments: row) }
  }
}

/// Changes to `term_total` gathered over the pages saved in one
/// transaction, written once per term: common terms recur on every page.
struct TermDelta {
  private var changes: [String: (comments: Int, articles: Int)] = [:]
  /// Terms a deleted page held: their rows go when their totals fall to zero.
  private var lowered: Set<String> = []
  /// Changes to `term_word`, by term and word.
  private var wordChanges: [TermWord: Int] = [:]

  private struct TermWord: Hashable {
    var term: String
    var word: String
  }

  /// Adds (`sign` 1) or subtracts (-1) a page's occurrences of each term
  /// under the word it shows the term by (`words`; the term itself where
  /// absent).
  mutating func addWords(_ words: [String: String], _ comments: TermCounts, _ articles: TermCounts, sign: Int) {
    for (term, n) in comments.counts { wordChanges[TermWord(term: term, word: words[term] ?? term), default: 0] += sign * n }
    for (term, n) in articles.counts { wordChanges[TermWord(term: term, word: words[term] ?? term), default: 0] += sign * n }
  }

  /// Adds the terms of a page about to be inserted.
  mutating func add(_ rows: PageRows) {
    add(rows.commentTerms, rows.articleTerms, sign: 1)
    addWords(rows.termWords, rows.commentTerms, rows.articleTerms, sign: 1)
  }

  /// Adds (`sign` 1) or subtracts (-1) a page's term counts.
  mutating func add(_ comments: TermCounts, _ articles: TermCounts, sign: Int) {
    for (term, n) in comments.counts { changes[term, default: (0, 0)].comments += sign * n }
    for (term, n) in articles.counts { changes[term, default: (0, 0)].articles += sign * n }
    if sign < 0 {
      lowered.formUnion(comments.counts.keys)
      lowered.formUnion(articles.counts.keys)
    }
  }

  /// Adds the changes to `term_total`; a lowered term whose totals fall to zero is removed.
  func apply(_ db: Database) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO term_total (term, comments, articles) VALUES (?, ?, ?)
        ON CONFLICT (term) DO UPDATE SET
          comments = comments + excluded.comments, articles = articles + excluded.articles
        """)
    // In key order: neighbouring B-tree pages, fewer cache misses.
    for (term, change) in changes.sorted(by: { $0.key < $1.key }) {
      try upsert.execute(arguments: [term, change.comments, change.articles])
    }
    let drop = try db.cachedStatement(
      sql: "DELETE FROM term_total WHERE term = ? AND comments = 0 AND articles = 0")
    for term in lowered.sorted() { try drop.execute(arguments: [term]) }
    let word = try db.cachedStatement(
      sql: """
        INSERT INTO term_word (term, word, count) VALUES (?, ?, ?)
        ON CONFLICT (term, word) DO UPDATE SET count = count + excluded.count
        """)
    let dropWord = try db.cachedStatement(sql: "DELETE FROM term_word WHERE term = ? AND word = ? AND count <= 0")
    for (key, change) in wordChanges.sorted(by: { ($0.key.term, $0.key.word) < ($1.key.term, $1.key.word) }) where change != 0 {
      try word.execute(arguments: [key.term, key.word, change])
      if change < 0 { try dropWord.execute(arguments: [key.term, key.word]) }
    }
  }
}
