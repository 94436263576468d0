import Threads

extension GraphDocument {
  /// The keys of the author-level graph.
  static let authorKeys: [Key] = [
    Key(id: "label", domain: .node, type: .string),
    Key(id: "kind", domain: .node, type: .string),
    Key(id: "comments", domain: .node, type: .int),
    Key(id: "words", domain: .node, type: .long),
    Key(id: "truncated", domain: .node, type: .int),
    Key(id: "replies_sent", domain: .node, type: .int),
    Key(id: "replies_received", domain: .node, type: .int),
    Key(id: "partners", domain: .node, type: .int),
    Key(id: "share", domain: .node, type: .double),
    Key(id: "mean_drift", domain: .node, type: .double),
    Key(id: "articles", domain: .node, type: .int),
    Key(id: "first_date", domain: .node, type: .string),
    Key(id: "first_ts", domain: .node, type: .long),
    Key(id: "last_date", domain: .node, type: .string),
    Key(id: "last_ts", domain: .node, type: .long),
    Key(id: "source", domain: .node, type: .string),
    Key(id: "comment_index", domain: .node, type: .int),
    Key(id: "weight", domain: .edge, type: .double),
    Key(id: "replies", domain: .edge, type: .int),
    Key(id: "edge_drift", domain: .edge, type: .double),
  ]

  /// The author-level graph. Ids: `p1`... articles, `a1`... authors,
  /// `u1`... comments by unknown authors, `e1`... edges, in the graph's order.
  public init(_ graph: AuthorGraph) {
    self.init(keys: Self.authorKeys)
    for (p, page) in graph.pages.enumerated() {
      addNode(Self.articleNode(page, id: AuthorGraphStream.Node.article(p + 1).id))
    }
    var authorIDs: [String: String] = [:]
    for (n, (key, author)) in graph.authors.enumerated() {
      let id = AuthorGraphStream.Node.author(n + 1).id
      authorIDs[key] = id
      addNode(Self.authorNode(author, id: id, share: graph.share(of: author)))
    }
    var unknownIDs: [AuthorGraph.Node: String] = [:]
    for (n, unknown) in graph.unknownAuthors.enumerated() {
      let id = AuthorGraphStream.Node.unknown(n + 1).id
      unknownIDs[.unknown(page: unknown.page, comment: unknown.comment)] = id
      addNode(Self.unknownNode(unknown, id: id, source: graph.pages[unknown.page].source))
    }
    func id(_ node: AuthorGraph.Node) -> String? {
      switch node {
      case .author(let key): authorIDs[key]
      case .article(let page): AuthorGraphStream.Node.article(page + 1).id
      case .unknown: unknownIDs[node]
      }
    }
    for (n, (edge, replies)) in graph.edges.enumerated() {
      guard let source = id(edge.source), let target = id(edge.target),
        let element = Self.replyEdge(replies, id: "e\(n + 1)", source: source, target: target)
      else { continue }
      edges.append(element)
    }
  }

  /// The node of a page's article.
  static func articleNode(_ page: AuthorGraph.Page, id: String) -> Element {
    var node = Element(id: id)
    node.set("label", .string(page.title.isEmpty ? page.source : page.title))
    node.set("kind", .string("article"))
    node.set("comments", .int(page.comments))
    node.set("words", .long(Int64(page.words)))
    node.setDate("first_date", "first_ts", page.date)
    node.set("source", .string(page.source))
    return node
  }

  /// The node of a named author; `share` is the author's share of all comments.
  static func authorNode(_ author: AuthorStats, id: String, share: Double) -> Element {
    var node = Element(id: id)
    node.set("label", .string(author.name))
    node.set("kind", .string("author"))
    node.set("comments", .int(author.comments))
    node.set("words", .long(Int64(author.words)))
    node.set("truncated", .int(author.truncated))
    node.set("replies_sent", .int(author.repliesSent))
    node.set("replies_received", .int(author.repliesReceived))
    node.set("partners", .int(author.partnerCount))
    node.set("share", .double(share))
    node.set("mean_drift", author.meanDrift.map(Value.double))
    node.set("articles", .int(author.articles))
    node.setDate("first_date", "first_ts", author.firstDate)
    node.setDate("last_date", "last_ts", author.lastDate)
    node.activeDays = author.activeDays
    return node
  }

  /// Runs of consecutive days as closed intervals.
  static func spells(_ days: [CalendarDate]) -> [(start: String, end: String)] {
    var out: [(start: String, end: String)] = []
    var run: (first: CalendarDate, last: CalendarDate)?
    for day in days {
      if let r = run, day.daysSinceEpoch == r.last.daysSinceEpoch + 1 {
        run = (r.first, day)
        continue
      }
      if let r = run { out.append((r.first.iso, r.last.iso)) }
      run = (day, day)
    }
    if let r = run { out.append((r.first.iso, r.last.iso)) }
    return out
  }

  /// The node of a comment whose author is unknown, on the page at `source`.
  static func unknownNode(_ unknown: AuthorGraph.UnknownAuthor, id: String, source: String) -> Element {
    var node = Element(id: id)
    node.set("label", .string("unknown author, comment \(unknown.comment)"))
    node.set("kind", .string("unknown_author"))
    node.set("comments", .int(1))
    node.set("words", .long(Int64(unknown.words)))
    node.set("truncated", .int(unknown.truncated ? 1 : 0))
    node.set("mean_drift", unknown.drift.map(Value.double))
    node.set("articles", .int(1))
    node.setDate("first_date", "first_ts", unknown.date)
    node.set("source", .string(source))
    node.set("comment_index", .int(unknown.comment))
    return node
  }

  /// The edge of `replies`, weighted by their number; nil when there are none.
  static func replyEdge(
    _ replies: AuthorGraph.Replies, id: String, source: String, target: String
  ) -> Element? {
    var element = Element(id: id, source: source, target: target)
    element.set("replies", .int(replies.count))
    element.set("edge_drift", replies.meanDrift.map(Value.double))
    return weighted(element, Double(replies.count))
  }

  /// The comment-level graph. Ids: `p1`... articles, `p1c0`... comments
  /// (page and comment index), `e1`... edges from each comment to its parent.
  public init(_ graph: CommentGraph) {
    self.init(keys: [
      Key(id: "label", domain: .node, type: .string),
      Key(id: "kind", domain: .node, type: .string),
      Key(id: "author", domain: .node, type: .string),
      Key(id: "comment_index", domain: .node, type: .int),
      Key(id: "words", domain: .node, type: .int),
      Key(id: "date", domain: .node, type: .string),
      Key(id: "date_ts", domain: .node, type: .long),
      Key(id: "depth", domain: .node, type: .int),
      Key(id: "truncated", domain: .node, type: .boolean),
      Key(id: "evidence", domain: .node, type: .string),
      Key(id: "drift", domain: .node, type: .double),
      Key(id: "article_similarity", domain: .node, type: .double),
      Key(id: "parent_similarity", domain: .node, type: .double),
      Key(id: "context_similarity", domain: .node, type: .double),
      Key(id: "source", domain: .node, type: .string),
      Key(id: "weight", domain: .edge, type: .double),
    ])
    for (p, root) in graph.roots.enumerated() {
      var node = Element(id: "p\(p + 1)")
      node.set("label", .string(root.title.isEmpty ? root.source : root.title))
      node.set("kind", .string("article"))
      node.set("words", .int(root.words))
      node.setDate("date", "date_ts", root.date)
      node.set("source", .string(root.source))
      addNode(node)
    }
    for comment in graph.nodes {
      var node = Element(id: "p\(comment.page + 1)c\(comment.index)")
      node.set("label", .string(comment.author ?? "unknown author, comment \(comment.index)"))
      node.set("kind", .string("comment"))
      node.set("author", comment.author.map(Value.string))
      node.set("comment_index", .int(comment.index))
      node.set("words", .int(comment.words))
      node.setDate("date", "date_ts", comment.date)
      node.set("depth", .int(comment.drift.depth))
      node.set("truncated", .boolean(comment.truncated))
      node.set("evidence", comment.evidence.map { .string($0.rawValue) })
      node.set("drift", comment.drift.drift.map(Value.double))
      node.set("article_similarity", comment.drift.articleSimilarity.map(Value.double))
      node.set("parent_similarity", comment.drift.parentSimilarity.map(Value.double))
      node.set("context_similarity", comment.drift.contextSimilarity.map(Value.double))
      node.set("source", .string(graph.roots[comment.page].source))
      addNode(node)
    }
    for (n, comment) in graph.nodes.enumerated() {
      let page = "p\(comment.page + 1)"
      let target = comment.parent.map { "\(page)c\($0)" } ?? page
      addEdge(
        Element(id: "e\(n + 1)", source: "\(page)c\(comment.index)", target: target), weight: 1)
    }
  }
}

extension GraphDocument.Element {
  /// Sets a date as "YYYY-MM-DD" under `dateKey` and as epoch seconds
  /// (midnight UTC of the day) under `tsKey`; nothing when `date` is nil.
  mutating func setDate(_ dateKey: String, _ tsKey: String, _ date: CalendarDate?) {
    guard let date else { return }
    set(dateKey, .string(date.iso))
    set(tsKey, .long(date.epochSeconds))
  }
}
