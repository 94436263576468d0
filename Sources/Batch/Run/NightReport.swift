import Report
import Synchronization

/// The report summary of the pages a run processes, folded in input order
/// whichever order the workers finish them in, so the night's report never
/// depends on thread timing. Only pages handed in out of turn wait in memory.
final class NightReport: Sendable {
  private struct State {
    var next = 0
    var waiting: [Int: ReportSummary?] = [:]
    var summary = ReportSummary()
  }

  private let state = Mutex(State())

  /// Hands in what became of input `index`: its page's summary, or nil
  /// for a file not processed (unchanged or failed). Every index is handed
  /// in once.
  func deliver(_ index: Int, _ page: ReportSummary?) {
    state.withLock { s in
      s.waiting[index] = page
      while let entry = s.waiting.removeValue(forKey: s.next) {
        if let entry { s.summary.merge(entry) }
        s.next += 1
      }
    }
  }

  /// The pages handed in, in input order; those behind a gap (a run that
  /// stopped early) follow in input order too.
  func summary() -> ReportSummary {
    state.withLock { s in
      var all = s.summary
      for index in s.waiting.keys.sorted() {
        if let page = s.waiting[index], let page { all.merge(page) }
      }
      return all
    }
  }
}
