import Testing

@testable import Threads

/// Header shapes of comment widgets the parser has no rules for, each
/// written by hand in the shape the widget prints (an Isso-like glued
/// header, a Drupal-like header block with a title, a Commento-like card
/// with an avatar initial, ...). The expected authors, parents and dates are
/// read off the page by hand; every page parsed wrongly before the fix of
/// its class.
@Suite("Unseen widgets: header shapes learned from the page")
struct UnseenWidgetTests {
  /// A Drupal-style first comment (header block with a permalink, a title
  /// echoing the body, a login footer) that two pages below open with.
  static let drupalFirstComment = """
    Comments

    Mara Quinn
    Tue, 05/04/2021 - 09:12
    Permalink
    About time, the wall has been
    About time, the wall has been cracking for years.
    Log in or register to post comments


    """

  func parse(_ comments: String) -> Discussion { PageShapeTests.belowArticle(comments) }

  @Test("name, spacer and time glued on one line; a badge between spacers; a toggle and a spacer glued to the action")
  func gluedSpacers() {
    let d = parse(
      """
      3 Comments
      Submit

      Mara Quinn•2 hours ago[−]
      About time, the wall has been cracking for years.
      |Reply

      harbourdog•Author•an hour ago[−]
      Six weeks is optimistic.
      |Reply

      Peter Grimsby•5 minutes ago[−]
      They said the same about the bridge.

      And the bridge took a year.
      |Reply

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "harbourdog", "Peter Grimsby"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.\n\nAnd the bridge took a year.",
    ])
  }

  @Test("a spacer alone on a line between name and time; a regular's name is no action line; 'an hour ago'")
  func spacerLines() {
    let d = parse(
      """
      4 Comments

      Mara Quinn
      •
      2 hours ago
      About time, the wall has been cracking for years.
      Reply

      Olu Brant
      •
      an hour ago
      Six weeks is optimistic.
      Reply

      Mara Quinn
      •
      50 minutes ago
      Nope.
      Reply

      Mara Quinn
      •
      5 minutes ago
      They said the same about the bridge.
      Reply

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Olu Brant", "Mara Quinn", "Mara Quinn"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.", "Nope.",
      "They said the same about the bridge.",
    ])
  }

  @Test("a permalink in the header block, an echoed title, 'In reply to TITLE by NAME', a '(not verified)' badge")
  func headerBlockWithTitle() {
    let d = parse(
      Self.drupalFirstComment + """
      Old Salt (not verified)
      Tue, 05/04/2021 - 10:40
      Permalink
      In reply to About time, the wall has been by Mara Quinn
      Hmm
      Six weeks is optimistic.
      Log in or register to post comments

      Peter Grimsby
      Wed, 05/05/2021 - 08:03
      Permalink
      In reply to Hmm by Old Salt
      They said the same about the
      They said the same about the bridge.
      Log in or register to post comments

      Tidewatcher (not verified)
      Wed, 05/05/2021 - 18:30
      Permalink
      Not again
      The detour adds twenty minutes to the school run.
      Log in or register to post comments

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Old Salt", "Peter Grimsby", "Tidewatcher"])
    #expect(d.comments.map(\.parent) == [nil, 0, 1, nil])
    #expect(d.comments[1].replyEvidence == .marker)
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.", "The detour adds twenty minutes to the school run.",
    ])
    #expect(d.comments.map { $0.date?.iso } == ["2021-05-04", "2021-05-04", "2021-05-05", "2021-05-05"])
  }

  @Test("'Submitted by NAME on DATE' under a title line, a numeric user id as the name")
  func submittedBy() {
    let d = parse(
      """
      Comments

      Fair enough
      Submitted by Mara Quinn on Tue, 05/04/2021 - 09:12
      Fair enough, the wall has been cracking for years.
      reply

      Really?
      Submitted by 58140099 on Tue, 05/04/2021 - 10:40
      Six weeks is optimistic.
      reply

      They said the same
      Submitted by Peter Grimsby on Wed, 05/05/2021 - 08:03
      They said the same about the bridge.
      reply

      Detour
      Submitted by Ana Lisboa on Wed, 05/05/2021 - 18:30
      The detour adds twenty minutes to the school run.
      reply

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "58140099", "Peter Grimsby", "Ana Lisboa"])
    #expect(d.comments.map(\.text) == [
      "Fair enough, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.", "The detour adds twenty minutes to the school run.",
    ])
  }

  @Test("avatar initials over the name, a score with the time, no opener phrase and no action line")
  func avatarCards() {
    let d = parse(
      """
      Login
      Add Comment

      M
      Mara Quinn
      12 points 2 hours ago
      About time, the wall has been cracking for years.

      P
      Peter Grimsby
      1 point an hour ago
      Six weeks is optimistic.

      ?
      Anonymous
      0 points 30 minutes ago
      They said the same about the bridge.

      T
      tidewatcher
      -2 points 5 minutes ago
      The detour adds twenty minutes to the school run.

      Commento

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "Anonymous", "tidewatcher"])
    #expect(d.comments.prefix(3).map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.",
    ])
  }

  @Test("one-line header with a signed score, day-first slash dates, repeated placeholders, 'Show more' past the footer")
  func scoredOneLine() {
    let d = parse(
      """
      Comments
      Preview
      Send

      Mara Quinn 04/05/2021 at 09:12 +3
      About time, the wall has been cracking for years.
      Reply

      This comment was deleted

      Peter Grimsby 14/05/2021 at 10:40 0
      Six weeks is optimistic.
      Reply

      This comment was deleted

      tidewatcher 15/05/2021 at 08:03 -2
      They said the same about the bridge…
      Reply

      This comment was deleted

      Show more
      Powered by Remark42

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", nil, "Peter Grimsby", nil, "tidewatcher", nil])
    #expect(d.comments.map { $0.date?.iso } == ["2021-05-04", nil, "2021-05-14", nil, "2021-05-15", nil])
    #expect(d.comments.map(\.text)[1] == "This comment was deleted")
    #expect(d.comments.allSatisfy { !$0.truncated })
  }

  @Test("'N comments – powered by X', vote counts above names, a badge line, a reaction bar, reply boxes")
  func countsAndReactions() {
    let d = parse(
      """
      12 reactions
      4 comments – powered by giscus
      Oldest
      Newest

      7
      maraquinn
      2 days ago
      About time, the wall has been cracking for years.
      👍 3 ❤️ 1
      1 reply

      harbourdog
      2 days ago
      Owner
      Six weeks is optimistic.

      Write a reply

      0
      pgrimsby
      yesterday
      They said the same about the bridge.
      0 replies

      Sign in to comment

      """)
    #expect(d.comments.map(\.author) == ["maraquinn", "harbourdog", "pgrimsby"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.",
    ])
  }

  @Test("a marker loses the closing period of the name it answers ('Reply to Jane D.')")
  func markerNameWithPeriod() {
    let d = parse(
      """
      Notify of
      View all comments
      Jane D.
      Jane D.
      May 2, 2021

      About time, the wall has been cracking for years.

      Tom Okafor
      Tom Okafor
      Reply to\u{00A0} Jane D.
      May 3, 2021

      Six weeks is optimistic.

      """)
    #expect(d.comments.map(\.author) == ["Jane D.", "Tom Okafor"])
    #expect(d.comments.map(\.parent) == [nil, 0])
    #expect(d.comments[1].replyEvidence == .marker)
  }

  @Test("a one-line text under a title that repeats it is one comment, not a name printed twice")
  func titleOverSameText() {
    let d = parse(
      Self.drupalFirstComment + """
      Old Salt
      Tue, 05/04/2021 - 10:40
      Permalink
      Spot on.
      Spot on.
      Log in or register to post comments

      Peter Grimsby
      Wed, 05/05/2021 - 08:03
      Permalink
      They said the same about the
      They said the same about the bridge.
      Log in or register to post comments

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Old Salt", "Peter Grimsby"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Spot on.", "They said the same about the bridge.",
    ])
  }

  @Test("a learned header label is stripped from a line it kept from reading as a header (a handle)")
  func labelOverHandle() {
    let d = parse(
      """
      Comments

      Fair enough
      Submitted by Mara Quinn on Tue, 05/04/2021 - 09:12
      Fair enough, the wall has been cracking for years.
      reply

      Really?
      Submitted by harbour_dog_7 on Tue, 05/04/2021 - 10:40
      Six weeks is optimistic.
      reply

      They said the same
      Submitted by Peter Grimsby on Wed, 05/05/2021 - 08:03
      They said the same about the bridge.
      reply

      Detour
      Submitted by Ana Lisboa on Wed, 05/05/2021 - 18:30
      The detour adds twenty minutes to the school run.
      reply

      Buses
      Submitted by Olu Brant on Thu, 05/06/2021 - 07:45
      The replacement buses were on time this morning.
      reply

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "harbour_dog_7", "Peter Grimsby", "Ana Lisboa", "Olu Brant"])
    #expect(d.comments[1].text == "Six weeks is optimistic.")
  }

  @Test("a comment box above the comments; a numeric user id before a date is a name, not date filler")
  func boxAndUserID() {
    let d = parse(
      """
      Comments
      Sign In
      Preview
      Send

      Mara Quinn 5/4/2021 at 9:12 AM +3
      About time, the wall has been cracking for years.
      Reply

      61466421 5/4/2021 at 10:46 AM 0
      Six weeks is optimistic.
      Reply

      Peter Grimsby 5/5/2021 at 8:03 AM -2
      They said the same about the bridge.
      Reply

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "61466421", "Peter Grimsby"])
    #expect(d.comments.map { $0.date?.iso } == ["2021-05-04", "2021-05-04", "2021-05-05"])
  }

  @Test("signed scores on their own line, a user id under a digit avatar, a badge after the date")
  func scoresAndBadges() {
    let d = parse(
      """
      Login
      Add Comment

      M
      Mara Quinn
      -4 points
      2 hours ago
      About time, the wall has been cracking for years.

      P
      Peter Grimsby
      12 points
      an hour ago
      Six weeks is optimistic.

      8
      84013811
      -1 points
      30 minutes ago
      They said the same about the bridge.

      maraquinn a month ago Member
      The detour adds twenty minutes to the school run.

      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "Peter Grimsby", "84013811", "maraquinn"])
    #expect(d.comments.map(\.text) == [
      "About time, the wall has been cracking for years.", "Six weeks is optimistic.",
      "They said the same about the bridge.", "The detour adds twenty minutes to the school run.",
    ])
  }

  @Test("a localised action bar closes each comment by its reply word; a localised sort bar opens the section")
  func localisedActionBars() {
    let d = parse(
      """
      58 comentarios
      Ordenar por Más relevantes

      Greta Kowalczyk
      Coach es nuevo muy ciudad referee match relegation ya es.
      Me gusta · Responder · 5y

      Dana Kessinger
      Coach es nuevo muy ciudad referee match relegation ya es tod.
      Me gusta · Responder · 472 · 5y

      Tunde M.
      Coach es nuevo muy ciudad referee match.
      Me gusta · Responder · 5y

      """)
    #expect(d.comments.map(\.author) == ["Greta Kowalczyk", "Dana Kessinger", "Tunde M."])
    #expect(d.comments.map(\.text) == [
      "Coach es nuevo muy ciudad referee match relegation ya es.",
      "Coach es nuevo muy ciudad referee match relegation ya es tod.", "Coach es nuevo muy ciudad referee match.",
    ])
  }

  @Test("localised 'Delete' links under a two-comment page, 'Add comment' and 'Newer Post' after the last comment")
  func localisedBlogChrome() {
    let d = parse(
      """
      2 Kommentare:

      Hiroshi Reid hat gesagt…

      Die Baustelle am Hafen dauert schon viel zu lange, finde ich.

      4. August 2018, 16:21
      Löschen

      Antworten

      Renée Evans hat gesagt…

      Sechs Wochen sind sehr optimistisch.

      6. August 2018, 7:24
      Löschen

      Antworten

      Kommentar hinzufügen

      Newer Post
      Older Post
      Home

      """)
    #expect(d.comments.map(\.author) == ["Hiroshi Reid", "Renée Evans"])
    #expect(d.comments.map { $0.date?.iso } == ["2018-08-04", "2018-08-06"])
    #expect(d.comments.map(\.text) == [
      "Die Baustelle am Hafen dauert schon viel zu lange, finde ich.", "Sechs Wochen sind sehr optimistisch.",
    ])
  }
}
