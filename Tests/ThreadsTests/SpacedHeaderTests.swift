import Testing

@testable import Threads

/// Pages that put a blank line between every element, as a scraper does
/// when it turns each block of the page into a paragraph: "NAME", "",
/// "1 November 2012 9:08PM", "", the text, with names that repeat through
/// the thread, paragraphs two blank lines apart, and "Response to NAME,
/// DATE" markers. Written by hand in the shape of a newspaper's 2012
/// comment pages; each test was read wrongly before (the name and the date
/// as two comments, a repeated name learned as an action line, a paragraph
/// as a comment of its own, the marker as a name).
@Suite("Headers with a blank line between the name and the date")
struct SpacedHeaderTests {
  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  static let article = """
    Ferry Fares Rise Again in the New Year

    The island ferry will cost a fifth more from January, the operator said on Thursday, blaming fuel prices and the new berth at the mainland pier that it has to pay for over ten years.

    """

  static let names = ["tidewatcher", "Morag Innes", "harbourlights", "tidewatcher", "Callum B", "harbourlights"]
  static let bodies = [
    "A fifth more is a lot for those of us who cross every day.",
    "The berth was needed, the old one was falling apart.",
    "Will the season tickets go up by the same?",
    "Season tickets are going up too, I asked at the office.",
    "Fuel has been cheaper all year, so that part is odd.",
    "Thanks, that settles it for me then.",
  ]

  func page(_ comments: [(name: String, extra: [String], body: String)], spacer: String = "\n\n") -> String {
    var text = Self.article
    for (i, c) in comments.enumerated() {
      text += ([c.name, "1 November 2012 9:\(10 + i)PM"] + c.extra + [c.body]).joined(separator: spacer) + "\n\n"
    }
    return text
  }

  @Test("the name, a blank line, the date: one header, every comment with its author and date")
  func nameBlankDate() {
    let d = parse(page(zip(Self.names, Self.bodies).map { ($0, [], $1) }))
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.allSatisfy { $0.date == CalendarDate(year: 2012, month: 11, day: 1) })
    #expect(d.comments.map(\.text) == Self.bodies)
  }

  @Test("a paragraph two blank lines under the first is more of the same comment")
  func paragraphAfterTwoBlanks() {
    var comments = zip(Self.names, Self.bodies).map { (name: $0, extra: [String](), body: $1) }
    comments[1].body += "\n\n\nIt had been closed twice last winter, which nobody wants again."
    let d = parse(page(comments))
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments[1].text.hasSuffix("nobody wants again."))
  }

  @Test("'Response to NAME, DATE' names the parent; the date is the parent's")
  func responseToNameDate() {
    #expect(Markers.replyTarget(line: "Response to Morag Innes, 1 November 2012 9:11PM",
      key: "response to morag innes, 1 november 2012 9:11pm") == "Morag Innes")
    var comments = zip(Self.names, Self.bodies).map { (name: $0, extra: [String](), body: $1) }
    comments[2].extra = ["Response to Morag Innes, 1 November 2012 9:11PM"]
    let d = parse(page(comments))
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments[2].parent == 1)
  }
}
