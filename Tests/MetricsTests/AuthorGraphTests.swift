import Foundation
import Testing
import Threads

@testable import Metrics

@Suite struct AuthorGraphTests {
  /// Ann (twice, spelled two ways), Bob, two comments without a name.
  ///   0 Ann        top           2021-06-03
  ///   1 Bob        -> 0          2021-06-01
  ///   2 (unknown)  -> 1
  ///   3 ANN        -> 1          2021-06-05, truncated
  ///   4 (unknown)  top
  ///   5 Bob        -> 4
  ///   6 Bob        -> 0
  static let page = Pages.page(
    title: "Title", article: "cat dog",
    [
      .init(author: "Ann", text: "one two three", date: Pages.day(2021, 6, 3)),
      .init(author: "Bob", parent: 0, text: "four five", date: Pages.day(2021, 6, 1)),
      .init(author: nil, parent: 1, text: "six"),
      .init(author: " ANN ", parent: 1, text: "seven eight nine ten", date: Pages.day(2021, 6, 5), truncated: true),
      .init(author: nil, text: "eleven"),
      .init(author: "Bob", parent: 4, text: "twelve"),
      .init(author: "Bob", parent: 0, text: "thirteen fourteen"),
    ])

  /// Ann writes on 3 and 5 June here; on 4 and 9 June on a second page:
  /// her days merge in order, once each, and consecutive ones make one GEXF spell.
  @Test func activeDaysMergeIntoSpells() throws {
    let graph = PageAnalysis(Self.page, language: .en).graph
    #expect(graph.authors["ann"]?.activeDays == [Pages.day(2021, 6, 3), Pages.day(2021, 6, 5)])
    #expect(graph.authors["bob"]?.activeDays == [Pages.day(2021, 6, 1)])
    let other = Pages.page(
      title: "Other", article: "cat",
      [
        .init(author: "Ann", text: "again", date: Pages.day(2021, 6, 9)),
        .init(author: "Ann", text: "and again", date: Pages.day(2021, 6, 4)),
        .init(author: "Ann", text: "same day", date: Pages.day(2021, 6, 9)),
      ])
    let merged = AuthorGraph.merged([graph, PageAnalysis(other, language: .en).graph])
    let ann = try #require(merged.authors["ann"])
    #expect(ann.activeDays == [3, 4, 5, 9].map { Pages.day(2021, 6, $0) })
    let spells = GraphDocument.spells(ann.activeDays)
    #expect(spells.map { [$0.start, $0.end] } == [["2021-06-03", "2021-06-05"], ["2021-06-09", "2021-06-09"]])
    // Coded as ISO days, like the first and last date.
    let json = String(decoding: try JSONEncoder().encode(ann), as: UTF8.self)
    #expect(json.contains(#""activeDays":["2021-06-03","2021-06-04","2021-06-05","2021-06-09"]"#))
    #expect(try JSONDecoder().decode(AuthorStats.self, from: Data(json.utf8)) == ann)
  }

  @Test func perAuthorCounts() throws {
    let graph = PageAnalysis(Self.page, language: .en).graph
    #expect(Array(graph.authors.keys) == ["ann", "bob"])
    let ann = try #require(graph.authors["ann"])
    let bob = try #require(graph.authors["bob"])
    #expect(ann.name == "Ann")
    #expect((ann.comments, ann.words, ann.truncated) == (2, 7, 1))
    #expect((ann.repliesSent, ann.repliesReceived) == (1, 2))
    #expect(ann.partners == ["bob"])
    #expect(ann.firstDate == Pages.day(2021, 6, 3) && ann.lastDate == Pages.day(2021, 6, 5))
    #expect((bob.comments, bob.words, bob.truncated) == (3, 5, 0))
    #expect((bob.repliesSent, bob.repliesReceived) == (3, 2))
    #expect(bob.partners == ["ann"])
    #expect(bob.firstDate == Pages.day(2021, 6, 1) && bob.lastDate == Pages.day(2021, 6, 1))
    #expect(graph.share(of: bob) == 3.0 / 7.0)
    #expect(ann.articles == 1 && bob.articles == 1)
  }

  /// Names are normalised once per spelling: repeated, equivalent and blank
  /// spellings on one page must still land on the right node.
  @Test func spellingsOnOnePageShareOneNodeAndBlankNamesStayUnknown() throws {
    let page = Pages.page(
      article: "cat",
      [
        .init(author: "Zo\u{EB}", text: "a"),
        .init(author: " ", parent: 0, text: "b"),
        .init(author: "ZOE\u{308}", parent: 1, text: "c"),
        .init(author: " ", text: "d"),
        .init(author: "Zo\u{EB}", parent: 2, text: "e"),
      ])
    let graph = PageAnalysis(page, language: .en).graph
    #expect(Array(graph.authors.keys) == ["zo\u{EB}"])
    let zoe = try #require(graph.authors["zo\u{EB}"])
    #expect(zoe.name == "Zo\u{EB}" && zoe.comments == 3 && zoe.repliesSent == 2)
    #expect(graph.unknownAuthors.map(\.comment) == [1, 3])
  }

  @Test func edgesAggregateRepliesAndKeepUnknownAuthorsApart() {
    let graph = PageAnalysis(Self.page, language: .en).graph
    let ann = AuthorGraph.Node.author("ann")
    let bob = AuthorGraph.Node.author("bob")
    let article = AuthorGraph.Node.article(page: 0)
    let u2 = AuthorGraph.Node.unknown(page: 0, comment: 2)
    let u4 = AuthorGraph.Node.unknown(page: 0, comment: 4)
    let weights = graph.edges.map { ($0.key.source, $0.key.target, $0.value.count) }
    let expected: [(AuthorGraph.Node, AuthorGraph.Node, Int)] = [
      (ann, article, 1), (bob, ann, 2), (u2, bob, 1), (ann, bob, 1), (u4, article, 1), (bob, u4, 1),
    ]
    #expect(weights.count == expected.count)
    for (got, want) in zip(weights, expected) {
      #expect(got.0 == want.0 && got.1 == want.1 && got.2 == want.2)
    }
    #expect(graph.unknownAuthors.map(\.comment) == [2, 4])
    #expect(graph.pages.map(\.comments) == [7])
  }

  @Test func mergeMatchesAuthorsByNormalisedNameAndKeepsPagesApart() throws {
    let second = Pages.page(
      "second.txt", article: "bird",
      [
        .init(author: "bob", text: "hello", date: Pages.day(2021, 5, 30)),
        .init(author: "Cleo", parent: 0, text: "hi there"),
        .init(author: nil, parent: 0, text: "hm"),
      ])
    let a = PageAnalysis(Self.page, language: .en).graph
    let b = PageAnalysis(second, language: .en).graph
    let merged = AuthorGraph.merged([a, b])
    #expect(merged.pages.map(\.source) == ["page.txt", "second.txt"])
    #expect(Array(merged.authors.keys) == ["ann", "bob", "cleo"])
    let bob = try #require(merged.authors["bob"])
    #expect((bob.comments, bob.words, bob.articles) == (4, 6, 2))
    #expect((bob.repliesSent, bob.repliesReceived) == (3, 4))
    #expect(bob.partners == ["ann", "cleo"])
    #expect(bob.firstDate == Pages.day(2021, 5, 30) && bob.lastDate == Pages.day(2021, 6, 1))
    #expect(merged.commentCount == 10)
    #expect(merged.share(of: bob) == 0.4)
    #expect(merged.unknownAuthors.map { [$0.page, $0.comment] } == [[0, 2], [0, 4], [1, 2]])
    #expect(merged.edges[AuthorGraph.Edge(source: .author("bob"), target: .article(page: 1))]?.count == 1)
    #expect(merged.edges[AuthorGraph.Edge(source: .author("bob"), target: .author("ann"))]?.count == 2)
    #expect(
      merged.edges[AuthorGraph.Edge(source: .unknown(page: 1, comment: 2), target: .author("bob"))]?.count
        == 1)
    // Merging is associative over pages: one at a time gives the same graph.
    var stepwise = AuthorGraph()
    stepwise.merge(a)
    stepwise.merge(b)
    #expect(stepwise == merged)
  }

  @Test(arguments: [
    ("José Núñez", "Jose\u{301} Nu\u{301}n\u{303}ez"),
    ("Zoë Smith", "  ZOË\u{00A0}\u{00A0}smith "),
    ("Ann", "ann"),
  ])
  func spellingsOfOneNameMatchAcrossPages(first: String, second: String) throws {
    let pages = [first, second].enumerated().map { n, name in
      Pages.page("p\(n).txt", article: "cat", [.init(author: name, text: "cat")])
    }
    let merged = AuthorGraph.merged(pages.map { PageAnalysis($0, language: .en).graph })
    #expect(merged.authors.count == 1)
    let author = try #require(merged.authors.values.first)
    #expect(author.name == first)
    #expect((author.comments, author.articles) == (2, 2))
  }

  @Test func pageAnalysisSurvivesACodableRoundTrip() throws {
    let analysis = PageAnalysis(Self.page, language: .en)
    let data = try JSONEncoder().encode(analysis)
    let decoded = try JSONDecoder().decode(PageAnalysis.self, from: data)
    #expect(decoded == analysis)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"firstDate\":\"2021-06-03\""))
  }
}

/// "Guest" on two pages is two people; "Ann" on two pages is one.
@Suite struct PlaceholderAuthorTests {
  static func page(_ source: String, _ guest: String) -> Discussion {
    Pages.page(
      source, article: "cat dog",
      [
        .init(author: "Ann", text: "one two"),
        .init(author: guest, parent: 0, text: "three"),
        .init(author: guest, parent: 1, text: "four five"),
      ])
  }

  @Test(arguments: ["Guest", "anonymous", " ANONYM ", "Deleted", "[deleted]"])
  func placeholdersStayOnTheirPage(name: String) throws {
    let a = PageAnalysis(Self.page("a.txt", name), language: .en).graph
    let b = PageAnalysis(Self.page("b.txt", name), language: .en).graph
    let merged = AuthorGraph.merged([a, b])
    let key = AuthorName.normalized(name)
    #expect(Array(merged.authors.keys) == ["ann", key + " @ a.txt", key + " @ b.txt"])
    #expect(merged.authors["ann"]?.articles == 2)
    #expect(merged.authors["ann"]?.comments == 2)
    for source in ["a.txt", "b.txt"] {
      let guest = try #require(merged.authors[key + " @ " + source])
      #expect((guest.comments, guest.articles, guest.words) == (2, 1, 3))
      #expect(guest.name == AuthorName.display(name))
      // On its own page it is still one author, who replied to itself once.
      #expect(guest.partners == ["ann"])
    }
  }

  @Test func aRealNameIsNotAPlaceholder() {
    let merged = AuthorGraph.merged([
      PageAnalysis(Self.page("a.txt", "Guesty"), language: .en).graph,
      PageAnalysis(Self.page("b.txt", "Guesty"), language: .en).graph,
    ])
    #expect(Array(merged.authors.keys) == ["ann", "guesty"])
    #expect(merged.authors["guesty"]?.articles == 2)
  }
}
