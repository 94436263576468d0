import Batch
import SystemCalls
import Synchronization

/// Prints a batch run's events on standard error: a bar redrawn in place on a
/// terminal (files done / total, MB/s, ETA), plain `batch:` lines otherwise.
/// Failures and removals are printed even with `--quiet`.
final class BatchProgress: Sendable {
  private struct State {
    var files = 0
    var bytes = 0
    var done = 0
    var doneBytes = 0
    var started = 0.0
    var lastDraw = 0.0
    var barShown = false
  }

  private let quiet: Bool
  private let terminal: Bool
  /// Gets every line, quiet or not (`--log`).
  private let log: BatchLog?
  private let state = Mutex(State())

  init(quiet: Bool, terminal: Bool, log: BatchLog? = nil) {
    self.quiet = quiet
    self.terminal = terminal
    self.log = log
  }

  /// Prints an error line on standard error, and to the log.
  func error(_ text: String) {
    clear()
    Self.printError(text)
    log?.append(text)
  }

  static var stderrIsTerminal: Bool { Posix.isTerminal(Posix.standardError) }

  static func printError(_ text: String) { Posix.writeToStandardError(text) }

  @Sendable func handle(_ event: BatchEvent) {
    state.withLock { s in
      switch event {
      case .started(let files, let bytes):
        s.files = files
        s.bytes = bytes
        s.started = Posix.now()
        // The log gets its first progress line after one interval, the bar at once.
        s.lastDraw = terminal ? 0 : s.started
        line(&s, "batch: \(files) files, \(Self.megabytes(bytes)) MB", shown: !terminal)
      case .page(let path, let status, let bytes, let reason):
        s.done += 1
        s.doneBytes += bytes
        if status == .failed { line(&s, "batch: failed \(path): \(reason ?? "")", always: true) }
        tick(&s)
      case .warning(let path, let line, let severity, let message):
        self.line(&s, "\(path)\(line.map { ":\($0)" } ?? ""): \(severity): \(message)")
      case .removed(let path):
        line(&s, "batch: removed \(path)", always: true)
      case .rebuildingCorpus(let pages):
        line(&s, "batch: rebuilding the corpus outputs from \(pages) pages")
      case .corpus(let rebuilt):
        if !rebuilt { line(&s, "batch: corpus outputs current", shown: !terminal) }
      }
    }
  }

  /// Removes the bar, if one is shown.
  func clear() {
    state.withLock { s in
      if s.barShown { Self.printError("\r\u{1B}[2K") }
      s.barShown = false
    }
  }

  /// Prints the run's summary line.
  func finish(_ report: RunReport) {
    clear()
    let f = report.files
    let rate = report.durationSeconds > 0 ? Double(report.bytesRead) / 1e6 / report.durationSeconds : 0
    let summary =
      "batch: \(f.seen) seen, \(f.new) new, \(f.changed) changed, \(f.unchanged) unchanged, "
      + "\(f.removed) removed, \(f.failed) failed in \(Self.fixed(report.durationSeconds, 2)) s "
      + "(\(Self.fixed(rate, 1)) MB/s); report: \(report.output)/report.json\n"
    log?.append(summary)
    if !quiet { Self.printError(summary) }
  }

  /// Prints `text` on standard error unless quiet (or `always`), or not
  /// `shown` (lines meant for logs only); the log gets it in any case.
  private func line(_ s: inout State, _ text: String, always: Bool = false, shown: Bool = true) {
    log?.append(text)
    if (quiet && !always) || !shown { return }
    if s.barShown { Self.printError("\r\u{1B}[2K") }
    s.barShown = false
    Self.printError(text + "\n")
  }

  /// Redraws the bar (terminal, at most 10 times a second) or prints a
  /// progress line (log, at most every 10 seconds).
  private func tick(_ s: inout State) {
    guard !quiet else { return }
    let now = Posix.now()
    let interval = terminal ? 0.1 : 10
    guard now - s.lastDraw >= interval || (terminal && s.done == s.files) else { return }
    s.lastDraw = now
    let elapsed = max(now - s.started, 1e-6)
    let rate = Double(s.doneBytes) / 1e6 / elapsed
    let remaining = Double(max(0, s.bytes - s.doneBytes)) / max(Double(s.doneBytes) / elapsed, 1)
    let counts = "\(s.done)/\(s.files) files, \(Self.fixed(rate, 1)) MB/s, ETA \(Self.clock(remaining))"
    if terminal {
      let width = 30
      let filled = s.files == 0 ? width : width * s.done / s.files
      let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      Self.printError("\r\u{1B}[2K[\(bar)] \(counts)")
      s.barShown = true
    } else {
      Self.printError("batch: progress \(counts)\n")
    }
  }

  private static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) }

  private static func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let n = Int((value * scale).rounded())
    let whole = String(n / Int(scale))
    guard decimals > 0 else { return whole }
    let frac = String(n % Int(scale))
    return whole + "." + String(repeating: "0", count: decimals - frac.count) + frac
  }

  private static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    let sec = s % 60
    return "\(s / 60):" + (sec < 10 ? "0" : "") + String(sec)
  }
}
