/// Links replies to their parents, in one pass over the comments.
///
/// - A marker ("Reply to NAME", "A → NAME") points to the nearest earlier
///   comment by NAME; when none shows that name, to the nearest earlier
///   comment that shows no author, whose author is then filled in from the
///   marker and flagged as inferred.
/// - A body that opens with "@NAME", or with the full name of an earlier
///   commenter (Facebook's tags), is a mention of NAME's latest comment.
/// - A body that opens with a quotation of an earlier comment replies to it.
struct ReplyResolver {
  var comments: [Comment]
  let targets: [String?]
  var diagnostics: [ParseDiagnostic] = []

  /// Latest comment by each name, exact and case-folded.
  private var latest: [String: Int] = [:]
  private var latestFolded: [String: Int] = [:]
  /// Latest comment that shows no author.
  private var latestUnnamed: Int? = nil
  /// Five-word shingles of earlier comment bodies -> latest comment holding them.
  private var shingles: [Int: Int] = [:]

  /// Five-word shingles of the article: a quote of the article is no reply.
  private let articleShingles: Set<Int>

  init(comments: [Comment], targets: [String?], article: String) {
    self.comments = comments
    self.targets = targets
    var set = Set<Int>()
    let words = ReplyResolver.words(article)
    if words.count >= 5 { for s in 0...(words.count - 5) { set.insert(ReplyResolver.hash(words[s..<(s + 5)])) } }
    articleShingles = set
  }

  static func fold(_ name: String) -> String {
    LineKey.make(name) ?? name.lowercased()
  }

  func lookup(_ name: String) -> Int? {
    latest[name] ?? latestFolded[ReplyResolver.fold(name)]
  }

  mutating func run() {
    for i in comments.indices {
      let shownAuthor = comments[i].author
      if let target = targets[i] {
        if let p = lookup(target) {
          link(i, to: p, .marker)
        } else if let p = latestUnnamed {
          link(i, to: p, .marker)
          if comments[p].author == nil {
            comments[p].author = target
            comments[p].authorInferred = true
            remember(target, p)
          }
        } else {
          diagnostics.append(
            ParseDiagnostic(
              line: comments[i].line, message: "reply marker names \"\(target)\", who wrote no earlier comment"))
        }
      } else if let p = mention(in: comments[i].text, author: shownAuthor) {
        link(i, to: p, .mention)
      } else if let p = quote(in: comments[i].text) {
        link(i, to: p, .quote)
      }
      if let a = shownAuthor { remember(a, i) } else { latestUnnamed = i }
      addShingles(of: i)
    }
  }

  private mutating func link(_ i: Int, to p: Int, _ evidence: ReplyEvidence) {
    comments[i].parent = p
    comments[i].replyEvidence = evidence
  }

  private mutating func remember(_ name: String, _ i: Int) {
    latest[name] = i
    latestFolded[ReplyResolver.fold(name)] = i
  }

  /// "@Jane Doe: ..." or "Jane Doe I disagree": the longest earlier author
  /// name (up to four words) that the body opens with.
  func mention(in text: String, author: String?) -> Int? {
    guard !text.isEmpty else { return nil }
    let at = text.hasPrefix("@")
    let head = at ? text.dropFirst() : Substring(text)
    let words = head.prefix(200).split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
    var n = min(4, words.count)
    while n >= 1 {
      if !at && n < 2 { break }
      var candidate = words[0..<n].joined(separator: " ")
      while let last = candidate.unicodeScalars.last, ",:;.!?".unicodeScalars.contains(last) {
        candidate.unicodeScalars.removeLast()
      }
      if !candidate.isEmpty, candidate != author, let p = lookup(candidate) {
        return p
      }
      n -= 1
    }
    return nil
  }

  /// A body opening with “quoted words” found in an earlier comment.
  func quote(in text: String) -> Int? {
    guard let first = text.unicodeScalars.first, "\"“«„>".unicodeScalars.contains(first) else { return nil }
    let words = ReplyResolver.words(String(text.prefix(300)))
    guard words.count >= 5 else { return nil }
    let key = ReplyResolver.hash(words[0..<5])
    return articleShingles.contains(key) ? nil : shingles[key]
  }

  private mutating func addShingles(of i: Int) {
    // What a comment itself quotes is not its own text.
    let words = ReplyResolver.words(ReplyResolver.unquoted(comments[i].text))
    guard words.count >= 5 else { return }
    for s in 0...(words.count - 5) { shingles[ReplyResolver.hash(words[s..<(s + 5)])] = i }
  }

  /// The text with every “quoted” or "quoted" span removed.
  static func unquoted(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var depth = 0
    for s in text.unicodeScalars {
      switch s {
      case "“", "«", "„": depth += 1
      case "”", "»": depth = max(0, depth - 1)
      case "\"": depth = depth > 0 ? depth - 1 : 1
      default: if depth == 0 { out.append(s) }
      }
    }
    return String(out)
  }

  /// Lower-cased words with punctuation and quote marks stripped.
  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { w in
      let kept = w.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
      return kept.isEmpty ? nil : String(String.UnicodeScalarView(kept)).lowercased()
    }
  }

  static func hash(_ words: ArraySlice<String>) -> Int {
    var h = Hasher()
    for w in words { h.combine(w) }
    return h.finalize()
  }
}
