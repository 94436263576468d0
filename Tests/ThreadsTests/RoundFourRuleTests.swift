import Testing

@testable import Threads

/// Header shapes of round 4: a forum's verb phrases around the names
/// ("NAME replied to OTHER on DATE", "NAME" over "wrote"), a display name
/// over the account's handle, a thread whose first post is a comment (no
/// article above it), a date printed under the first post's text, the site's
/// banner printed again under the last comment. Each page is written by hand
/// in the shape of its class; the expected values are read off the page. Every
/// page parsed wrongly before the fix of its class.
@Suite("Round 4: verb phrases, handles under names, threads with no article")
struct RoundFourRuleTests {
  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  func day(_ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: 2021, month: m, day: d) }

  /// The forum's navigation and the topic's title, above the first post.
  static let topicHead = """
    Riverside Residents Forum
    Categories
    Recent

    Should the Old Harbour Road Close for Six Weeks of Repairs
    Local news

    """

  @Test("'NAME replied to OTHER on DATE' is a one-line header with a reply marker")
  func replyPhraseInHeader() throws {
    let h = try #require(InlineHeader.read("harbourdog replied to maraquinn on Mar 4, 2021"))
    #expect(h.author == "harbourdog")
    #expect(h.target == "maraquinn")
    #expect(h.date == day(3, 4))
    // The parent's name is no part of the template, so replies to different names share it.
    #expect(h.shape == InlineHeader.read("olu_brant replied to sal_k on Mar 6, 2021")?.shape)
    // Prose with a reply phrase and no name before it stays prose.
    #expect(InlineHeader.read("I replied to the council on Mar 4, 2021 and heard nothing back at all") == nil)
  }

  @Test("a forum topic on one-line headers: the first post is a comment, replies are marked")
  func topicOnOneLine() {
    let d = parse(
      Self.topicHead + """
      5 posts

      maraquinn wrote on Mar 3, 2021
      The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go in the meantime or how the shops on the front will get their deliveries.
      2 Replies 4 Quote Reply

      harbourdog replied to maraquinn on Mar 4, 2021
      The buses go round by the station, it was in the notice.
      0 Quote Reply

      peter_g wrote on Mar 5, 2021
      Six weeks is optimistic for that wall.
      1 Quote Reply

      olu_brant replied to maraquinn on Mar 6, 2021
      Deliveries are allowed before seven in the morning.
      0 Quote Reply

      sal_k wrote on Mar 7, 2021
      They did the same to the bridge last year.
      0 Quote Reply
      """)
    #expect(d.comments.map(\.author) == ["maraquinn", "harbourdog", "peter_g", "olu_brant", "sal_k"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil, 0, nil])
    #expect(d.comments.map(\.replyEvidence) == [nil, .marker, nil, .marker, nil])
    #expect(d.comments.map(\.date) == [day(3, 3), day(3, 4), day(3, 5), day(3, 6), day(3, 7)])
    #expect(!d.article.text.contains("council wants"))
  }

  @Test("a forum topic on header blocks: avatar letter, name, 'wrote' or a reply marker, date")
  func topicOnBlocks() {
    let d = parse(
      Self.topicHead + """
      3 posts

      M
      maraquinn
      wrote
      on Mar 3, 2021
      The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go in the meantime or how the shops on the front will get their deliveries.
      1 Reply
      4
      Quote
      Reply

      H
      harbourdog
      replied to maraquinn
      on Mar 4, 2021
      The buses go round by the station, it was in the notice.
      0
      Quote
      Reply

      P
      peter_g
      wrote
      on Mar 5, 2021
      Six weeks is optimistic for that wall.
      1
      Quote
      Reply

      S
      sal_k
      wrote
      on Mar 6, 2021
      They did the same to the bridge last year.
      0
      Quote
      Reply
      """)
    #expect(d.comments.map(\.author) == ["maraquinn", "harbourdog", "peter_g", "sal_k"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil, nil])
    #expect(d.comments.map(\.date) == [day(3, 3), day(3, 4), day(3, 5), day(3, 6)])
  }

  @Test("a display name over the account's handle; the first post's date under its text; the banner again at the end")
  func displayNameOverHandle() {
    let d = parse(
      """
      Fediverse
      Login
      Create account
      Follow the harbour news as it happens.

      Mara Quinn
      @maraquinn@harbour.social
      The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go in the meantime or how the shops on the front will get their deliveries.
      Mar 3, 2021, 9:15 AM
      12 boosts
      30 favorites

      harbourdog
      @harbourdog@harbour.social
      Mar 4, 2021
      @maraquinn The buses go round by the station, it was in the notice.
      2 1

      Peter G.
      @peterg@mstdn.example
      Mar 5, 2021
      Six weeks is optimistic for that wall.
      3

      Olu Brant
      @olubrant@harbour.social
      Mar 6, 2021
      Deliveries are allowed before seven in the morning.

      Follow the harbour news as it happens.
      Login
      Create account
      """)
    #expect(d.comments.map(\.author) == ["Mara Quinn", "harbourdog", "Peter G.", "Olu Brant"])
    #expect(d.comments.map(\.date) == [day(3, 3), day(3, 4), day(3, 5), day(3, 6)])
    #expect(d.comments.first?.text.hasSuffix("get their deliveries.") == true)
    #expect(d.comments.last?.text == "Deliveries are allowed before seven in the morning.")
  }

  @Test("a discussion whose first post is a name over a date, closed by the footer every post has")
  func firstPostNameOverDate() {
    let d = parse(
      """
      Harbour Forum
      Log In
      Sign Up
      All Discussions
      Tags

      Should the Old Harbour Road Close for Six Weeks

      maraquinn
      Mar '21
      The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go in the meantime or how the shops on the front will get their deliveries.
      Like
      Reply

      Olu Brant
      2 days ago
      @maraquinn Deliveries are allowed before seven in the morning.
      Like
      Reply

      peter_g
      a day ago
      Six weeks is optimistic for that wall.
      Like
      Reply
      """)
    #expect(d.comments.map(\.author) == ["maraquinn", "Olu Brant", "peter_g"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
  }

  @Test("an article's byline over its date stays the article's when comments print the same header")
  func bylineOverDateStaysArticle() {
    let d = parse(
      """
      Harbour Road to Close for Six Weeks of Repairs

      Mara Quinn
      March 3, 2021

      The council voted on Tuesday to close the harbour road for six weeks of repairs to the sea wall, which engineers said had been undermined by two winters of storms and could not wait for the spring budget round.

      3 Comments

      Olu Brant
      March 4, 2021
      Deliveries are allowed before seven in the morning.
      Reply

      peter_g
      March 5, 2021
      Six weeks is optimistic for that wall.
      Reply

      sal_k
      March 6, 2021
      They did the same to the bridge.
      Reply
      """)
    #expect(d.comments.map(\.author) == ["Olu Brant", "peter_g", "sal_k"])
    #expect(d.article.text.contains("The council voted on Tuesday"))
  }

  @Test("a user id over 'wrote' is the name; a name over a reply marker shares the template; the software's credit ends the thread")
  func userIDOverVerb() {
    let d = parse(
      """
      Riverside Residents Forum
      Categories

      Should the Old Harbour Road Close for Six Weeks of Repairs
      3 posts

      7
      70683022
      wrote
      on Mar 3, 2021
      The council wants to shut the harbour road for six weeks while the sea wall is rebuilt, and nobody has said where the buses will go in the meantime or how the shops on the front will get their deliveries.
      1 Reply 4 Quote Reply

      H
      harbourdog
      replied to 70683022
      on Mar 4, 2021
      The buses go round by the station, it was in the notice.
      0 Quote Reply

      P
      peter_g
      wrote
      on Mar 5, 2021
      Six weeks is optimistic for that wall.
      1 Quote Reply

      Powered by ForumKit | Contributors
      """)
    #expect(d.comments.map(\.author) == ["70683022", "harbourdog", "peter_g"])
    #expect(d.comments.map(\.parent) == [nil, 0, nil])
    #expect(d.comments.allSatisfy { !$0.text.contains("Powered by") })
  }
}
