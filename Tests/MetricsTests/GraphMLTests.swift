import Foundation
import Testing
import Threads

@testable import Metrics

@Suite struct GraphMLTests {
  static func authorXML(_ pages: [Discussion]) throws -> [UInt8] {
    let graph = AuthorGraph.merged(pages.map { PageAnalysis($0, language: .en).graph })
    return try GraphDocument(graph).bytes()
  }

  static func commentXML(_ page: Discussion) throws -> [UInt8] {
    try GraphDocument(CommentGraph(page, analysis: PageAnalysis(page, language: .en))).bytes()
  }

  static let secondPage = Pages.page(
    "second.txt", title: "Second", article: "bird fish",
    [
      .init(author: "bob", text: "bird song", date: Pages.day(2021, 5, 30)),
      .init(author: "Cleo", parent: 0, text: "fish bird"),
    ])

  @Test func authorLevel() throws {
    let bytes = try Self.authorXML([AuthorGraphTests.page])
    let text = String(decoding: bytes, as: UTF8.self)
    // Bob -> Ann twice: one edge of weight 2; nodes p1 (article), a1 Ann, a2 Bob, u1, u2.
    #expect(text.contains(#"<edge id="e2" source="a2" target="a1">"#))
    #expect(text.contains(#"<data key="weight">2.0</data>"#))
    #expect(text.contains(#"<node id="u2">"#) && !text.contains(#"<node id="u3">"#))
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
    #expect(!text.contains(#"for="all""#))
    try GraphMLFiles.expectValidAndRemove([try GraphMLFiles.assertSnapshot(bytes, named: "author-level.graphml")])
  }

  @Test func commentLevel() throws {
    let bytes = try Self.commentXML(AuthorGraphTests.page)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(#"<edge id="e1" source="p1c0" target="p1">"#))
    #expect(text.contains(#"<edge id="e3" source="p1c2" target="p1c1">"#))
    try GraphMLFiles.expectValidAndRemove([try GraphMLFiles.assertSnapshot(bytes, named: "comment-level.graphml")])
  }

  @Test func mergedPages() throws {
    let bytes = try Self.authorXML([AuthorGraphTests.page, Self.secondPage])
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(#"<node id="p2">"#))
    #expect(!text.contains(#"<node id="a4">"#))  // Ann, Bob, Cleo
    try GraphMLFiles.expectValidAndRemove([try GraphMLFiles.assertSnapshot(bytes, named: "merged.graphml")])
  }

  static let longName = String(repeating: "Ω<&\"", count: 2_560)  // 10 kB of UTF-8 bytes

  /// Names and bodies that break careless XML writers.
  static let hostile = Pages.page(
    "odd <file> & \"name\".txt", title: "Title <b>&amp; \"quoted\" 'single'\u{1}\u{0}",
    article: "cat dog <script>alert('x')</script> & more",
    [
      .init(author: "A <b>&amp;</b> \"Q\" 'S'", text: "cat & dog < fish > \"bird\""),
      .init(author: "Ctrl\u{1}\u{8}\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{FFFE}\u{FFFF}Name", parent: 0, text: "tab\there\u{0}nul"),
      .init(author: "Sunny 🌻👩‍👩‍👧", parent: 1, text: "emoji 😅 only 🎉"),
      .init(author: "مريم العربية \u{200F}", parent: 0, text: "نص عربي مع cat"),
      .init(author: "שרה\u{202E}evil", text: "עברית dog"),
      .init(author: longName, text: "long name"),
      .init(author: "", text: "empty name is an unknown author"),
      .init(author: "INFO desk", text: "null"),
    ])

  @Test func hostileInputStaysValid() throws {
    let author = try Self.authorXML([Self.hostile])
    let comment = try Self.commentXML(Self.hostile)
    for bytes in [author, comment] {
      // Only tab, LF and CR below 0x20; no DEL, no C1, no U+FFFE/U+FFFF.
      #expect(!bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
      #expect(!bytes.contains(0x7F))
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value >= 0xFFFE && $0.value <= 0xFFFF })
      #expect(text.contains("A &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Q&quot; 'S'"))
      #expect(text.contains("Ctrl Name"))
      #expect(text.contains("Sunny 🌻👩‍👩‍👧"))
    }
    let authorText = String(decoding: author, as: UTF8.self)
    #expect(authorText.contains(String(repeating: "Ω&lt;&amp;&quot;", count: 2_560)))
    // Gephi would turn "INFO" in a data value into "InfinityO".
    #expect(String(decoding: comment, as: UTF8.self).contains("<data key=\"author\">IN\u{2060}FO desk</data>"))
    #expect(authorText.contains("<data key=\"label\">INFO desk</data>"))
    // The blank name is an unknown author, not an author called "".
    #expect(authorText.contains("unknown author, comment 6"))
    try GraphMLFiles.expectValidAndRemove([
      try GraphMLFiles.assertSnapshot(author, named: "hostile-author.graphml"),
      try GraphMLFiles.assertSnapshot(comment, named: "hostile-comment.graphml"),
    ])
  }

  @Test(arguments: [
    ("no-comments", Pages.page(title: "Only an article", article: "cat dog", [])),
    ("empty-page", Pages.page("empty.txt", article: "", [])),
  ])
  func pagesWithoutCommentsGiveTheArticleNodeOnly(name: String, page: Discussion) throws {
    var files: [URL] = []
    for (level, bytes) in [("author", try Self.authorXML([page])), ("comment", try Self.commentXML(page))] {
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(text.components(separatedBy: "<node ").count == 2)
      #expect(!text.contains("<edge "))
      files.append(try GraphMLFiles.temporaryCopy(bytes, named: "\(name)-\(level).graphml"))
    }
    let empty = String(decoding: try Self.authorXML([page]), as: UTF8.self)
    #expect(empty.contains(page.article.title.isEmpty ? "<data key=\"label\">empty.txt</data>" : "Only an article"))
    try GraphMLFiles.expectValidAndRemove(files)
  }

  @Test func sameInputGivesSameBytes() throws {
    let first = try Self.authorXML([AuthorGraphTests.page, Self.secondPage, Self.hostile])
    let second = try Self.authorXML([AuthorGraphTests.page, Self.secondPage, Self.hostile])
    #expect(first == second)
  }

  @Test func unwritableValuesAndZeroWeightsAreLeftOut() throws {
    var document = GraphDocument(keys: [
      .init(id: "label", domain: .node, type: .string), .init(id: "x_value", domain: .node, type: .double),
      .init(id: "weight", domain: .edge, type: .double),
    ])
    for (id, value) in [("n1", Double.nan), ("n2", .infinity), ("n3", -.infinity), ("n4", 0.5)] {
      var node = GraphDocument.Element(id: id)
      node.set("x_value", .double(value))
      document.addNode(node)
    }
    document.addEdge(.init(id: "e1", source: "n1", target: "n2"), weight: 0)
    document.addEdge(.init(id: "e2", source: "n1", target: "n4"), weight: .nan)
    document.addEdge(.init(id: "e3", source: "n2", target: "n4"), weight: 3)
    let text = String(decoding: try document.bytes(), as: UTF8.self)
    #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"))
    #expect(text.components(separatedBy: "<data key=\"x_value\">").count == 2)
    #expect(!text.contains("id=\"e1\"") && !text.contains("id=\"e2\"") && text.contains("id=\"e3\""))
    try GraphMLFiles.expectValidAndRemove([try GraphMLFiles.temporaryCopy(Array(text.utf8), named: "omitted.graphml")])
  }

  @Test(arguments: ["out.graphml", "out.graphml.gz"])
  func writesFilesAtomically(name: String) throws {
    let folder = try GraphMLFiles.temporaryFolder()
    let target = folder.appendingPathComponent(name)
    let document = GraphDocument(PageAnalysis(AuthorGraphTests.page, language: .en).graph)
    try document.write(toFile: target.path)
    let written = try [UInt8](Data(contentsOf: target))
    if name.hasSuffix(".gz") {
      #expect(written.starts(with: [0x1F, 0x8B]))
      let gunzip = Process()
      gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
      gunzip.arguments = ["-dc", target.path]
      let pipe = Pipe()
      gunzip.standardOutput = pipe
      try gunzip.run()
      let plain = pipe.fileHandleForReading.readDataToEndOfFile()
      gunzip.waitUntilExit()
      #expect([UInt8](plain) == (try document.bytes()))
    } else {
      #expect(written == (try document.bytes()))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    try GraphMLFiles.expectValidAndRemove([target])
  }

  /// Feeds `graph` to an ``AuthorGraphStream`` writing into a file, in the
  /// graph's order, and returns the file's bytes.
  static func streamed(_ graph: AuthorGraph) throws -> [UInt8] {
    let url = try GraphMLFiles.temporaryFolder().appendingPathComponent("streamed.graphml")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(fd >= 0)
    defer { close(fd) }
    try AuthorGraphStream.write(to: fd, path: url.path, commentCount: graph.commentCount) { stream in
      for page in graph.pages { try stream.add(article: page) }
      var authors: [String: AuthorGraphStream.Node] = [:]
      for (key, author) in graph.authors { authors[key] = try stream.add(author: author) }
      var unknowns: [AuthorGraph.Node: AuthorGraphStream.Node] = [:]
      for u in graph.unknownAuthors {
        unknowns[.unknown(page: u.page, comment: u.comment)] = try stream.add(
          unknown: u, source: graph.pages[u.page].source)
      }
      func node(_ node: AuthorGraph.Node) throws -> AuthorGraphStream.Node {
        switch node {
        case .author(let key): try #require(authors[key])
        case .article(let page): .article(page + 1)
        case .unknown: try #require(unknowns[node])
        }
      }
      for (edge, replies) in graph.edges { try stream.addEdge(from: node(edge.source), to: node(edge.target), replies) }
    }
    return try [UInt8](Data(contentsOf: url))
  }

  /// A page's graph of `count` comments by a few hundred authors, replies among them.
  static func largeGraph(_ count: Int) -> AuthorGraph {
    let comments = (0..<count).map { i in
      Threads.Comment(
        index: i, author: i % 7 == 0 ? nil : "Author \(i % 900)", parent: i % 3 == 0 && i > 0 ? i - 1 : nil,
        text: "words about the bridge \(i)", line: i + 1)
    }
    let discussion = Discussion(
      source: "large.txt", layout: .plain,
      article: Article(title: "The bridge", date: nil, text: "words about the bridge"),
      comments: comments, diagnostics: [])
    return PageAnalysis(discussion, language: .en).graph
  }

  @Test func streamedLargeGraphEqualsTheDocument() throws {
    // Thousands of elements: many batches pass through the writing thread.
    let graph = Self.largeGraph(6000)
    #expect(try Self.streamed(graph) == (try GraphDocument(graph).bytes()))
  }

  @Test func streamIntoAFullDeviceFailsWithTheFileName() throws {
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    let graph = Self.largeGraph(6000)
    let error = #expect(throws: GraphFileError.self) {
      try AuthorGraphStream.write(to: fd, path: "/dev/full", commentCount: graph.commentCount) { stream in
        for page in graph.pages { try stream.add(article: page) }
        for (_, author) in graph.authors { try stream.add(author: author) }
      }
    }
    #expect(error?.message.hasPrefix("/dev/full: ") == true)
  }

  @Test func streamedAuthorGraphEqualsTheDocument() throws {
    let pages = [AuthorGraphTests.page, Self.secondPage, Self.hostile]
    let graph = AuthorGraph.merged(pages.map { PageAnalysis($0, language: .en).graph })
    let streamed = try Self.streamed(graph)
    #expect(streamed == (try GraphDocument(graph).bytes()))
    #expect(streamed == (try Self.authorXML(pages)))
    #expect(try Self.streamed(AuthorGraph()) == (try GraphDocument(AuthorGraph()).bytes()))
  }

  /// Large enough for many 64 kB writes: the stream must not lose or reorder any.
  @Test func documentWrittenToADescriptorEqualsItsBytes() throws {
    let pages = (0..<150).map { _ in Self.hostile } + [AuthorGraphTests.page]
    let graph = AuthorGraph.merged(pages.map { PageAnalysis($0, language: .en).graph })
    let comments = CommentGraph(Self.hostile, analysis: PageAnalysis(Self.hostile, language: .en))
    for document in [GraphDocument(graph), GraphDocument(comments)] {
      let bytes = try document.bytes()
      let url = try GraphMLFiles.temporaryFolder().appendingPathComponent("fd.graphml")
      let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      try #require(fd >= 0)
      try document.write(to: fd, path: url.path)
      close(fd)
      #expect(try [UInt8](Data(contentsOf: url)) == bytes)
      try FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
    #expect(try GraphDocument(graph).bytes().count > 4 << 16)
  }

  @Test func aFailedStreamWriteIsReported() throws {
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    let graph = AuthorGraph.merged((0..<20).map { _ in PageAnalysis(Self.hostile, language: .en).graph })
    #expect {
      try GraphDocument(graph).write(to: fd, path: "full.graphml")
    } throws: { error in
      (error as? GraphFileError)?.message.hasPrefix("full.graphml: cannot write") == true
    }
  }

  @Test func aFailedWriteLeavesNoFile() throws {
    let folder = try GraphMLFiles.temporaryFolder()
    let target = folder.appendingPathComponent("missing/out.graphml")
    let document = GraphDocument(AuthorGraph())
    #expect(throws: GraphFileError.self) { try document.write(toFile: target.path) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    // An existing file is replaced whole, never truncated in place.
    let existing = folder.appendingPathComponent("keep.graphml")
    try Data("old".utf8).write(to: existing)
    try document.write(toFile: existing.path)
    #expect(try String(contentsOf: existing, encoding: .utf8).hasPrefix("<?xml"))
    try GraphMLFiles.expectValidAndRemove([existing])
  }
}

@Suite struct XMLTextTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("tab\tLF\nCR\r", "tab\tLF\nCR\r"),
    ("nul\u{0}bell\u{7}esc\u{1B}", "nulbellesc"),
    ("del\u{7F}c1\u{80}\u{9F}nbsp\u{A0}", "delc1nbsp\u{A0}"),
    ("non\u{FFFE}char\u{FFFF}s\u{FFFD}", "nonchars\u{FFFD}"),
    ("\u{0FFE}\u{EFBE}", "\u{0FFE}\u{EFBE}"),
    ("emoji 😅 and שלום", "emoji 😅 and שלום"),
  ])
  func clean(input: String, expected: String) {
    #expect(XMLText.clean(input) == expected)
  }

  @Test(arguments: [
    ("INFO desk", "IN\u{2060}FO desk"),
    ("INFINF", "IN\u{2060}FIN\u{2060}F"),
    ("IINF", "IIN\u{2060}F"),
    ("info INF", "info IN\u{2060}F"),
    ("IN F", "IN F"),
    ("INN", "INN"),
  ])
  func shieldINF(input: String, expected: String) {
    #expect(XMLText.shieldINF(input) == expected)
  }
}
