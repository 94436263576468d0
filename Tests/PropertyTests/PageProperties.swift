import Metrics
import PropertyBased
import Testing
import Threads

/// Properties of the parser and the GraphML output over generated pages.
@Suite struct PageProperties {
  static let pages = zip(
    Gen.int(in: 0...2), Gen.int(in: 1...3), Gen.int(in: 0...0xFFFF).array(of: 0...12)
  ).map { layout, article, blocks in GeneratedPage(layout: layout, article: article, blocks: blocks) }

  @Test func everyBodyLineLandsOnceAndInPageOrder() async {
    await propertyCheck(count: 150, input: Self.pages) { page in
      let discussion = Discussion(parsing: page.text, source: "generated.txt")
      let texts = [discussion.article.text] + discussion.comments.map(\.text)
      var previous = -1
      for (line, _) in page.bodyLines {
        let places = texts.indices.filter { texts[$0].contains(line) }
        let occurrences = texts.reduce(0) { $0 + $1.ranges(of: line).count }
        #expect(occurrences == 1, "\(line.debugDescription) found \(occurrences) times")
        guard let place = places.first else { continue }
        #expect(place >= previous, "\(line.debugDescription) is out of page order")
        previous = place
      }
    }
  }

  /// Each comment block becomes one comment holding its own lines, and a
  /// reply marker links it to an earlier comment by the name it answers.
  /// (A plain page with a single name line is left out: one name above one
  /// paragraph reads as well as an article subheading.)
  @Test func everyBlockIsOneCommentWithItsLinesAndReplies() async {
    await propertyCheck(count: 150, input: Self.pages) { page in
      guard page.layout != .plain || page.replyTo.count > 1 else { return }
      let discussion = Discussion(parsing: page.text, source: "generated.txt")
      #expect(discussion.comments.count == page.replyTo.count)
      guard discussion.comments.count == page.replyTo.count else { return }
      for (line, block) in page.bodyLines where block >= 0 {
        #expect(discussion.comments[block].text.contains(line), "\(line.debugDescription) not in comment \(block)")
      }
      for (block, name) in page.replyTo.enumerated() {
        let parent = discussion.comments[block].parent.map { discussion.comments[$0].author }
        #expect(parent == name.map(Optional.some), "comment \(block) answers \(name ?? "nobody")")
      }
    }
  }

  @Test func commentsKeepPageOrderAndParentsPointBackwards() async {
    await propertyCheck(count: 150, input: Self.pages) { page in
      let discussion = Discussion(parsing: page.text, source: "generated.txt")
      for (i, comment) in discussion.comments.enumerated() {
        #expect(comment.index == i)
        if i > 0 { #expect(comment.line > discussion.comments[i - 1].line) }
        if let parent = comment.parent { #expect((0..<i).contains(parent)) }
      }
      if !page.bodyLines.contains(where: { $0.block >= 0 }) { #expect(discussion.comments.isEmpty) }
    }
  }

  @Test func outputIsDeterministicAndGraphMLReadsBack() async throws {
    await propertyCheck(count: 100, input: Self.pages) { page in
      let bytes = Array(page.text.utf8)
      do {
        let first = try Pipeline(bytes)
        let second = try Pipeline(bytes)
        #expect(first == second)
        #expect(try GraphDocument.counts(parsing: first.authorGraphML) == first.authorCounts)
        #expect(try GraphDocument.counts(parsing: first.commentGraphML) == first.commentCounts)
        #expect(first.commentCounts.edges == first.discussion.comments.count)
      } catch {
        Issue.record("pipeline failed: \(error)")
      }
    }
  }

  /// The read-back check itself must be able to fail.
  @Test(arguments: [
    "", "<graphml>", "<other/>", "<graphml><graph/><graph/></graphml>",
    "<graphml><graph><node id='a'/><edge source='a' target='b'/></graph></graphml>",
    "<graphml><graph><node id='a'/><node id='a'/></graph></graphml>",
    "<graphml><graph><node/></graph></graphml>",
    "<graphml><graph><data/></graph></graphml>",
  ])
  func readBackRejectsBrokenGraphML(xml: String) {
    #expect(throws: GraphFileError.self) { try GraphDocument.counts(parsing: Array(xml.utf8)) }
  }

  @Test func readBackCountsNodesAndEdges() throws {
    let xml = "<graphml><graph><node id='a'/><node id='b'/><edge source='a' target='b'/></graph></graphml>"
    #expect(try GraphDocument.counts(parsing: Array(xml.utf8)) == GraphMLCounts(nodes: 2, edges: 1))
  }
}
