import Testing

@testable import Threads

/// Header shapes of round 5: Russian dates ("5 мая 2019 в 12:30", "вчера в
/// 12:30") and a day with a time ("Yesterday at 9:05 PM"); a date printed on
/// the footer under the text ("DATE Ответить 3"); a forum thread whose every
/// header has a badge and a profile block ("Joined", "Messages"), with a post
/// number ("#2") and quotes closed by "Click to expand..."; a body that
/// addresses a commenter ("Sam, ..."); a placeholder for a muted commenter.
/// Each page is written by hand in the shape of its class; the expected
/// values are read off the page. Every check failed before its class was fixed.
@Suite("Round 5: Russian and day-time dates, dated footers, forum profile blocks, addressed replies")
struct RoundFiveRuleTests {
  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: y, month: m, day: d) }

  func date(_ line: String) -> DateMatcher.Match? { LineKey.make(line).flatMap(DateMatcher.lineDate) }

  @Test("Russian month names, and a day or weekday with the time of day")
  func dayAndTimeDates() throws {
    #expect(try #require(date("5 мая 2019 в 12:30")).date == day(2019, 5, 5))
    #expect(try #require(date("17 января 2018 г.")).date == day(2018, 1, 17))
    // No year: a date line that names no calendar day.
    let noYear = try #require(date("5 мая в 12:30"))
    #expect(noYear.date == nil)
    for relative in ["вчера в 12:30", "сегодня в 7:05", "Yesterday at 9:05 PM", "Monday at 3:00 PM", "минуту назад",
      "час назад", "только что", "A moment ago"]
    {
      let m = try #require(date(relative), "\(relative)")
      #expect(m.relative && m.date == nil, "\(relative)")
    }
    // Prose that mentions yesterday stays prose.
    #expect(date("Yesterday at the market we saw 3 of them") == nil)
  }

  @Test("a date followed by the footer's actions is the comment's footer and date")
  func datedFooter() {
    let info = LineInfo("12 марта 2021 в 18:40 Ответить 3")
    #expect(info.role == .footer)
    #expect(info.date?.date == day(2021, 3, 12))
    #expect(LineInfo("3 days ago · Reply").role == .footer)
    // The action words alone stay a plain footer with no date.
    #expect(LineInfo("Reply 3").date == nil)
  }

  @Test("post numbers, reaction summaries and muted placeholders are furniture")
  func furniture() {
    #expect(LineInfo("#12").role == .noise)
    #expect(LineInfo("Mar 4, 2021 #2").date?.date == day(2021, 3, 4))
    #expect(LineInfo("Dana Cole, harbourdog and 14 others").role == .noise)
    #expect(LineInfo("This user is muted.").deletedNotice)
  }

  /// A forum thread: every header is a name, a member title, a profile
  /// block and the date with the post's number; replies quote their parent.
  static let forumThread = """
    Harbour Residents Forums
    Forums
    Members
    Log in

    Sea wall repairs and the harbour road
    Thread starter Mara Quinn
    Start date Mar 3, 2021

    Mara Quinn
    Active member
    Joined
    Jun 2, 2014
    Messages
    1,204
    Reaction score
    310
    Mar 3, 2021
    #1
    The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go.
    Like Reply Report
    Dana Cole, harbourdog and 14 others

    harbourdog
    Well-known member
    Joined
    Jan 9, 2011
    Messages
    8,870
    Reaction score
    2,115
    Mar 4, 2021
    #2
    Mara Quinn said:
    nobody has said where the buses will go.
    Click to expand...
    They go round by the station, it was in the notice.
    Like Reply Report

    Peter Grant
    Active member
    Joined
    Oct 30, 2019
    Messages
    77
    Reaction score
    12
    Mar 5, 2021
    #3
    Six weeks is optimistic for that wall.
    Report

    Dana Cole
    Well-known member
    Joined
    May 1, 2012
    Messages
    3,402
    Reaction score
    990
    Mar 6, 2021
    #4
    Peter Grant said:
    Six weeks is optimistic for that wall.
    Click to expand...
    They did the same to the bridge last year and it took ten.
    Like Reply Report

    You must log in or register to reply here.
    """

  @Test("a forum thread: badges and profile blocks under names, quotes closed by an expander")
  func forumProfileBlocks() {
    let d = parse(Self.forumThread)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "harbourdog", "Peter Grant", "Dana Cole"])
    #expect(d.comments.map(\.date) == [day(2021, 3, 3), day(2021, 3, 4), day(2021, 3, 5), day(2021, 3, 6)])
    #expect(d.comments.map(\.parent) == [nil, 0, nil, 2])
    #expect(d.comments.map(\.replyEvidence) == [nil, .quote, nil, .quote])
    #expect(d.comments.allSatisfy { !$0.text.contains("Joined") && !$0.text.contains("Click to expand") })
  }

  @Test("a forum thread whose first post is short: its header block is one header, not two")
  func shortFirstPost() {
    let short = Self.forumThread.replacingOccurrences(
      of: "The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go.",
      with: "Road closed again.")
      .replacingOccurrences(
        of: "They did the same to the bridge last year and it took ten.",
        with: "They did the same to the bridge last year and it took ten weeks, with the buses sent round by the station the whole time and nobody told.")
    let d = parse(short)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "harbourdog", "Peter Grant", "Dana Cole"])
    #expect(d.comments.first?.text == "Road closed again.")
  }

  /// A Russian news page and its first comment: the name, the text, then the date and "Ответить".
  static let russianHead = """
    Гавань сегодня

    Ремонт набережной

    Городской совет решил закрыть набережную на шесть недель, пока строители укрепляют старую стену, и никто пока не объяснил, где будут ходить автобусы.

    4 комментария

    Мара Квин
    Автобусы пойдут через вокзал, так написано в объявлении.
    3 марта 2021 в 9:15
    Ответить

    """

  @Test("a one-word text over a date under it is the text, not a badge or a name")
  func oneWordTextOverFooterDate() {
    let d = parse(
      Self.russianHead + """

      lurker_x
      LOL
      4 марта 2021 в 10:02
      Ответить

      Sam
      Шесть недель это очень оптимистично для такой стены.
      4 марта 2021 в 11:02
      Ответить

      dock_owl
      Yawn
      5 марта 2021 в 18:40
      Ответить

      Пётр Грант
      В прошлом году мост ремонтировали десять недель.
      6 марта 2021 в 8:10
      Ответить
      """)
    #expect(d.comments.map(\.author) == ["Мара Квин", "lurker_x", "Sam", "dock_owl", "Пётр Грант"])
    #expect(d.comments.map(\.text) == [
      "Автобусы пойдут через вокзал, так написано в объявлении.", "LOL",
      "Шесть недель это очень оптимистично для такой стены.", "Yawn", "В прошлом году мост ремонтировали десять недель.",
    ])
  }

  @Test("a reply that addresses a lower-case user name with a comma")
  func addressedLowerCaseName() {
    let d = parse(
      """
      Harbour Today

      The council will close the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go in the meantime.

      3 Comments

      greenthumb
      The buses go round by the station, it was in the notice.
      Mar 3, 2021
      Reply

      Dana Cole
      Six weeks is optimistic for that wall, if you ask me.
      Mar 4, 2021
      Reply

      Peter Grant
      greenthumb, the notice only covers the first fortnight of it.
      Mar 5, 2021
      Reply
      """)
    #expect(d.comments.map(\.author) == ["greenthumb", "Dana Cole", "Peter Grant"])
    #expect(d.comments.map(\.parent) == [nil, nil, 0])
    #expect(d.comments[2].replyEvidence == .mention)
  }

  @Test("a name over its text, then the date and the actions under it; an addressed reply")
  func datesUnderBareNames() {
    let d = parse(
      Self.russianHead + """
      5

      Sam
      Шесть недель это очень оптимистично для такой стены.
      4 марта 2021 в 10:02
      Ответить

      Комментарий удалён

      Пётр Грант
      Sam, в прошлом году мост ремонтировали десять недель.
      5 марта 2021 в 18:40
      Ответить
      2
      """)
    #expect(d.comments.map(\.author) == ["Мара Квин", "Sam", nil, "Пётр Грант"])
    #expect(d.comments.map(\.date) == [day(2021, 3, 3), day(2021, 3, 4), nil, day(2021, 3, 5)])
    #expect(d.comments.map(\.parent) == [nil, nil, nil, 1])
    #expect(d.comments[3].replyEvidence == .mention)
  }
}
