/// The features of one line that the segmentation decodes over.
///
/// A line is at most one of: a date, a reply marker, a "says" line, an
/// arrow, an inline-dated header; that one form is kept in one field, so the
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

  /// The forms of a line that exclude one another.
  private enum Form {
    case date(DateMatcher.Match)
    case replyTarget(String)
    case says(String)
    case arrow(author: String, target: String)
    case inlineDated(author: String, dateText: String)
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
  /// "A → B".
  var arrow: (author: String, target: String)? {
    if case .arrow(let author, let target) = form { (author, target) } else { nil }
  }
  /// "NAME • 3 years ago" on one line: NAME and the date text.
  var inlineDated: (author: String, dateText: String)? {
    if case .inlineDated(let author, let dateText) = form { (author, dateText) } else { nil }
  }

  init(_ line: String) {
    blank = line.isEmpty
    key = blank ? nil : LineKey.make(line)
    role = nil
    form = nil
    name = -9
    guard let key else { return }
    role = Widgets.role(of: key)
    if role != nil { return }
    let short = key.utf8.count <= 100
    guard short else { return }
    if let date = DateMatcher.lineDate(key) {
      form = .date(date)
    } else if let target = Markers.replyTarget(line: line, key: key) {
      form = .replyTarget(target)
    } else if let author = Markers.saysName(line: line, key: key) {
      form = .says(author)
    } else if let arrow = Markers.arrow(line: line) {
      form = .arrow(author: arrow.author, target: arrow.target)
    } else if let inline = LineInfo.splitInlineDate(line) {
      form = .inlineDated(author: inline.author, dateText: inline.dateText)
    } else {
      name = NameScore.score(line)
    }
  }

  /// Lines up to this many bytes are described once per page (see `describe`).
  static let memoBytes = 64

  /// The features of every line of a page. Short lines repeat (author
  /// names, dates, widgets), so each distinct one (by its bytes) is
  /// described once; longer ones are nearly all distinct prose. A page of
  /// many lines is described in parallel slices, one per core.
  static func describe(_ lines: [String]) -> [LineInfo] {
    Parallel.map(lines.count, minimumSlice: 50_000) { describe(lines[$0]) }
  }

  /// The features of `lines`, each distinct short line described once.
  private static func describe(_ lines: ArraySlice<String>) -> [LineInfo] {
    var seen = TokenInterner()
    var known: [LineInfo] = []
    let blank = LineInfo("")
    return lines.map { line in
      if line.isEmpty { return blank }
      guard line.utf8.count <= memoBytes else { return LineInfo(line) }
      var line = line
      let (id, isNew) = line.withUTF8 { seen.intern($0, hash: TokenInterner.hash($0)) }
      if isNew { known.append(LineInfo(line)) }
      return known[Int(id)]
    }
  }

  /// "Jane Doe • 3 years ago", "Jane Doe · 2h".
  static func splitInlineDate(_ line: String) -> (author: String, dateText: String)? {
    guard line.utf8.count <= 80, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    for sep in [" • ", " · ", " | ", " - ", " — "] {
      guard let r = line.firstRange(of: sep) else { continue }
      let left = Page.trim(line[..<r.lowerBound])
      let right = Page.trim(line[r.upperBound...])
      guard let rk = LineKey.make(right), DateMatcher.lineDate(rk) != nil, NameScore.score(left) > 0.3 else {
        continue
      }
      return (left, right)
    }
    return nil
  }

  /// The line may head a comment as its author line.
  var isNameCandidate: Bool { name > 0 && role == nil }
}
