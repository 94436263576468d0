import Testing

@testable import Threads

@Suite("Line features: dates, names, markers, widgets")
struct LineFeatureTests {
  @Test(
    "absolute date lines become ISO dates",
    arguments: [
      ("September 1, 2017", "2017-09-01"),
      ("March 3, 2019 at 4:12 pm", "2019-03-03"),
      ("1 September 2017, 14:54 IST", "2017-09-01"),
      ("Sep 30, 2020", "2020-09-30"),
      ("2011年8月2日", "2011-08-02"),
      ("2011年8月2日 下午3:14", "2011-08-02"),
      ("2019-12-24", "2019-12-24"),
      ("1. März 2018 um 10:15", "2018-03-01"),
      ("12 de septiembre de 2016", "2016-09-12"),
      ("February 29, 2020", "2020-02-29"),
      ("25/12/2019 at 10:23 am", "2019-12-25"),
      ("12.03.2019 um 14:00", "2019-03-12"),
      ("3/12/19", "2019-03-12"),
    ])
  func absoluteDates(line: String, iso: String) throws {
    let key = try #require(LineKey.make(line))
    let match = try #require(DateMatcher.lineDate(key))
    #expect(match.date?.iso == iso)
    #expect(!match.relative)
  }

  @Test(
    "relative date lines keep no calendar date",
    arguments: ["3 years ago", "• 3 years ago", "a year ago", "2y", "5h", "vor 3 Jahren", "il y a 2 ans",
      "hace 3 años", "3天前", "just now", "yesterday"])
  func relativeDates(line: String) throws {
    let key = try #require(LineKey.make(line))
    let match = try #require(DateMatcher.lineDate(key))
    #expect(match.relative)
    #expect(match.date == nil)
  }

  @Test(
    "prose and impossible dates are not date lines",
    arguments: ["February 30, 2020", "I was there on September 1, 2017 and it rained all day",
      "3 apples", "Amen.", "JUNE 2021", "2,500 $"])
  func notDates(line: String) throws {
    let key = try #require(LineKey.make(line))
    #expect(DateMatcher.lineDate(key)?.date == nil)
  }

  @Test(
    "name-like lines score above prose",
    arguments: [
      ("André De Koning", "Amen."), ("Not MSM Propaganda :)", "Yawn, same old story."),
      ("Yusuf Van der Berg", "Click to see the full-size map"), ("Willing Conscience (The Truths", "Photo: Reuters"),
      ("Icarus Tanović", "we already know this…"), ("Priya N.", "I think that is not what they said."),
      ("Дмитрий Орлов", "Bet you anything they are turks!"),
    ])
  func names(name: String, prose: String) {
    #expect(NameScore.score(name) > 0)
    #expect(NameScore.score(prose) < NameScore.score(name))
  }

  @Test(
    "reply markers name the parent's author",
    arguments: [
      ("Reply to\u{00A0} tjoes", "tjoes"), ("In reply to Tom Halvorsen.", "Tom Halvorsen"),
      ("回复 张伟", "张伟"), ("Replying to @jane_doe", "jane_doe"), ("reply to  Not Fake News :)", "Not Fake News :)"),
    ])
  func markers(line: String, target: String) throws {
    let trimmed = Page.trim(Substring(line))
    let key = try #require(LineKey.make(trimmed))
    #expect(Markers.replyTarget(line: trimmed, key: key) == target)
  }

  @Test("author-line forms", arguments: [("Jane Doe says:", "Jane Doe"), ("李明说道：", "李明"), ("Max Muster sagt:", "Max Muster"),
      ("Jane Doe on March 3, 2019 at 4:12 pm said:", "Jane Doe")])
  func says(line: String, name: String) throws {
    let key = try #require(LineKey.make(line))
    #expect(Markers.saysName(line: line, key: key) == name)
  }

  @Test(
    "one-line headers of any widget: name, parent and date out of the decoration",
    arguments: [
      ("Alice Smith → Bob Jones", "Alice Smith", "Bob Jones", nil),
      ("Alice Smith → Bob Jones • 3 years ago", "Alice Smith", "Bob Jones", "3 years ago"),
      ("Kim Lee • 3 years ago", "Kim Lee", nil, "3 years ago"),
      ("kestrel_io 5 hours ago | parent | next [–]", "kestrel_io", nil, "5 hours ago"),
      ("[–] wharf_rat_1988 412 points 8 hours ago", "wharf_rat_1988", nil, "8 hours ago"),
      ("[–] 5150 12 points 4 hours ago*", "5150", nil, "4 hours ago*"),
      ("Post by Gareth » Mon Jan 01, 2018 10:00 am", "Gareth", nil, "Mon Jan 01, 2018 10:00 am"),
      ("Anna Dvořák says: January 8, 2015 at 4:58 pm", "Anna Dvořák", nil, "January 8, 2015 at 4:58 pm"),
      ("1024 2 hours ago | prev [–]", "1024", nil, "2 hours ago"),
      ("I only come here for the crossword • 3 years ago", "I only come here for the crossword", nil, "3 years ago"),
    ] as [(String, String, String?, String?)])
  func inlineHeaders(line: String, author: String, target: String?, date: String?) throws {
    let h = try #require(InlineHeader.read(line))
    #expect(h.author == author)
    #expect(h.target == target)
    #expect(h.dateText == date)
  }

  @Test(
    "prose, bylines of the article and counts are no one-line header",
    arguments: [
      "Prices went up → people left", "I moved here 3 years ago", "Published March 3, 2019",
      "21K views 1 year ago", "We waited 3 hours for the bus and nobody came",
    ])
  func notInlineHeaders(line: String) {
    #expect(InlineHeader.read(line)?.author == nil)
  }

  @Test("an unnamed header and a deleted account give no author")
  func unnamedInlineHeaders() throws {
    #expect(try #require(InlineHeader.read("3 hours ago | parent | next [–]")).author == nil)
    #expect(try #require(InlineHeader.read("[–] [deleted] 7 hours ago")).author == nil)
  }

  @Test("headers of one widget share a template; a byline has its own")
  func headerShapes() throws {
    let a = try #require(InlineHeader.read("[–] lenagrows 138 points 8 hours ago")).shape
    let b = try #require(InlineHeader.read("[–] Jo Ann Smith 2 points 1 day ago")).shape
    #expect(a == b)
    let byline = try #require(InlineHeader.read("By Ruth Okafor August 31, 2017")).shape
    #expect(byline != a)
  }

  @Test(
    "widgets by role",
    arguments: [
      ("Notify of", Widgets.Role.opener), ("24 points", .noise), ("12 Comments", .opener),
      ("3 Responses to “A Title”", .opener), ("Like · Reply · 2y", .footer), ("Reply • Share ›", .footer),
      ("Load more comments", .trailer), ("Please enter your comment!", .form), ("2,500 $", .pageWidget),
      ("Support SouthFront", .pageWidget), ("View 3 more replies", .noise), ("Load 10 more comments", .trailer),
      ("3 △ ▽", .noise), ("Likes: 5", .noise), ("Quote", .footer),
    ])
  func widgets(line: String, role: Widgets.Role) throws {
    let key = try #require(LineKey.make(line))
    #expect(Widgets.role(of: key) == role)
  }

  @Test(
    "truncation markers are found at the end only",
    arguments: [
      ("and then they… Read more »", true), ("it was long... See More", true), ("so I left (more)", true),
      ("Read more » about it", false), ("I want to see more", false),
    ])
  func truncation(line: String, truncated: Bool) throws {
    let key = try #require(LineKey.make(line.replacingNBSP()))
    #expect((Markers.truncation(key: key) != nil) == truncated)
  }
}

extension String {
  func replacingNBSP() -> String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{00A0}" ? " " : $0 })) }
}
