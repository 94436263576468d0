/// One reader comment.
public struct Comment: Sendable, Equatable {
  /// 0-based position in page order.
  public var index: Int
  /// The author as the page shows it; nil when the page shows no name.
  public var author: String?
  /// True when `author` was not shown above the comment but taken from a
  /// reply marker that names it ("Reply to NAME" under an unnamed comment).
  public var authorInferred: Bool
  /// The posting date when the page gives an absolute one.
  public var date: CalendarDate?
  /// The date as printed (absolute or relative, e.g. "3 years ago").
  public var dateText: String?
  /// Index of the comment this one replies to.
  public var parent: Int?
  /// What the parent link rests on; nil for top-level comments.
  public var replyEvidence: ReplyEvidence?
  /// True when the page cut the body short ("Read more »", "See More").
  public var truncated: Bool
  /// The body: paragraphs joined by blank lines, truncation marker removed.
  public var text: String
  /// Whitespace-separated words in `text`.
  public var words: Int
  /// 1-based line of the comment's first line in the input.
  public var line: Int

  public init(
    index: Int, author: String?, authorInferred: Bool = false,
    date: CalendarDate? = nil, dateText: String? = nil, parent: Int? = nil,
    replyEvidence: ReplyEvidence? = nil, truncated: Bool = false, text: String,
    line: Int
  ) {
    self.index = index
    self.author = author
    self.authorInferred = authorInferred
    self.date = date
    self.dateText = dateText
    self.parent = parent
    self.replyEvidence = replyEvidence
    self.truncated = truncated
    self.text = text
    self.words = Words.count(text)
    self.line = line
  }
}

/// What a reply link rests on.
public enum ReplyEvidence: String, Sendable, Equatable, CaseIterable, Codable {
  /// A reply marker printed by the site: "Reply to NAME", "NAME → NAME", "In reply to NAME".
  case marker
  /// The body starts by addressing someone: "@NAME ...", or a Facebook-style tag.
  case mention
  /// The body quotes an earlier comment.
  case quote
  /// The page's markup or the export file nests the reply under its parent.
  case structure
}
