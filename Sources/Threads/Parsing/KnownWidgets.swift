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
  static let byLine = KeyTable<Int>({
    var table: [String: Int] = [:]
    for (i, s) in signatures.enumerated() {
      for line in s.lines where table[line] == nil { table[line] = i }
    }
    return table
  }())

  /// Every signature's prefixes in one list (no key starts with two of them),
  /// and the signature each belongs to.
  static let prefixList = AffixList(signatures.flatMap(\.prefixes), suffixes: false)
  static let byPrefix: [String: Int] = {
    var table: [String: Int] = [:]
    for (i, s) in signatures.enumerated() {
      for prefix in s.prefixes { table[prefix] = i }
    }
    return table
  }()

  /// One byte of each substring that a key must hold to contain it: the
  /// substring's first byte that is not a letter, digit or space ("|", "(",
  /// "."), so most keys are turned away after one scan.
  static let containsGate: [Bool] = {
    var gate = [Bool](repeating: false, count: 256)
    for needle in signatures.flatMap(\.contains) {
      let bytes = Array(needle.utf8)
      let rare = bytes.first { !($0 == 0x20 || $0 >= 0x30 && $0 <= 0x39 || $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
      gate[Int(rare ?? bytes[0])] = true
    }
    return gate
  }()

  /// Every signature's substrings in one list, with the signature each belongs to.
  static let substrings: [(needle: String, signature: Int)] = signatures.enumerated().flatMap { s, signature in
    signature.contains.map { ($0, s) }
  }

  /// The signature index of each layout that has one.
  static let index: [Layout: Int] = {
    var table: [Layout: Int] = [:]
    for (i, s) in signatures.enumerated() { table[s.layout] = i }
    return table
  }()

  /// What a line's key alone says for each widget: its points packed four
  /// bits a signature (`detect` adds them up), computed once per line.
  static func keyVotes(_ key: String) -> UInt64 {
    assert(signatures.count <= 16, "four bits a signature, one bit in `counted`")
    var votes: UInt64 = 0
    func add(_ s: Int, _ n: UInt64) { votes += n << (4 * UInt64(s)) }
    if let s = byLine[key] { add(s, 2) }
    guard key.utf8.count <= 120 else { return votes }
    let prefixed = prefixList.match(key).flatMap { byPrefix[$0] }
    if let p = prefixed { add(p, 1) }
    if key.hasByte(where: { containsGate[Int($0)] }) {
      var counted: UInt32 = 0  // a signature counts once, however many of its substrings the key holds
      for (needle, s) in substrings where s != prefixed && counted & (1 << UInt32(s)) == 0 && key.containsBytes(needle) {
        add(s, 1)
        counted |= 1 << UInt32(s)
      }
    }
    return votes
  }

  /// The best-scoring widget over a page's lines (their keys and features),
  /// or nil when no widget shows.
  /// - Complexity: O(lines); most lines cost one addition (`keyVotes` was counted with the line).
  static func detect(_ infos: [LineInfo]) -> Layout? {
    var scores = [Int](repeating: 0, count: signatures.count)
    func add(_ layout: Layout, _ n: Int) {
      if let i = index[layout] { scores[i] += n }
    }
    for i in infos.indices {
      var votes = infos[i].widgetVotes
      var s = 0
      while votes != 0 {
        scores[s] += Int(votes & 0xF)
        votes >>= 4
        s += 1
      }
      guard infos[i].says != nil || infos[i].replyTarget != nil || infos[i].inline != nil || infos[i].date != nil
        || infos[i].role == .footer, let key = infos[i].key, key.utf8.count <= 120
      else { continue }
      // Header forms and footers that name a widget.
      if infos[i].says != nil, key.hasByteSuffix("says:") || key.hasByteSuffix("说道：") || key.hasByteSuffix("说道") {
        add(.wordpress, 2)
      }
      if infos[i].replyTarget != nil, key.hasBytePrefix("reply to ") { add(.wpdiscuz, 1) }
      if infos[i].inline?.target != nil { add(key.containsBytes(" > ") ? .guardian : .disqus, 2) }
      if let d = infos[i].date, d.relative, key.hasBytePrefix("•") { add(.disqus, 1) }
      if infos[i].role == .footer {
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
