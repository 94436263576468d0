/// Decodes one page into article and comments.
///
/// The page is first described line by line (`LineInfo`: widget role, date,
/// reply marker, author-line forms, name-likeness). The comment section is
/// then located from opener widgets, certain comment headers or, on plain
/// pages, from the rhythm of name lines; inside it a single left-to-right
/// pass decides for every line whether it opens a comment, belongs to the
/// current body, or is furniture, weighing each candidate header against the
/// page's own header style. Replies are resolved last.
struct PageParser {
  /// The page's lines as the parser reads them (``Page/lines``).
  let lines: [String]
  /// The same lines as printed, for the text of comments and the article (``Page/shown``).
  let shown: [String]
  let infos: [LineInfo]
  let source: String
  /// Blank lines directly above each line.
  let blankBefore: [Int]
  /// Most dates below the article floor stand one blank line under a name
  /// line ("NAME", "", "1 November 2012 9:08PM"): the page puts a blank
  /// line between every element, and the name and the date are one header.
  let spacedHeaders: Bool
  var diagnostics: [ParseDiagnostic] = []

  init(page: Page, source: String) {
    lines = page.lines
    shown = page.shown
    var described = LineInfo.describe(page.lines)
    let floor = PageParser.articleFloor(lines: lines, infos: described)
    PageTemplate.learn(lines: lines, infos: &described, from: floor)
    infos = described
    self.source = source
    var before = [Int](repeating: 0, count: lines.count)
    var run = 0
    for i in lines.indices {
      before[i] = run
      run = infos[i].blank ? run + 1 : 0
    }
    blankBefore = before
    spacedHeaders = PageParser.spacedHeaders(lines: lines, infos: infos, blankBefore: before, from: floor)
  }

  /// See ``spacedHeaders``: three such dates or more, and more than half of all.
  static func spacedHeaders(lines: [String], infos: [LineInfo], blankBefore: [Int], from floor: Int) -> Bool {
    var dates = 0
    var spaced = 0
    for i in max(floor, 2)..<max(floor, 2, lines.count) where infos[i].date != nil && infos[i].role != .footer {
      dates += 1
      if PageTemplate.datedAfterOneBlank(infos, i - 2), infos[i - 2].isNameCandidate, blankBefore[i - 2] >= 1 {
        spaced += 1
      }
    }
    return spaced >= 3 && spaced * 2 > dates
  }

  mutating func run() -> Discussion {
    let region = commentRegion().map { r in
      var r = r
      r.end = trailingHeadlines(from: r.start)
      return r
    }
    var drafts: [CommentDraft] = []
    var articleEnd = lines.count
    if let region {
      var segmenter = Segmenter(parser: self, region: region)
      drafts = segmenter.run()
      articleEnd = region.articleEnd
      diagnostics.append(contentsOf: segmenter.diagnostics)
    }
    var comments = drafts.enumerated().map { i, d in d.comment(index: i, lines: shown) }
    let article = makeArticle(end: articleEnd)
    var resolver = ReplyResolver(
      comments: comments, targets: drafts.map(\.target), quoted: drafts.map(\.quoted), article: article.title + "\n" + article.text)
    resolver.run()
    comments = resolver.comments
    diagnostics.append(contentsOf: resolver.diagnostics)
    if region == nil {
      let hasForm = infos.contains { $0.role == .form }
      diagnostics.append(
        ParseDiagnostic(
          line: max(1, lines.count), severity: .note,
          message: hasForm ? "comment form only: no comments on this page" : "no comment section found"))
    }
    if articleEnd > 400, !comments.isEmpty {
      diagnostics.append(
        ParseDiagnostic(line: 1, severity: .note, message: "unusually long header: \(articleEnd) lines before the comments"))
    }
    diagnostics.sort { $0.line < $1.line }
    return Discussion(
      source: source, layout: comments.isEmpty ? .none : detectLayout(region: region),
      article: article, comments: comments, diagnostics: diagnostics)
  }

  // MARK: - The comment region

  struct Region {
    /// First line of the article that is no longer article.
    var articleEnd: Int
    /// First line that may hold a comment.
    var start: Int
    /// First line past the comment section (related headlines start here).
    var end: Int
  }

  /// The first line past the first substantial article paragraph: comments
  /// never start above it (bylines and datelines sit above it).
  func articleFloor() -> Int { PageParser.articleFloor(lines: lines, infos: infos) }

  /// A page with no article (a forum thread, a discussion page) starts with
  /// comments: a one-line header above that paragraph whose template
  /// (`InlineHeader.shape`) three headers of the page share, one of them
  /// below the paragraph, lowers the floor to it; a byline ("By NAME, DATE")
  /// has a template of its own.
  static func articleFloor(lines: [String], infos: [LineInfo]) -> Int {
    var firstText = -1
    var floor: Int? = nil
    for i in lines.indices where !infos[i].blank && infos[i].role == nil {
      if firstText < 0 { firstText = i }
      if Words.count(lines[i]) >= 25 {
        floor = i + 1
        break
      }
    }
    guard let floor else { return firstText < 0 ? 0 : firstText + 1 }
    // Header templates above and below the floor ("says" for "NAME says:";
    // a name line over "wrote" or over the account's handle: "N says", "N @").
    // Each line's template is worked out once, those below the floor only
    // when a line above has one.
    func shape(_ i: Int) -> String? {
      infos[i].inline?.shape ?? (infos[i].says != nil ? "says" : nil) ?? blockShape(lines: lines, infos: infos, i)
    }
    var shapes = (0..<floor).map(shape)
    guard shapes.contains(where: { $0 != nil }) else { return floor }
    shapes += (floor..<lines.count).map(shape)
    var counts: [String: (above: Int, below: Int)] = [:]
    for (i, s) in shapes.enumerated() {
      guard let s else { continue }
      if i < floor { counts[s, default: (0, 0)].above += 1 } else { counts[s, default: (0, 0)].below += 1 }
    }
    guard let first = (0..<floor).first(where: { i in
      guard let s = shapes[i] else { return false }
      let n = counts[s, default: (0, 0)]
      // A thread whose only long text is its last post: three headers above it, closed like comments.
      guard n.below >= 1 && n.above + n.below >= 3 || n.above >= 3 && s == "N D" else { return false }
      return s != "N D" || closedLikeComment(lines: lines, infos: infos, i, shapes: shapes)
    }) else { return floor }
    return blockTop(lines: lines, infos: infos, first)
  }

  /// "NAME", "Well-known member", "Joined", "Aug 15, 2006": a label over a
  /// date may be the line the template was found at, inside a header block
  /// whose name stands higher. Walks up over short lines (names, badges: no
  /// sentence, no date) to the top of the block, three lines at most; stays
  /// when no block top (a blank, a widget line, a dated line) is reached.
  static func blockTop(lines: [String], infos: [LineInfo], _ i: Int) -> Int {
    var k = i
    while k > 0, i - k < 3 {
      let above = infos[k - 1]
      if above.blank || above.role != nil && above.role != .noise || above.date != nil || above.inline != nil { break }
      guard lines[k - 1].utf8.count <= 60, Words.count(lines[k - 1]) <= 8, !Words.endsSentence(lines[k - 1]) else {
        return i
      }
      k -= 1
    }
    if k == i { return i }
    let top = k == 0 || infos[k - 1].blank || infos[k - 1].role != nil || infos[k - 1].date != nil
      || infos[k - 1].inline != nil
    return top ? k : i
  }

  /// A name over a date is a byline as often as a comment header: above
  /// the floor it opens a comment only when, before the next header of its
  /// template, a footer closes its text as the page closes comments
  /// ("Like", "Reply") and no opener or comment form stands (an article's
  /// byline is followed by the article, then "3 Comments", "Leave a reply").
  /// - Parameter shapes: each line's header template, by line.
  /// So does it when the next header of its template follows within a
  /// comment's length (five lines of text at most), as on pages that print
  /// no footer under their comments.
  static func closedLikeComment(lines: [String], infos: [LineInfo], _ i: Int, shapes: [String?]) -> Bool {
    var footer = false
    var text = 0
    var sameBlock = i + 1 < infos.count && !infos[i + 1].blank
    var j = i + 2
    while j < shapes.count, j - i <= 400 {
      let role = infos[j].role
      if role == .opener || role == .form { return false }
      if role == .footer { footer = true }
      // The same template again in the same header block, before any text
      // ("Joined" over a date, then "Reaction score" over its count): one header.
      if !infos[j].blank, shapes[j] == shapes[i], !sameBlock || footer { return footer || text <= 5 }
      if infos[j].blank || role == nil && shapes[j] == nil && Words.count(lines[j]) >= 4 { sameBlock = false }
      if !infos[j].blank, role == nil { text += 1 }
      j += 1
    }
    return false
  }

  /// The template of a header block that opens with a name line and has no
  /// date on it: "N says" for a name over a lone header verb ("wrote") or
  /// over a reply marker and a date ("replied to OTHER", "on DATE"), "N @"
  /// for a name over the account's handle ("@jane@example.social"), "N D"
  /// for a name over a date line; nil for any other line.
  static func blockShape(lines: [String], infos: [LineInfo], _ i: Int) -> String? {
    guard i + 1 < lines.count, !infos[i].blank, !infos[i + 1].blank, lines[i].utf8.count <= 80 else { return nil }
    // A user id where the name stands is listed as a count ("70683022" over "wrote").
    let userID = PageTemplate.isListedUserID(lines[i], infos[i])
      && (infos[i + 1].saysWord || infos[i + 1].replyTarget != nil)
    guard userID || infos[i].role == nil && infos[i].name > -8 && (infos[i].name > -0.9 || NameScore.isHandle(lines[i]))
    else { return nil }
    // "NAME", "wrote" or "replied to OTHER", then the date: one template.
    if infos[i + 1].saysWord || infos[i + 1].replyTarget != nil && i + 2 < lines.count && infos[i + 2].date != nil {
      return "N says"
    }
    if infos[i + 1].date != nil, infos[i + 1].role == nil { return "N D" }
    if lines[i + 1] != lines[i], !lines[i].hasPrefix("@"), Markers.isAccountHandle(lines[i + 1]) { return "N @" }
    // A badge between the name and the date ("Moderator", "New member"),
    // and a forum's learned profile lines ("Joined", "Messages 1,234").
    var j = i + 1
    if lines[j] != lines[i], !Markers.isAccountHandle(lines[j]),
      PageTemplate.mayBeBadge(lines[j], infos[j]) || PageTemplate.listedBadge(lines[j], infos[j])
    {
      j += 1
    }
    while j < lines.count, j - i < 12, infos[j].profile { j += 1 }
    if j > i + 1, j < lines.count, infos[j].date != nil, infos[j].role == nil { return "N D" }
    return nil
  }

  /// A header line that needs no context to be believed.
  func isCertainHeader(_ i: Int) -> Bool {
    let info = infos[i]
    if info.says != nil || info.replyTarget != nil || info.inline != nil || info.saysWord || info.deletedNotice {
      return true
    }
    guard i + 1 < lines.count else { return false }
    if namedByNextLine(i) { return true }
    guard readsAsAuthor(i) else { return false }
    return printsFullHeader(i) || infos[i + 1].replyTarget != nil
  }

  /// The line is printed twice, or a lone "says:" follows it: it is an
  /// author name, however it reads ("Save the green belt, plant a leek").
  func namedByNextLine(_ i: Int) -> Bool {
    let info = infos[i]
    guard i + 1 < lines.count, info.role == nil, !info.blank, info.name > -8, lines[i].utf8.count <= 80 else {
      return false
    }
    return infos[i + 1].saysWord || lines[i + 1] == lines[i]
  }

  /// A line that can be an author name when a header line follows it: a
  /// name-like line, a handle or id ("@jane_doe", "12345678"), or a name that
  /// reads like a short phrase; never furniture, prose or a sentence.
  func mayBeAuthorLine(_ i: Int) -> Bool { readsAsAuthor(i) || namedByNextLine(i) }

  /// `mayBeAuthorLine` on the line alone, without the line under it.
  func readsAsAuthor(_ i: Int) -> Bool {
    let info = infos[i]
    if info.isNameCandidate { return true }
    guard info.role == nil, !info.blank, info.name > -8, lines[i].utf8.count <= 80 else { return false }
    return info.name > -0.9 || NameScore.isHandle(lines[i])
  }

  /// The name is printed twice, or a date line follows it: the page gives
  /// every comment a full header, not only the replies.
  func printsFullHeader(_ i: Int) -> Bool {
    guard i + 1 < lines.count else { return false }
    if lines[i + 1] == lines[i] || handleUnder(i) { return true }
    if spacedHeaders, PageTemplate.datedAfterOneBlank(infos, i), readsAsAuthor(i) { return true }
    // Badges may stand between the name and the date ("Top fan", "Featured").
    var j = i + 1
    // A forum's profile block (`PageTemplate.profileStats`) may stand there too.
    while j < lines.count, j < i + 3 || infos[j].profile && j < i + 14, infos[j].role == .noise { j += 1 }
    guard j < lines.count else { return false }
    // "5 points 2 days ago": a date with a score, no name of its own.
    if let d = infos[j].inline, d.author == nil, d.target == nil, d.dateText != nil { return true }
    // A date learned as the comment's footer (`PageTemplate.trailingDates`) closes the text above.
    return infos[j].date != nil && infos[j].role != .footer || j > i + 1 && infos[j].replyTarget != nil
  }

  /// The line under `i` is the account handle the page prints under every
  /// display name (learned by `PageTemplate.handleLines`): `i` is a name line.
  func handleUnder(_ i: Int) -> Bool {
    i + 1 < lines.count && !infos[i].blank && infos[i].role == nil && PageTemplate.isLearnedHandle(lines[i + 1], infos[i + 1])
  }

  func commentRegion() -> Region? {
    let floor = articleFloor()
    guard floor < lines.count else { return nil }
    var firstCertain: Int? = nil
    // Headers over the article (bylines) are passed over up to the comment
    // count below them; once an opener has been seen, headers are comments'.
    var seenOpener = false
    var c = floor
    while c < lines.count {
      if infos[c].role == .opener { seenOpener = true }
      if isCertainHeader(c) {
        guard !seenOpener, let opener = openerBelowArticle(c) else {
          firstCertain = c
          break
        }
        c = opener
        continue
      }
      c += 1
    }
    // The last opener cluster above the first certain header (or anywhere).
    var openerEnd: Int? = nil
    var openerStart: Int? = nil
    var i = floor
    let limit = firstCertain ?? lines.count
    while i < limit {
      if infos[i].role == .opener {
        let clusterStart = i
        var j = i
        while j < lines.count, infos[j].blank || infos[j].role == .opener || infos[j].role == .noise
          || infos[j].role == .form
        {
          j += 1
        }
        openerStart = clusterStart
        openerEnd = j
        i = j
      } else {
        i += 1
      }
    }
    if let openerStart, let openerEnd {
      return Region(articleEnd: openerStart, start: openerEnd, end: lines.count)
    }
    if let firstCertain {
      // A signature under its comment (`PageTemplate.signatures`): the
      // comment starts with the text block above it.
      var start = firstCertain
      if infos[firstCertain].role == .footer, infos[firstCertain].inline != nil {
        if let byline = postByline(above: firstCertain, floor: floor) {
          start = byline
        } else {
          while start > floor, !infos[start - 1].blank, infos[start - 1].role == nil { start -= 1 }
        }
      }
      // Dated or unnamed comments may sit right above the first certain header.
      return Region(articleEnd: start, start: start, end: lines.count)
    }
    return plainRegion(floor: floor)
  }

  /// A header over the article ("by NAME on DATE", "Posted on DATE by NAME"
  /// above or under the text): a comment count or another opener follows
  /// it before any other header, with text between. Returns the opener's
  /// line, from which the search for comments goes on.
  func openerBelowArticle(_ header: Int) -> Int? {
    var words = 0
    var j = header + 1
    while j < lines.count {
      if infos[j].role == .opener { return words > 0 ? j : nil }
      if isCertainHeader(j) { return nil }
      if !infos[j].blank, infos[j].role == nil { words += Words.count(lines[j]) }
      j += 1
    }
    return nil
  }

  /// "posted by NAME to Topic at 10:53 AM (54 comments total)" above the
  /// first signature ("posted by NAME at TIME on DATE"): a line that opens
  /// with the signatures' own label words but is none itself is the post's
  /// byline; the first comment's text starts under it, past a count line
  /// ("16 users marked this as a favorite"). Looks up to 40 lines, over
  /// text and blank lines only. Returns the first line of the comment.
  func postByline(above sig: Int, floor: Int) -> Int? {
    let label = lines[sig].split(separator: " ").prefix(2).map { $0.lowercased() }
    guard label.count == 2, let head = infos[sig].inline?.shape, head.hasPrefix(label.joined(separator: " ") + " N")
    else { return nil }
    var k = sig - 1
    while k >= max(floor, sig - 40), infos[k].blank || infos[k].role == nil && infos[k].inline == nil {
      let words = lines[k].split(separator: " ", maxSplits: 2)
      if !infos[k].blank, words.count == 3, words.prefix(2).map({ $0.lowercased() }) == label {
        var start = k + 1
        while start < sig, infos[start].blank { start += 1 }
        // A count under the byline: a number opening a few words, no sentence.
        if start < sig, let f = lines[start].utf8.first, f >= 0x30, f <= 0x39, Words.count(lines[start]) <= 8,
          !Words.endsSentence(lines[start])
        {
          start += 1
          while start < sig, infos[start].blank { start += 1 }
        }
        return start
      }
      k -= 1
    }
    return nil
  }

  /// Plain pages: the comment section is the suffix of the page that scores
  /// best when each stand-alone name line (and each paragraph opened by the
  /// blank-line rhythm) counts for it and each paragraph of prose counts
  /// against it, longer paragraphs more. One backward pass: O(lines).
  func plainRegion(floor: Int) -> Region? {
    var suffix = 0.0
    var best = 0.0
    var bestStart: Int? = nil
    var namedInBest = false
    var named = false
    var i = lines.count - 1
    var blockWords = 0
    while i >= floor {
      let info = infos[i]
      if !info.blank, info.role == nil {
        blockWords += Words.count(lines[i])
        let opensBlock = blankBefore[i] > 0 || i == 0 || infos[i - 1].role != nil
        if opensBlock {
          var isStart = false
          if isPlainHeader(i) {
            suffix += 1.5 + info.name
            // Article furniture ("Support X") and a double blank above it: a section break.
            if blankBefore[i] >= 2, i - blankBefore[i] - 1 >= 0, infos[i - blankBefore[i] - 1].role != nil {
              suffix += 1
            }
            named = true
            isStart = true
          } else {
            suffix -= 0.2 + 0.004 * Double(blockWords)
            if blankBefore[i] >= 2 {
              suffix += 1.0
              isStart = true
            }
          }
          blockWords = 0
          if isStart, named, suffix > best {
            best = suffix
            bestStart = i
            namedInBest = named
          }
        }
      }
      i -= 1
    }
    guard let start = bestStart, namedInBest, best >= 2.5 else { return nil }
    return Region(articleEnd: start, start: start, end: lines.count)
  }

  /// A stand-alone name line followed by a body (or by an empty body).
  func isPlainHeader(_ i: Int) -> Bool {
    guard infos[i].isNameCandidate, infos[i].name >= 0.5, blankBefore[i] >= 1 else { return false }
    guard i + 1 < lines.count, infos[i + 1].blank else { return false }
    var j = i + 1
    while j < lines.count, infos[j].blank { j += 1 }
    guard j < lines.count else { return false }
    return !(infos[j].isNameCandidate && j + 1 < lines.count && infos[j + 1].blank && blankBefore[j] == 1
      && infos[j].name > infos[i].name + 0.5)
  }

  /// Related-article headlines after the last comment: a final run of
  /// stand-alone Title Case lines of four or more words, two or more of them
  /// (or one of seven or more words). Returns where the comment section ends.
  func trailingHeadlines(from start: Int) -> Int {
    var i = lines.count - 1
    var run: [Int] = []
    var longest = 0
    var allCapitalised = true
    while i >= start {
      if infos[i].blank || infos[i].role != nil && infos[i].role != .trailer {
        i -= 1
        continue
      }
      guard isHeadline(i), blankBefore[i] >= 1 || i == start else { break }
      run.append(i)
      longest = max(longest, Words.count(lines[i]))
      allCapitalised = allCapitalised && capitalisedShare(lines[i]) == 1
      i -= 1
    }
    guard let first = run.last, run.count >= 2 || longest >= 7 || longest >= 5 && allCapitalised else {
      return lines.count
    }
    return first
  }

  /// A Title Case line of four to twenty words with no full stop, alone in its block.
  func isHeadline(_ i: Int) -> Bool {
    let line = lines[i]
    guard i + 1 >= lines.count || infos[i + 1].blank || infos[i + 1].role != nil else { return false }
    let words = line.spaceSeparated
    guard words.count >= 4, words.count <= 20, let last = line.unicodeScalars.last, last != "." else { return false }
    return capitalisedShare(line) >= 0.75
  }

  /// The share of words that start with an upper-case letter.
  func capitalisedShare(_ line: String) -> Double { PageParser.capitalisedShare(line) }

  static func capitalisedShare(_ line: String) -> Double {
    let words = line.spaceSeparated
    guard !words.isEmpty else { return 0 }
    let capital = words.filter { $0.unicodeScalars.first?.properties.isUppercase ?? false }.count
    return Double(capital) / Double(words.count)
  }

  // MARK: - Article

  func makeArticle(end: Int) -> Article {
    // The headline: the first line of five or more words (site names,
    // sections and breadcrumbs are shorter), else the first of three or more.
    var titleIndex: Int? = nil
    var fallback: Int? = nil
    for i in 0..<end where !infos[i].blank && infos[i].role == nil && infos[i].date == nil {
      let line = lines[i]
      let key = infos[i].key ?? ""
      if DateMatcher.isMonthYear(key) || line.utf8.count > 400 { continue }
      if key.containsBytes(" » ") || key.containsBytes(" > ") || key.containsBytes(" / ") || key.containsBytes(" | ") { continue }
      // Taglines and prompts end like sentences; view counts carry a date.
      if Words.endsSentence(line) || line.hasSuffix("|") || DateMatcher.firstDate(in: key) != nil { continue }
      let words = Words.count(line)
      let ideographs = line.unicodeScalars.filter { $0.properties.isIdeographic }.count
      if words >= 5 || ideographs >= 8 {
        titleIndex = i
        break
      }
      if fallback == nil, words >= 3 || ideographs >= 4 { fallback = i }
    }
    titleIndex = titleIndex ?? fallback
    var date: CalendarDate? = nil
    var seen = 0
    for i in 0..<end where !infos[i].blank {
      if let key = infos[i].key, let d = DateMatcher.firstDate(in: key) {
        date = d
        break
      }
      seen += 1
      if seen > 15 { break }
    }
    var paragraphs: [String] = []
    var current: [String] = []
    let title = titleIndex.map { shown[$0] } ?? ""
    for i in 0..<end {
      if infos[i].blank || infos[i].role != nil || i == titleIndex {
        if !current.isEmpty {
          paragraphs.append(current.joined(separator: "\n"))
          current.removeAll()
        }
        continue
      }
      current.append(shown[i])
    }
    if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
    return Article(title: title, date: date, text: paragraphs.joined(separator: "\n\n"))
  }

  // MARK: - Layout

  /// The widget the page shows (`KnownWidgets`); `generic` for comments with
  /// headers from a widget the parser knows no strings of, `plain` for names
  /// and bodies only.
  func detectLayout(region: Region?) -> Layout {
    if let known = KnownWidgets.detect(infos) { return known }
    guard let region else { return .plain }
    for i in region.start..<region.end {
      let info = infos[i]
      if info.inline != nil || info.date != nil || info.says != nil || info.replyTarget != nil || info.role == .footer {
        return .generic
      }
    }
    return .plain
  }
}
