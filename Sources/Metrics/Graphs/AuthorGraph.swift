import OrderedCollections
import Threads

/// Who replies to whom, at the level of authors, over one page or many.
///
/// Nodes: one per named author (matched across pages by
/// ``AuthorName/normalized(_:)``), one per page for its article, and one per
/// comment whose author is unknown (never one shared "anonymous" node).
/// Edges: replier -> replied-to; a top-level comment replies to its article.
/// A value type: build one per page, store it, ``merge(_:)`` them later.
public struct AuthorGraph: Sendable, Equatable, Codable {
  /// A node of the graph.
  public enum Node: Sendable, Hashable, Codable {
    /// A named author, by normalised name.
    case author(String)
    /// The article of page `page` (0-based position in ``pages``).
    case article(page: Int)
    /// The comment `comment` on page `page`, whose author is unknown.
    case unknown(page: Int, comment: Int)
  }

  /// One page's article.
  public struct Page: Sendable, Equatable, Codable {
    /// Where the page came from (the path given).
    public var source: String
    /// The article's headline.
    public var title: String
    /// The article's date, when the page gives one.
    @ISODateCoded public var date: CalendarDate?
    /// Words in the article.
    public var words: Int
    /// Comments on the page.
    public var comments: Int

    /// A page with the given fields.
    public init(source: String, title: String, date: CalendarDate?, words: Int, comments: Int) {
      self.source = source
      self.title = title
      self.date = date
      self.words = words
      self.comments = comments
    }
  }

  /// A comment posted without a visible name: a node of its own.
  public struct UnknownAuthor: Sendable, Equatable, Codable {
    /// Position of the comment's page in ``AuthorGraph/pages``.
    public var page: Int
    /// The comment's index on its page.
    public var comment: Int
    /// Words in the comment.
    public var words: Int
    /// The page cut the comment short.
    public var truncated: Bool
    /// The posting date, when the page gives an absolute one.
    @ISODateCoded public var date: CalendarDate?
    /// The comment's drift, when it has one.
    public var drift: Double?

    /// An unknown author with the given fields.

    public init(page: Int, comment: Int, words: Int, truncated: Bool, date: CalendarDate?, drift: Double?) {
      self.page = page
      self.comment = comment
      self.words = words
      self.truncated = truncated
      self.date = date
      self.drift = drift
    }
  }

  /// A directed edge, replier -> replied-to.
  public struct Edge: Sendable, Hashable, Codable {
    /// The replier.
    public var source: Node
    /// The replied-to: an author, an unknown author or an article.
    public var target: Node
    /// The edge from `source` to `target`.
    public init(source: Node, target: Node) {
      self.source = source
      self.target = target
    }
  }

  /// What an edge carries.
  public struct Replies: Sendable, Equatable, Codable {
    /// Number of replies: the edge weight.
    public var count: Int = 0
    /// Sum of the drift of the replying comments that have one.
    public var driftSum: Double = 0
    /// Replying comments that have a drift value.
    public var driftCount: Int = 0
    /// Mean drift of the replying comments.
    public var meanDrift: Double? { driftCount > 0 ? driftSum / Double(driftCount) : nil }

    /// No replies yet.
    public init() {}

    /// Counts one more reply.
    mutating func add(drift: Double?) {
      count += 1
      if let drift {
        driftSum += drift
        driftCount += 1
      }
    }

    mutating func merge(_ other: Replies) {
      count += other.count
      driftSum += other.driftSum
      driftCount += other.driftCount
    }
  }

  /// The pages, in the order they were added.
  public private(set) var pages: [Page] = []
  /// Named authors by normalised name, in order of first appearance.
  public private(set) var authors: OrderedDictionary<String, AuthorStats> = [:]
  /// Comments without a visible author, in page order.
  public private(set) var unknownAuthors: [UnknownAuthor] = []
  /// Edges in order of first appearance.
  public private(set) var edges: OrderedDictionary<Edge, Replies> = [:]

  /// An empty graph, to merge pages into.
  public init() {}

  /// Comments over all pages.
  public private(set) var commentCount = 0

  /// The author's share of all comments in the graph, in [0, 1].
  public func share(of author: AuthorStats) -> Double {
    commentCount > 0 ? Double(author.comments) / Double(commentCount) : 0
  }

  /// The graph of one page.
  /// - Parameters:
  ///   - discussion: the page.
  ///   - drift: each comment's drift (by index), nil where it has none.
  init(_ discussion: Discussion, drift: [Double?]) {
    let article = discussion.article
    pages = [
      Page(
        source: discussion.source, title: article.title, date: article.date, words: article.words,
        comments: discussion.comments.count)
    ]
    commentCount = discussion.comments.count
    let keys = discussion.comments.map { comment -> String? in
      guard let name = comment.author else { return nil }
      let key = AuthorName.normalized(name)
      return key.isEmpty ? nil : key
    }
    func node(_ index: Int) -> Node {
      keys[index].map(Node.author) ?? .unknown(page: 0, comment: index)
    }
    var partners: [String: Set<String>] = [:]
    for comment in discussion.comments {
      let i = comment.index
      if let key = keys[i], let name = comment.author {
        authors[key, default: AuthorStats(name: name)].count(comment, drift: drift[i])
      } else {
        unknownAuthors.append(
          UnknownAuthor(
            page: 0, comment: i, words: comment.words, truncated: comment.truncated,
            date: comment.date, drift: drift[i]))
      }
      let target: Node
      if let parent = comment.parent {
        target = node(parent)
        if let key = keys[i] { authors[key]?.repliesSent += 1 }
        if let parentKey = keys[parent] {
          authors[parentKey]?.repliesReceived += 1
          if let key = keys[i], key != parentKey {
            partners[key, default: []].insert(parentKey)
            partners[parentKey, default: []].insert(key)
          }
        }
      } else {
        target = .article(page: 0)
      }
      edges[Edge(source: node(i), target: target), default: Replies()].add(drift: drift[i])
    }
    for key in authors.keys {
      authors[key]?.articles = 1
      authors[key]?.partners = partners[key].map { $0.sorted() } ?? []
    }
  }

  /// Adds the pages, authors and edges of `other`: authors with the same
  /// normalised name become one node, pages and unknown authors stay apart.
  /// - Complexity: O(size of `other`), plus the partner lists of shared authors.
  public mutating func merge(_ other: AuthorGraph) {
    let offset = pages.count
    func shift(_ node: Node) -> Node {
      switch node {
      case .author: node
      case .article(let page): .article(page: page + offset)
      case .unknown(let page, let comment): .unknown(page: page + offset, comment: comment)
      }
    }
    pages.append(contentsOf: other.pages)
    commentCount += other.commentCount
    for (key, stats) in other.authors {
      if authors[key] == nil { authors[key] = stats } else { authors[key]?.merge(stats) }
    }
    for var unknown in other.unknownAuthors {
      unknown.page += offset
      unknownAuthors.append(unknown)
    }
    for (edge, replies) in other.edges {
      edges[Edge(source: shift(edge.source), target: shift(edge.target)), default: Replies()]
        .merge(replies)
    }
  }

  /// All graphs merged into one, in order.
  public static func merged(_ graphs: some Sequence<AuthorGraph>) -> AuthorGraph {
    var out = AuthorGraph()
    for graph in graphs { out.merge(graph) }
    return out
  }
}
