import Threads

/// The comment trees of one or more pages: a node per comment, an edge from
/// each comment to its parent, and each page's article as the root.
public struct CommentGraph: Sendable {
  /// One page's article: the root of its tree.
  public struct Root: Sendable, Equatable {
    /// Where the page came from (the path given).
    public var source: String
    /// The article's headline.
    public var title: String
    /// The article's date, when the page gives one.
    public var date: CalendarDate?
    /// Words in the article.
    public var words: Int
  }

  /// One comment.
  public struct Node: Sendable, Equatable {
    /// Position of the comment's page in ``roots``.
    public var page: Int
    /// The comment's index on its page.
    public var index: Int
    /// The name shown; nil when unknown.
    public var author: String?
    /// The comment replied to (same page); nil for a reply to the article.
    public var parent: Int?
    /// Words in the comment.
    public var words: Int
    /// The posting date, when the page gives an absolute one.
    public var date: CalendarDate?
    /// The page cut the comment short.
    public var truncated: Bool
    /// What the parent link rests on; nil for a top-level comment.
    public var evidence: ReplyEvidence?
    /// Depth and similarities.
    public var drift: CommentDrift
  }

  /// The pages' articles, in the order added.
  public private(set) var roots: [Root] = []
  /// All comments, page after page, each page in page order.
  public private(set) var nodes: [Node] = []

  /// No pages yet.
  public init() {}

  /// The tree of one page.
  public init(_ discussion: Discussion, analysis: PageAnalysis) {
    append(discussion, analysis: analysis)
  }

  /// Adds a page's tree.
  /// - Parameter analysis: the page's analysis (for depth and drift).
  public mutating func append(_ discussion: Discussion, analysis: PageAnalysis) {
    let page = roots.count
    let article = discussion.article
    roots.append(
      Root(source: discussion.source, title: article.title, date: article.date, words: article.words))
    for (comment, drift) in zip(discussion.comments, analysis.drift.comments) {
      nodes.append(
        Node(
          page: page, index: comment.index,
          author: comment.author.map(AuthorName.display).flatMap { $0.isEmpty ? nil : $0 },
          parent: comment.parent, words: comment.words, date: comment.date,
          truncated: comment.truncated, evidence: comment.replyEvidence, drift: drift))
    }
  }
}
