/// What became of one scrape in a run.
public enum PageStatus: String, Sendable, Equatable, Codable {
  /// Not in the store before: processed.
  case new
  /// In the store with another content hash: processed again, results replaced.
  case changed
  /// Same content hash as stored: skipped.
  case unchanged
  /// Could not be processed; earlier results, if any, are kept.
  case failed
}

/// Something a run reports while it works. The library never prints; the
/// caller turns these into a progress bar or log lines.
public enum BatchEvent: Sendable {
  /// The walk is done: `files` scrapes of `bytes` bytes in all will be looked at.
  case started(files: Int, bytes: Int)
  /// One scrape is done. `reason` explains a failure.
  case page(path: String, status: PageStatus, bytes: Int, reason: String?)
  /// A scrape was processed but something about it deserves a look:
  /// `line` of the scrape (nil when not about one line), `severity`
  /// "warning" or "note".
  case warning(path: String, line: Int?, severity: String, message: String)
  /// A scrape stored earlier is gone; its results were dropped.
  case removed(path: String)
  /// The corpus outputs are being rebuilt from the `pages` stored pages.
  case rebuildingCorpus(pages: Int)
  /// The corpus outputs were rebuilt (true) or were already current (false).
  case corpus(rebuilt: Bool)
}
