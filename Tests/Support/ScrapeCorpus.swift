import Foundation

/// Deterministic synthetic page scrapes with the truth about their comments,
/// for tests: the article, then comments in one of three layouts the parser
/// reads (wpDiscuz with the name shown twice and a date, wpDiscuz with the
/// name once, plain name-then-body). Authors come from one pool, so they
/// recur across pages; replies carry "Reply to\u{A0} NAME" markers, some
/// comments show no name, some are cut with "… Read more »", and some drift
/// to another page's topic. The same seed gives the same bytes on any machine
/// (a SplitMix64 stream per page, no system randomness).
public enum ScrapeCorpus {
  /// One comment as the page shows it.
  public struct Comment: Equatable, Sendable {
    /// The name shown, nil when the page shows none.
    public var author: String?
    /// The index of the comment it replies to, as its marker names it.
    public var parent: Int?
    public var truncated: Bool
    /// The body's lines, blank lines between paragraphs.
    public var body: [String]
    public var date: String?
  }

  /// The layouts pages come in.
  public enum Layout: Int, CaseIterable, Sendable {
    case wpdiscuzTwice, wpdiscuzOnce, plain
  }

  /// One generated scrape.
  public struct Page: Sendable {
    public var name: String
    public var layout: Layout
    public var title: String
    public var comments: [Comment]
    public var text: String
  }

  /// `count` pages from `seed`, named `page-0001.txt` and on.
  public static func pages(count: Int, seed: Int) -> [Page] {
    (0..<count).map { page(number: $0 + 1, seed: seed) }
  }

  /// Writes `files` scrapes made from `seed` into `folder` (which must exist).
  public static func write(to folder: String, files: Int, seed: Int) throws {
    for page in pages(count: files, seed: seed) {
      try Data(page.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + page.name))
    }
  }

  static let authors = [
    "Marta Kowalczyk", "Tom Halvorsen", "breadvan_pete", "Ксения Орлова", "Gwen Pritchard",
    "Dr. Sam Okoro", "Sunny 🌻", "Anna-Lena Weiß", "marge_e", "José Álvarez", "Trail Runner 64",
    "Kieran Doyle", "Priya Nair", "Old Harbour Hand", "Lukas Brandt", "Ines Carvalho", "Wen Li",
    "Rosa Delgado", "Hamish Grant", "Tolu Adebayo",
  ]

  static let topics: [[String]] = [
    ["bakery", "oven", "bread", "flour", "emission", "chimney", "loaves", "council"],
    ["trail", "landslide", "boardwalk", "volunteers", "ranger", "quarry", "footpath", "woods"],
    ["striker", "transfer", "stadium", "manager", "season", "league", "supporters", "goal"],
    ["ferry", "harbour", "timetable", "crossing", "island", "fares", "vessel", "pier"],
    ["school", "teachers", "budget", "classroom", "pupils", "exams", "governors", "uniform"],
    ["library", "books", "opening", "hours", "readers", "branch", "archive", "shelves"],
  ]

  static let glue = [
    "the", "and", "that", "was", "with", "for", "about", "really", "again", "never", "always",
    "people", "here", "last", "year", "think", "because", "would", "should", "quite",
  ]

  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  private static func page(number: Int, seed: Int) -> Page {
    var random = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9 &+ UInt64(number))
    let layout = Layout(rawValue: random.below(Layout.allCases.count))!
    let topic = random.below(topics.count)
    let words = topics[topic]
    let title = "Town Debates The " + words[0].capitalized + " And The " + words[1].capitalized
    let year = 2015 + random.below(8)
    let month = random.below(12)
    var lines = ["The Harbour Ledger", "", title, ""]
    for _ in 0..<(3 + random.below(3)) {
      lines += [sentence(words, &random, count: 14 + random.below(12)), ""]
    }
    lines += ["What do you think?", ""]
    if layout != .plain { lines += ["Notify of", "Newest Most Voted", "Inline Feedbacks", "View all comments"] }

    var comments: [Comment] = []
    for index in 0..<(2 + random.below(9)) {
      let anonymous = layout == .wpdiscuzTwice && random.below(10) == 0
      let author = anonymous ? nil : authors[random.below(authors.count)]
      // A reply names an earlier named author; the truth is the nearest
      // earlier comment by that name, as the marker's reader resolves it.
      var parent: Int?
      var marker: String?
      if layout != .plain, index > 0, random.below(3) == 0 {
        let named = comments.indices.filter { comments[$0].author != nil }
        if let pick = named.isEmpty ? nil : named[random.below(named.count)], let name = comments[pick].author {
          marker = name
          parent = comments.lastIndex { $0.author == name }
        }
      }
      let drifted = random.below(4) == 0
      let bodyWords = drifted ? topics[(topic + 1 + random.below(topics.count - 1)) % topics.count] : words
      let truncated = random.below(8) == 0
      var body: [String] = []
      if truncated {
        body = [sentence(bodyWords, &random, count: 100, end: "") + " …\u{A0}Read more »"]
      } else {
        for p in 0..<(1 + random.below(3)) {
          if p > 0 { body.append("") }
          body.append(sentence(bodyWords, &random, count: 6 + random.below(20)))
        }
      }
      let date = layout == .wpdiscuzTwice ? "\(months[(month + index / 4) % 12]) \(1 + index % 28), \(year)" : nil
      switch layout {
      case .wpdiscuzTwice:
        if let author { lines += [author, author] }
        if let marker { lines.append("Reply to\u{A0} \(marker)") }
        lines += [date!, ""]
      case .wpdiscuzOnce:
        lines.append(author!)
        if let marker { lines.append("Reply to\u{A0} \(marker)") }
        lines.append("")
      case .plain:
        lines += [author!, ""]
      }
      lines += body + [""]
      comments.append(Comment(author: author, parent: parent, truncated: truncated, body: body, date: date))
    }
    return Page(
      name: String(format: "page-%04d.txt", number), layout: layout, title: title, comments: comments,
      text: lines.joined(separator: "\n"))
  }

  /// A lower-case sentence of `count` words, topic words among glue words.
  private static func sentence(_ words: [String], _ random: inout SplitMix64, count: Int, end: String = ".") -> String {
    var out: [String] = []
    for k in 0..<count {
      out.append(k % 2 == 1 ? words[random.below(words.count)] : glue[random.below(glue.count)])
    }
    return out.joined(separator: " ") + end
  }
}

/// Steele, Lea and Flood's SplitMix64: a small, well-mixed, portable stream,
/// so generated pages and kill points repeat from run to run.
public struct SplitMix64 {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<n.
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// A value in [0.05, 0.95).
  public mutating func fraction() -> Double { 0.05 + 0.9 * Double(next() >> 11) / Double(1 << 53) }
}
