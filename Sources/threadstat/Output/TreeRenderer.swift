import Threads

/// The human-readable form of a discussion: article header, then each
/// comment indented under its parent with author, date, evidence and its
/// first words.
enum TreeRenderer {
  static func render(_ d: Discussion, firstWords: Int = 12) -> String {
    var out = "\(d.article.title.isEmpty ? "(untitled)" : d.article.title)\n"
    out += "  layout: \(d.layout.rawValue), article: \(d.article.words) words"
    if let date = d.article.date { out += ", \(date.iso)" }
    out += ", \(d.comments.count) comment\(d.comments.count == 1 ? "" : "s")\n\n"
    let depths = d.depths
    for c in d.comments {
      var line = String(repeating: "  ", count: depths[c.index] + 1)
      line += "#\(c.index) "
      if let a = c.author { line += c.authorInferred ? "\(a) (inferred)" : a } else { line += "(no name)" }
      if let date = c.date { line += " · \(date.iso)" } else if let t = c.dateText { line += " · \(t)" }
      if let p = c.parent, let e = c.replyEvidence { line += " · reply to #\(p) by \(e.rawValue)" }
      if c.truncated { line += " · truncated" }
      line += " · line \(c.line)\n"
      let words = c.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(firstWords + 1)
      var preview = words.prefix(firstWords).joined(separator: " ")
      if words.count > firstWords { preview += " …" }
      if preview.isEmpty { preview = "(empty)" }
      line += String(repeating: "  ", count: depths[c.index] + 2) + preview + "\n"
      out += line
    }
    return out
  }
}
