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
  /// The authors that bodies quote by name ("NAME wrote: ↑").
  let quoted: [String?]
  var diagnostics: [ParseDiagnostic] = []

  /// Latest comment by each name, exact and case-folded.
  private var latest: [String: Int] = [:]
  private var latestFolded: [String: Int] = [:]
  /// Latest comment that shows no author.
  private var latestUnnamed: Int? = nil
  /// Hashes of the ASCII-folded first words of remembered names; a body
  /// whose first word is ASCII and not among them opens with no name (see
  /// `mention`).
  private var firstWords: Set<UInt64> = []
  /// Some name's first word is canonically equivalent to, or folds to, an
  /// ASCII word without being one: then no body is turned away.
  private var asciiLookalike = false
  /// The shingle each body opening with a quotation is looked up by (see
  /// ``queryShingle(_:)``); nil for the others.
  private let queries: [UInt64?]
  /// The shingles of each comment's own words (not what it quotes) that
  /// some query asks for, for the comments above the last query.
  private let wantedShingles: [[UInt64]]
  /// Wanted shingles of earlier comment bodies -> latest comment holding
  /// them. Filled as the pass goes: before a query, the comments above it.
  private var shingles: ShingleIndex
  /// Comments `0..<indexed` are in `shingles`.
  private var indexed = 0
  /// Wanted shingles of the article: a quote of the article is no reply.
  private let articleShingles: ShingleIndex

  init(comments: [Comment], targets: [String?], quoted: [String?] = [], article: String) {
    self.quoted = quoted
    self.comments = comments
    self.targets = targets
    let queries = comments.indices.map { ReplyResolver.queryShingle(comments[$0].text) }
    var wanted = ShingleIndex()
    for case let key? in queries { wanted.set(key, 0) }
    let askers = queries.lastIndex { $0 != nil } ?? 0
    // Hashing every body's words is most of the work: in slices on huge pages.
    wantedShingles = Parallel.map(askers, minimumSlice: 10_000) { [wanted] range, emit in
      for i in range { emit(ReplyResolver.wantedShingles(of: comments[i].text, quoted: false, in: wanted)) }
    }
    var inArticle = ShingleIndex()
    if wanted.count > 0 {
      for key in ReplyResolver.wantedShingles(of: article, quoted: true, in: wanted) { inArticle.set(key, 0) }
    }
    articleShingles = inArticle
    shingles = ShingleIndex(capacity: wanted.count)
    self.queries = queries
  }

  /// A name as names are matched: its key, with a leading "@" dropped, so
  /// YouTube's "@handle" author and a "@handle" mention or marker meet.
  static func fold(_ name: String) -> String {
    let key = LineKey.make(name) ?? name.lowercased()
    return key.utf8.first == UInt8(ascii: "@") && key.utf8.count > 1 ? String(key.dropFirst()) : key
  }

  func lookup(_ name: String) -> Int? {
    if let p = latest[name] ?? latestFolded[ReplyResolver.fold(name)] { return p }
    // Markers lose a name's closing period ("... by Jane D." read as "Jane D").
    return latest[name + "."]
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
      } else if i < quoted.count, let name = quoted[i], let p = lookup(name) {
        link(i, to: p, .quote)
      } else if let p = mention(in: ReplyResolver.plainHead(comments[i].text), author: shownAuthor) {
        link(i, to: p, .mention)
      } else if let p = quote(at: i) {
        link(i, to: p, .quote)
      }
      if let a = shownAuthor { remember(a, i) } else { latestUnnamed = i }
    }
  }

  private mutating func link(_ i: Int, to p: Int, _ evidence: ReplyEvidence) {
    comments[i].parent = p
    comments[i].replyEvidence = evidence
  }

  private mutating func remember(_ name: String, _ i: Int) {
    latest[name] = i
    latestFolded[ReplyResolver.fold(name)] = i
    if let h = ReplyResolver.firstWordHash(name.utf8) {
      firstWords.insert(h)
    } else if ReplyResolver.firstWord(of: name).contains(where: ReplyResolver.asciiLookalikes.contains) {
      asciiLookalike = true
    }
  }

  /// Non-ASCII scalars that are canonically equivalent to ASCII (KELVIN SIGN,
  /// GREEK QUESTION MARK, GREEK VARIA) or lower-case to it (KELVIN SIGN).
  static let asciiLookalikes: Set<Unicode.Scalar> = ["\u{212A}", "\u{037E}", "\u{1FEF}"]

  /// The scalars of `name` up to its first space, tab or NBSP (as `fold` separates words).
  static func firstWord(of name: String) -> some Sequence<Unicode.Scalar> {
    name.unicodeScalars.prefix { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }
  }

  /// FNV-1a of the first word (up to a space, tab or NBSP; leading spaces
  /// skipped) with ASCII letters lower-cased; nil when a non-ASCII byte comes
  /// first. Equal names and equal `fold`s have equal first-word hashes.
  static func firstWordHash<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var started = false
    var i = bytes.startIndex
    while i != bytes.endIndex {
      let b = bytes[i]
      i = bytes.index(after: i)
      if b == 0x20 && !started { continue }
      if b == 0x20 || b == 0x09 || b == 0xC2 && i != bytes.endIndex && bytes[i] == 0xA0 { break }
      if b >= 0x80 { return nil }
      started = true
      h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
    }
    return h
  }

  /// The start of `text` that ``mention(in:author:)`` reads, its spaces
  /// plain ("@Jane\u{A0}Doe" is "@Jane Doe", see ``Page/plain(_:)``).
  static func plainHead(_ text: String) -> String {
    let head = text.utf8.prefix(240)
    guard head.contains(where: Page.mayStartMark) else { return text }
    return Page.plain(String(decoding: head, as: UTF8.self)) ?? text
  }

  /// "@Jane Doe: ..." or "Jane Doe I disagree": the longest earlier author
  /// name (up to four words) that the body opens with.
  func mention(in text: String, author: String?) -> Int? {
    guard !text.isEmpty else { return nil }
    let at = text.hasPrefix("@")
    // A tag without "@" is a name: it starts with a capital (or an uncased
    // letter), or is a handle with digits or "_" ("tea_drinker_6").
    // A lower-case name addressed with a comma ("greenthumb, you are right") reads as a handle.
    let handleTag = !at && (ReplyResolver.opensWithHandle(text) || ReplyResolver.opensWithAddress(text))
    if !at, !handleTag, let f = text.unicodeScalars.first,
      !f.properties.isUppercase && f.properties.isLowercase || !f.properties.isAlphabetic
    {
      return nil
    }
    let head = at ? text.dropFirst() : Substring(text)
    // Every candidate below opens with the body's first word; an address
    // ("Sam, I agree") has its comma on it.
    if !at, !asciiLookalike, let h = ReplyResolver.firstWordHash(ReplyResolver.addressed(head.utf8)),
      !firstWords.contains(h)
    {
      return nil
    }
    let words = head.prefix(200).split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
    var n = min(4, words.count)
    while n >= 1 {
      // A one-word tag ("Zeynep Actually, ...") only for a one-word author name
      // of three letters or more, with text after it.
      if !at && !handleTag && n < 2 && (words.count < 2 || words[0].unicodeScalars.count < 3) { break }
      var candidate = words[0..<n].joined(separator: " ")
      while let last = candidate.unicodeScalars.last, ",:;.!?".unicodeScalars.contains(last) {
        candidate.unicodeScalars.removeLast()
      }
      if !candidate.isEmpty, candidate != author, let p = lookup(candidate), comments[p].author != author || author == nil,
        n >= 2 || at || handleTag || comments[p].author.map({ !$0.contains(" ") }) == true
      {
        return p
      }
      n -= 1
    }
    return nil
  }

  /// The text up to its first word's end, with a comma or colon closing
  /// that word dropped ("Sam, I agree" -> "Sam"); the text itself when the
  /// first word ends otherwise.
  static func addressed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
    let end = bytes.firstIndex { $0 == 0x20 || $0 == 0x0A } ?? bytes.endIndex
    guard end > bytes.startIndex else { return bytes }
    let last = bytes[bytes.index(before: end)]
    guard last == UInt8(ascii: ",") || last == UInt8(ascii: ":") else { return bytes }
    return bytes[..<bytes.index(before: end)]
  }

  /// The body opens with one lower-case word and a comma, "greenthumb, ...":
  /// a user name addressed (it still has to be a commenter's name).
  static func opensWithAddress(_ text: String) -> Bool {
    let word = text.utf8.prefix { $0 != 0x20 && $0 != 0x0A }
    guard word.count >= 4, word.count <= 40, word.last == UInt8(ascii: ",") else { return false }
    return word.dropLast().allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
  }

  /// The body's first word is a handle: letters with digits or "_" ("tea_drinker_6,").
  static func opensWithHandle(_ text: String) -> Bool {
    var word = text.utf8.prefix { $0 != 0x20 && $0 != 0x0A }
    if let last = word.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ":") { word = word.dropLast() }
    guard word.count >= 3, word.count <= 40, word.contains(where: { $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) })
    else { return false }
    return NameScore.isHandle(String(decoding: word, as: UTF8.self))
  }

  /// The shingle a body opening with “quoted words” is matched by: the
  /// first sampled one among its first few (only sampled shingles are
  /// indexed); nil for a body that opens with no quotation mark.
  static func queryShingle(_ text: String) -> UInt64? {
    guard let first = text.unicodeScalars.first, "\"“«„>".unicodeScalars.contains(first) else { return nil }
    let words = ShingleWords.hashes(of: String(decoding: text.utf8.prefix(400), as: UTF8.self), quoted: true)
    guard words.count >= 5 else { return nil }
    for start in 0...min(words.count - 5, 8) {
      let key = ShingleWords.shingle(words[start..<(start + 5)])
      if ShingleWords.sampled(key) { return key }
    }
    return nil
  }

  /// The earlier comment whose body comment `i`'s opening quotation comes from.
  mutating func quote(at i: Int) -> Int? {
    guard let key = queries[i] else { return nil }
    while indexed < i {
      for shingle in wantedShingles[indexed] { shingles.set(shingle, indexed) }
      indexed += 1
    }
    return articleShingles[key] != nil ? nil : shingles[key]
  }

  /// The sampled five-word shingles of `text` that are in `wanted`; with
  /// `quoted == false`, what the text itself quotes is left out.
  private static func wantedShingles(of text: String, quoted: Bool, in wanted: ShingleIndex) -> [UInt64] {
    let words = ShingleWords.hashes(of: text, quoted: quoted)
    guard words.count >= 5 else { return [] }
    var out: [UInt64] = []
    for s in 0...(words.count - 5) {
      let key = ShingleWords.shingle(words[s..<(s + 5)])
      if ShingleWords.sampled(key), wanted[key] != nil { out.append(key) }
    }
    return out
  }
}

/// Words as 64-bit hashes for quote matching, read from UTF-8 bytes: ASCII
/// letters and digits folded to lower case, other non-ASCII letters kept,
/// ASCII punctuation and the General Punctuation block (quotes, dashes,
/// ellipsis) separating words.
enum ShingleWords {
  /// Hashes of the words of `text`; with `quoted == false`, words inside
  /// quotation marks are skipped.
  static func hashes(of text: String, quoted: Bool) -> [UInt64] {
    var out: [UInt64] = []
    var copy = text
    copy.withUTF8 { hashes(of: $0, quoted: quoted, into: &out) }
    return out
  }

  static func hashes(of bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, into out: inout [UInt64]) {
    let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    var h = seed
    var inWord = false
    var depth = 0
    @inline(__always) func flush() {
      if inWord, quoted || depth == 0 { out.append(h) }
      inWord = false
      h = seed
    }
    let n = bytes.count
    var i = 0
    while i < n {
      var b = bytes[i]
      if b < 0x80 {
        if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
          if b >= 0x41 && b <= 0x5A { b |= 0x20 }
          h = (h ^ UInt64(b)) &* 0x100_0000_01b3
          inWord = true
        } else {
          flush()
          if b == 0x22 { depth = depth > 0 ? depth - 1 : 1 }  // "
        }
        i += 1
      } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 {  // U+2000..U+203F
        flush()
        let c = bytes[i + 2]
        if c == 0x9C || c == 0x9E { depth += 1 } else if c == 0x9D { depth = max(0, depth - 1) }
        i += 3
      } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB || bytes[i + 1] == 0xA0 {
        flush()
        if bytes[i + 1] == 0xAB { depth += 1 } else if bytes[i + 1] == 0xBB { depth = max(0, depth - 1) }
        i += 2
      } else {  // other non-ASCII bytes belong to words
        h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        inWord = true
        i += 1
      }
    }
    flush()
  }

  /// Whether a shingle belongs to the indexed half.
  static func sampled(_ shingle: UInt64) -> Bool { shingle & 1 == 0 }

  static func shingle(_ words: ArraySlice<UInt64>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    for w in words { h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 31 }
    return h
  }
}
