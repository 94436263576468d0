import Foundation
import Metrics
import Threads

/// What the store keeps of one page: its `pages.csv` figures and the counts the
/// corpus outputs are summed from. It depends on the page alone, so it never
/// changes when other pages arrive, and the corpus is rebuilt from these
/// rows (see `BatchStore.save`) without reading any scrape again.
struct StoredPage: Sendable, Equatable, Encodable {
  /// The page's row of `pages.csv`.
  struct Row: Sendable, Equatable, Encodable {
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
  }

  var row: Row
  /// The page's author graph, with per-author counts.
  var graph: AuthorGraph
  var commentTerms: TermCounts
  var articleTerms: TermCounts

  /// Names the stored form: the version of the store's page tables plus a
  /// hash of two sample pages parsed, measured and encoded (as JSON) by this
  /// build. It changes when the parser or Metrics change what they find, so
  /// a new threadstat redoes every page instead of mixing old and new results
  /// (or failing to read old ones).
  static let format: String = {
    let version = "page-v4"
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var bytes = Array(version.utf8)
    for text in [formatSample, formatSample.replacingOccurrences(of: "March 12, 2021\n\nThe", with: "The")] {
      let discussion = Discussion(parsing: text, source: "format-check")
      bytes += (try? encoder.encode(StoredPage(discussion, PageAnalysis(discussion)))).map(Array.init) ?? []
    }
    return version + "-" + XXH64.hex(XXH64.hash(bytes))
  }()

  /// A small page with a dated article, dated and undated comments, a reply
  /// and a comment without author: every optional of the stored form is used.
  private static let formatSample = """
    Bridges and rivers: a city plan
    March 12, 2021

    The city council approved a plan for three new bridges over the river.

    Work starts next spring and should take two years.

    3 Comments

    Anna Berg
    March 12, 2021

    Bridges matter more than roads here.

    Bo Chen
    Reply to\u{00A0} Anna Berg
    March 13, 2021

    Rivers too, and the ferries.



    Nobody asked about the trains.

    """

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
      driftToward: analysis.drift.terms.toward.prefix(Self.rowTerms).map(\.term))
    graph = analysis.graph
    commentTerms = analysis.commentTerms
    articleTerms = analysis.articleTerms
  }
}
