import SystemCalls
import GRDB
import Synchronization

/// The state of an output folder: an SQLite database (`<out>/threadstat.sqlite`).
///
/// One row per processed scrape (relative path, content hash, size, output
/// files, its `pages.csv` figures) with its authors, unknown authors and
/// reply edges in tables of their own, the corpus's term counts kept summed
/// as pages come and go, one row per run (the run log), and a few settings.
/// The corpus outputs are aggregated from these tables in SQL
/// (`CorpusOutputs`), never from the scrapes. Pages are committed about twice
/// a second, so a killed run keeps all but the pages of its last half second. WAL mode with `synchronous=NORMAL`: a commit
/// survives the process being killed; a power cut may lose the last commits but
/// never corrupts the file, and a re-run redoes what was lost.
final class BatchStore: Sendable {
  private let db: DatabaseQueue

  /// What the store remembers of one processed scrape, without its results.
  struct Known: Sendable {
    var hash: String
    var outputs: [String]
  }

  /// Log pages (of 4 kB) between automatic checkpoints.
  static let checkpointPages = 16_384

  /// Opens or creates the database and brings its schema up to date.
  init(path: String) throws(BatchError) {
    var config = Configuration()
    config.prepareDatabase { db in
      // WAL set here rather than by GRDB's `journalMode = .wal`, which creates
      // and drops a table at every open (for pools): a run that only reads
      // (one refused for its removals) must leave the file byte-identical.
      // Checkpoints (which fsync the log and the database) once per 64 MB of
      // log rather than SQLite's 4 MB, so a cold run over many pages waits on
      // few of them. What a commit guarantees is unchanged.
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      guard mode == "wal" else { throw BatchError(.store, "\(path): cannot use WAL mode (got \(mode ?? "none"))") }
      try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
    }
    do {
      db = try DatabaseQueue(path: path, configuration: config)
      try Self.migrator.migrate(db)
      lastID = Atomic(try db.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM page") ?? 0 })
    } catch {
      throw BatchError(.store, "\(path): cannot open the state database (\(error))")
    }
  }

  private static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE page (
            path TEXT PRIMARY KEY NOT NULL,
            hash TEXT NOT NULL,
            size INTEGER NOT NULL,
            outputs TEXT NOT NULL,
            record BLOB NOT NULL
          );
          CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            started INTEGER NOT NULL,
            finished INTEGER,
            report TEXT
          );
          CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          );
          """)
    }
    // Per-page results as rows the corpus is aggregated from (was one JSON
    // record per page). Old rows are dropped: their pages are done again.
    migrator.registerMigration("v2") { db in
      try db.execute(
        sql: """
          DROP TABLE page;
          CREATE TABLE page (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            size INTEGER NOT NULL,
            outputs TEXT NOT NULL,
            title TEXT NOT NULL,
            date INTEGER,
            layout TEXT NOT NULL,
            language TEXT NOT NULL,
            comments INTEGER NOT NULL,
            authors INTEGER NOT NULL,
            unknown_comments INTEGER NOT NULL,
            comment_words INTEGER NOT NULL,
            article_words INTEGER NOT NULL,
            truncated INTEGER NOT NULL,
            replies INTEGER NOT NULL,
            max_depth INTEGER NOT NULL,
            mean_drift REAL,
            drift_toward TEXT NOT NULL
          );
          CREATE TABLE page_terms (
            page INTEGER PRIMARY KEY,
            comments TEXT NOT NULL,
            articles TEXT NOT NULL
          );
          CREATE TABLE page_author (
            key TEXT NOT NULL,
            page INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            comments INTEGER NOT NULL,
            words INTEGER NOT NULL,
            truncated INTEGER NOT NULL,
            replies_sent INTEGER NOT NULL,
            replies_received INTEGER NOT NULL,
            partners TEXT NOT NULL,
            first_date INTEGER,
            last_date INTEGER,
            articles INTEGER NOT NULL,
            drift_sum REAL NOT NULL,
            drift_count INTEGER NOT NULL,
            PRIMARY KEY (key, page)
          ) WITHOUT ROWID;
          CREATE INDEX page_author_page ON page_author (page);
          CREATE TABLE page_unknown (
            page INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            comment INTEGER NOT NULL,
            words INTEGER NOT NULL,
            truncated INTEGER NOT NULL,
            date INTEGER,
            drift REAL,
            PRIMARY KEY (page, ord)
          ) WITHOUT ROWID;
          CREATE TABLE page_edge (
            page INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            source_author TEXT,
            source_unknown INTEGER,
            target_author TEXT,
            target_unknown INTEGER,
            replies INTEGER NOT NULL,
            drift_sum REAL NOT NULL,
            drift_count INTEGER NOT NULL,
            PRIMARY KEY (page, ord)
          ) WITHOUT ROWID;
          CREATE TABLE page_reply (
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            page INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            replies INTEGER NOT NULL,
            drift_sum REAL NOT NULL,
            drift_count INTEGER NOT NULL,
            PRIMARY KEY (source, target, page)
          ) WITHOUT ROWID;
          CREATE INDEX page_reply_page ON page_reply (page);
          CREATE TABLE term_total (
            term TEXT PRIMARY KEY NOT NULL,
            comments INTEGER NOT NULL,
            articles INTEGER NOT NULL
          ) WITHOUT ROWID;
          """)
    }
    // Display words: pages.csv's drift_toward_words; per term and word the
    // occurrences of the pages that show the term by that word (term_word,
    // kept summed like term_total), for terms.csv's word column.
    migrator.registerMigration("v3") { db in
      try db.execute(
        sql: """
          ALTER TABLE page ADD COLUMN drift_toward_words TEXT NOT NULL DEFAULT '';
          ALTER TABLE page_terms ADD COLUMN words TEXT NOT NULL DEFAULT '';
          CREATE TABLE term_word (
            term TEXT NOT NULL,
            word TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (term, word)
          ) WITHOUT ROWID;
          """)
    }
    // Authors' active days ("YYYYMMDD ..."), for the GEXF spells.
    migrator.registerMigration("v4") { db in
      try db.execute(sql: "ALTER TABLE page_author ADD COLUMN days TEXT NOT NULL DEFAULT ''")
    }
    return migrator
  }

  /// Runs `body`, reporting its errors as store failures; a `BatchError`
  /// thrown by `body` passes unchanged.
  private func guarded<T>(_ what: String, _ body: () throws -> T) throws(BatchError) -> T {
    do { return try body() } catch let error as BatchError { throw error } catch {
      throw BatchError(.store, "state database: cannot \(what) (\(error))")
    }
  }

  /// Every processed scrape by relative path.
  func known() throws(BatchError) -> [String: Known] {
    try guarded("read the processed files") {
      try db.read { db in
        var result: [String: Known] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, hash, outputs FROM page")
        while let row = try rows.next() {
          let outputs: String = row["outputs"]
          result[row["path"]] = Known(
            hash: row["hash"], outputs: outputs.split(separator: "\n").map(String.init))
        }
        return result
      }
    }
  }

  /// Stored scrapes whose content hash an earlier one (in path order) has:
  /// each copy with the path of its first, by path.
  func copies() throws(BatchError) -> [(path: String, original: String)] {
    try guarded("find copied pages") {
      try db.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT path, FIRST_VALUE(path) OVER (PARTITION BY hash ORDER BY path) AS original FROM page
            ORDER BY path
            """
        ).compactMap { row in
          let path: String = row[0]
          let original: String = row[1]
          return path == original ? nil : (path, original)
        }
      }
    }
  }

  /// How many scrapes the store holds.
  func pageCount() throws(BatchError) -> Int {
    try guarded("count the stored pages") {
      try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0 }
    }
  }

  /// Saved scrapes not yet committed, with their terms summed.
  private struct Pending {
    var group: [PageRows] = []
    var totals = TermDelta()
    /// When the last group was taken to be committed.
    var taken: Double

    /// The saved scrapes and their totals, leaving none behind.
    mutating func take() -> Pending {
      defer { self = Pending(taken: taken) }
      return self
    }
  }

  /// See ``save(path:hash:size:outputs:page:)``.
  private let pending = Mutex(Pending(taken: Posix.now()))

  /// The row id of the page saved last: ids are handed out at save time,
  /// so that a page's rows are complete before its commit.
  private let lastID: Atomic<Int64>

  /// The least time between two commits, in seconds, and the most saved
  /// scrapes committed together.
  static let commitInterval = 0.5
  static let maxGroupSize = 1024

  /// Records a processed scrape, replacing what was stored for its path.
  /// Scrapes are committed in groups (one transaction, each term total
  /// written once), about two a second, since every commit rewrites the term
  /// totals it touches: the caller whose scrape is saved half a second or
  /// more after the last commit, or fills a group of ``maxGroupSize``,
  /// commits the group while the others go on. ``flush()`` commits the rest;
  /// a killed run loses at most the scrapes saved since the last commit,
  /// which the next run redoes. The rows and the group's term sums are made
  /// here, on the caller's thread; the commit only writes them.
  func save(path: String, hash: String, size: Int, outputs: [String], page: StoredPage) throws(BatchError) {
    let id = lastID.wrappingAdd(1, ordering: .relaxed).newValue
    let rows = PageRows(page, id: id, path: path, hash: hash, size: size, outputs: outputs)
    let full = pending.withLock { state -> Pending? in
      state.group.append(rows)
      state.totals.add(rows)
      let now = Posix.now()
      guard state.group.count >= Self.maxGroupSize || now - state.taken >= Self.commitInterval else { return nil }
      state.taken = now
      return state.take()
    }
    if let full { try commit(full) }
  }

  /// Commits the saved scrapes still waiting.
  func flush() throws(BatchError) {
    try commit(pending.withLock { $0.take() })
  }

  /// Replaces the stored pages of the group's paths by its rows and adds
  /// its terms to the term totals, in one transaction.
  private func commit(_ saved: Pending) throws(BatchError) {
    let group = saved.group
    guard !group.isEmpty else { return }
    let more = group.count > 1 ? " and \(group.count - 1) more scrapes" : ""
    try guarded("record \(group[0].path)\(more)") {
      try db.write { db in
        var totals = saved.totals
        for rows in group {
          try PageRows.delete(path: rows.path, db, totals: &totals)
          try rows.insert(db)
        }
        try totals.apply(db)
      }
    }
  }

  /// Forgets a scrape that is gone.
  func forget(path: String) throws(BatchError) {
    try guarded("forget \(path)") {
      try db.write { db in
        var totals = TermDelta()
        try PageRows.delete(path: path, db, totals: &totals)
        try totals.apply(db)
      }
    }
  }

  /// Runs `body` on the database in one transaction (it may create
  /// temporary tables), for aggregating the corpus, with a page cache of
  /// ``aggregateCacheKiB`` instead of SQLite's 2 MB: the aggregation reads
  /// the per-page tables whole, and a cache of that size spares it most of
  /// its reads from the file. A fixed size: it does not grow with the corpus.
  func aggregate<T>(_ body: (Database) throws -> T) throws(BatchError) -> T {
    try guarded("aggregate the stored pages") {
      let size = try db.writeWithoutTransaction { db in
        let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(
          sql: """
            PRAGMA cache_size = -\(Self.aggregateCacheKiB);
            PRAGMA temp.cache_size = -\(Self.aggregateCacheKiB / 2)
            """)
        return size
      }
      defer {
        try? db.writeWithoutTransaction {
          try $0.execute(sql: "PRAGMA cache_size = \(size); PRAGMA temp.cache_size = \(size)")
        }
      }
      return try db.write(body)
    }
  }

  /// The page cache of a corpus aggregation, in KiB.
  static let aggregateCacheKiB = 64 << 10

  /// A digest of the stored set of pages (paths and hashes), for telling
  /// whether the corpus outputs are current.
  func contentDigest(salt: String) throws(BatchError) -> String {
    try guarded("read the stored pages") {
      try db.read { db in
        var bytes = Array(salt.utf8)
        let rows = try Row.fetchCursor(db, sql: "SELECT path, hash FROM page ORDER BY path")
        while let row = try rows.next() {
          let path: String = row["path"]
          let hash: String = row["hash"]
          bytes.append(contentsOf: path.utf8)
          bytes.append(0)
          bytes.append(contentsOf: hash.utf8)
          bytes.append(0x0A)
        }
        return XXH64.hex(XXH64.hash(bytes))
      }
    }
  }

  /// Makes sure the stored page records are in `format`; records of another
  /// format (an older threadstat) are dropped, so their pages are processed
  /// again and their outputs rewritten.
  /// - Returns: whether records were dropped.
  func adopt(recordFormat format: String) throws(BatchError) -> Bool {
    let key = "record-format"
    let current = try setting(key)
    if current == format { return false }
    try guarded("reset the stored pages") {
      try db.write { db in
        for table in PageRows.tables { try db.execute(sql: "DELETE FROM \(table)") }
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, format])
      }
    }
    return current != nil
  }

  /// A stored setting.
  func setting(_ key: String) throws(BatchError) -> String? {
    try guarded("read setting \(key)") {
      try db.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }
  }

  /// Stores a setting.
  func setSetting(_ key: String, _ value: String) throws(BatchError) {
    try guarded("write setting \(key)") {
      try db.write { db in
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
      }
    }
  }

  /// Opens a run in the run log.
  /// - Returns: the run's number.
  func beginRun(started: Int64) throws(BatchError) -> Int64 {
    try guarded("start the run log") {
      try db.write { db in
        try db.execute(sql: "INSERT INTO run (started) VALUES (?)", arguments: [started])
        return db.lastInsertedRowID
      }
    }
  }

  /// Closes a run in the run log with its report.
  func finishRun(_ id: Int64, finished: Int64, report: String) throws(BatchError) {
    try guarded("finish the run log") {
      try db.write { db in
        try db.execute(
          sql: "UPDATE run SET finished = ?, report = ? WHERE id = ?", arguments: [finished, report, id])
      }
    }
  }
}
