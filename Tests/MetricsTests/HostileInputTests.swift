import Metrics
import Testing
import Threads

/// Inputs a stranger can feed in, through the whole page pipeline: parse,
/// measure, both GraphML documents, and libxml2 reading them back.
@Suite struct HostileInputTests {
  /// Runs the pipeline and checks what must hold for any input.
  @discardableResult
  private func pipeline(
    _ discussion: Discussion, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (analysis: PageAnalysis, authors: GraphMLCounts, comments: GraphMLCounts) {
    for (i, comment) in discussion.comments.enumerated() {
      #expect(comment.index == i, sourceLocation: sourceLocation)
      if let parent = comment.parent { #expect((0..<i).contains(parent), sourceLocation: sourceLocation) }
    }
    let analysis = PageAnalysis(discussion)
    let authors = GraphDocument(analysis.graph)
    let comments = GraphDocument(CommentGraph(discussion, analysis: analysis))
    #expect(try GraphDocument.counts(parsing: authors.bytes()) == authors.counts, sourceLocation: sourceLocation)
    #expect(try GraphDocument.counts(parsing: comments.bytes()) == comments.counts, sourceLocation: sourceLocation)
    #expect(comments.counts.edges == discussion.comments.count, sourceLocation: sourceLocation)
    return (analysis, authors.counts, comments.counts)
  }

  private func parsed(_ bytes: [UInt8]) -> Discussion { Discussion(parsing: bytes, source: "hostile.txt") }

  @Test func onlyNULBytes() throws {
    let discussion = parsed([UInt8](repeating: 0, count: 1 << 20))
    #expect(discussion.comments.isEmpty)
    try pipeline(discussion)
  }

  /// 10,000 comments, each a reply to the one before: nothing may recurse per level.
  @Test func tenThousandRepliesEachToThePrevious() throws {
    let n = 10_000
    let rows = (0..<n).map { i in
      Pages.Row(author: "reader \(i)", parent: i == 0 ? nil : i - 1, text: "answer number \(i) about the oven")
    }
    let discussion = Pages.page(article: "The oven stays.", rows)
    let (analysis, authors, comments) = try pipeline(discussion)
    #expect(discussion.depths.last == n - 1)
    #expect(analysis.drift.byDepth.count == n)
    #expect(authors.edges == n)
    #expect(comments == GraphMLCounts(nodes: n + 1, edges: n))
  }

  /// The same chain as a scrape, through the parser.
  @Test func tenThousandReplyMarkersInAChain() throws {
    var text = "A Page\n\nThe article text is here and long enough to be an article paragraph.\n\n"
    text += "Notify of\nNewest Most Voted\nInline Feedbacks\nView all comments\n"
    for i in 0..<10_000 {
      text += "reader\(i)\nreader\(i)\n"
      if i > 0 { text += "Reply to\u{a0} reader\(i - 1)\n" }
      text += "September 2, 2017\n\nanswer number \(i) about the oven\n\n"
    }
    let discussion = parsed(Array(text.utf8))
    try pipeline(discussion)
    #expect(discussion.comments.count == 10_000)
    #expect(discussion.depths.max() == 9_999)
  }

  @Test func hundredThousandDistinctAuthors() throws {
    let n = 100_000
    let rows = (0..<n).map { i in Pages.Row(author: "author \(i)", text: "comment \(i)") }
    let (analysis, authors, _) = try pipeline(Pages.page(article: "Article.", rows))
    #expect(analysis.authors.count == n)
    #expect(authors.nodes == n + 1)
  }

  @Test func hundredThousandAuthorsInAScrape() throws {
    var text = "A Page\n\nThe article text is here and long enough to be an article paragraph.\n\n"
    for i in 0..<100_000 { text += "Author Number\(i)\n\nthe comment text of author \(i), long enough to be a body.\n\n" }
    try pipeline(parsed(Array(text.utf8)))
  }

  @Test func tenKilobyteNames() throws {
    let long = String(repeating: "Ab", count: 5_000)
    let rows = [Pages.Row(author: long, text: "first"), Pages.Row(author: long + "c", parent: 0, text: "second")]
    let (analysis, authors, _) = try pipeline(Pages.page(article: "Article.", rows))
    #expect(analysis.authors.map(\.name) == [long, long + "c"])
    #expect(authors.nodes == 3)
    let scrape = "Title\n\nArticle paragraph long enough to be article text.\n\nNotify of\n\(long)\n\(long)\nSeptember 2, 2017\n\nbody text\n"
    try pipeline(parsed(Array(scrape.utf8)))
  }

  /// One scalar of every Unicode general category (surrogates as raw bytes).
  @Test func everyGeneralCategoryInNamesAndBodies() throws {
    var seen: Set<String> = []
    var samples = ""
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if seen.insert("\(scalar.properties.generalCategory)").inserted { samples.unicodeScalars.append(scalar) }
    }
    #expect(seen.count == 29)  // all 30 but Cs, which no Unicode.Scalar holds
    let rows = [
      Pages.Row(author: samples, text: samples), Pages.Row(author: "x" + samples, parent: 0, text: samples),
    ]
    let (analysis, authors, _) = try pipeline(Pages.page(title: samples, article: samples, rows))
    #expect(analysis.authors.count == 2)
    #expect(authors.nodes == 3)
    var bytes = Array("T\n\nArticle \(samples)\n\nNotify of\n\(samples)\n\(samples)\nSeptember 2, 2017\n\n".utf8)
    bytes += [0xED, 0xA0, 0x80, 0x20] + Array("body \(samples)\n".utf8)
    try pipeline(parsed(bytes))
  }

  @Test func oneLongLine() throws {
    let line = [UInt8](repeating: UInt8(ascii: "a"), count: 8 << 20)
    try pipeline(parsed(line))
  }
}
