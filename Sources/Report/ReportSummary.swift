import Metrics
import Threads

/// What a report shows of a set of pages, gathered one page at a time:
/// per-page rows, the corpus author graph (merged as `stats` merges it),
/// drift distributions by depth and by position, the corpus term counts,
/// and the reply trees of the largest pages only, so a night of thousands
/// of pages is summed, not drawn page by page.
public struct ReportSummary: Sendable {
  /// One page's figures.
  public struct PageRow: Sendable, Equatable {
    public var source: String
    public var title: String
    public var layout: String
    public var comments: Int
    /// Distinct named authors.
    public var authors: Int
    public var truncated: Int
    /// Comments that reply to another comment.
    public var replies: Int
    public var maxDepth: Int
    /// Mean drift of the comments that have one.
    public var meanDrift: Double?
    /// The parser's findings.
    public var diagnostics: [ParseDiagnostic]
  }

  /// How the reply links were found: by evidence (marker, mention, quote,
  /// markup), and replies whose link rests on the layout alone.
  public struct EvidenceMix: Sendable, Equatable {
    public var counts: [ReplyEvidence: Int] = [:]
    public var other = 0
    /// All replies.
    public var total: Int { counts.values.reduce(other, +) }
  }

  /// Depth levels drawn; deeper comments count in the last.
  public static let depthBuckets = 8
  /// Parts of a thread by position: quarters of its comments, as `drift`.
  public static let positionBuckets = 4
  /// Largest pages whose trees are drawn.
  public static let shapesKept = 12
  /// Terms shown each way.
  public static let termLimit = 15
  /// Page rows kept, in order, and flagged pages kept: memory stays bounded
  /// however many pages are summed.
  public static let pagesKept = 500

  /// All pages summed.
  public private(set) var pageCount = 0
  /// The first ``pagesKept`` pages.
  public private(set) var pages: [PageRow] = []
  /// Pages the parser had doubts about (warnings, or no comment found).
  public private(set) var flaggedCount = 0
  /// The first ``pagesKept`` of them.
  public private(set) var flagged: [PageRow] = []
  /// Authors across pages, as `threadstat stats` merges them; empty when
  /// the summary was made without authors.
  public private(set) var graph = AuthorGraph()
  /// Whether authors are summed (see `init(_:_:authors:)`).
  public private(set) var hasAuthors = true
  public private(set) var byDepth = DriftDistribution(buckets: depthBuckets)
  public private(set) var byPosition = DriftDistribution(buckets: positionBuckets)
  public private(set) var evidence = EvidenceMix()
  public private(set) var comments = 0
  public private(set) var truncated = 0
  /// The reply trees of the largest pages, largest first (ties: earlier page first).
  public private(set) var shapes: [ThreadShape] = []
  private var commentTerms = TermCounts()
  private var articleTerms = TermCounts()
  private var termWords: [String: String] = [:]

  public init() {}

  /// The summary of one page; without `authors` its author graph is left
  /// out, so a summary of millions of pages holds no per-author state.
  /// - Complexity: O(n) in the page's comments and terms.
  public init(_ discussion: Discussion, _ analysis: PageAnalysis, authors: Bool = true) {
    let drifts = analysis.drift.comments
    let depths = discussion.depths
    let n = discussion.comments.count
    var driftSum = 0.0
    var scored = 0
    for (i, comment) in discussion.comments.enumerated() {
      let drift = i < drifts.count ? drifts[i].drift : nil
      if let drift {
        driftSum += drift
        scored += 1
      }
      byDepth.add(drift, bucket: depths[i])
      byPosition.add(drift, bucket: i * Self.positionBuckets / n)
      if comment.parent != nil {
        if let e = comment.replyEvidence { evidence.counts[e, default: 0] += 1 } else { evidence.other += 1 }
      }
    }
    truncated = discussion.comments.count { $0.truncated }
    comments = n
    let row = PageRow(
      source: discussion.source, title: discussion.article.title, layout: discussion.layout.rawValue,
      comments: n, authors: analysis.graph.authors.count, truncated: truncated,
      replies: discussion.comments.count { $0.parent != nil }, maxDepth: depths.max() ?? 0,
      meanDrift: scored > 0 ? driftSum / Double(scored) : nil, diagnostics: discussion.diagnostics)
    pageCount = 1
    pages = [row]
    if n == 0 || !discussion.diagnostics.isEmpty {
      flaggedCount = 1
      flagged = [row]
    }
    hasAuthors = authors
    if authors { graph = analysis.graph }
    commentTerms = analysis.commentTerms
    articleTerms = analysis.articleTerms
    termWords = analysis.termWords
    if n > 0 { shapes = [ThreadShape(discussion, analysis)] }
  }

  /// Adds one page (as merging its summary).
  public mutating func add(_ discussion: Discussion, _ analysis: PageAnalysis) {
    merge(ReportSummary(discussion, analysis))
  }

  /// Adds the pages of `other` after these: authors merged as `stats`
  /// merges them, so the result depends on the order of merging as a
  /// `stats` run depends on the order of its files.
  /// - Complexity: O(size of `other`).
  public mutating func merge(_ other: ReportSummary) {
    if pageCount == 0 { hasAuthors = other.hasAuthors }
    pageCount += other.pageCount
    pages += other.pages.prefix(Self.pagesKept - pages.count)
    flaggedCount += other.flaggedCount
    flagged += other.flagged.prefix(Self.pagesKept - flagged.count)
    graph.merge(other.graph)
    byDepth.merge(other.byDepth)
    byPosition.merge(other.byPosition)
    for (e, c) in other.evidence.counts { evidence.counts[e, default: 0] += c }
    evidence.other += other.evidence.other
    comments += other.comments
    truncated += other.truncated
    commentTerms.merge(other.commentTerms)
    articleTerms.merge(other.articleTerms)
    for (term, word) in other.termWords where termWords[term] == nil { termWords[term] = word }
    // Largest first; among equals the earlier page (already here) first.
    for shape in other.shapes {
      let at = shapes.firstIndex { $0.count < shape.count } ?? shapes.count
      if at < Self.shapesKept { shapes.insert(shape, at: at) }
      if shapes.count > Self.shapesKept { shapes.removeLast() }
    }
  }

  /// The named authors, most comments first (ties by key).
  public var authorsByComments: [AuthorStats] {
    graph.authors.values.sorted { $0.comments != $1.comments ? $0.comments > $1.comments : $0.key < $1.key }
  }

  /// How concentrated the named authors' comments are; nil without authors.
  public var concentration: Concentration? {
    Concentration(counts: graph.authors.values.map(\.comments))
  }

  /// The terms the comments drifted toward and away from, all pages'
  /// comments against all articles (as `terms.csv`).
  public var driftTerms: DriftTerms {
    DriftTerms(comments: commentTerms, article: articleTerms, limit: Self.termLimit, words: termWords)
  }
}
