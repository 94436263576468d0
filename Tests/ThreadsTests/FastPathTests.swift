import Testing

@testable import Threads

/// The byte-level fast paths of the parser agree with the plain definitions
/// they stand in for.
@Suite("Parser fast paths")
struct FastPathTests {
  /// A small deterministic generator, so failures reproduce.
  struct Mix {
    var state: UInt64
    /// Knuth's MMIX linear congruence, high bits out.
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 29)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  @Test("the shingle index answers like a dictionary through growth and overwrites")
  func shingleIndexMatchesDictionary() {
    var mix = Mix(state: 7)
    var index = ShingleIndex(capacity: 4)
    var model: [UInt64: Int] = [:]
    // Few distinct keys among many writes: overwrites and collisions both happen.
    let keys = (0..<3000).map { _ in mix.next() & ~1 }
    for i in 0..<20_000 {
      let key = mix.pick(keys)
      index.set(key, i)
      model[key] = i
    }
    for key in keys { #expect(index[key] == model[key]) }
    for _ in 0..<1000 {
      let absent = mix.next() | 1
      #expect(index[absent] == nil)
    }
  }

  @Test("byte-level splitting and trimming equal line splitting with Unicode trimming")
  func splitMatchesScalarTrim() {
    var mix = Mix(state: 11)
    let pieces = [
      "a", "Jane", "é", "e\u{301}", "李", "😀", " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "\u{FEFF}",
      "\u{85}", "\u{1680}", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "»", "…", "\u{200B}", "\u{200E}", "\u{AD}",
      "\u{2069}", "\u{200D}",
    ]
    for _ in 0..<500 {
      let text = (0..<Int(mix.next() % 30)).map { _ in mix.pick(pieces) }.joined()
      #expect(Page.split(text) == reference(text), "\(Array(text.unicodeScalars))")
    }
  }

  @Test("words between spaces split by bytes as Character splitting gives them, combining marks and prepended signs too")
  func spaceSplitMatchesCharacterSplit() {
    var mix = Mix(state: 13)
    let pieces = [
      "a", "by", "Jane", "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{600}", "\u{110BD}", "李", "😀", " ",
      "  ", "\t", "\u{A0}", "(123)", "»", "…", "Łukasz", "\u{E33}", "\u{1F3FB}", "\u{FF9E}", "\u{1100}", "\u{1161}",
      "\u{1F1E9}", "\r", "\n",
    ]
    for _ in 0..<5000 {
      let text = (0..<Int(mix.next() % 16)).map { _ in mix.pick(pieces) }.joined()
      #expect(text.spaceSeparated == text.split(separator: " "), "\(Array(text.unicodeScalars))")
      let sub = text.dropFirst()
      #expect(sub.spaceSeparated == sub.split(separator: " "), "\(Array(sub.unicodeScalars))")
      let blanks = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
      #expect(text.blankSeparated == blanks, "\(Array(text.unicodeScalars))")
    }
  }

  @Test("keys lower-case every scalar as String.lowercased() does")
  func lowercasingMatchesTheStandardLibrary() {
    var mix = Mix(state: 19)
    let pieces = [
      "A", "z", "Ł", "ö", "Ö", "İ", "ẞ", "Σ", "ΣΑ", "\u{212A}", "Å", "e\u{301}", "É", "李", "😀", "Ǆ", "ǅ", "Ⅻ", "Ａ",
      " ", "Ꭰ", "Ա",
    ]
    for _ in 0..<3000 {
      let text = (0..<Int(mix.next() % 12)).map { _ in mix.pick(pieces) }.joined()
      #expect(LineKey.lowercased(text) == text.lowercased(), "\(Array(text.unicodeScalars))")
      #expect(Array(LineKey.lowercased(text).utf8) == Array(text.lowercased().utf8))
    }
  }

  @Test("the first-word gate of the expander test turns away no expander")
  func expanderGateKeepsEveryExpander() {
    var mix = Mix(state: 17)
    let parts = [
      "see", "read", "show", "expand", "view", "more", "full", "all", "comment", "replies", "you", "there", "mehr",
      "anzeigen", "voir", "plus", "展开全文", "»", "…", "(more)", "3", " ", "",
    ]
    /// The test as it reads without the gate.
    func reference(_ key: String) -> Bool {
      if Markers.expanders.contains(key) { return true }
      guard key.utf8.count <= 40, !key.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
      let words = key.split(separator: " ")
      guard let first = words.first, words.count <= 4, Markers.expandVerbs.contains(String(first)) else { return false }
      if words.contains(where: { $0.hasPrefix("repl") || $0.hasPrefix("comments") || $0.hasPrefix("answers") || $0.hasPrefix("thread") }) {
        return false
      }
      return words.count == 1 || words.dropFirst().contains { Markers.expandObjects.contains(String($0)) }
    }
    var expanders = 0
    for _ in 0..<50_000 {
      let key = (0..<(1 + Int(mix.next() % 4))).map { _ in mix.pick(parts) }.joined(separator: " ")
      let expected = reference(key)
      if expected { expanders += 1 }
      #expect(Markers.isExpander(key) == expected, "\(key)")
    }
    #expect(expanders > 500)
  }

  @Test("a line's widget votes, counted once with the line, add up to the same widget as counting each key")
  func widgetVotesCountEachSignature() {
    for (s, signature) in KnownWidgets.signatures.enumerated() {
      for line in signature.lines {
        #expect((KnownWidgets.keyVotes(line) >> (4 * UInt64(s))) & 0xF >= 2, "\(line)")
      }
      for prefix in signature.prefixes {
        #expect((KnownWidgets.keyVotes(prefix + "x") >> (4 * UInt64(s))) & 0xF >= 1, "\(prefix)")
      }
    }
    #expect(KnownWidgets.keyVotes("the council said the bridge would reopen") == 0)
  }

  @Test("word counts are runs of bytes between spaces, tabs, CR and LF")
  func wordCounts() {
    var mix = Mix(state: 5)
    let pieces = ["a", "word", "é", "\u{A0}", " ", "  ", "\t", "\n", "\r\n", "\r", "李明", "—"]
    for _ in 0..<2000 {  // long enough for several eight-byte steps
      let text = (0..<Int(mix.next() % 80)).map { _ in mix.pick(pieces) }.joined()
      let separators: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
      let expected = text.utf8.split(whereSeparator: separators.contains).count
      #expect(Words.count(text) == expected, "\(Array(text.unicodeScalars))")
    }
  }

  /// Lines at LF, CRLF and CR, each trimmed scalar by scalar.
  func reference(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let s = pending {
      pending = scalars.next()
      if s == "\n" || s == "\r" {
        lines.append(current)
        current = ""
        if s == "\r", pending == "\n" { pending = scalars.next() }
      } else {
        current.unicodeScalars.append(s)
      }
    }
    if !text.isEmpty, text.unicodeScalars.last != "\n", text.unicodeScalars.last != "\r" { lines.append(current) }
    let invisible: Set<Unicode.Scalar> = [
      "\u{FEFF}", "\u{AD}", "\u{200B}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}",
      "\u{202E}", "\u{2060}", "\u{2061}", "\u{2062}", "\u{2063}", "\u{2064}", "\u{2066}", "\u{2067}", "\u{2068}",
      "\u{2069}",
    ]
    let space: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || invisible.contains($0) }
    return lines.map { line in
      let s = Array(line.unicodeScalars)
      guard let lo = s.firstIndex(where: { !space($0) }), let hi = s.lastIndex(where: { !space($0) }) else { return "" }
      var out = ""
      out.unicodeScalars.append(contentsOf: s[lo...hi])
      return out
    }
  }

  func comment(_ index: Int, _ author: String?, _ text: String) -> Threads.Comment {
    Threads.Comment(index: index, author: author, date: nil, dateText: nil, truncated: false, text: text, line: index + 1)
  }

  @Test(
    "a body opening with an earlier name is a mention, however the name is spelled",
    arguments: [
      ("Jane Doe", "Jane Doe you are right"),
      ("Jane\u{A0}Doe", "Jane Doe you are right"),  // equal once folded
      ("JANE DOE", "Jane Doe you are right"),
      ("\u{212A}im Lee", "Kim Lee you are right"),  // KELVIN SIGN: canonically "K"
      ("José Ruiz", "Jose\u{301} Ruiz you are right"),
    ])
  func mentionsSurviveTheFirstWordGate(name: String, body: String) {
    var resolver = ReplyResolver(
      comments: [comment(0, "Someone Else", "First."), comment(1, name, "Second."), comment(2, "Ann Bell", body)],
      targets: [nil, nil, nil], article: "")
    resolver.run()
    #expect(resolver.comments[2].parent == 1)
    #expect(resolver.comments[2].replyEvidence == .mention)
  }

  @Test("a body opening with no earlier name mentions nobody")
  func noMentionWithoutName() {
    var resolver = ReplyResolver(
      comments: [comment(0, "Jane Doe", "First."), comment(1, "Ann Bell", "Janet Doe is someone else")],
      targets: [nil, nil], article: "")
    resolver.run()
    #expect(resolver.comments[1].parent == nil)
  }

  @Test(
    "a quoting body replies to the latest earlier comment that wrote the quoted words, however many quote",
    arguments: [300, 30_000])  // the larger page is hashed in parallel slices
  func quotesFindTheLatestSource(count: Int) {
    var mix = Mix(state: 11)
    // Enough words that no five-word run recurs by chance.
    let vocabulary = (0..<5000).map { "w\($0)x" }
    func words(_ n: Int) -> [String] { (0..<n).map { _ in mix.pick(vocabulary) } }
    let n = 13  // the nine shingles a query may use lie inside a quote of 13 words
    func phrases(_ text: [String]) -> [String] {
      text.count < n ? [] : (0...(text.count - n)).map { text[$0..<($0 + n)].joined(separator: " ") }
    }
    let article = words(80)
    let inArticle = Set(phrases(article))
    var own: [[String]] = []  // each comment's unquoted words
    var latest: [String: Int] = [:]  // each phrase of unquoted words -> the latest comment writing it
    var comments: [Threads.Comment] = []
    var expected: [Int?] = []
    for i in 0..<count {
      let tail = words(15)
      var text = tail.joined(separator: " ")
      if i > 0, i % 3 == 0 {
        // Quote an earlier comment, the article, or nobody.
        let kind = mix.next() % 3
        let source = kind == 0 ? own[Int(mix.next() % UInt64(own.count))] : kind == 1 ? article : words(15)
        let start = Int(mix.next() % UInt64(source.count - n))
        let quoted = source[start..<(start + n)].joined(separator: " ")
        text = "“" + quoted + "” " + text
        // Only sampled shingles are indexed: a quote none of whose nine is sampled (1 in 512) finds nothing.
        let matchable = ReplyResolver.queryShingle(text) != nil
        expected.append(!matchable || inArticle.contains(quoted) ? nil : latest[quoted])
      } else {
        expected.append(nil)
      }
      own.append(tail)
      for phrase in phrases(tail) { latest[phrase] = i }
      comments.append(comment(i, "Author \(i)", text))
    }
    var resolver = ReplyResolver(
      comments: comments, targets: Array(repeating: nil, count: comments.count),
      article: article.joined(separator: " "))
    resolver.run()
    #expect(resolver.comments.map(\.parent) == expected)
    #expect(expected.compactMap { $0 }.count > count / 15)
  }

  @Test("a page's lines described once per distinct line, in parallel slices, read as each line alone")
  func describedLinesMatchEachLineAlone() {
    var mix = Mix(state: 5)
    let kinds = [
      "", "Jane Doe", "Reply to\u{A0} Jane Doe", "March 3, 2019 at 4:12 pm", "Bob says:", "Ann → Bob",
      "Kim Lee • 3 years ago", "Notify of", "Load more comments", "24 points",
      "The council said the bridge would reopen next spring after the repairs were done.",
    ]
    // Over two slices' worth, with distinct lines among the repeats.
    let lines = (0..<120_000).map { i in i % 7 == 0 ? "Reader \(i % 5000)" : mix.pick(kinds) }
    func features(_ info: LineInfo) -> String {
      "\(info.blank) \(String(describing: info.role)) \(info.name) \(info.key ?? "-") \(String(describing: info.date))"
        + " \(info.replyTarget ?? "-") \(info.says ?? "-") \(String(describing: info.inline))"
    }
    let described = LineInfo.describe(lines).map(features)
    #expect(described == lines.map { features(LineInfo($0)) })
  }

  @Test("the byte gate before the widget word patterns turns away no line they match")
  func widgetGateKeepsEveryMatch() {
    var mix = Mix(state: 3)
    let parts = [
      "12", "one", "no", "3,5", "+3", "-1", "−2", "0", "points", "votes", "likes", "like", "likes:", "upvotes",
      "score:", "comments", "comments:", "(4)", "responses", "replies", "reply", "on", "to", "so", "far", "条评论",
      "like·", "·", "•", "share", "›", "also", "view", "load", "show", "see", "more", "△", "▽", "⬆", "$", "€10",
      "£", "2,500", "photo:", "image", "credit:", "caption:", "video:", "support", "help", "subscribe", "jane",
      "doe", "the", "council", "said", "in", "½", "三", "x",
    ]
    var matched = 0
    for _ in 0..<200_000 {
      let key = (0..<(1 + Int(mix.next() % 5))).map { _ in mix.pick(parts) }.joined(separator: " ")
      guard Widgets.wordPatternRole(key) != nil else { continue }
      matched += 1
      #expect(Widgets.mayBeWordPattern(key), "\(key)")
    }
    #expect(matched > 1000)
  }
}
