import Metrics
import SystemCalls
import Threads

/// What one `threadstat batch` run is asked to do.
public struct BatchOptions: Sendable {
  /// The folder of scrapes, walked recursively.
  public var input: String
  /// The output folder: outputs, state database and lock.
  public var output: String
  /// Which files of `input` are scrapes.
  public var filter: GlobFilter
  /// Pages larger than this are reported and skipped.
  public var maxPageBytes: Int
  /// Also write the comment-level graph of each page.
  public var commentLevel: Bool
  /// Pages processed at once; each holds one page in memory.
  public var jobs: Int
  /// Discard the state database and the per-page outputs first, and rebuild
  /// them from the scrapes (for a damaged or lost database).
  public var rebuild: Bool
  /// The largest share of the stored pages (0-1) one run may drop because
  /// their scrapes are gone; a run that would drop more refuses to start.
  public var maxRemovedShare: Double
  /// Drop any number of gone pages, even all of them (an input folder that
  /// is empty or matches no file is otherwise refused while pages are stored).
  public var allowRemovals: Bool
  /// Replace author names by these keyed pseudonyms in every output; pages
  /// stored under another key (or none) are processed again.
  public var pseudonyms: Pseudonyms?

  /// The default page size limit: 64 MB.
  public static let defaultMaxPageBytes = 64 << 20
  /// The default number of jobs: one per online core.
  public static var defaultJobs: Int { Posix.cores }
  /// The default removal limit: half the stored pages.
  public static let defaultMaxRemovedShare = 0.5

  public init(
    input: String, output: String, filter: GlobFilter = GlobFilter(),
    maxPageBytes: Int = BatchOptions.defaultMaxPageBytes, commentLevel: Bool = false,
    jobs: Int = BatchOptions.defaultJobs, rebuild: Bool = false,
    maxRemovedShare: Double = BatchOptions.defaultMaxRemovedShare, allowRemovals: Bool = false,
    pseudonyms: Pseudonyms? = nil
  ) {
    self.input = input
    self.output = output
    self.filter = filter
    self.maxPageBytes = maxPageBytes
    self.commentLevel = commentLevel
    self.jobs = max(1, jobs)
    self.rebuild = rebuild
    self.maxRemovedShare = maxRemovedShare
    self.allowRemovals = allowRemovals
    self.pseudonyms = pseudonyms
  }

  /// The stored form of pages made with these options: the store's format,
  /// and the key's fingerprint when names are pseudonymised.
  var recordFormat: String {
    StoredPage.format + (pseudonyms.map { "/pseudonyms-" + $0.fingerprint } ?? "")
  }
}
