/// An author-level graph written to an open file while it is produced, for
/// graphs too large to hold in memory (a corpus). Fed the articles, authors,
/// unknown authors and edges of an ``AuthorGraph`` in the graph's order, it
/// writes the bytes ``GraphMLDocument/init(_:)-(AuthorGraph)`` would.
///
/// Add every article first, then every author, every unknown author, and the
/// edges last; nodes are numbered in the order they are added.
public final class AuthorGraphStream {
  /// A node, by kind and 1-based number in the order it was added.
  public enum Node: Sendable, Hashable {
    case article(Int)
    case author(Int)
    case unknown(Int)

    /// The GraphML id: `p1`, `a1`, `u1`...
    var id: String {
      switch self {
      case .article(let n): "p\(n)"
      case .author(let n): "a\(n)"
      case .unknown(let n): "u\(n)"
      }
    }
  }

  private let writer: GraphMLWriter
  private let commentCount: Int
  /// Articles, authors and unknown authors added.
  private var added = [0, 0, 0]
  private var edges = 0

  /// Starts the document on the open file `fd` (which stays open): the
  /// declaration, the keys and the opening `<graph>`.
  /// - Parameters:
  ///   - path: the file's name, for errors.
  ///   - commentCount: comments over all pages, for each author's share.
  public init(to fd: Int32, path: String, commentCount: Int) throws(GraphMLError) {
    writer = try GraphMLWriter(fd: fd, path: path)
    self.commentCount = commentCount
    try writer.begin(keys: GraphMLDocument.authorKeys)
  }

  /// Writes the next article's node.
  @discardableResult
  public func add(article page: AuthorGraph.Page) throws(GraphMLError) -> Node {
    let node = Node.article(next(0))
    try writer.element(GraphMLDocument.articleNode(page, id: node.id))
    return node
  }

  /// Writes the next author's node; `author` holds the counts over all pages.
  @discardableResult
  public func add(author: AuthorStats) throws(GraphMLError) -> Node {
    let node = Node.author(next(1))
    // As AuthorGraph.share(of:).
    let share = commentCount > 0 ? Double(author.comments) / Double(commentCount) : 0
    try writer.element(GraphMLDocument.authorNode(author, id: node.id, share: share))
    return node
  }

  /// Writes the next unknown author's node; `source` is its page's source.
  @discardableResult
  public func add(unknown: AuthorGraph.UnknownAuthor, source: String) throws(GraphMLError) -> Node {
    let node = Node.unknown(next(2))
    try writer.element(GraphMLDocument.unknownNode(unknown, id: node.id, source: source))
    return node
  }

  /// Writes the next edge, replier `source` -> replied-to `target`, both
  /// already added; an edge without replies takes a number but is left out.
  public func addEdge(from source: Node, to target: Node, _ replies: AuthorGraph.Replies) throws(GraphMLError) {
    edges += 1
    guard let element = GraphMLDocument.replyEdge(
      replies, id: "e\(edges)", source: source.id, target: target.id)
    else { return }
    try writer.element(element)
  }

  /// Closes the document and writes out what is buffered.
  public func finish() throws(GraphMLError) {
    try writer.finish()
  }

  /// Counts a node of kind `kind` (an index of `added`) and returns its number.
  private func next(_ kind: Int) -> Int {
    precondition(
      edges == 0 && added[(kind + 1)...].allSatisfy { $0 == 0 },
      "articles, then authors, then unknown authors, then edges")
    added[kind] += 1
    return added[kind]
  }
}
