import Testing

@testable import Threads

/// Rules learned from how a page's comment template repeats: user ids in the
/// name slot, badges in the header block, reply markers in the page's own
/// words. Each page is written by hand; the expected values are read off it.
@Suite("Template rules learned from the page")
struct TemplateRuleTests {
  func parse(_ comments: String) -> Discussion { PageShapeTests.belowArticle(comments) }

  @Test("a long number alone in the bare-name slot is a user id, not a vote count")
  func userIDInNameSlot() {
    let d = parse(
      """
      Marta Lindqvist

      The wall has been cracking for years and nobody listened to the harbour master.

      48213377

      Six weeks is optimistic, the bridge on the north side took more than a year to mend.

      old_salt

      They should have done it in summer when the ferries run less often anyway.

      Peter Grimsby

      Agreed, and the detour through the village will be a nightmare for the buses.
      """)
    #expect(d.comments.map(\.author) == ["Marta Lindqvist", "48213377", "old_salt", "Peter Grimsby"])
  }

  @Test("a long number printed twice over a marker and a date is a name")
  func userIDPrintedTwice() {
    let d = parse(
      """
      Marta Lindqvist
      Marta Lindqvist
      March 3, 2019

      The wall has been cracking for years and nobody listened.

      73310284
      73310284
      Reply to Marta Lindqvist
      March 4, 2019

      Six weeks is optimistic, the bridge took more than a year.

      Peter Grimsby
      Peter Grimsby
      March 5, 2019

      They should have done it in summer.
      """)
    #expect(d.comments.map(\.author) == ["Marta Lindqvist", "73310284", "Peter Grimsby"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
  }

  @Test("a short line between a name and its date, where the page's other headers have none, is a badge")
  func badgeBetweenNameAndDate() {
    let d = parse(
      """
      Marta Lindqvist
      3 years ago
      The wall has been cracking for years and nobody listened.
      Like 4

      Peter Grimsby
      3 years ago
      Six weeks is optimistic, the bridge took more than a year.
      Like 2

      Hanna Berg
      Crew
      3 years ago
      They should have done it in summer when the ferries run less often.
      Like

      old_salt
      2 years ago
      The detour through the village will be a nightmare for the buses.
      Like 1
      """)
    #expect(d.comments.map(\.author) == ["Marta Lindqvist", "Peter Grimsby", "Hanna Berg", "old_salt"])
    #expect(d.comments[2].text == "They should have done it in summer when the ferries run less often.")
  }

  @Test("a short line that always stands under a date with text under it is header decoration")
  func decorationUnderDate() {
    let d = parse(
      """
      Marta Lindqvist
      3 years ago
      (bearbeitet)
      The wall has been cracking for years and nobody listened.
      Like 4

      Peter Grimsby
      3 years ago
      Six weeks is optimistic, the bridge took more than a year.
      Like 2

      Hanna Berg
      3 years ago
      (bearbeitet)
      They should have done it in summer when the ferries run less often.
      Like
      """)
    #expect(d.comments.map(\.author) == ["Marta Lindqvist", "Peter Grimsby", "Hanna Berg"])
    #expect(d.comments.map(\.text) == [
      "The wall has been cracking for years and nobody listened.",
      "Six weeks is optimistic, the bridge took more than a year.",
      "They should have done it in summer when the ferries run less often.",
    ])
  }

  @Test("a name over a rank that repeats it, then a one-line header for the same name: one comment")
  func nameOverSameRank() {
    let d = parse(
      """
      Marta Lindqvist
      Member
      Posts: 12
      Post by Marta Lindqvist » Mon Jan 01, 2018 10:00 am

      The wall has been cracking for years and nobody listened.

      Guest
      Guest
      Posts: 0
      Post by Guest » Tue Jan 02, 2018 9:12 am

      Six weeks is optimistic, the bridge took more than a year.

      Peter Grimsby
      Member
      Posts: 7
      Post by Peter Grimsby » Wed Jan 03, 2018 8:40 pm

      They should have done it in summer.
      """)
    #expect(d.comments.map(\.author) == ["Marta Lindqvist", "Guest", "Peter Grimsby"])
    #expect(d.comments.allSatisfy { !$0.text.isEmpty })
  }

  @Test("words that open lines under the date before two authors' names are the page's reply marker")
  func learnedReplyPrefix() {
    let d = parse(
      """
      Marta Lindqvist
      3 years ago
      The wall has been cracking for years and nobody listened.
      Like 4

      Peter Grimsby
      3 years ago
      Svar till Marta Lindqvist
      Six weeks is optimistic, the bridge took more than a year.
      Like 2

      Hanna Berg
      3 years ago
      They should have done it in summer when the ferries run less often.
      Like

      old_salt
      2 years ago
      Svar till Peter Grimsby
      The detour through the village will be a nightmare for the buses.
      Like 1
      """)
    #expect(d.comments.map(\.author) == ["Marta Lindqvist", "Peter Grimsby", "Hanna Berg", "old_salt"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil, 1])
    #expect(d.comments[1].text == "Six weeks is optimistic, the bridge took more than a year.")
  }

  @Test("a table of related topics after the comments is no comment, nor its caption")
  func tableAfterComments() {
    let d = parse(
      """
      harbourdog
      Mar '21

      The wall has been cracking for years and nobody listened.

      Reply

      mara_q
      Mar '21

      Six weeks is optimistic, the bridge took more than a year.

      Reply

      Related Topics
      Topic\tReplies\tViews\tActivity
      Ferry Timetable Changes For The Winter\t12\t840\tDec '21
      New Car Park At The Station\t30\t1204\tJul '20

      Powered by Forum Software
      """)
    #expect(d.comments.map(\.author) == ["harbourdog", "mara_q"])
    #expect(d.comments[1].text == "Six weeks is optimistic, the bridge took more than a year.")
  }

  @Test("an action line under a count that changes ('3 件の返信') is still an action line")
  func actionUnderCount() {
    var page = ""
    let names = ["harbourdog", "mara_q", "peter_g", "hanna_b", "old_salt"]
    for (k, name) in names.enumerated() {
      page += "\(name)\nMar '21\n\nThe wall number \(k) has been cracking for years and nobody listened at all.\n\n"
      page += (k % 2 == 0 ? "\(k + 1) 件の返信\n" : "\(k + 2)\n") + "返信\n\n"
    }
    let d = parse(page)
    #expect(d.comments.map(\.author) == names)
    #expect(d.comments.allSatisfy { !$0.text.contains("返信") })
  }

  @Test("signed comments: a caption glued to the Comments heading is not the first comment's text")
  func headingCaption() {
    let d = parse(
      """
      Comments
      Follow this conversation by subscribing to the feed for this post.

      About time, the wall has been cracking for years.
      Posted by: Mara Quinn on March 3, 2019 at 9:15 AM

      Six weeks is optimistic.
      Posted by: Peter Grimsby on March 3, 2019 at 10:01 AM

      And the bridge took a year.
      Posted by: harbourdog on March 4, 2019 at 11:40 AM
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "harbourdog"])
    #expect(d.comments.first?.text == "About time, the wall has been cracking for years.")
  }

  @Test("signatures on a page without blank lines, some with a Reply action under them")
  func signaturesWithoutBlanks() {
    let d = parse(
      """
      Comments
      About time, the wall has been cracking for years and nobody listened to the harbour master.
      Posted by: Mara Quinn | March 3, 2019 at 9:15 AM
      Reply
      Six weeks is optimistic, the bridge on the north side took more than a year to mend.
      Posted by: Peter Grimsby | March 3, 2019 at 10:01 AM
      They should have done it in summer when the ferries run less often anyway.
      Posted by: harbourdog | March 4, 2019 at 11:40 AM
      The council has known about the cracks since the storm two winters ago, it is on record.
      Posted by: Ines Moreau | March 4, 2019 at 1:10 PM
      Nobody asked the fishermen where they will land their catch for those six weeks.
      Posted by: Tomas Wren | March 4, 2019 at 3:55 PM
      The detour through the village will be a nightmare for the buses, mark my words.
      Posted by: Hanna Berg | March 6, 2019 at 7:30 PM
      Reply
      Post a comment
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "harbourdog", "Ines Moreau", "Tomas Wren", "Hanna Berg"])
    #expect(d.comments[5].text == "The detour through the village will be a nightmare for the buses, mark my words.")
  }

  @Test("the post's byline opens with the signatures' label: the first signed comment starts under it and its count")
  func postBylineAboveSignatures() {
    let d = Discussion(
      parsing: """
        Harbour Road Closure Thread
        The council voted on Tuesday to close the harbour road for six weeks of repairs to the sea wall, which engineers said had been undermined by two winters of storms.
        posted by mara_q to Local News at 9:02 AM (3 comments total)
        12 users marked this as a favorite
        About time, the wall has been cracking for years.
        posted by Peter Grimsby at 9:15 AM on March 3, 2019 [2 favorites]
        Six weeks is optimistic, the bridge took more than a year to mend back then.
        posted by harbourdog at 10:01 AM on March 3, 2019
        They should have done it in summer when the ferries run less often anyway.
        posted by Hanna Berg at 11:40 AM on March 4, 2019
        Yawn
        posted by old_salt at 11:52 AM on March 4, 2019
        And the detour through the village will be a nightmare for the buses.
        posted by Ines Moreau at 1:10 PM on March 4, 2019
        « Older post
        """, source: "t")
    #expect(d.comments.map(\.author) == ["Peter Grimsby", "harbourdog", "Hanna Berg", "old_salt", "Ines Moreau"])
    #expect(d.comments.first?.text == "About time, the wall has been cracking for years.")
  }

  @Test("signatures with blank lines on both sides, and a page with one signature")
  func looseSignatures() {
    let d = parse(
      """
      posted by mara_q to Local News at 9:02 AM (4 comments total)

      About time, the wall has been cracking for years.

      posted by Peter Grimsby at 9:15 AM on March 3, 2019

      Six weeks is optimistic.
      posted by harbourdog at 10:01 AM on March 3, 2019

      Yawn

      posted by old_salt at 10:30 AM on March 3, 2019

      They should have done it in summer when the ferries run less often anyway.
      posted by Hanna Berg at 11:40 AM on March 4, 2019

      And the detour through the village will be a nightmare for the buses.
      posted by Ines Moreau at 1:10 PM on March 4, 2019

      « Older post
      """)
    #expect(d.comments.map(\.author) == ["Peter Grimsby", "harbourdog", "old_salt", "Hanna Berg", "Ines Moreau"])
    #expect(d.comments.first?.text == "About time, the wall has been cracking for years.")
    let one = parse(
      """
      posted by mara_q to Local News at 9:02 AM (1 comments total)

      Exactly.
      posted by Peter Grimsby at 9:15 AM on March 3, 2019 [4 favorites]

      « Older post
      Newer post »
      """)
    #expect(one.comments.map(\.author) == ["Peter Grimsby"])
    #expect(one.comments.map(\.text) == ["Exactly."])
  }

  @Test("a repeated row of title-case actions under subject lines is a footer, not the end of a short text")
  func actionRow() {
    let d = parse(
      """
      The wall again (Score:4, Insightful)
      by mara_q (71081) on Tuesday August 29, 2023 @12:41PM (#58000119)
      About time, the wall has been cracking for years and nobody listened.
      Reply to This Share Parent Flag as Inappropriate
      Re:The wall again (Score:2)
      by harbourdog (30734) on Tuesday August 29, 2023 @01:04PM (#58000163)
      Well said!
      Reply to This Share Parent Flag as Inappropriate
      Re:The wall again (Score:1)
      by Peter Grimsby (32999) on Wednesday August 30, 2023 @08:32AM (#58000287)
      Six weeks is optimistic, the bridge took more than a year to mend.
      Reply to This Share Parent Flag as Inappropriate
      Re:The wall again (Score:3, Funny)
      by old_salt (12345) on Wednesday August 30, 2023 @09:14PM (#58000301)
      Nope.
      Reply to This Share Parent Flag as Inappropriate
      """)
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years and nobody listened.", "Well said!",
      "Six weeks is optimistic, the bridge took more than a year to mend.", "Nope.",
    ])
  }
}
