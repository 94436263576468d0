import Testing

@testable import Threads

/// Small pages written for one behaviour each; the expected values are read
/// off the page by hand.
@Suite("Page shapes: headers, bodies, replies, bad bytes")
struct PageShapeTests {
  static let article = """
    Town Council Votes to Close the Old Harbour Road for Repairs

    By Staff Reporter

    The council voted on Tuesday to close the harbour road for six weeks of repairs to the sea wall, which engineers said had been undermined by two winters of storms and could not wait for the spring budget round.


    """

  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  /// `comments` below the shared article, parsed: the pages of the widget-rule suites.
  static func belowArticle(_ comments: String) -> Discussion {
    Discussion(parsing: article + comments, source: "t")
  }

  @Test("names printed twice with dates, an unnamed comment answered by a marker")
  func twiceAndInferred() throws {
    let page = Self.article + """
      Notify of
      Inline Feedbacks
      View all comments
      Mara Quinn
      Mara Quinn
      May 2, 2021

      About time, the wall has been cracking for years.

      May 2, 2021

      Six weeks is optimistic.

      Reply to\u{00A0} harbourdog
      May 3, 2021

      They said the same about the bridge… Read more »

      Mara Quinn
      Mara Quinn
      Reply to\u{00A0} Mara Quinn
      May 3, 2021

      Answering myself: the notice is on the council site.

      """
    let d = parse(page)
    #expect(d.layout == .wpdiscuz)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "harbourdog", nil, "Mara Quinn"])
    #expect(d.comments.map(\.authorInferred) == [false, true, false, false])
    #expect(d.comments.map(\.parent) == [nil, nil, 1, 0])
    #expect(d.comments[2].replyEvidence == .marker)
    #expect(d.comments[2].truncated)
    #expect(d.comments[2].text == "They said the same about the bridge")
    #expect(d.comments.map { $0.date?.iso } == ["2021-05-02", "2021-05-02", "2021-05-03", "2021-05-03"])
    #expect(d.comments.map(\.line) == [10, 16, 20, 25])
  }

  @Test("name once: empty bodies, blank-line rhythm, short bodies that look like names")
  func nameOnce() {
    let page = Self.article + """
      Notify of
      View all comments
      Old Salt


      Old Salt

      Yawn

      Peter Grimsby

      First paragraph of a longer comment.

      Second paragraph, same comment.



      Nobody signed this one.

      Old Salt

      Amen.
      """
    let d = parse(page)
    #expect(d.comments.map(\.author) == ["Old Salt", "Old Salt", "Peter Grimsby", nil, "Old Salt"])
    #expect(d.comments.map(\.text) == [
      "", "Yawn", "First paragraph of a longer comment.\n\nSecond paragraph, same comment.",
      "Nobody signed this one.", "Amen.",
    ])
  }

  @Test("WordPress says-lines with a marker between header and body; mentions")
  func wordpressAndMentions() {
    let page = Self.article + """
      3 Responses

      Ann Lee says:
      June 1, 2020 at 9:00 am

      The detour via Mill Lane adds ten minutes.

      Reply

      Bob Hart says:
      June 1, 2020 at 9:30 am

      In reply to Ann Lee.

      Fifteen at rush hour.

      Reply

      Cy Moss says:
      June 2, 2020 at 8:00 am

      @Bob Hart you are being generous.

      Reply
      """
    let d = parse(page)
    #expect(d.layout == .wordpress)
    #expect(d.comments.map(\.author) == ["Ann Lee", "Bob Hart", "Cy Moss"])
    #expect(d.comments.map(\.parent) == [nil, 0, 1])
    #expect(d.comments.map(\.replyEvidence) == [nil, .marker, .mention])
    #expect(d.comments[1].text == "Fifteen at rush hour.")
  }

  @Test("pages without comments are not errors", arguments: ["", "\n\n\n", "Just a title", Self.article])
  func noComments(text: String) {
    let d = parse(text)
    #expect(d.comments.isEmpty)
    #expect(d.layout == .none)
  }

  @Test("a comment form alone gives zero comments and a note")
  func formOnly() {
    let d = parse(Self.article + "Leave a Reply\n\nPlease enter your comment!\nPlease enter your name here\n")
    #expect(d.comments.isEmpty)
    #expect(d.diagnostics.contains { $0.message.contains("comment form") })
  }

  @Test("a marker naming nobody is reported with its line")
  func danglingMarker() {
    let page = Self.article + "Notify of\nJo Fine\nJo Fine\nMay 1, 2021\n\nFirst.\n\nKit Lane\nKit Lane\nReply to\u{00A0} Ghost Writer\nMay 2, 2021\n\nSecond.\n"
    let d = parse(page)
    #expect(d.comments.count == 2)
    #expect(d.comments[1].parent == nil)
    #expect(d.diagnostics.contains { $0.line == 14 && $0.severity == .warning && $0.message.contains("Ghost Writer") })
  }

  @Test("a body that opens by quoting an earlier comment replies to it; quoting the article does not")
  func quotes() {
    let page = Self.article + """
      Notify of
      Ann Lee
      Ann Lee
      May 1, 2021

      The contractor who built the wall in 1998 went bust two years later and nobody checked the work.

      Bob Hart
      Bob Hart
      May 2, 2021

      “went bust two years later and nobody checked the work” That explains a lot about this town.

      Cy Moss
      Cy Moss
      May 2, 2021

      “undermined by two winters of storms and could not wait” So they admit it was urgent.

      """
    let d = parse(page)
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
    #expect(d.comments.map(\.replyEvidence) == [nil, .quote, nil])
  }

  @Test("Disqus copied with its chrome: inline dates, a reply whose arrow was dropped, see more")
  func disqusInline() {
    let page = Self.article + """
      14 Comments
      The Harbour Ledger
      Login
      Recommend
      Sort by Best

      Join the discussion…

      LOG IN WITH
      OR SIGN UP WITH DISQUS ?
      Name

      Avatar
      Mara Quinn • 3 years ago
      About time, the wall has been cracking for years.
      12 • Reply • Share ›

      Avatar
      Peter Grimsby Mara Quinn • 3 years ago
      Cracking since 2015 at least.
      2 • Reply • Share ›

      Avatar
      old_salt • 3 years ago • edited
      Six weeks means twelve, and the harbour will…
      see more
      • Reply • Share ›

      Load more comments
      ALSO ON THE HARBOUR LEDGER
      """
    let d = parse(page)
    #expect(d.layout == .disqus)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "old_salt"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
    // "see more" under a body cut with an ellipsis is truncation; under a whole body it is not.
    #expect(d.comments.map(\.truncated) == [false, false, true])
    let whole = parse(page.replacingOccurrences(of: "twelve, and the harbour will…", with: "twelve."))
    #expect(whole.comments.map(\.truncated) == [false, false, false])
    #expect(d.comments.map(\.dateText) == ["3 years ago", "3 years ago", "3 years ago • edited"])
    #expect(d.comments[1].text == "Cracking since 2015 at least.")
  }

  @Test("Facebook without blank lines: profile lines, tags, See More")
  func facebookDense() {
    let page = Self.article + """
      2 comments
      Sort by Oldest
      Add a comment...
      John Smith
      Works at Harbour Ledger
      Body text here.
      Like · Reply · 3y
      Jane Doe
      John Smith no it is not.
      Like · Reply · 1 · 3y
      Kit Moss
      Top fan
      Something else entirely about the ferry timetable that goes on and on... See More
      Like · Reply · 2y
      Facebook Comments Plugin
      """
    let d = parse(page)
    #expect(d.layout == .facebook)
    #expect(d.comments.map(\.author) == ["John Smith", "Jane Doe", "Kit Moss"])
    #expect(d.comments.map(\.text) == [
      "Body text here.", "John Smith no it is not.", "Something else entirely about the ferry timetable that goes on and on",
    ])
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
    #expect(d.comments.map(\.replyEvidence) == [nil, .mention, nil])
    #expect(d.comments.map(\.dateText) == ["3y", "3y", "2y"])
    #expect(d.comments.map(\.truncated) == [false, false, true])
  }

  static let plainPage = Self.article + """
    Mara Quinn

    About time.

    Peter Grimsby

    Six weeks is optimistic.

    """

  @Test("BOM, CRLF, CR, NUL bytes and invalid UTF-8 parse like the clean page")
  func badBytes() {
    let clean = parse(Self.plainPage)
    #expect(clean.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby"])
    let bytes = Array(Self.plainPage.utf8)
    let variants: [[UInt8]] = [
      [0xEF, 0xBB, 0xBF] + bytes,
      Array(Self.plainPage.replacingOccurrencesOfNewline(with: "\r\n").utf8),
      Array(Self.plainPage.replacingOccurrencesOfNewline(with: "\r").utf8),
      bytes.flatMap { $0 == 0x0A ? [0x00, 0x0A] : [$0] },
    ]
    for v in variants {
      let d = Discussion(parsing: v, source: "t")
      #expect(d.comments.map(\.author) == clean.comments.map(\.author))
      #expect(d.comments.map(\.text) == clean.comments.map(\.text))
      #expect(d.comments.map(\.line) == clean.comments.map(\.line))
    }
    // Bytes that are not UTF-8 are read as Windows-1252 (TextEncodingTests).
    var broken = bytes
    broken.insert(contentsOf: [0xFF, 0xC3], at: broken.count - 3)
    let d = Discussion(parsing: broken, source: "t")
    #expect(d.comments.count == 2)
    #expect(d.comments[1].text.hasSuffix("optimisti\u{FF}\u{C3}c."))
    #expect(d.diagnostics.first?.message == "not valid UTF-8: invalid bytes decoded as Windows-1252")
  }

  @Test("parsing is deterministic")
  func deterministic() {
    #expect(parse(Self.plainPage) == parse(Self.plainPage))
  }
}

extension String {
  func replacingOccurrencesOfNewline(with s: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: s)
  }
}
