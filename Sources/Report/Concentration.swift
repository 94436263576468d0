import Metrics

/// How concentrated a discussion is in few hands, from comments per author.
public struct Concentration: Sendable, Equatable {
  /// The share of all comments written by the top tenth of the authors (at
  /// least one author).
  public var topTenthShare: Double
  /// The Gini coefficient of comments per author: 0 when all wrote as much,
  /// toward 1 when one wrote nearly all.
  public var gini: Double

  /// The concentration of `counts` (comments per author, any order); nil
  /// without comments.
  /// - Complexity: O(n log n).
  public init?(counts: [Int]) {
    let sorted = counts.sorted()
    let total = sorted.reduce(0, +)
    guard total > 0 else { return nil }
    let n = Double(sorted.count)
    var weighted = 0.0
    for (i, c) in sorted.enumerated() { weighted += Double(i + 1) * Double(c) }
    gini = 2 * weighted / (n * Double(total)) - (n + 1) / n
    let top = max(1, (sorted.count + 9) / 10)
    topTenthShare = Double(sorted.suffix(top).reduce(0, +)) / Double(total)
  }
}

/// What the report shows of a whole corpus when its pages are summed
/// elsewhere (the batch's store): the totals, the top authors, their
/// concentration and the corpus drift terms.
public struct CorpusFigures: Sendable {
  public var pages = 0
  public var comments = 0
  /// Named authors.
  public var authors = 0
  /// The authors with most comments, most first (ties by key).
  public private(set) var topAuthors: [AuthorStats] = []
  public var concentration: Concentration?
  public var terms = DriftTerms(toward: [], away: [])
  private var counts: [Int] = []

  public init() {}

  /// Counts one author; keeps the top ones.
  /// - Complexity: O(``HTMLReport/authorBars``) per author.
  public mutating func add(author a: AuthorStats) {
    authors += 1
    counts.append(a.comments)
    let limit = HTMLReport.authorBars
    if topAuthors.count == limit, let last = topAuthors.last, !Self.before(a, last) { return }
    let at = topAuthors.firstIndex { Self.before(a, $0) } ?? topAuthors.count
    topAuthors.insert(a, at: at)
    if topAuthors.count > limit { topAuthors.removeLast() }
  }

  /// Computes the concentration of the authors added.
  public mutating func finish() {
    concentration = Concentration(counts: counts)
    counts = []
  }

  /// Whether `a` ranks before `b`: more comments, then the smaller key.
  static func before(_ a: AuthorStats, _ b: AuthorStats) -> Bool {
    a.comments != b.comments ? a.comments > b.comments : a.key < b.key
  }

  /// `a`'s share of the corpus's comments.
  public func share(of a: AuthorStats) -> Double { a.share(ofComments: comments) }
}
