import Threads

/// Hand-made pages for the metric tests.
enum Pages {
  /// One comment of a test page: author, parent index, text, and optionally a date.
  struct Row {
    var author: String?
    var parent: Int? = nil
    var text: String
    var date: CalendarDate? = nil
    var truncated = false
    var evidence: ReplyEvidence? = nil
  }

  static func page(
    _ source: String = "page.txt", title: String = "", article: String, date: CalendarDate? = nil,
    _ rows: [Row]
  ) -> Discussion {
    Discussion(
      source: source, layout: .plain, article: Article(title: title, date: date, text: article),
      comments: rows.enumerated().map { i, row in
        Comment(
          index: i, author: row.author, date: row.date, parent: row.parent,
          replyEvidence: row.parent == nil ? nil : (row.evidence ?? .marker),
          truncated: row.truncated, text: row.text, line: 10 + i * 3)
      }, diagnostics: [])
  }

  static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate {
    guard let date = CalendarDate(year: y, month: m, day: d) else { fatalError("bad test date") }
    return date
  }
}
