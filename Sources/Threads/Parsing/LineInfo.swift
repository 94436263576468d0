/// The features of one line that the segmentation decodes over.
///
/// A line is at most one of: a date, a reply marker, a "says" line, a lone
/// "says:", a one-line header; that one form is kept in one field, so the
/// description of a line stays small on pages of a million lines.
struct LineInfo {
  /// The line is empty after trimming.
  var blank: Bool
  /// The furniture role, if the line is a widget.
  var role: Widgets.Role?
  /// `NameScore` of the line; very low for long lines.
  var name: Double
  /// Matching form (see `LineKey`); nil for long lines.
  var key: String?
  /// What the line is, besides a widget or a name.
  private var form: Form?
  /// The line's points for each known widget (`KnownWidgets.keyVotes`).
  let widgetVotes: UInt64
  /// A profile label or value learned from the page ("Joined", "Messages", `PageTemplate.profileStats`),
  /// or a badge that every header of the page prints (`PageTemplate.badgeLines`).
  private(set) var profile = false

  /// The forms of a line that exclude one another.
  private enum Form {
    case date(DateMatcher.Match)
    case replyTarget(String)
    case says(String)
    case saysWord
    indirect case inline(InlineHeader)
    case deletedNotice
    case quoteOf(String)
  }

  /// The line is a date and nothing else.
  var date: DateMatcher.Match? {
    if case .date(let match) = form { match } else { nil }
  }
  /// "Reply to NAME": NAME.
  var replyTarget: String? {
    if case .replyTarget(let name) = form { name } else { nil }
  }
  /// "NAME says:": NAME.
  var says: String? {
    if case .says(let name) = form { name } else { nil }
  }
  /// "says:" alone: the scraper put the name on the line above.
  var saysWord: Bool {
    if case .saysWord = form { true } else { false }
  }
  /// A header on one line: "NAME • 3 years ago", "A → B", "[–] USER 5 points 3 hours ago".
  var inline: InlineHeader? {
    if case .inline(let header) = form { header } else { nil }
  }

  /// "This comment was deleted.": a comment of its own, with no author.
  var deletedNotice: Bool {
    if case .deletedNotice = form { true } else { false }
  }

  /// "NAME wrote: ↑": NAME, whose post the body quotes next.
  var quoteOf: String? {
    if case .quoteOf(let name) = form { name } else { nil }
  }

  /// Marks the line as a "NAME says:" header learned from the page (`PageTemplate`).
  mutating func learnSays(_ name: String) {
    form = .says(name)
    self.name = -9
  }

  /// Marks the line as a lone author suffix learned from the page ("dit :" under a name).
  mutating func learnSaysWord() {
    form = .saysWord
    name = -9
  }

  /// Replaces the line's one-line header by one read with the page's template (`PageTemplate`).
  mutating func learnInline(_ header: InlineHeader) {
    form = .inline(header)
    name = -9
  }

  /// Marks the line as a quote's attribution inside a post (`PageTemplate.quoteBlocks`).
  mutating func learnQuoteOf(_ name: String) {
    form = .quoteOf(name)
    self.name = -9
  }

  /// Marks the line as part of a poster's profile block (`PageTemplate.profileStats`).
  mutating func markProfile() { profile = true }

  /// Marks the line as a reply marker in the page's own words (`PageTemplate`).
  mutating func learnReplyTarget(_ name: String) {
    form = .replyTarget(name)
    self.name = -9
  }

  /// Replaces the line's date by one read with the page's date order (`PageTemplate`).
  mutating func learnDate(_ match: DateMatcher.Match) {
    form = .date(match)
  }

  /// Gives the line a furniture role learned from the page (`PageTemplate`).
  /// A role of nil makes a listed vote count a possible user id.
  mutating func learnRole(_ role: Widgets.Role?) {
    self.role = role
    self.name = role == nil ? -3 : -9
  }

  init(_ line: String) {
    blank = line.isEmpty
    key = blank ? nil : LineKey.make(line)
    role = nil
    form = nil
    name = -9
    widgetVotes = key.map(KnownWidgets.keyVotes) ?? 0
    guard let key else { return }
    role = Widgets.role(of: key)
    if role != nil { return }
    let short = key.utf8.count <= 100
    guard short else { return }
    if let date = DateMatcher.lineDate(key) {
      form = .date(date)
    } else if let date = DateMatcher.datedActionBar(key) {
      // "29 июня 2024 в 20:53 Ответить 7": the comment's date on its footer.
      role = .footer
      form = .date(date)
    } else if let target = Markers.replyTarget(line: line, key: key) {
      form = .replyTarget(target)
    } else if let author = Markers.saysName(line: line, key: key) {
      form = .says(author)
    } else if let name = Markers.quoteAttribution(line: line, key: key) {
      form = .quoteOf(name)
    } else if Markers.isDeletedNotice(key) {
      form = .deletedNotice
    } else if Markers.isSaysWord(key) {
      form = .saysWord
    } else if InlineHeader.mayHold(key), let header = InlineHeader.read(line) {
      form = .inline(header)
    } else if let space = line.utf8.firstIndex(of: 0x20), LineInfo.isLink(line[..<space]) {
      // "http://example.com/ NAME": a linked name printed with its link.
      name = NameScore.score(String(line[line.index(after: space)...]))
    } else {
      name = NameScore.score(line)
    }
  }

  /// A web address as a scraper prints a link's target: "http://…", "https://…", "www.…".
  static func isLink(_ word: Substring) -> Bool {
    word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("www.") && word.utf8.count > 6
  }

  /// Lines up to this many bytes are described once (see `describe`).
  static let memoBytes = 64

  /// The features of every line of a page. Short lines repeat (author
  /// names, dates, widgets), on a page and from one page to the next, so
  /// each distinct one (by its bytes) is described once and kept in a
  /// ``LineMemo`` for the pages parsed after it; longer ones are nearly all
  /// distinct prose. A page of many lines is described in parallel slices,
  /// one per core.
  static func describe(_ lines: [String]) -> [LineInfo] {
    Parallel.map(lines.count, minimumSlice: 50_000) { range, emit in
      LineMemo.borrow { memo in
        for line in lines[range] { emit(memo.info(line)) }
      }
    }
  }

  /// The line may head a comment as its author line.
  var isNameCandidate: Bool { name > 0 && role == nil }
}
