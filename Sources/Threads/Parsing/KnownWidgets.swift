/// The comment widgets the parser knows by name, each described once: the
/// lines that give it away. Detection only labels the page (`Layout`); the
/// segmentation reads every widget the same way, from line features and the
/// template the page teaches (`PageTemplate`), so a widget missing here is
/// still read, as `generic`.
enum KnownWidgets {
  /// One widget's signature.
  struct Signature {
    var layout: Layout
    /// Whole-line keys that only this widget prints.
    var lines: Set<String>
    /// Key prefixes that only this widget prints.
    var prefixes: [String] = []
    /// Key substrings that only this widget prints.
    var contains: [String] = []
  }

  static let signatures: [Signature] = [
    Signature(
      layout: .wpdiscuz,
      lines: ["notify of", "inline feedbacks", "view all comments", "newest most voted", "oldest newest most voted",
        "would love your thoughts, please comment.x"]),
    Signature(
      layout: .wordpress, lines: ["log in to reply", "leave a reply cancel reply", "cancel reply", "取消回复"],
      prefixes: ["this site uses akismet"]),
    Signature(
      layout: .disqus,
      lines: ["powered by disqus", "add disqus to your site", "or sign up with disqus", "or sign up with disqus ?",
        "or sign up with disqus?", "disqus' privacy policy", "log in with", "reply • share ›", "reply •share ›",
        "start the discussion…", "join the discussion…"]),
    Signature(layout: .facebook, lines: ["facebook comments plugin", "facebook comments plugin.", "top fan"]),
    Signature(
      layout: .coral, lines: ["featured comments", "respect", "most replies", "join the conversation"],
      prefixes: ["replying to "]),
    Signature(layout: .hackernews, lines: [], contains: [" | parent | ", " | next [–]", " | prev [–]", "| root |"]),
    Signature(
      layout: .reddit, lines: [], prefixes: ["[–] ", "[-] ", "permalink embed save", "load more comments ("]),
    Signature(layout: .youtube, lines: ["up next", "autoplay"], prefixes: ["@"], contains: [" ago (edited)"]),
    Signature(
      layout: .discourse, lines: ["suggested topics", "new & unread topics", "last reply", "created"],
      prefixes: ["powered by discourse"]),
    Signature(
      layout: .blogger, lines: ["post a comment", "newer post", "older post", "add comment"],
      prefixes: ["subscribe to: post comments"], contains: [" said..."]),
    Signature(layout: .substack, lines: ["expand full comment"], prefixes: ["liked by "]),
    Signature(
      layout: .guardian,
      lines: ["display threads", "unthreaded", "recommendations", "per page", "view more comments"]),
    Signature(
      layout: .phpbb, lines: ["board index", "post reply", "display posts from previous:"],
      prefixes: ["post by ", "powered by phpbb", "re: "], contains: [" wrote: ↑"]),
  ]

  /// Which signature each listed whole line belongs to.
  static let byLine: [String: Int] = {
    var table: [String: Int] = [:]
    for (i, s) in signatures.enumerated() {
      for line in s.lines where table[line] == nil { table[line] = i }
    }
    return table
  }()

  /// The best-scoring widget over a page's lines (their keys and features),
  /// or nil when no widget shows.
  static func detect(_ lines: some Sequence<(String?, LineInfo)>) -> Layout? {
    var scores = [Int](repeating: 0, count: signatures.count)
    func add(_ layout: Layout, _ n: Int) {
      if let i = signatures.firstIndex(where: { $0.layout == layout }) { scores[i] += n }
    }
    for case let (key?, info) in lines {
      if let i = byLine[key] { scores[i] += 2 }
      guard key.utf8.count <= 120 else { continue }
      for (i, s) in signatures.enumerated() {
        if s.prefixes.contains(where: { key.hasBytePrefix($0) }) || s.contains.contains(where: { key.containsBytes($0) }) {
          scores[i] += 1
        }
      }
      // Header forms and footers that name a widget.
      if info.says != nil, key.hasByteSuffix("says:") || key.hasByteSuffix("说道：") || key.hasByteSuffix("说道") {
        add(.wordpress, 2)
      }
      if info.replyTarget != nil, key.hasBytePrefix("reply to ") { add(.wpdiscuz, 1) }
      if let h = info.inline, h.target != nil { add(key.containsBytes(" > ") ? .guardian : .disqus, 2) }
      if let d = info.date, d.relative, key.hasBytePrefix("•") { add(.disqus, 1) }
      if info.role == .footer {
        if key.hasBytePrefix("like"), key.containsBytes("reply") {
          add(.facebook, 2)
        } else if key.containsBytes("share"), key.containsBytes("•") {
          add(.disqus, 2)
        } else if key == "reply" || key == "回复" {
          add(.wordpress, 1)
        }
      }
    }
    guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] >= 2 else { return nil }
    return signatures[best].layout
  }
}
