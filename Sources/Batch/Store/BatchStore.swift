import Foundation
import GRDB

/// The state of an output folder: an SQLite database (`<out>/threadstat.sqlite`).
///
/// One row per processed scrape (relative path, content hash, size, output
/// files, and its results as JSON), one row per run (the run log), and a few
/// settings. Every page is committed in its own transaction, so a killed run
/// keeps every page it finished. WAL mode with `synchronous=NORMAL`: a commit
/// survives the process being killed; a power cut may lose the last commits but
/// never corrupts the file, and a re-run redoes what was lost.
final class BatchStore: Sendable {
  private let db: DatabaseQueue

  /// What the store remembers of one processed scrape, without its results.
  struct Known: Sendable {
    var hash: String
    var outputs: [String]
  }

  /// Opens or creates the database and brings its schema up to date.
  init(path: String) throws(BatchError) {
    var config = Configuration()
    config.journalMode = .wal
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    do {
      db = try DatabaseQueue(path: path, configuration: config)
      try Self.migrator.migrate(db)
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
    return migrator
  }

  private func guarded<T>(_ what: String, _ body: () throws -> T) throws(BatchError) -> T {
    do { return try body() } catch {
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

  /// How many scrapes the store holds.
  func pageCount() throws(BatchError) -> Int {
    try guarded("count the stored pages") {
      try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0 }
    }
  }

  /// Records a processed scrape, replacing what was stored for its path.
  func save(path: String, hash: String, size: Int, outputs: [String], record: Data) throws(BatchError) {
    try guarded("record \(path)") {
      try db.write { db in
        try db.execute(
          sql: "INSERT OR REPLACE INTO page (path, hash, size, outputs, record) VALUES (?, ?, ?, ?, ?)",
          arguments: [path, hash, size, outputs.joined(separator: "\n"), record])
      }
    }
  }

  /// Forgets a scrape that is gone.
  func forget(path: String) throws(BatchError) {
    try guarded("forget \(path)") {
      try db.write { db in try db.execute(sql: "DELETE FROM page WHERE path = ?", arguments: [path]) }
    }
  }

  /// One stored page as the corpus rebuild reads it.
  struct StoredRow: Sendable {
    var path: String
    var hash: String
    var record: Data
  }

  /// Calls `body` with the stored pages in path order (byte order), `size` at
  /// a time, so the corpus is never in memory at once.
  func forEachChunk(of size: Int, _ body: ([StoredRow]) throws -> Void) throws(BatchError) {
    try guarded("read the stored pages") {
      try db.read { db in
        let rows = try Row.fetchCursor(db, sql: "SELECT path, hash, record FROM page ORDER BY path")
        var chunk: [StoredRow] = []
        chunk.reserveCapacity(size)
        while let row = try rows.next() {
          chunk.append(StoredRow(path: row["path"], hash: row["hash"], record: row["record"]))
          if chunk.count == size {
            try body(chunk)
            chunk.removeAll(keepingCapacity: true)
          }
        }
        if !chunk.isEmpty { try body(chunk) }
      }
    }
  }

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
        try db.execute(sql: "DELETE FROM page")
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
