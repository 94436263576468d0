import Testing
import Threads

@testable import Metrics

/// Hostile and odd structured inputs: refused or read safely, never
/// expanded, fetched or crashed on.
@Suite struct StructuredInputTests {
  private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  @Test func entitiesAreNeverExpanded() throws {
    // Billion laughs: a thousand-fold expansion per level if entities were expanded.
    var dtd = "<!DOCTYPE disqus [<!ENTITY l0 \"ha\">"
    for i in 1...9 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
    dtd += "]>"
    let bomb = "<?xml version=\"1.0\"?>" + dtd + """
      <disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><title>&l9;</title></thread>
      <post dsq:id="2"><message>&l9;</message><author><name>A B</name></author><thread dsq:id="1"/></post></disqus>
      """
    // Refused (libxml2 stops the amplification), or read with the references left unexpanded.
    do {
      let page = try #require(try StructuredInput.discussions(bytes(bomb), source: "bomb.xml")?.first)
      #expect(page.article.title.utf8.count < 100)
      #expect(page.comments.first.map { $0.text.utf8.count < 100 } == true)
    } catch let error as StructuredInput.InputError {
      #expect(error.description == "bomb.xml: a Disqus export that is not well-formed XML")
    }
  }

  @Test func externalEntitiesAreNotRead() throws {
    let xxe = """
      <?xml version="1.0"?><!DOCTYPE disqus [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
      <disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><title>t &secret;</title></thread>
      <post dsq:id="2"><message>x &secret;</message><author><name>A B</name></author><thread dsq:id="1"/></post></disqus>
      """
    let page = try #require(try StructuredInput.discussions(bytes(xxe), source: "x.xml")?.first)
    #expect(page.article.title == "t")
    #expect(page.comments.map(\.text) == ["x"])
  }

  @Test func deepNestingAndHugeAttributesAreSafe() throws {
    let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "text" + "</body></html>"
    let page = try #require(try StructuredInput.discussions(bytes(deep), source: "deep.html")?.first)
    #expect(page.layout == .none || page.comments.count <= 1)
    let wide = "<html><body><p title=\"" + String(repeating: "a", count: 5_000_000) + "\">hi</p></body></html>"
    #expect(try StructuredInput.discussions(bytes(wide), source: "wide.html") != nil)
    // Not well-formed XML that says it is an export: one clear error.
    #expect(throws: StructuredInput.InputError.self) {
      try StructuredInput.discussions(bytes("<disqus><thread>"), source: "cut.xml")
    }
  }

  @Test func textScrapesAreLeftToTheTextParser() throws {
    #expect(StructuredInput.kind(of: bytes("Title\n\nSome article <b>bold</b> text\n")) == nil)
    #expect(StructuredInput.kind(of: bytes("\u{FEFF}  <!DOCTYPE html><html>")) == .html)
    #expect(try StructuredInput.discussions(bytes("Just text"), source: "a.txt") == nil)
  }

  @Test func repliesAlwaysFollowTheirParents() {
    // Given out of order, with a cycle and a missing parent.
    let entries = [
      StructuredInput.Entry(id: "c", parent: "b", author: "C", text: "c"),
      StructuredInput.Entry(id: "a", parent: nil, author: "A", text: "a"),
      StructuredInput.Entry(id: "b", parent: "a", author: "B", text: "b"),
      StructuredInput.Entry(id: "x", parent: "y", author: "X", text: "x"),
      StructuredInput.Entry(id: "y", parent: "x", author: "Y", text: "y"),
      StructuredInput.Entry(id: "m", parent: "gone", author: "M", text: "m"),
    ]
    let d = StructuredInput.discussion(
      source: "s", layout: .disqusExport, article: Article(title: "", date: nil, text: ""), entries: entries)
    #expect(d.comments.map(\.author) == ["A", "B", "C", "M", "X", "Y"])
    #expect(d.comments.map(\.parent) == [nil, 0, 1, nil, nil, 4])
    for (i, c) in d.comments.enumerated() { #expect(c.parent.map { $0 < i } ?? true) }
  }
}
