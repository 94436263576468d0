/// A comment while the segmentation is still collecting its lines.
struct CommentDraft {
  /// First line of the comment (its header, or its first body line).
  var line: Int
  var author: String?
  /// The parent's author named by a reply marker.
  var target: String?
  /// The author of the post the body quotes ("NAME wrote: ↑").
  var quoted: String?
  var date: CalendarDate?
  var dateText: String?
  /// Body line indices in page order.
  var body: [Int] = []
  var truncated = false
  /// A footer widget closed the comment: the next line opens another.
  var closedByFooter = false
  /// That footer was a signature: it gave the comment its author.
  var signed = false
  /// The body is only a deleted-comment placeholder.
  var placeholder = false
  /// Started only because a truncated body had ended: likely page furniture.
  var afterTruncation = false

  var hasBody: Bool { !body.isEmpty }

  /// The finished comment: paragraphs joined by blank lines, truncation marker removed.
  func comment(index: Int, lines: [String]) -> Comment {
    // Joined, not appended: `joined` sizes the text exactly, and comments
    // live as long as the page (appending left 14 MB of slack on 100,000).
    var paragraphs: [String] = []
    var current: [String] = []
    var last = -2
    for i in body {
      if i != last + 1, !current.isEmpty {
        paragraphs.append(current.joined(separator: "\n"))
        current.removeAll()
      }
      current.append(lines[i])
      last = i
    }
    if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
    var text = paragraphs.joined(separator: "\n\n")
    if truncated, let key = LineKey.make(String(text.suffix(40))), let cut = Markers.truncation(key: key) {
      let scalars = text.unicodeScalars
      text = Page.trim(Substring(scalars[..<scalars.index(scalars.endIndex, offsetBy: -cut)]))
    }
    return Comment(
      index: index, author: author, date: date, dateText: dateText, truncated: truncated, text: text,
      line: line + 1)
  }
}
