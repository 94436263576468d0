import OrderedCollections
import Threads

/// Who replies to whom, at the level of authors, over one page or many.
///
/// Nodes: one per named author (matched across pages by
/// ``AuthorName/key(_:onPage:)``: a placeholder such as "Guest" is one per page), one per page for its article, and one per
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

    /// Adds the replies of the same edge from other pages.
    public mutating func merge(_ other: Replies) {
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
    author.share(ofComments: commentCount)
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
    // Authors are numbered in order of first appearance; per comment, its
    // author's number, or -1 when unknown. Nodes are coded as Int32: an
    // author's number, -1 for the article, -2 - i for comment i's unknown author.
    // Names are normalised once per distinct spelling (exact bytes).
    var keys: [String] = []
    var stats: [AuthorStats] = []
    var numbers: [String: Int32] = [:]
    var spellings = TokenInterner()
    var numberOfSpelling: [Int32] = []
    // Comments are read field by field: copying a whole `Comment` retains its strings.
    let comments = discussion.comments
    let authorOf = comments.indices.map { i -> Int32 in
      guard var name = comments[i].author else { return -1 }
      let (spelling, isNew) = name.withUTF8 { spellings.intern($0, hash: TokenInterner.hash($0)) }
      if !isNew { return numberOfSpelling[Int(spelling)] }
      let key = AuthorName.key(name, onPage: discussion.source)
      let number: Int32
      if key.isEmpty {
        number = -1
      } else if let known = numbers[key] {
        number = known
      } else {
        number = Int32(keys.count)
        numbers[key] = number
        keys.append(key)
        var author = AuthorStats(name: name)
        author.key = key
        stats.append(author)
      }
      numberOfSpelling.append(number)
      return number
    }
    func node(_ code: Int32) -> Node {
      code >= 0
        ? .author(keys[Int(code)]) : code == -1 ? .article(page: 0) : .unknown(page: 0, comment: Int(-2 - code))
    }
    var partnerPairs: [Int64] = []
    var edgeNumbers: [Int64: Int] = [:]
    var edgeCodes: [(source: Int32, target: Int32)] = []
    var replies: [Replies] = []
    for i in comments.indices {
      let author = authorOf[i]
      if author >= 0 {
        stats[Int(author)].count(comments[i], drift: drift[i])
      } else {
        unknownAuthors.append(
          UnknownAuthor(
            page: 0, comment: i, words: comments[i].words, truncated: comments[i].truncated,
            date: comments[i].date, drift: drift[i]))
      }
      let source = author >= 0 ? author : Int32(-2 - i)
      let target: Int32
      if let parent = comments[i].parent {
        let parentAuthor = authorOf[parent]
        target = parentAuthor >= 0 ? parentAuthor : Int32(-2 - parent)
        if author >= 0 { stats[Int(author)].repliesSent += 1 }
        if parentAuthor >= 0 {
          stats[Int(parentAuthor)].repliesReceived += 1
          if author >= 0, author != parentAuthor {
            partnerPairs.append(Int64(author) << 32 | Int64(parentAuthor))
            partnerPairs.append(Int64(parentAuthor) << 32 | Int64(author))
          }
        }
      } else {
        target = -1
      }
      let edge = Int64(source) << 32 | Int64(UInt32(bitPattern: target))
      if let number = edgeNumbers[edge] {
        replies[number].add(drift: drift[i])
      } else {
        edgeNumbers[edge] = replies.count
        edgeCodes.append((source, target))
        replies.append(Replies())
        replies[replies.count - 1].add(drift: drift[i])
      }
    }
    // Each author's partners, from the pairs sorted by author, without repeats.
    partnerPairs.sort()
    var k = 0
    while k < partnerPairs.count {
      let author = Int(partnerPairs[k] >> 32)
      var partners: [String] = []
      while k < partnerPairs.count, Int(partnerPairs[k] >> 32) == author {
        if k == 0 || partnerPairs[k - 1] != partnerPairs[k] {
          partners.append(keys[Int(partnerPairs[k] & 0xFFFF_FFFF)])
        }
        k += 1
      }
      stats[author].partners = partners.sorted()
    }
    for n in stats.indices { stats[n].articles = 1 }
    authors = OrderedDictionary(uncheckedUniqueKeys: keys, values: stats)
    edges = OrderedDictionary(
      uncheckedUniqueKeys: edgeCodes.map { Edge(source: node($0.source), target: node($0.target)) },
      values: replies)
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
