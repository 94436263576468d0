/// An author-level graph written to an open file while it is produced, for
/// graphs too large to hold in memory (a corpus). Fed the articles, authors,
/// unknown authors and edges of an ``AuthorGraph`` in the graph's order, it
/// writes the bytes ``GraphDocument/init(_:)-(AuthorGraph)`` would.
///
/// Add every article first, then every author, every unknown author, and the
/// edges last; nodes are numbered in the order they are added. Made and
/// finished by ``write(to:path:commentCount:_:)``.
public final class AuthorGraphStream {
  /// A node, by kind and 1-based number in the order it was added.
  public enum Node: Sendable, Hashable {
    case article(Int)
    case author(Int)
    case unknown(Int)

    /// The GraphML id: `p1`, `a1`, `u1`...
    public var id: String {
      switch self {
      case .article(let n): "p\(n)"
      case .author(let n): "a\(n)"
      case .unknown(let n): "u\(n)"
      }
    }
  }

  /// A file the graph goes to, and in which form.
  public struct Output {
    let sink: () throws(GraphFileError) -> any GraphSink

    /// The graph in `format` into the open file `fd` (which stays open),
    /// named `path` in errors.
    public static func file(_ fd: Int32, path: String, format: GraphFileFormat = .graphml) -> Output {
      Output { () throws(GraphFileError) in format.sink(try XMLStreamWriter(fd: fd, path: path)) }
    }

    /// The edge table of `graph --format csv` (``GraphTables/edges``), its
    /// bytes handed to `drain` in chunks as they grow.
    public static func edgeTable(_ drain: @escaping ([UInt8]) throws(GraphFileError) -> Void) -> Output {
      Output { CSVGraphSink(edges: drain) }
    }
  }

  private let pipes: [GraphPipe]
  private let commentCount: Int
  /// Articles, authors and unknown authors added.
  private var added = [0, 0, 0]
  private var edges = 0

  /// Writes a whole document into the open file `fd` (which stays open):
  /// the declaration, the keys and the opening `<graph>`, then what `body`
  /// adds, then the end. The XML is serialised on a thread of its own while
  /// `body` produces the next elements; every write to `fd` is done when
  /// this returns or throws.
  /// - Parameters:
  ///   - path: the file's name, for errors.
  ///   - commentCount: comments over all pages, for each author's share.
  /// - Throws: what `body` throws, else ``GraphFileError`` when writing fails.
  public static func write<E: Error>(
    to fd: Int32, path: String, commentCount: Int, _ body: (AuthorGraphStream) throws(E) -> Void
  ) throws -> Void {
    try write(to: [.file(fd, path: path)], commentCount: commentCount, body)
  }

  /// Writes the graph into each of `outputs` in the same pass (say the
  /// corpus GraphML, GEXF and edge table), each on a thread of its own.
  public static func write<E: Error>(
    to outputs: [Output], commentCount: Int, _ body: (AuthorGraphStream) throws(E) -> Void
  ) throws -> Void {
    var pipes: [GraphPipe] = []
    defer { for pipe in pipes { pipe.drain() } }
    for output in outputs {
      let sink = try output.sink()
      try sink.begin(keys: GraphDocument.authorKeys)
      pipes.append(GraphPipe(sink))
    }
    try body(AuthorGraphStream(pipes, commentCount: commentCount))
    for pipe in pipes { try pipe.finish() }
  }

  private init(_ pipes: [GraphPipe], commentCount: Int) {
    self.pipes = pipes
    self.commentCount = commentCount
  }

  /// Hands `element` to every output.
  private func add(_ element: GraphDocument.Element) throws(GraphFileError) {
    for pipe in pipes { try pipe.add(element) }
  }

  /// Writes the next article's node.
  @discardableResult
  public func add(article page: AuthorGraph.Page) throws(GraphFileError) -> Node {
    let node = Node.article(next(0))
    try add(GraphDocument.articleNode(page, id: node.id))
    return node
  }

  /// Writes the next author's node; `author` holds the counts over all pages.
  @discardableResult
  public func add(author: AuthorStats) throws(GraphFileError) -> Node {
    let node = Node.author(next(1))
    let share = author.share(ofComments: commentCount)
    try add(GraphDocument.authorNode(author, id: node.id, share: share))
    return node
  }

  /// Writes the next unknown author's node; `source` is its page's source.
  @discardableResult
  public func add(unknown: AuthorGraph.UnknownAuthor, source: String) throws(GraphFileError) -> Node {
    let node = Node.unknown(next(2))
    try add(GraphDocument.unknownNode(unknown, id: node.id, source: source))
    return node
  }

  /// Writes the next edge, replier `source` -> replied-to `target`, both
  /// already added; an edge without replies takes a number but is left out.
  public func addEdge(from source: Node, to target: Node, _ replies: AuthorGraph.Replies) throws(GraphFileError) {
    edges += 1
    guard let element = GraphDocument.replyEdge(
      replies, id: "e\(edges)", source: source.id, target: target.id)
    else { return }
    try add(element)
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
