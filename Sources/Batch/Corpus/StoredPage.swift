import Metrics
import Threads

/// What the store keeps of one page: its `pages.csv` figures and the counts the
/// corpus outputs are summed from. It depends on the page alone, so it never
/// changes when other pages arrive, and the corpus is rebuilt from these
/// rows (see `BatchStore.save`) without reading any scrape again.
struct StoredPage: Sendable, Equatable {
  /// The page's row of `pages.csv`.
  struct Row: Sendable, Equatable {
    var title: String
    /// The article's date, "YYYY-MM-DD".
    var date: String?
    var layout: String
    var language: String
    var comments: Int
    /// Distinct named authors (by normalised name).
    var authors: Int
    /// Comments with no author shown.
    var unknownAuthorComments: Int
    /// Words in the comments.
    var commentWords: Int
    var articleWords: Int
    var truncated: Int
    /// Comments that reply to another comment.
    var replies: Int
    /// Deepest reply level (0 when every comment is top-level).
    var maxDepth: Int
    /// Mean drift of the comments that have a drift value.
    var meanDrift: Double?
    /// The terms the comments drifted toward, most typical first.
    var driftToward: [String]
    /// The same terms as readers know them: the word most often behind each
    /// stem on the page (``PageAnalysis/termWords``).
    var driftTowardWords: [String]
  }

  var row: Row
  /// The page's author graph, with per-author counts.
  var graph: AuthorGraph
  var commentTerms: TermCounts
  var articleTerms: TermCounts
  /// The page's display word of each of its terms (the term itself where no
  /// other word stands behind it), for the corpus's own choice in terms.csv.
  var termWords: [String: String]

  /// Names the stored form: the version of the store's page tables and the
  /// threadstat version that computed the rows. A store holding another
  /// format has every page processed again, so old and new results never
  /// mix. Bump `page-vN` when the tables change, ``ThreadstatVersion`` when
  /// the parser or the metrics change what a page gives.
  static let format = "page-v7/threadstat-" + ThreadstatVersion.current

  /// How many drift terms a `pages.csv` row names.
  static let rowTerms = 5

  init(_ discussion: Discussion, _ analysis: PageAnalysis) {
    let drifts = analysis.drift.comments.compactMap(\.drift)
    row = Row(
      title: discussion.article.title,
      date: discussion.article.date?.iso,
      layout: discussion.layout.rawValue,
      language: analysis.language.rawValue,
      comments: discussion.comments.count,
      authors: analysis.graph.authors.count,
      unknownAuthorComments: analysis.graph.unknownAuthors.count,
      commentWords: discussion.comments.reduce(0) { $0 + $1.words },
      articleWords: discussion.article.words,
      truncated: discussion.comments.count { $0.truncated },
      replies: discussion.comments.count { $0.parent != nil },
      maxDepth: discussion.depths.max() ?? 0,
      meanDrift: drifts.isEmpty ? nil : drifts.reduce(0, +) / Double(drifts.count),
      driftToward: analysis.drift.terms.toward.prefix(Self.rowTerms).map(\.term),
      driftTowardWords: analysis.drift.terms.toward.prefix(Self.rowTerms).map(\.word))
    graph = analysis.graph
    commentTerms = analysis.commentTerms
    articleTerms = analysis.articleTerms
    termWords = analysis.termWords
  }
}
