import Testing

@testable import Threads

/// Comment templates that put the name somewhere else than on a line of its
/// own above the text: under the text (a signature), in a byline with a user
/// id, or above a header block that ends in the "Reply" action. Each page is
/// written by hand in the shape of a widget the parser has no rules for
/// (MetaFilter, Movable Type, Slash, Waline); the expected values are read
/// off the page. Every test failed before the fix of its class.
@Suite("Signatures, bylines and header blocks")
struct FooterAndBylineTests {
  func parse(_ comments: String) -> Discussion { PageShapeTests.belowArticle(comments) }

  @Test("an ISO date on its own line is a date, not a vote count; signed counts stay counts")
  func isoDateLine() {
    let date = LineInfo("2020-05-23")
    #expect(date.role == nil)
    #expect(date.date?.date == CalendarDate(year: 2020, month: 5, day: 23))
    #expect(LineInfo("+2 -1").role == .noise)
    #expect(LineInfo("-3").role == .noise)
  }

  @Test("signatures under the text give each comment its author and date, a short text included")
  func signatures() {
    let d = parse(
      """
      posted by harbourdog to MetaTalk at 9:02 AM (4 comments total)

      About time, the wall has been cracking for years.
      posted by Mara Quinn at 9:15 AM on March 3, 2019 [2 favorites]

      Yawn
      posted by Peter Grimsby at 10:01 AM on March 3, 2019

      Six weeks is optimistic.

      And the bridge took a year.
      posted by harbourdog at 11:40 AM on March 4, 2019 [1 favorite]

      « Older post
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "harbourdog"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Yawn",
      "Six weeks is optimistic.\n\nAnd the bridge took a year.",
    ])
    #expect(d.comments.map(\.date) == [
      CalendarDate(year: 2019, month: 3, day: 3), CalendarDate(year: 2019, month: 3, day: 3),
      CalendarDate(year: 2019, month: 3, day: 4),
    ])
  }

  @Test("Movable Type signatures with a reply marker above the text")
  func movableType() {
    let d = parse(
      """
      Comments

      About time, the wall has been cracking for years.
      Posted by: Mara Quinn | March 3, 2019 at 09:15 AM

      In reply to Mara Quinn
      Six weeks is optimistic.
      Posted by: Peter Grimsby | March 3, 2019 at 10:01 AM
      Reply

      They said the same about the bridge.
      Posted by: Jo Arden | March 4, 2019 at 11:40 AM

      Post a comment
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "Jo Arden"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
    #expect(d.comments[1].text == "Six weeks is optimistic.")
  }

  @Test("a byline with a user id over the date, a subject line above it")
  func bylines() {
    let d = parse(
      """
      3 comments

      The wall (Score:4, Insightful)
      by Mara Quinn (104233)
      on Monday March 04, 2019 @10:21AM (#58203040)
      About time, the wall has been cracking for years.
      Reply to This Share Flag as Inappropriate

      Re:The wall (Score:2)
      by Anonymous Coward on Monday March 04, 2019 @11:02AM (#58203101)
      Six weeks is optimistic.
      Reply to This Share Parent Flag as Inappropriate
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Anonymous Coward"])
    #expect(d.comments.map(\.date) == [
      CalendarDate(year: 2019, month: 3, day: 4), CalendarDate(year: 2019, month: 3, day: 4),
    ])
  }

  @Test("a header block of name, ISO date, browser lines, a count and Reply, then the text; no blank lines")
  func headerBlock() {
    let d = parse(
      """
      3 Comments
      Latest
      Mara Quinn
      2020-05-23
      Chrome 120.0.0.0
      Linux
      6
      Reply
      About time, the wall has been cracking for years.
      Peter Grimsby
      2020-05-24
      Safari 17.1
      macOS 10.15.7
      Reply
      Six weeks is optimistic.
      Jo Arden
      2020-05-25
      Edge 120.0.0.0
      Windows 10
      2
      Reply
      They said the same about the bridge.
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "Jo Arden"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.",
    ])
  }
}
