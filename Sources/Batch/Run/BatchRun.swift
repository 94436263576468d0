import SystemCalls
import Dispatch
import Report
import Synchronization
import Threads

/// One nightly run over a folder of scrapes: processes what is new or changed,
/// drops what is gone, and rebuilds the corpus outputs from the store.
///
/// Order of work, chosen so that `kill -9` at any point loses nothing: a page's
/// own outputs are renamed into place before its row is committed, so a page
/// whose row is missing is simply done again; the corpus outputs are recorded
/// as current (a digest of the stored paths and hashes) only after they are
/// renamed into place, so a run that died before that rebuilds them.
public struct BatchRun: Sendable {
  /// The name of the state database in the output folder.
  public static let databaseName = "threadstat.sqlite"
  /// The name of the run report in the output folder.
  public static let reportName = "report.json"
  /// The folder of the output folder that keeps the reports of earlier runs.
  public static let historyFolder = "runs"
  /// How many reports `runs/` keeps: the newest.
  public static let historyLimit = 30

  public let options: BatchOptions

  public init(options: BatchOptions) {
    self.options = options
  }

  /// What became of one scrape.
  fileprivate struct Outcome: Sendable {
    var path: String
    var status: PageStatus
    var bytes: Int
    var reason: String?
    /// The parser's findings about the page.
    var warnings: [RunReport.Warning]
  }

  /// Runs the batch.
  /// - Parameters:
  ///   - onEvent: called for progress and findings, from any thread,
  ///     one call at a time per worker; it must be thread-safe.
  ///   - stopRequested: polled before each file is started; once it returns
  ///     true the files in progress are finished and recorded, no other file
  ///     is started, and the run throws ``BatchError/Kind/interrupted``,
  ///     leaving the corpus outputs and the report of the last full run.
  /// - Returns: the run's report (also written to `report.json`).
  /// - Throws: `BatchError` when the run cannot go on: the folder is locked by
  ///   another run, the input is missing, the state database or an output
  ///   folder fails, or a stop was requested. Problems with single scrapes
  ///   are not thrown; they are in the report.
  public func run(
    onEvent: @Sendable (BatchEvent) -> Void, stopRequested: @Sendable () -> Bool = { false }
  ) throws(BatchError) -> RunReport {
    let clockStart = Posix.now()
    guard let input = Posix.statEntry(options.input), input.kind == .directory else {
      throw BatchError(.usage, "\(options.input): not a folder of scrapes")
    }
    try BatchError.io { () throws(SystemError) in try Posix.makeDirectories(options.output) }
    if let output = Posix.statEntry(options.output), (output.device, output.inode) == (input.device, input.inode) {
      throw BatchError(.usage, "\(options.output): the output folder cannot be the input folder; use one inside or beside it")
    }
    let lock = try OutputLock(folder: options.output)
    defer { withExtendedLifetime(lock) {} }
    let files = OutputFolder(root: options.output)
    try files.prepare()
    if options.rebuild { try discardState(files: files) }
    let store = try BatchStore(path: Paths.join(options.output, Self.databaseName))
    let listing = try CorpusWalk.files(
      under: options.input, filter: options.filter, skipping: options.output)
    let scrapes = listing.files
    // Checked before anything is written: a refused run leaves the store and the outputs as they were.
    try checkRemovals(gone(known: try store.known(), listing: listing).count, of: try store.pageCount(), listing: listing)
    var report = RunReport(
      run: 0, input: options.input, output: options.output, started: Posix.wallClock(),
      durationSeconds: 0)
    report.startedAt = Posix.isoTime(report.started)
    report.run = try store.beginRun(started: report.started)
    if try store.adopt(recordFormat: options.recordFormat) {
      let message = "results stored by another threadstat build or pseudonym key; every page is processed again"
      report.warnings.append(.init(path: Self.databaseName, message: message))
      onEvent(.warning(path: Self.databaseName, line: nil, severity: "warning", message: message))
    }
    let known = try store.known()
    onEvent(.started(files: scrapes.count, bytes: scrapes.reduce(0) { $0 + $1.size }))

    let night = NightReport()
    let outcomes = try process(
      scrapes, known: known, store: store, files: files, night: night, onEvent: onEvent,
      stopRequested: stopRequested)
    report.files.seen = scrapes.count
    report.count(outcomes)
    if stopRequested() {
      // Kept in the history only: report.json stays that of the last full run.
      report.interrupted = true
      report.exitStatus = StopSignal.exitStatus
      try record(&report, clockStart: clockStart, store: store, files: files, current: false)
      let done = outcomes.count { $0.status != .failed }
      throw BatchError(
        .interrupted,
        "stopped on request after \(done) of \(scrapes.count) files; their results are kept, run again to finish")
    }
    for folder in listing.unlisted {
      report.files.failed += 1
      report.failed.append(.init(path: folder.path + "/", reason: folder.reason))
      onEvent(.page(path: folder.path + "/", status: .failed, bytes: 0, reason: folder.reason))
    }

    report.removed = try dropGone(known: known, listing: listing, store: store, files: files, onEvent: onEvent)
    report.files.removed = report.removed.count
    for copy in try store.copies() {
      let message = "same content as \(copy.original); counted once in the corpus outputs"
      report.warnings.append(.init(path: copy.path, severity: "note", message: message))
      onEvent(.warning(path: copy.path, line: nil, severity: "note", message: message))
    }
    report.corpusRebuilt = try refreshCorpus(store: store, files: files, night: night.summary(), onEvent: onEvent)
    onEvent(.corpus(rebuilt: report.corpusRebuilt))

    report.exitStatus = report.failed.isEmpty ? 0 : 3
    try record(&report, clockStart: clockStart, store: store, files: files, current: true)
    return report
  }

  /// Sorts the report's lists, stamps its end and writes it: to `runs/`
  /// (the oldest beyond ``historyLimit`` removed), to `report.json` when
  /// `current`, and to the store's run log.
  private func record(
    _ report: inout RunReport, clockStart: Double, store: BatchStore, files: OutputFolder, current: Bool
  ) throws(BatchError) {
    report.new.sort(by: Self.byteOrder)
    report.changed.sort(by: Self.byteOrder)
    report.failed.sort { Self.byteOrder($0.path, $1.path) }
    report.warnings.sort { a, b in a.path != b.path ? Self.byteOrder(a.path, b.path) : (a.line ?? 0) < (b.line ?? 0) }
    report.durationSeconds = ((Posix.now() - clockStart) * 1000).rounded() / 1000
    let finished = Posix.wallClock()
    report.finishedAt = Posix.isoTime(finished)
    let json = report.json()
    // Named by start time, then run number: names sort as the runs ran.
    let stamp = report.startedAt.filter { $0 != "-" && $0 != ":" }
    let number = String(report.run)
    let padded = String(repeating: "0", count: max(0, 6 - number.count)) + number
    try files.write(json, to: Paths.join(Self.historyFolder, "\(stamp)-run\(padded).json"), durable: true)
    let history = Paths.join(options.output, Self.historyFolder)
    let kept = try BatchError.io { () throws(SystemError) in try Posix.directoryNames(history) }
      .filter { $0.hasSuffix(".json") }.sorted(by: Self.byteOrder)
    for old in kept.dropLast(Self.historyLimit) { try files.remove(Paths.join(Self.historyFolder, old)) }
    if current { try files.write(json, to: Self.reportName, durable: true) }
    try store.finishRun(report.run, finished: finished, report: String(decoding: json, as: UTF8.self))
  }

  /// Removes the state database and the per-page outputs, so that the run
  /// rebuilds both from the scrapes. Called with the output folder locked.
  private func discardState(files: OutputFolder) throws(BatchError) {
    try BatchError.io { () throws(SystemError) in
      for suffix in ["", "-wal", "-shm"] {
        try Posix.removeFile(Paths.join(options.output, Self.databaseName + suffix))
      }
      try Posix.removeTree(Paths.join(options.output, "pages"))
    }
  }

  /// Drops the results of the stored scrapes the walk did not see, except
  /// those in folders that could not be listed (kept until they can be).
  /// - Returns: the relative paths dropped, sorted.
  private func dropGone(
    known: [String: BatchStore.Known], listing: CorpusWalk.Listing, store: BatchStore,
    files: OutputFolder, onEvent: @Sendable (BatchEvent) -> Void
  ) throws(BatchError) -> [String] {
    let gone = gone(known: known, listing: listing)
    for path in gone {
      for output in known[path]?.outputs ?? [] { try files.remove(output) }
      try store.forget(path: path)
      onEvent(.removed(path: path))
    }
    return gone
  }

  /// The stored scrapes the walk did not see, except those in folders that
  /// could not be listed, sorted.
  private func gone(known: [String: BatchStore.Known], listing: CorpusWalk.Listing) -> [String] {
    let present = Set(listing.files.map(\.relativePath))
    let hidden = listing.unlisted.map { $0.path + "/" }
    return known.keys.filter { path in
      !present.contains(path) && !hidden.contains { path.hasPrefix($0) }
    }.sorted(by: Self.byteOrder)
  }

  /// Refuses a run that sees no scrape while pages are stored, or that would
  /// drop more than `options.maxRemovedShare` of them, unless
  /// `options.allowRemovals`: an unmounted share or a mistyped glob must not
  /// wipe the results.
  private func checkRemovals(_ removing: Int, of stored: Int, listing: CorpusWalk.Listing) throws(BatchError) {
    guard !options.allowRemovals, removing > 0 else { return }
    if listing.files.isEmpty {
      let globs = options.filter.include.joined(separator: " ")
      throw BatchError(
        .refused,
        "\(options.input): no file matches \(globs) (is the folder mounted?) but \(stored) pages are stored; "
          + "refusing to drop them (--allow-removals drops them)")
    }
    if Double(removing) > options.maxRemovedShare * Double(stored) {
      let percent = Int((options.maxRemovedShare * 100).rounded())
      throw BatchError(
        .refused,
        "\(options.input): \(removing) of \(stored) stored pages are gone, over the limit of \(percent)% "
          + "(--max-removals); refusing to drop them (--allow-removals drops them)")
    }
  }

  /// Rebuilds the corpus outputs unless they are present and were built
  /// from exactly the stored pages (same paths, same hashes).
  /// - Returns: whether they were rebuilt.
  private func refreshCorpus(
    store: BatchStore, files: OutputFolder, night: ReportSummary, onEvent: @Sendable (BatchEvent) -> Void
  ) throws(BatchError) -> Bool {
    let corpus = CorpusOutputs(store: store, files: files)
    // Pages stored under another key give other outputs from the same scrapes.
    let digest = try store.contentDigest(salt: CorpusOutputs.formatVersion + "/" + options.recordFormat)
    if try store.setting(CorpusOutputs.digestSetting) == digest, corpus.present() { return false }
    // Page outputs were renamed without fsync; they are flushed (beside the
    // rebuild, which writes its own outputs durably) before the corpus counts as done.
    let flushed = DispatchGroup()
    DispatchQueue.global().async(group: flushed) { Posix.syncFileSystems() }
    onEvent(.rebuildingCorpus(pages: try store.pageCount()))
    try corpus.write(night: night)
    flushed.wait()
    try store.setSetting(CorpusOutputs.digestSetting, digest)
    return true
  }

  /// Hashes every scrape and processes the new and changed ones on
  /// `options.jobs` threads; each thread holds one page at a time, and hands
  /// its summary to `night`.
  private func process(
    _ scrapes: [ScrapeFile], known: [String: BatchStore.Known], store: BatchStore,
    files: OutputFolder, night: NightReport, onEvent: @Sendable (BatchEvent) -> Void, stopRequested: @Sendable () -> Bool
  ) throws(BatchError) -> [Outcome] {
    let next = Atomic<Int>(0)
    let outcomes = Mutex<[Outcome]>([])
    let fatal = Mutex<BatchError?>(nil)
    let work = PageWork(options: options, files: files)
    DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, scrapes.count))) { _ in
      while fatal.withLock({ $0 == nil }), !stopRequested() {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard i < scrapes.count else { return }
        do throws(BatchError) {
          let (outcome, summary) = try handle(
            scrapes[i], known: known[scrapes[i].relativePath], work: work, store: store)
          night.deliver(i, summary)
          outcomes.withLock { $0.append(outcome) }
          for w in outcome.warnings {
            onEvent(.warning(path: w.path, line: w.line, severity: w.severity, message: w.message))
          }
          onEvent(.page(path: outcome.path, status: outcome.status, bytes: outcome.bytes, reason: outcome.reason))
        } catch {
          fatal.withLock { $0 = error }
        }
      }
    }
    // The pages finished before a stop or a failure are kept too.
    if let error = fatal.withLock({ $0 }) {
      try? store.flush()
      throw error
    }
    try store.flush()
    return outcomes.withLock { $0 }
  }

  /// Reads and hashes one scrape; processes and records it unless the store
  /// already holds these bytes and its outputs are in place.
  /// - Returns: the outcome, and the page's report summary when it was processed.
  /// - Throws: only store failures, which end the run.
  private func handle(
    _ file: ScrapeFile, known: BatchStore.Known?, work: PageWork, store: BatchStore
  ) throws(BatchError) -> (Outcome, ReportSummary?) {
    func failed(_ reason: String) -> (Outcome, ReportSummary?) {
      (Outcome(path: file.relativePath, status: .failed, bytes: file.size, reason: reason, warnings: []), nil)
    }
    if file.size > options.maxPageBytes {
      return failed(Self.tooLarge(file.size, options.maxPageBytes))
    }
    let bytes: [UInt8]
    do { bytes = try SourceFile.readText(file.path, limit: options.maxPageBytes) } catch {
      if case .tooLarge = error.reason { return failed(Self.tooLarge(nil, options.maxPageBytes)) }
      return failed(Self.readFailure(error))
    }
    let hash = XXH64.hex(XXH64.hash(bytes))
    if let known, known.hash == hash, work.outputNames(for: file).allSatisfy({ known.outputs.contains($0) }),
      known.outputs.allSatisfy(work.files.exists)
    {
      return (Outcome(path: file.relativePath, status: .unchanged, bytes: bytes.count, reason: nil, warnings: []), nil)
    }
    let result: PageWork.Result
    do { result = try work.process(file, bytes: bytes) } catch { return failed(error.message) }
    for stale in known?.outputs ?? [] where !result.outputs.contains(stale) {
      try work.files.remove(stale)
    }
    try store.save(
      path: file.relativePath, hash: hash, size: bytes.count, outputs: result.outputs, page: result.page)
    let status: PageStatus = known == nil ? .new : (known?.hash == hash ? .unchanged : .changed)
    let warnings = result.diagnostics.map {
      RunReport.Warning(path: file.relativePath, line: $0.line, severity: $0.severity.rawValue, message: $0.message)
    }
    let outcome = Outcome(path: file.relativePath, status: status, bytes: bytes.count, reason: nil, warnings: warnings)
    return (outcome, result.summary)
  }

  private static func tooLarge(_ size: Int?, _ limit: Int) -> String {
    let what = size.map { "\($0) bytes" } ?? "larger"
    return "\(what), over the limit of \(limit) bytes (--max-page-bytes); skipped"
  }

  private static func readFailure(_ error: SourceFile.ReadError) -> String {
    switch error.reason {
    case .notFound: return "no such file (removed during the run?)"
    case .permissionDenied: return "permission denied"
    case .isDirectory: return "is a directory"
    case .tooLarge(let limit): return tooLarge(nil, limit)
    case .other: return "cannot read: \(error.description)"
    case .notText: return "not a text scrape"
    }
  }

  /// Byte order of UTF-8, the order of every list the run writes.
  static func byteOrder(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
        return x.count < y.count
      }
    }
  }
}

extension RunReport {
  /// Adds what became of each scrape to the counts and lists.
  fileprivate mutating func count(_ outcomes: [BatchRun.Outcome]) {
    for outcome in outcomes {
      if outcome.status != .failed { bytesRead += outcome.bytes }
      switch outcome.status {
      case .new:
        files.new += 1
        new.append(outcome.path)
      case .changed:
        files.changed += 1
        changed.append(outcome.path)
      case .unchanged:
        files.unchanged += 1
      case .failed:
        files.failed += 1
        failed.append(.init(path: outcome.path, reason: outcome.reason ?? "failed"))
      }
      warnings += outcome.warnings
    }
  }
}
