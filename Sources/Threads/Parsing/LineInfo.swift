/// The features of one line that the segmentation decodes over.
struct LineInfo {
  /// The line is empty after trimming.
  var blank: Bool
  /// Matching form (see `LineKey`); nil for long lines.
  var key: String?
  /// The furniture role, if the line is a widget.
  var role: Widgets.Role?
  /// The line is a date and nothing else.
  var date: DateMatcher.Match?
  /// "Reply to NAME": NAME.
  var replyTarget: String?
  /// "NAME says:": NAME.
  var says: String?
  /// "A → B".
  var arrow: (author: String, target: String)?
  /// `NameScore` of the line; very low for long lines.
  var name: Double
  /// "NAME • 3 years ago" on one line: NAME and the date text.
  var inlineDated: (author: String, dateText: String)?

  init(_ line: String) {
    blank = line.isEmpty
    key = blank ? nil : LineKey.make(line)
    role = nil
    date = nil
    replyTarget = nil
    says = nil
    arrow = nil
    name = -9
    inlineDated = nil
    guard let key else { return }
    role = Widgets.role(of: key)
    if role != nil { return }
    let short = key.utf8.count <= 100
    guard short else { return }
    date = DateMatcher.lineDate(key)
    if date != nil { return }
    replyTarget = Markers.replyTarget(line: line, key: key)
    if replyTarget != nil { return }
    says = Markers.saysName(line: line, key: key)
    if says != nil { return }
    arrow = Markers.arrow(line: line)
    if arrow != nil { return }
    inlineDated = LineInfo.splitInlineDate(line)
    if inlineDated == nil { name = NameScore.score(line) }
  }

  /// Lines up to this many bytes are described once per page (see `describe`).
  static let memoBytes = 64

  /// The features of every line of a page. Short lines repeat (author
  /// names, dates, widgets), so each distinct one is described once; longer
  /// ones are nearly all distinct prose.
  static func describe(_ lines: [String]) -> [LineInfo] {
    var seen: [String: LineInfo] = [:]
    let blank = LineInfo("")
    return lines.map { line in
      if line.isEmpty { return blank }
      guard line.utf8.count <= memoBytes else { return LineInfo(line) }
      if let known = seen[line] { return known }
      let info = LineInfo(line)
      seen[line] = info
      return info
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
