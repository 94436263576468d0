import Testing

@testable import Threads

/// Scrapers copy what a page holds but does not show: zero-width spaces and
/// direction marks around names and dates, NBSP and thin spaces between the
/// words of a header ("3\u{A0}hours ago", "@Jane\u{A0}Doe"). Written by hand
/// in the shape of a YouTube-style thread (handle, relative time, text,
/// "Reply", replies opening with "@handle"); before, a page whose header
/// lines carried such marks lost most of its comments, and NBSP names lost
/// their replies.
@Suite("Invisible marks and Unicode spaces in headers")
struct InvisibleMarkTests {
  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  static let article = """
    Night Trains Return to the Coast Line

    The sleeper service that stopped in 2009 runs again from May, with six carriages and a cafe car, the rail company said, after a trial that sold out in a week.

    12 Comments

    """

  static let names = ["@railfan_del", "@Marta Novak", "@quietcarriage", "@Marta Novak", "@railfan_del"]
  static let bodies = [
    "Six carriages will not be enough in summer.",
    "We took the trial run and it was lovely, the beds are small though.",
    "@Marta Novak how small is small? I am tall.",
    "@quietcarriage you will touch both ends, I did.",
    "Still better than the first flight out.",
  ]

  /// The thread with `mark` wrapped around every header line and `space`
  /// between the words of the headers and of the "@handle" that opens a reply.
  func page(mark: String, space: String) -> String {
    var text = Self.article
    for (i, (name, body)) in zip(Self.names, Self.bodies).enumerated() {
      let header = mark + name.split(separator: " ").joined(separator: space) + mark
      let when = mark + ["\(i + 2)", "hours", "ago"].joined(separator: space) + mark
      let shown = body.hasPrefix("@Marta Novak") ? "@Marta" + space + body.dropFirst("@Marta ".count) : body
      text += [header, when, shown, mark + "Reply" + mark, ""].joined(separator: "\n") + "\n"
    }
    return text
  }

  @Test(
    "zero-width spaces, direction marks and joiners around header lines: every comment, its author and date",
    arguments: ["\u{200B}", "\u{200E}", "\u{200F}", "\u{FEFF}", "\u{2060}", "\u{2068}"])
  func marksAroundHeaders(mark: String) {
    let plain = parse(page(mark: "", space: " "))
    let marked = parse(page(mark: mark, space: " "))
    #expect(plain.comments.count == Self.names.count)
    #expect(marked.comments.map(\.author) == plain.comments.map(\.author))
    #expect(marked.comments.map(\.dateText) == plain.comments.map(\.dateText))
    #expect(marked.comments.map(\.text) == Self.bodies)
  }

  @Test("NBSP and thin spaces in names and dates: the authors, and the replies that address them", arguments: ["\u{A0}", "\u{202F}", "\u{2009}"])
  func unicodeSpaces(space: String) {
    let d = parse(page(mark: "", space: space))
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.dateText) == (2..<7).map { "\($0) hours ago" })
    // "@Marta\u{A0}Novak how small..." answers her first comment.
    #expect(d.comments[2].parent == 1)
    // The text is quoted as printed, its NBSP kept.
    #expect(d.comments[2].text.hasPrefix("@Marta" + space + "Novak"))
  }

  @Test("plain: Unicode spaces become spaces, invisible marks go, joiners inside words and emoji stay")
  func plainLine() {
    #expect(Page.plain("Jane\u{A0}Doe\u{200E}") == "Jane Doe")
    #expect(Page.plain("\u{200B}3\u{2009}hours ago") == "3 hours ago")
    #expect(Page.plain("co\u{AD}operate") == "cooperate")
    #expect(Page.plain("名前\u{3000}さん") == "名前 さん")
    #expect(Page.plain("family 👨\u{200D}👩\u{200D}👧 and mi\u{200C}khāh") == nil)
    #expect(Page.plain("plain text, é and “quotes” — and ellipsis…") == nil)
  }
}

/// A scraper that writes every break of the page as two blank lines or more
/// ("NAME", "", "", "DATE", "", "", text, "", "", "", next comment): before,
/// the headers fell apart into comments of their own.
@Suite("Pages whose every blank run is doubled")
struct DoubledBlankTests {
  static let names = ["Priya Raman", "old_harbour", "Tomas Lind", "Priya Raman", "kestrel77"]
  static let bodies = [
    "The new timetable skips my stop twice an hour.",
    "It skips mine too, the bus is full by then anyway.",
    "They said at the meeting it was only for the summer.",
    "If it is only the summer I can live with it.",
    "Write to the council, they did change it last year.",
  ]

  /// The thread with `gap` blank lines between header lines and text, and
  /// `gap + 1` between comments; the 1-based line of each comment's name.
  func page(gap: Int) -> (text: String, nameLines: [Int]) {
    let blank = [String](repeating: "", count: gap)
    let lead = "The operator cuts the number 12 to every 20 minutes on weekday mornings from Monday, it said in a notice at the depot."
    var lines = ["Bus Timetable Changes From Monday"] + blank + [lead] + blank + ["5 Comments"] + blank
    var nameLines: [Int] = []
    for (i, (name, body)) in zip(Self.names, Self.bodies).enumerated() {
      nameLines.append(lines.count + 1)
      lines += [name] + blank + ["March \(3 + i), 2024 at 9:1\(i) am"] + blank + [body] + blank + ["Reply"] + blank + [""]
    }
    return (lines.joined(separator: "\n"), nameLines)
  }

  @Test("two or three blank lines for every one: the same comments as with one, at the scrape's own line numbers", arguments: [2, 3])
  func doubled(gap: Int) {
    let single = Discussion(parsing: page(gap: 1).text, source: "t")
    let (text, nameLines) = page(gap: gap)
    let d = Discussion(parsing: text, source: "t")
    #expect(single.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.text) == Self.bodies)
    #expect(d.comments.map(\.dateText) == single.comments.map(\.dateText))
    #expect(d.comments.map(\.line) == nameLines)
  }

  @Test("runs of one blank line and of two mixed: nothing collapsed, line numbers as given")
  func mixedRuns() {
    var (text, nameLines) = page(gap: 1)
    text = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 == "Reply" ? "Reply\n" : String($0) }.joined(separator: "\n")
    nameLines = nameLines.enumerated().map { $1 + $0 }
    var page = Page(bytes: Array(text.utf8))
    #expect(page.sourceLines == nil)
    page.collapseBlankRuns()
    #expect(page.sourceLines == nil)
    let d = Discussion(parsing: text, source: "t")
    #expect(d.comments.map(\.line) == nameLines)
  }
}
