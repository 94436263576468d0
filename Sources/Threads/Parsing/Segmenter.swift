/// The left-to-right pass over the comment region that cuts it into comments.
struct Segmenter {
  let lines: [String]
  let infos: [LineInfo]
  let blankBefore: [Int]
  let region: PageParser.Region
  var diagnostics: [ParseDiagnostic] = []
  /// Names seen in certain headers or reply markers anywhere in the region.
  let knownNames: Set<String>
  /// The longest known name in bytes (see `isKnown`).
  let longestKnownName: Int
  /// Most comments on this page have certain headers (names twice, dates,
  /// "says:"): a bare name line is then only a header when it is a known name.
  let strictHeaders: Bool
  /// Comments end with footer widgets ("Like · Reply · 2y"): a name line may
  /// be followed directly by its body.
  let footerDelimited: Bool
  /// Lines that are not name-like but head a comment all the same, since a
  /// header line follows them ("@jane_doe" above "2 years ago").
  let looseHeaders: Set<Int>
  /// The region's comments have headers (says, one-line, or full ones): short
  /// lines above the first comment are chrome.
  let hasHeaders: Bool
  /// The region's certain header lines, in order.
  let certainLines: [Int]
  /// See `PageParser.spacedHeaders`.
  let spacedHeaders: Bool

  init(parser: PageParser, region: PageParser.Region) {
    lines = parser.lines
    infos = parser.infos
    blankBefore = parser.blankBefore
    self.region = region
    var known = Set<String>()
    var loose = Set<Int>()
    var certainAt: [Int] = []
    var certain = 0
    var bare = 0
    var footers = 0
    for i in region.start..<lines.count {
      let info = infos[i]
      let isCertain = parser.isCertainHeader(i)
      if isCertain { certainAt.append(i) }
      if info.role == .footer { footers += 1 }
      if let t = info.replyTarget { known.insert(t) }
      if let s = info.says { known.insert(s); certain += 1 }
      if let h = info.inline {
        if let a = h.author { known.insert(a) }
        if let t = h.target { known.insert(t) }
        certain += 1
      }
      if parser.mayBeAuthorLine(i) {
        if isCertain {
          known.insert(lines[i])
          if !info.isNameCandidate { loose.insert(i) }
          // Names twice or a date under the name: the page prints a full
          // header for every comment. A reply marker alone says nothing of
          // top-level comments.
          if parser.printsFullHeader(i) { certain += 1 }
        } else if blankBefore[i] >= 1, i + 1 < lines.count, infos[i + 1].blank {
          bare += 1
        }
      }
    }
    knownNames = known
    looseHeaders = loose
    hasHeaders = certain > 0 || !loose.isEmpty
    certainLines = certainAt
    longestKnownName = known.map(\.utf8.count).max() ?? 0
    footerDelimited = footers >= 2
    strictHeaders = certain >= 3 && certain > 2 * bare
    spacedHeaders = parser.spacedHeaders
  }

  /// A comment header found at a line: its parts and where the body starts.
  struct Header {
    var author: String?
    var certain: Bool
    var target: String?
    var date: CalendarDate?
    var dateText: String?
    /// First line after the header.
    var end: Int
  }

  /// A name line printed as a byline, "by NAME (12345)": the name alone,
  /// without the "by" and the user id in brackets.
  static func byline(_ line: String) -> String {
    var words = line.spaceSeparated
    let count = words.count
    guard count >= 2 else { return line }
    // "http://example.com/ NAME": the link of the commenter's site before the name.
    if let first = words.first, LineInfo.isLink(first) { words.removeFirst() }
    if let last = words.last, last.first == "(", InlineHeader.isDecoration(last.lowercased()) { words.removeLast() }
    // Only ASCII words of up to four bytes lower-case to one of these.
    if words.count >= 2, words[0].utf8.count <= 4, InlineHeader.bylineWords.contains(words[0].lowercased()) {
      words.removeFirst()
    }
    return words.count == count ? line : words.joined(separator: " ")
  }

  /// Drafts that each start below the one before. A header read again from a
  /// line where an earlier draft starts (a block re-read as one header)
  /// replaces that draft when it has no text, and gives it its own text otherwise.
  static func inPageOrder(_ drafts: [CommentDraft]) -> [CommentDraft] {
    var ordered: [CommentDraft] = []
    ordered.reserveCapacity(drafts.count)
    for draft in drafts {
      guard var last = ordered.last, last.line >= draft.line else {
        ordered.append(draft)
        continue
      }
      if !draft.hasBody { continue }
      if !last.hasBody {
        ordered[ordered.count - 1] = draft
        continue
      }
      last.body.append(contentsOf: draft.body.filter { $0 > (last.body.last ?? -1) })
      ordered[ordered.count - 1] = last
    }
    return ordered
  }

  /// A signature under a comment (`PageTemplate.signatures`) is at line `i`.
  func signs(_ i: Int) -> Bool {
    i < lines.count && infos[i].role == .footer && infos[i].inline?.author != nil
  }

  /// - Parameter afterFooter: a footer closed the comment above.
  func header(at i: Int, afterFooter: Bool = false) -> Header? {
    let info = infos[i]
    var h: Header
    if let s = info.says {
      h = Header(author: s, certain: true, end: i + 1)
    } else if info.saysWord {
      h = Header(author: nil, certain: true, end: i + 1)
    } else if let t = info.replyTarget {
      h = Header(author: nil, certain: true, target: t, end: i + 1)
    } else if let d = info.date {
      h = Header(author: nil, certain: true, date: d.date, dateText: lines[i], end: i + 1)
    } else if let d = info.inline {
      var (author, target) = (d.author, d.target)
      if target == nil, d.dateText != nil, let a = author { (author, target) = splitReplyName(a) }
      h = Header(author: author, certain: true, target: target, date: d.date, dateText: d.dateText, end: i + 1)
    } else if signs(i + 1) || signs(PageTemplate.next(infos, after: i) ?? lines.count) {
      // A short line right above a signature, or a blank line above it, is the comment's text ("Yawn").
      return nil
    } else if info.isNameCandidate || info.role == nil && (isKnown(lines[i]) || looseHeaders.contains(i))
      // Comments end with footers: the line after one that is a handle or a
      // user id ("80564138") over text names the next comment's author.
      || afterFooter && footerDelimited && info.role == nil && info.name > -8 && NameScore.isHandle(lines[i])
        && i + 1 < lines.count && !infos[i + 1].blank
    {
      h = Header(author: Segmenter.byline(lines[i]), certain: looseHeaders.contains(i), end: i + 1)
      if i + 1 < lines.count, lines[i + 1] == lines[i] {
        h.certain = true
        h.end = i + 2
      }
    } else {
      return nil
    }
    // Header lines that follow in the same block: marker, date, badges.
    var j = h.end
    var allowBlank = info.says != nil || spacedHeaders && h.author != nil && info.inline == nil
    while j < lines.count {
      let next = infos[j]
      if next.blank {
        // WordPress prints "NAME says:" and the date with a blank between on some
        // themes; some pages put a blank line between every element (`spacedHeaders`).
        if allowBlank, j + 1 < lines.count, infos[j + 1].date != nil, h.dateText == nil {
          j += 1
          allowBlank = false
          continue
        }
        break
      }
      if next.role == .noise || h.author != nil && Segmenter.isProfileLine(next.key) {
        // A display name over the account's handle (`PageTemplate.handleLines`).
        if j == i + 1, h.author != nil, PageTemplate.isLearnedHandle(lines[j], next) { h.certain = true }
        j += 1
        continue
      }
      if next.saysWord, h.author != nil, j == i + 1 {
        h.certain = true
        j += 1
        allowBlank = true
        continue
      }
      if let t = next.replyTarget, h.target == nil {
        h.target = t
        h.certain = true
        j += 1
        continue
      }
      // A date learned as the footer under the text closes a comment; it is no header's date
      // ("lurker_x", "LOL", then the date: "LOL" is the text).
      if let d = next.date, h.dateText == nil, next.role != .footer {
        h.date = d.date
        h.dateText = lines[j]
        h.certain = true
        j += 1
        continue
      }
      // A name line, then its date with decoration ("3 hours ago [−]",
      // "5 points 2 days ago"): the date of this header, not one of its own.
      if let d = next.inline, d.author == nil, d.target == nil, let text = d.dateText, h.dateText == nil,
        h.author != nil
      {
        h.date = d.date
        h.dateText = text
        h.certain = true
        j += 1
        continue
      }
      break
    }
    h.end = j
    return h
  }

  /// The first certain header below line `i`, by binary search.
  func nextCertainHeader(after i: Int) -> Int? {
    var lo = 0
    var hi = certainLines.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if certainLines[mid] > i { hi = mid } else { lo = mid + 1 }
    }
    return lo < certainLines.count ? certainLines[lo] : nil
  }

  /// Disqus prints a reply's header as "AUTHOR PARENT • 3 years ago" once the
  /// arrow icon is dropped: when the name ends with another known name, the
  /// two are split. Tries the last one to four words, longest first.
  func splitReplyName(_ name: String) -> (author: String, target: String?) {
    let words = name.spaceSeparated
    guard words.count >= 2 else { return (name, nil) }
    for n in stride(from: min(4, words.count - 1), through: 1, by: -1) {
      let tail = words.suffix(n).joined(separator: " ")
      if isKnown(tail) { return (words.dropLast(n).joined(separator: " "), tail) }
    }
    return (name, nil)
  }

  /// Facebook prints the commenter's profile line under the name: "Works at X".
  static func isProfileLine(_ key: String?) -> Bool {
    guard let key, key.utf8.count <= 80 else { return false }
    return ["works at ", "worked at ", "lives in ", "studied at ", "studies at ", "went to ", "attended "]
      .contains { key.hasBytePrefix($0) }
  }

  /// A name line under a date-only header names it when text, not another
  /// header, follows.
  func namesDatedHeader(_ i: Int) -> Bool {
    guard let p = PageTemplate.previous(infos, before: i), infos[p].date != nil,
      let j = PageTemplate.next(infos, after: i), j < region.end
    else { return false }
    return infos[j].role == nil && !PageTemplate.isHeaderish(infos[j])
  }

  /// Line `i` reads as more of a comment's text: a long line, or a sentence
  /// (an unread header such as "NAME @ blog On Saturday, November 3 at 7:49 am"
  /// ends with no sentence mark), with no date in it.
  func continuesText(_ i: Int) -> Bool {
    guard PageTemplate.isProse(lines[i], infos[i]), let last = lines[i].unicodeScalars.last else { return false }
    guard lines[i].utf8.count > 120 || ".!?…。！？\"”".unicodeScalars.contains(last) else { return false }
    return infos[i].key.map { DateMatcher.firstDate(in: $0) == nil } ?? true
  }

  /// Whether a bare name line, inside a body, opens a new comment.
  func opensComment(_ i: Int) -> Bool {
    let known = isKnown(lines[i])
    let score = known ? max(infos[i].name, 1) : infos[i].name
    if strictHeaders && !known { return false }
    // It must stand alone: a blank line after it.
    guard i + 1 < lines.count, infos[i + 1].blank else { return false }
    var j = i + 1
    while j < lines.count, infos[j].blank { j += 1 }
    let emptyBody = j - i - 1 >= 2
    if j >= region.end || infos[j].role == .trailer || infos[j].role == .form {
      // An image-only last comment: the name, then the blank-line rhythm.
      return known && score > 0.3 || emptyBody && score >= 0.7
    }
    // The next paragraph is itself a known name opening a comment: this line is body.
    if !emptyBody, infos[j].isNameCandidate, isKnown(lines[j]), !known { return false }
    let threshold = known ? 0.2 : 0.7
    return score >= threshold
  }

  mutating func run() -> [CommentDraft] {
    var drafts: [CommentDraft] = []
    var current: CommentDraft? = nil
    var blankRun = 0
    var i = region.start
    func finish() {
      if let c = current { drafts.append(c) }
      current = nil
    }
    lineLoop: while i < region.end {
      let info = infos[i]
      if info.blank {
        blankRun += 1
        i += 1
        continue
      }
      // A table after the comments ("Related Topics", "Topic\tReplies\tViews",
      // rows): page furniture, and the end of the section. Its caption, a
      // short line that opened a comment of its own, goes with it.
      if current != nil || !drafts.isEmpty, isTableRow(i), i + 1 < region.end, isTableRow(i + 1) {
        if let c = current, c.date == nil, c.target == nil, c.line >= i - 2,
          c.author == nil && c.body.count <= 1 || !c.hasBody,
          c.body.allSatisfy({ !PageTemplate.isProse(lines[$0], infos[$0]) })
        {
          current = nil
        }
        break lineLoop
      }
      // "See more", "Expand full comment" under a body that ends in an
      // ellipsis: the page cut it. Under a whole body it only expands what
      // is already shown. Either way it is no text of the comment.
      if let key = info.key, info.role != .trailer, info.role != .form, Markers.isExpander(key) {
        // Only right under the body: past the comment's footer it expands the list.
        if current?.closedByFooter != true, let last = current?.body.last, Markers.endsWithEllipsis(lines[last]) {
          current?.truncated = true
        }
        if info.role != .footer {
          i += 1
          continue
        }
      }
      // A date under a placeholder ("Comment deleted", then "Jun 22, 2023") is the deleted comment's.
      if let d = info.date, blankRun == 0, var c = current, c.placeholder, c.dateText == nil {
        c.date = d.date
        c.dateText = lines[i]
        current = c
        i += 1
        continue
      }
      // A date right under the text of a comment that has none, over counts
      // only ("50 boosts", "3 favorites") and then the next header or the
      // end: the comment's own date, printed under its text.
      if let d = info.date, info.role == nil, blankRun <= 1, var c = current, c.hasBody, c.dateText == nil,
        c.author != nil, let end = headsNothing(i)
      {
        c.date = d.date
        c.dateText = lines[i]
        current = c
        i = end
        continue
      }
      switch info.role {
      case .footer?:
        current?.closedByFooter = true
        // A date printed under the body (learned by `PageTemplate`).
        if let d = info.date, current?.dateText == nil {
          current?.date = d.date
          current?.dateText = lines[i]
        }
        // A signature under the body: the comment's author and date (learned by `PageTemplate`).
        if let signature = info.inline, signature.author != nil, var c = current {
          c.signed = true
          if c.author == nil { c.author = signature.author }
          if c.dateText == nil { (c.date, c.dateText) = (signature.date, signature.dateText) }
          current = c
        }
        if current?.dateText == nil, let key = info.key, let last = key.spaceSeparated.last,
          DateMatcher.shortRelative(String(last))
        {
          current?.dateText = String(last)
        }
        i += 1
        blankRun = 0
        continue
      case .trailer?:
        // "Load more comments (3 replies)" between threads: comments follow.
        if let next = nextCertainHeader(after: i), next - i <= 12 {
          i += 1
          continue
        }
        break lineLoop
      case .form?:
        // A comment box above the comments ("Type your comment here", then
        // "Name (optional)", "Submit"): its prompt is no comment.
        if drafts.isEmpty, let c = current, c.author == nil, c.date == nil, c.target == nil, c.body.count <= 2,
          nextCertainHeader(after: i) != nil
        {
          current = nil
          i += 1
          continue
        }
        // A comment box with comments printed under it (a box above the
        // comments, or one between threads) ends the comment above, not the section.
        if commentsFollowForm(at: i) {
          finish()
          i += 1
          continue
        }
        if current != nil || !drafts.isEmpty { break lineLoop }
        i += 1
        continue
      case .opener?, .noise?, .pageWidget?:
        i += 1
        continue
      case nil:
        break
      }
      // "NAME wrote: ↑" opening a body: the quoted post's author, not body text.
      if let name = info.quoteOf, var c = current, c.quoted == nil {
        c.quoted = name
        current = c
        blankRun = 0
        i += 1
        continue
      }
      if info.deletedNotice {
        // The placeholder is the body of a deleted comment: under its header, or alone.
        if current == nil || current?.hasBody == true {
          finish()
          current = CommentDraft(line: i, author: nil)
        }
        current?.body.append(i)
        let alone = current?.body.count == 1
        current?.placeholder = alone
        blankRun = 0
        i += 1
        continue
      }
      var startNew = false
      var afterTruncation = false
      var h = header(at: i, afterFooter: current?.closedByFooter ?? false)
      // A line printed twice right under a header that has no body yet, with
      // no date of its own: a title over the same one-line text ("Spot on."
      // twice), not a name printed twice.
      if let hh = h, let c = current, c.author != nil || c.date != nil, !c.hasBody, blankRun == 0,
        hh.dateText == nil, hh.target == nil, hh.end == i + 2, lines[i + 1] == lines[i]
      {
        h = nil
      }
      // Sort bars, sign-in prompts and tabs above the first comment: short lines
      // that head nothing.
      if current == nil, drafts.isEmpty, h?.certain != true, !(h.map { opensHere(i, header: $0) } ?? false),
        !PageTemplate.isProse(lines[i], info), hasHeaders
      {
        i += 1
        continue
      }
      // "In reply to NAME." printed between a header and its body.
      if let t = info.replyTarget, var c = current, !c.hasBody, c.target == nil, c.author != nil || c.date != nil {
        c.target = t
        current = c
        i += 1
        blankRun = 0
        continue
      }
      // A date printed above the name ("June 9, 2021", then "Ros Whitcombe" or
      // "Ros Whitcombe said,", then the text): the name of the dated header.
      if let c = current, c.author == nil, c.target == nil, c.dateText != nil, !c.hasBody, blankRun <= 1,
        let name = info.says ?? (info.isNameCandidate && namesDatedHeader(i) ? Segmenter.byline(lines[i]) : nil)
      {
        current?.author = name
        i += 1
        blankRun = 0
        continue
      }
      // After a footer on a page whose comments have full headers, only a
      // header or text opens the next one: "Up next", "21K views" are chrome.
      if let c = current, c.closedByFooter, !c.signed, strictHeaders, h?.certain != true,
        footerDelimited || !PageTemplate.isProse(lines[i], info)
      {
        i += 1
        continue
      }
      if let c = current {
        if let h, h.certain {
          startNew = true
        } else if c.closedByFooter {
          startNew = true
        } else if c.placeholder, c.author == nil, h != nil, blankRun >= 1 {
          // "Comment deleted" alone is the whole of a comment: the header under it opens the next.
          startNew = true
        } else if c.truncated {
          startNew = true
          afterTruncation = h == nil || !opensComment(i)
        } else if blankRun >= 2, c.hasBody || c.author == nil && c.dateText == nil || h != nil,
          // On a page whose comments all have full headers, a paragraph of prose
          // with no header and no date in it is more text.
          h != nil || !(strictHeaders && c.author != nil && c.dateText != nil && continuesText(i))
        {
          // Blank lines between a header and its text are the page's spacing,
          // not the end of a comment: a header with no text yet keeps the
          // paragraph, unless the paragraph opens with a header of its own.
          startNew = true
        } else if h != nil, blankRun >= 1, c.hasBody, opensComment(i) {
          startNew = true
        }
      } else {
        startNew = true
      }
      if startNew {
        // The author's name and a profile block above the header, in one
        // block ("NAME", "Member", "Posts: 12", "Post by NAME » DATE"): the
        // comment starts at the name.
        var start = i
        var keptTarget: String? = nil
        // Never above a comment already finished: comments stay in page order.
        if let h, h.certain, let a = h.author, let k = nameAbove(i, author: a), k > drafts.last?.line ?? -1,
          var c = current
        {
          start = k
          if c.line >= k {
            current = nil
            if h.target == nil, let t = c.target { keptTarget = t }
          } else {
            c.body.removeAll { $0 >= k }
            current = c
          }
        }
        // A bare line right above a certain header, with nothing under it
        // yet ("Great point" over "Submitted by NAME on DATE"): the comment's
        // title; the comment starts there.
        if let h, h.certain, h.author != nil, let c = current, !c.hasBody, c.date == nil, c.target == nil,
          c.line == i - 1, start == i
        {
          start = c.line
          current = nil
        }
        // "NAME", "NAME" (a rank that reads as a name: "Guest"), "Posts: 0",
        // "Post by NAME » DATE": a header for the same author further down the
        // block of a comment with no text or date yet is that
        // comment's own header.
        if let h, h.certain, let a = h.author, let c = current, !c.hasBody, c.dateText == nil,
          c.author == a, c.line < start,
          start - c.line <= 12, (c.line..<start).allSatisfy({ !infos[$0].blank })
        {
          start = c.line
          if h.target == nil, let t = c.target { keptTarget = t }
          current = nil
        }
        if let t = keptTarget { h?.target = t }
        finish()
        let closedByFooter = drafts.last?.closedByFooter ?? false
        if let h, h.certain || !afterTruncation && (closedByFooter || opensHere(i, header: h)) {
          current = CommentDraft(
            line: start, author: h.author, target: h.target, date: h.date, dateText: h.dateText)
          i = h.end
        } else {
          current = CommentDraft(line: i, author: nil)
          current?.afterTruncation = afterTruncation
        }
        blankRun = 0
        continue
      }
      // A body line.
      current?.body.append(i)
      current?.placeholder = false
      if let key = info.key, Markers.truncation(key: key) != nil {
        current?.truncated = true
      } else if info.key == nil,
        Markers.truncationSuffixList.mayEnd(lines[i]) || Markers.mayEndWithExpander(lines[i]),
        let key = LineKey.make(String(lines[i].suffix(40))),
        Markers.truncation(key: key) != nil
      {
        current?.truncated = true
      }
      blankRun = 0
      i += 1
    }
    finish()
    drafts = Segmenter.inPageOrder(drafts)
    dropRepeatedChrome(&drafts)
    // Lines left over after a truncated body at the end are page furniture.
    while let last = drafts.last, last.afterTruncation, last.author == nil { drafts.removeLast() }
    // On a page whose comments are signed under their text, what follows the
    // last signature is page furniture ("« Older post").
    if drafts.contains(where: \.signed) {
      while let last = drafts.last, !last.signed { drafts.removeLast() }
      dropHeadingCaption(&drafts)
    }
    dropTitles(&drafts)
    return drafts
  }

  /// Signed comments have no header to start them: the first one takes all
  /// text under the section's heading. A first paragraph glued to the
  /// heading ("Comments", then "You can follow this conversation…" with no
  /// blank line between) and set apart by a blank line from the text above
  /// the first signature is the heading's caption, not the comment.
  func dropHeadingCaption(_ drafts: inout [CommentDraft]) {
    guard var first = drafts.first, first.signed, first.line == region.start, first.body.first == region.start,
      region.start > 0, infos[region.start - 1].role == .opener
    else { return }
    guard let gap = first.body.indices.dropLast().first(where: { first.body[$0 + 1] > first.body[$0] + 1 }),
      (first.body[gap] + 1..<first.body[gap + 1]).allSatisfy({ infos[$0].blank })
    else { return }
    first.body.removeFirst(gap + 1)
    first.line = first.body[0]
    drafts[0] = first
  }

  /// Only count lines ("50 boosts", "3 3") stand under line `i` before a
  /// blank line, the next certain header or the end of the section: the
  /// first line past them, else nil.
  func headsNothing(_ i: Int) -> Int? {
    let next = nextCertainHeader(after: i) ?? region.end
    var j = i + 1
    while j < min(next, region.end), !infos[j].blank {
      let line = lines[j]
      guard infos[j].role != nil || Words.count(line) <= 3 && line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        && !PageTemplate.isProse(line, infos[j])
      else { return nil }
      j += 1
    }
    return j
  }

  /// The site's banner printed again under the last comment ("Follow the
  /// news as it happens.", "Login"): from a paragraph of the last comment
  /// that opens with a short line printed above the comment section too, the
  /// text is page furniture; so is a last comment with no header that opens so.
  /// - Complexity: O(n) in the lines above the section and in the last comment.
  func dropRepeatedChrome(_ drafts: inout [CommentDraft]) {
    guard var last = drafts.last, region.start > 0 else { return }
    // The short lines that open a paragraph of the last comment, by their
    // first such paragraph; then one pass over the lines above.
    var openers: [String: Int] = [:]
    for k in last.body.indices where k == 0 || last.body[k - 1] < last.body[k] - 1 {
      let line = lines[last.body[k]]
      if line.utf8.count <= 100, openers[line] == nil { openers[line] = k }
    }
    var first: Int? = nil
    for line in lines[..<region.start] where line.utf8.count <= 100 {
      if let k = openers[line], k < first ?? .max { first = k }
    }
    guard let cut = first else { return }
    if cut > 0 {
      last.body.removeSubrange(cut...)
      drafts[drafts.count - 1] = last
    } else if last.author == nil, last.date == nil, last.dateText == nil, last.target == nil {
      drafts.removeLast()
    }
  }

  /// Four tab-separated cells or more: a row of a table.
  func isTableRow(_ i: Int) -> Bool { lines[i].holds(0x09, atLeast: 3) }

  /// Whether the form lines from `i` on are followed at once (past blank,
  /// form, opener and noise lines) by a comment header: the line itself or
  /// the one under it is a certain header.
  func commentsFollowForm(at i: Int) -> Bool {
    var j = i + 1
    while j < region.end, j - i <= 30,
      infos[j].blank || infos[j].role == .form || infos[j].role == .noise || infos[j].role == .opener
    {
      j += 1
    }
    guard j < region.end, let next = nextCertainHeader(after: j - 1) else { return false }
    return next == j || next == j + 1 && infos[j].isNameCandidate
  }

  /// Comment titles: some widgets print a subject line in the header block,
  /// by default the body's first words cut at a word ("You lol after way"
  /// over "You lol after way over way much good council"). When the page
  /// echoes bodies so, the short first line of every comment whose text
  /// follows it directly is its title, not its text.
  func dropTitles(_ drafts: inout [CommentDraft]) {
    func isTitle(_ d: CommentDraft) -> Bool {
      guard d.body.count >= 2, d.body[1] == d.body[0] + 1, d.body[0] > region.start, !infos[d.body[0] - 1].blank
      else { return false }
      let t = lines[d.body[0]]
      return t.utf8.count <= 60 && Words.count(t) <= 8
    }
    var echoes = 0
    var candidates = 0
    for d in drafts where isTitle(d) {
      candidates += 1
      let t = lines[d.body[0]].utf8
      let next = lines[d.body[1]].utf8
      if next.elementsEqual(t)
        || next.count > t.count + 1 && next.starts(with: t) && next[next.index(next.startIndex, offsetBy: t.count)] == 0x20
      {
        echoes += 1
      }
    }
    guard echoes >= 2 || echoes == 1 && candidates <= 2 else { return }
    for k in drafts.indices where isTitle(drafts[k]) { drafts[k].body.removeFirst() }
  }

  /// The line above `i`, in the same block and at most ten lines up, that
  /// prints `author` alone, if any. Only header furniture and action lines
  /// ("Quote") may stand between: no header, date or sentence.
  func nameAbove(_ i: Int, author: String) -> Int? {
    var k = i - 1
    while k >= max(region.start, i - 10), !infos[k].blank {
      if lines[k] == author { return k }
      let info = infos[k]
      if info.date != nil || info.inline != nil || info.says != nil || info.replyTarget != nil
        || lines[k].utf8.count > 80 || Words.endsSentence(lines[k])
      {
        return nil
      }
      k -= 1
    }
    return nil
  }

  /// A bare name line at the start of a comment (top of the region, or after
  /// two blank lines) is its author when it stands alone above a body.
  func opensHere(_ i: Int, header h: Header) -> Bool {
    guard h.author != nil else { return false }
    if h.end < lines.count, !infos[h.end].blank, !footerDelimited {
      return false  // "Name" directly followed by text reads as a body line
    }
    if strictHeaders && !isKnown(lines[i]) { return false }
    return infos[i].name >= 0.3 || isKnown(lines[i])
  }

  /// Whether `line` is a known name. Canonically equivalent spellings differ
  /// in length at most threefold, so longer lines skip the hash.
  func isKnown(_ line: String) -> Bool {
    line.utf8.count <= 3 * longestKnownName && knownNames.contains(line)
  }
}
