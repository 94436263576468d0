import Testing

@testable import Threads

/// One-line headers as blog themes print them: the name and the date joined
/// by glue words ("NAME On DATE", "On DATE NAME said:", "posted on DATE by
/// NAME", "by NAME (12345)"), the date with a weekday and no year, a name
/// after its date, a byline under the text it signs. Each page is written by
/// hand in the shape of its class, the expected values read off the page;
/// every one parsed wrongly (one comment, or none with an author) before.
@Suite("Glue-word headers: names after dates, year-less dates, bylines")
struct GlueWordHeaderTests {
  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  static let article = """
    Harbour Ferry Returns After Winter Repairs

    The harbour ferry is back on its old timetable from Monday, after four months in the yard at Penmill while its engines were rebuilt and the passenger deck was given a new roof against the rain.

    """

  /// A page of `article`, a count, and each (header lines, body) with blank lines between.
  func page(_ comments: [[String]], opener: String = "4 Comments") -> Discussion {
    var text = Self.article + opener + "\n\n"
    for lines in comments { text += lines.joined(separator: "\n\n") + "\n\n" }
    return parse(text)
  }

  static let bodies = [
    "Good news for the commuters on the far shore.",
    "Four months for an engine seems long to me.",
    "Will the early crossing at six come back too?",
    "The new roof was overdue, it leaked all last year.",
  ]
  static let names = ["Ros Whitcombe", "ferryfan", "Idris Llewellyn", "Mags"]

  @Test("a date with a weekday and a time but no year is a date line")
  func yearlessDate() {
    #expect(DateMatcher.lineDate("wednesday, june 9 at 4:12 pm") != nil)
    #expect(DateMatcher.lineDate("monday june 7, @08:25pm") != nil)
    #expect(DateMatcher.lineDate("june 9, 2021 at 4:12 pm.")?.date == CalendarDate(year: 2021, month: 6, day: 9))
    // Words that are not filler keep a line with a month in it prose.
    #expect(DateMatcher.lineDate("we sailed in june 9 times at least") == nil)
  }

  @Test("the name before the date with glue between: 'NAME On Wednesday, June 9 at 4:12 pm'")
  func nameOnDate() {
    let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
      ["\(c.0) On Wednesday, June \(i + 2) at 4:1\(i) pm", c.1]
    })
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
    #expect(d.comments.allSatisfy { $0.dateText != nil })
  }

  @Test("the name after the date: 'On June 9, 2021 at 4:12 pm NAME said:', 'on 2021-06-09 at 9:02 am NAME'")
  func nameAfterDate() {
    for form in ["On June %d, 2021 at 4:12 pm %@ said:", "on 2021-06-0%d at 9:02 am %@", "June %d, 2021 %@"] {
      let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
        [form.replacing("%d", with: "\(i + 2)").replacing("%@", with: c.0), c.1]
      })
      #expect(d.comments.map(\.author) == Self.names, "\(form)")
      #expect(d.comments.map(\.text) == Self.bodies, "\(form)")
      #expect(d.comments.map(\.date) == (2...5).map { CalendarDate(year: 2021, month: 6, day: $0) }, "\(form)")
    }
  }

  @Test("'NAME, on June 9th, 2021 @handle': a comma after the name, the handle after the date")
  func commaAndHandle() {
    let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
      ["\(c.0), on June \(i + 2)th, 2021   @reader\(i)", c.1]
    })
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
  }

  @Test("a date line over 'NAME said,' (a comma, not a colon)")
  func dateOverSaidComma() {
    let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
      ["June \(i + 2)nd, 2021 at 8:4\(i) am", "\(c.0) said,", c.1]
    })
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
  }

  @Test("'by NAME (12345)': a byline with the account's number, with or without a date")
  func bylineWithID() {
    for dated in [false, true] {
      let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
        let date = dated ? " on Monday June \(i + 2), @04:1\(i)PM (#7712\(i)40)" : ""
        return ["by \(c.0) (\(i + 3)4521)\(date)", c.1]
      })
      #expect(d.comments.map(\.author) == Self.names, "dated: \(dated)")
      #expect(d.comments.map(\.text) == Self.bodies, "dated: \(dated)")
    }
    // A byline needs the bracketed number: "by the harbour (now)" is prose.
    #expect(InlineHeader.read("by the old harbour (1)") == nil || InlineHeader.read("by the old harbour (1)")?.author == nil)
  }

  @Test("a byline under the text it signs, blank lines around: 'posted on DATE by NAME', 'written by NAME, DATE'")
  func signatureUnderText() {
    for form in ["posted on Wednesday, June %d, 2021 at 4:12 PM by %@", "written by %@, June %d, 2021", "by %@ on June %d, 2021 at 4:12 pm."] {
      let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
        [c.1, form.replacing("%d", with: "\(i + 2)").replacing("%@", with: c.0)]
      })
      #expect(d.comments.map(\.author) == Self.names, "\(form)")
      #expect(d.comments.map(\.text) == Self.bodies, "\(form)")
    }
  }

  @Test("a header, two blank lines, then its text: one comment, not an empty one and a nameless one")
  func blankLinesUnderHeader() {
    var text = Self.article + "4 Comments\n\n"
    for (i, (n, b)) in zip(Self.names, Self.bodies).enumerated() {
      text += "\(n) Says:\nJune \(i + 2), 2021 at 9:1\(i) pm\n\n\n\(b)\n\(i + 1)\n"
    }
    let d = parse(text)
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
  }

  @Test("a date line above the name line, blank lines between: the date and the name head one comment")
  func dateAboveName() {
    let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in ["June \(i + 2), 2021", c.0, c.1] })
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
    #expect(d.comments.map(\.date) == (2...5).map { CalendarDate(year: 2021, month: 6, day: $0) })
  }

  @Test("'NAME 06.14.21 at 17:46' with no comment count above: dots read month first when the day comes second")
  func monthFirstDots() {
    #expect(DateMatcher.numericDate("06.14.21") == CalendarDate(year: 2021, month: 6, day: 14))
    #expect(DateMatcher.numericDate("06.04.21") == CalendarDate(year: 2021, month: 4, day: 6))
    let d = page(
      zip(Self.names, Self.bodies).enumerated().map { i, c in ["\(c.0) 06.1\(i + 2).21 at 17:4\(i)", c.1] }, opener: "")
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
  }

  @Test("a name printed with its link ('http://example.org/ NAME'), a numbered 'says' line, a spaced CJK age")
  func linksNumbersAndSpacers() {
    let d = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
      [i % 2 == 0 ? "http://site\(i).example.org/ \(c.0)" : c.0, c.1]
    })
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
    let numbered = page(zip(Self.names, Self.bodies).enumerated().map { i, c in
      ["(\(i + 1)) \(c.0) says:", "June \(i + 2), 2021 at 9:1\(i) pm", c.1]
    })
    #expect(numbered.comments.map(\.author) == Self.names)
    #expect(DateMatcher.lineDate("• 1 年前") != nil)
  }

  @Test("an article byline in the comments' own form, then the comment count: the byline stays in the article")
  func bylineAboveCount() {
    let text = """
      Harbour Ferry Returns After Winter Repairs

      Posted on June 1, 2021 by Ros Whitcombe

      The ferry is back on its old timetable from Monday.

      Its engines were rebuilt over the winter.

      2 Responses

      On June 2, 2021 at 9:10 am ferryfan said:

      Good news for the commuters on the far shore.

      On June 3, 2021 at 8:02 am Mags said:

      Will the early crossing at six come back too?

      """
    let d = parse(text)
    #expect(d.comments.map(\.author) == ["ferryfan", "Mags"])
    #expect(d.article.text.contains("Posted on June 1, 2021"))
  }

  @Test("a short post, then 'NAME DATE' comments with no footers: the first comment is not taken for the article")
  func firstCommentAboveLongParagraph() {
    let text = """
      Harbour Ferry Returns

      by Ros Whitcombe on June 1, 2021

      Back on Monday.

      ferryfan June 2, 2021 at 9:10 am

      Good news for the commuters on the far shore.

      Mags June 3, 2021 at 8:02 am

      The engines were rebuilt over the winter in the yard at Penmill, the roof of the passenger deck was replaced after the leaks of last year, and the timetable is the old one again, with the early crossing at six every weekday and the late one at eleven on Fridays.

      Idris Llewellyn June 3, 2021 at 9:40 am

      Will the fares stay the same?

      """
    let d = parse(text)
    #expect(d.comments.map(\.author) == ["ferryfan", "Mags", "Idris Llewellyn"])
  }

  @Test("'by NAME (12345) <mail> on DATE (#id) Homepage Journal': the account's links after a header")
  func linksAfterHeader() {
    let h = InlineHeader.read("by ferryfan (12345) <ferry.fan@example.org> on Monday June 7, @08:25PM (#4412) Homepage Journal")
    #expect(h?.author == "ferryfan")
    #expect(h?.dateText != nil)
  }
}
