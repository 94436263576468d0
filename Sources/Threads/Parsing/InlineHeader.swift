/// A comment header printed on one line, whatever the widget: an author
/// name and a date, with the widget's decoration around them.
///
/// "USER 3 hours ago | parent | next [–]", "[–] USER 5 points 3 hours ago",
/// "Post by NAME » Mon Jan 01, 2018 10:00 am", "NAME • 3 years ago",
/// "NAME → OTHER • 3 years ago", "NAME → OTHER", "NAME →". The line is cut
/// into words; the date is found around an anchor word (a month, a
/// relative-time unit, an ISO date) and removed; then counts ("5 points"),
/// separators, brackets and action words ("parent", "next", "permalink")
/// are dropped. What is left before the date must read as one name (or as
/// "NAME → OTHER"); what is left after it must be decoration only.
struct InlineHeader: Equatable {
  /// The author; nil for a deleted account ("[deleted]").
  var author: String?
  /// The parent's author, for "NAME → OTHER".
  var target: String?
  /// The date as printed, when the line holds one.
  var dateText: String?
  /// The calendar day of `dateText`, when it names one.
  var date: CalendarDate?
  /// The header's template: its decoration with the name as "N", the date as
  /// "D" and digits as "#", up to the date ("[–] N # points D"). Headers of one
  /// widget share it.
  var shape: String = ""

  /// Words that decorate a header and are never part of a name.
  static let decoration: Set<String> = [
    "|", "•", "·", "»", "«", "-", "–", "—", "/", "::", ":", "[–]", "[-]", "[+]", "[−]", "▲", "▼", "^",
    "#", "(edited)", "edited", "parent", "next", "prev", "root", "context", "flag", "favorite", "link",
    "permalink", "reply", "on", "at", "by", "by:", "post", "posted", "written", "published", "originally", "homepage", "journal", "website", "wrote", "commented", "said", "replied",
    "updated", "[s]", "op", "(op)", "[op]", "score", "hidden]", "[score", "points", "point", "votes",
    "likes", "von", "par", "por", "от", "am", "le", "el", "em", "um", "il", "vor", "alle", "à", "より:", "より：",
  ]

  /// Separators between a name and its date: "NAME • 3 years ago", "NAME | 2h".
  static let nameSeparators: Set<String> = ["•", "·", "|", "»", "—", "–"]

  /// Separators that `DateMatcher` reads as filler but that stand before a
  /// date, not in it.
  static let dateSeparators: Set<String> = ["•", "·", "|", "-", "–", "—", "/", ","]

  /// Arrows between a reply's author and its parent's author.
  static let arrows: Set<String> = ["→", "►", "▶", "➜", "⟶", "▸", "➔", "➤", "↪", ">"]

  /// Reads `line` (trimmed, as printed) as a one-line header, or returns nil.
  static func read(_ line: String) -> InlineHeader? {
    guard line.utf8.count <= 140 else { return nil }
    // "Title\t29\t1252\tDec '21": four tab-separated cells or more are a
    // table row (related topics, a forum index), not a header.
    if line.holds(0x09, atLeast: 3) { return nil }
    let words = unglued(
      line.blankSeparated.map(String.init))
    guard words.count >= 2, words.count <= 18 else { return nil }
    // "4 years ago*": old Reddit marks edited comments with a star.
    let keys = words.map { word in
      let key = word.lowercased()
      return key.count > 1 && key.hasSuffix("*") ? String(key.dropLast()) : key
    }
    let arrowAt = keys.firstIndex { arrows.contains($0) }
    let dated = dateSpan(keys)
    let span = dated?.span
    if span == nil, arrowAt == nil { return bylineWithID(words, keys) }
    let lo = span?.lowerBound ?? keys.count
    let hi = span?.upperBound ?? keys.count
    // After the date: decoration only (a signed score "+7", a listed badge
    // such as "Member" or "edited" too).
    var after = hi
    while after < keys.count {
      let k = keys[after]
      // "[3 favorites]", "(2 replies)": a bracketed count is decoration too.
      if let close = bracketedCount(keys, from: after) {
        after = close + 1
        continue
      }
      guard isDecoration(k) || isScore(k) || Widgets.listed[k] == .noise || isHandleWord(k) else {
        // "On March 3, 2019 at 4:12 pm NAME said:", "posted on DATE by NAME".
        return trailingName(words, keys, date: span, dated?.date)
      }
      after += 1
    }
    var left = Array(words[..<lo])
    var leftKeys = Array(keys[..<lo])
    // "NAME • 3 years ago": a separator between the name and the date makes
    // the line a header even when the name reads like a phrase.
    let separated = lo >= 2 && nameSeparators.contains(keys[lo - 1])
    // Decoration at both ends of the name part ("[–] USER 5 points", "Post by NAME »").
    var front = 0
    func trimDecoration() {
      while let f = leftKeys.first, isDecoration(f) || isCount(leftKeys, 0) {
        let n = min(isCount(leftKeys, 0) ? 2 : 1, left.count)
        left.removeFirst(n)
        leftKeys.removeFirst(n)
        front += n
      }
      while let l = leftKeys.last {
        // "NAME → 58140099": a numeric user id after an arrow is the parent's name.
        if leftKeys.count >= 2, arrows.contains(leftKeys[leftKeys.count - 2]) { break }
        // "USER 412 points", "USER 412": a count after the name.
        let n = leftKeys.count >= 3 && isCount(leftKeys, leftKeys.count - 2) ? 2
          : leftKeys.count >= 2 && (isDecoration(l) || DateMatcher.isNumber(l)) ? 1 : isDecoration(l) ? 1 : 0
        guard n > 0 else { break }
        left.removeLast(n)
        leftKeys.removeLast(n)
      }
    }
    // "NAME replied to OTHER on DATE", "NAME in reply to OTHER 2 hours ago": a
    // reply phrase between two names works as an arrow does.
    var phraseTarget: (at: Int, name: String)? = nil
    if arrowAt == nil, span != nil, let (k, n) = replyPhrase(leftKeys) {
      let t = left[(k + n)...].filter { !isDecoration($0.lowercased()) }
      let name = t.joined(separator: " ")
      guard !t.isEmpty, isName(name) || t.count == 1 && DateMatcher.isNumber(name) else { return nil }
      phraseTarget = (front + k, name)
      left.removeSubrange(k...)
      leftKeys.removeSubrange(k...)
    }
    trimDecoration()
    // "NAME • Author • 3 years ago": a badge between spacers after the name.
    if separated, let cut = leftKeys.firstIndex(where: { nameSeparators.contains($0) }), cut > 0,
      !leftKeys.contains(where: { arrows.contains($0) }), leftKeys.count - cut <= 3
    {
      left.removeSubrange(cut...)
      leftKeys.removeSubrange(cut...)
      trimDecoration()
    }
    var target: String? = nil
    if let a = leftKeys.firstIndex(where: { arrows.contains($0) }) {
      let t = left[(a + 1)...].filter { !isDecoration($0.lowercased()) }
      if !t.isEmpty {
        let name = t.joined(separator: " ")
        guard isName(name) else { return nil }
        target = name
      }
      left.removeSubrange(a...)
      leftKeys.removeSubrange(a...)
      trimDecoration()
    }
    var shapeKeys = keys
    if let p = phraseTarget {
      // The parent's name is no part of the template: "N replied to T D".
      target = p.name
      for j in p.at..<(span?.lowerBound ?? keys.count) where !replyPhraseWords.contains(keys[j]) { shapeKeys[j] = "" }
      if let t = shapeKeys[p.at...].firstIndex(of: "") { shapeKeys[t] = "T" }
    }
    let shape = InlineHeader.shape(shapeKeys, name: front..<(front + left.count), date: span)
    // "3 hours ago | parent | next": a header whose name the page does not show.
    // "5 points 2 days ago": a score and the date, under a name line (not
    // "21K views 1 year ago", a video's).
    let scored = front == 2 && lo == 2 && isCount(keys, 0) && scoreWords.contains(keys[1])
    if left.isEmpty, let span, span.upperBound < keys.count || scored, target == nil {
      return InlineHeader(
        author: nil, target: nil, dateText: words[span].joined(separator: " "), date: dated?.date, shape: shape)
    }
    guard !left.isEmpty, left.count <= (separated ? 8 : 5) else { return nil }
    let author = withoutTrailingComma(left.joined(separator: " "))
    let dateText = span.map { words[$0].joined(separator: " ") }
    if Markers.isDeletedAuthor(author.lowercased()), span != nil {
      return InlineHeader(author: nil, target: target, dateText: dateText, date: dated?.date, shape: shape)
    }
    // "by 48874036 on DATE": a numeric user id after a "by".
    // "61466421 1/10/2021 at 10:46 AM": five digits or more before a date.
    let userID = span != nil && left.count == 1 && author.utf8.count >= (front > 0 ? 4 : 5)
      && author.utf8.count <= 12 && DateMatcher.isNumber(author)
    guard isName(author) || userID || separated && !Words.endsSentence(author) else { return nil }
    // "Prices went up → people left": without a date an arrow needs a clear name.
    if span == nil, NameScore.score(author) <= 0.7, !NameScore.isHandle(author) { return nil }
    return InlineHeader(author: author, target: target, dateText: dateText, date: dated?.date, shape: shape)
  }

  /// A header whose name follows its date: only decoration before the date
  /// ("on", "posted on"), and after it the name, with glue words around it
  /// ("by NAME", "NAME said:").
  static func trailingName(
    _ words: [String], _ keys: [String], date span: Range<Int>?, _ date: CalendarDate?
  ) -> InlineHeader? {
    guard let span, keys[..<span.lowerBound].allSatisfy(isDecoration) else { return nil }
    var lo = span.upperBound
    var hi = keys.count
    while lo < hi, isDecoration(keys[lo]) { lo += 1 }
    while hi > lo, isDecoration(keys[hi - 1]) || isDecoration(String(keys[hi - 1].dropLast())) { hi -= 1 }
    guard hi > lo, hi - lo <= 5 else { return nil }
    let author = withoutTrailingComma(words[lo..<hi].joined(separator: " "))
    // "3 years ago (edited)", "1年前 （已修改）": a bracketed note is no name.
    guard let f = author.unicodeScalars.first, !"([{（【「<".unicodeScalars.contains(f), isName(author),
      !keys[lo..<hi].contains(where: { DateMatcher.months[$0] != nil })
    else { return nil }
    var shapeKeys = Array(keys[..<span.lowerBound]) + ["D"] + keys[span.upperBound..<lo] + ["N"]
    shapeKeys += keys[hi...]
    return InlineHeader(
      author: author, target: nil, dateText: words[span].joined(separator: " "), date: date,
      shape: shapeKeys.map(\.digitsFolded).joined(separator: " "))
  }

  /// "by NAME (12345)": a byline with the account's number and no date.
  static func bylineWithID(_ words: [String], _ keys: [String]) -> InlineHeader? {
    guard keys.count >= 3, keys.count <= 7, bylineWords.contains(keys[0]), let last = keys.last,
      last.utf8.count >= 3, last.utf8.first == UInt8(ascii: "("), last.utf8.last == UInt8(ascii: ")"),
      DateMatcher.isNumber(String(last.dropFirst().dropLast()))
    else { return nil }
    let author = words[1..<(keys.count - 1)].joined(separator: " ")
    guard isName(author) else { return nil }
    return InlineHeader(author: author, target: nil, dateText: nil, date: nil, shape: keys[0] + " N (#)")
  }

  /// The word before the name of a byline.
  static let bylineWords: Set<String> = ["by", "von", "par", "por", "от", "door", "di", "av", "przez"]

  /// "Jane Doe," before "on DATE": the name without the comma.
  static func withoutTrailingComma(_ s: String) -> String {
    s.utf8.count > 1 && s.utf8.last == UInt8(ascii: ",") ? String(s.dropLast()) : s
  }

  /// "@jane_doe" after a header's date: the account's handle, printed beside its display name.
  static func isHandleWord(_ key: String) -> Bool {
    key.utf8.count >= 2 && key.utf8.first == UInt8(ascii: "@") && NameScore.isHandle(String(key.dropFirst()))
  }

  /// Spacers printed with no white space around them ("NAME•3 hours ago",
  /// inline elements joined by a scraper) and a collapse toggle glued to the
  /// last word ("ago[−]") become words of their own.
  static func unglued(_ words: [String]) -> [String] {
    guard words.contains(where: { w in w.utf8.count > 1 && w.unicodeScalars.contains { $0 == "•" || $0 == "·" || $0 == "[" } })
    else { return words }
    var out: [String] = []
    for w in words {
      var scalars = Substring(w).unicodeScalars[...]
      var toggle: String? = nil
      if scalars.count > 3, scalars.last == "]", let open = scalars.lastIndex(of: "["), open > scalars.startIndex,
        scalars.distance(from: open, to: scalars.endIndex) <= 4
      {
        toggle = String(String.UnicodeScalarView(scalars[open...]))
        scalars = scalars[..<open]
      }
      var piece = String.UnicodeScalarView()
      for c in scalars {
        if c == "•" || c == "·" {
          if !piece.isEmpty { out.append(String(piece)) }
          piece = String.UnicodeScalarView()
          out.append(String(c))
        } else {
          piece.append(c)
        }
      }
      if !piece.isEmpty { out.append(String(piece)) }
      if let toggle { out.append(toggle) }
    }
    return out
  }

  /// A signed vote score after a header's date: "+7", "-2", "0".
  static func isScore(_ key: String) -> Bool {
    var n = Substring(key)
    if n.hasPrefix("+") || n.hasPrefix("-") || n.hasPrefix("−") { n.removeFirst() }
    return n.utf8.count <= 6 && DateMatcher.isNumber(String(n))
  }

  /// See `shape`: words outside the name and the date, digits folded.
  static func shape(_ keys: [String], name: Range<Int>, date: Range<Int>?) -> String {
    var out: [String] = []
    for (i, k) in keys.enumerated() {
      if name.contains(i) {
        if i == name.lowerBound { out.append("N") }
      } else if let date, date.contains(i) {
        if i == date.lowerBound { out.append("D") }
      } else if let date, i >= date.upperBound {
        break  // what follows the date varies by position ("| parent | next", "| next")
      } else if !k.isEmpty {
        out.append(k.digitsFolded)
      }
    }
    return out.joined(separator: " ")
  }

  /// The reply markers' prefixes ("replied to", "in reply to", "antwort an"),
  /// as words.
  static let replyPhrases: [[String]] = {
    var seen = Set<[String]>()
    var out: [[String]] = []
    for p in Markers.replyPrefixes {
      let words = p.split(separator: " ").map(String.init)
      guard !words.isEmpty, seen.insert(words).inserted else { continue }
      out.append(words)
    }
    return out.sorted { $0.count > $1.count }
  }()

  static let replyPhraseWords: Set<String> = Set(replyPhrases.joined())

  /// Where a reply phrase stands in a header's name part, after one word or
  /// more and before one more: its first word and its length.
  static func replyPhrase(_ keys: [String]) -> (Int, Int)? {
    guard keys.count >= 3 else { return nil }
    for k in 1..<(keys.count - 1) where replyPhraseWords.contains(keys[k]) {
      for p in replyPhrases where k + p.count < keys.count && keys[k..<(k + p.count)].elementsEqual(p) {
        return (k, p.count)
      }
    }
    return nil
  }

  /// False for a key that cannot hold a one-line header: one word only (a
  /// header has at least two), or no digit, arrow, non-ASCII byte, ">" or
  /// "ago"; most name lines and prose are turned away here.
  static func mayHold(_ key: String) -> Bool {
    guard key.hasByte(where: { $0 == 0x20 }) else { return false }
    if key.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 || $0 >= 0xE2 || $0 == UInt8(ascii: ">") }) { return true }
    return key.containsBytes(" ago") || key.hasByteSuffix(" yesterday") || key.hasByteSuffix(" now")
      || key.hasByteSuffix(" today")
  }

  static func isDecoration(_ key: String) -> Bool {
    if decoration.contains(key) || Markers.saysWords.contains(key) { return true }
    // "[–]", "(3)", "#12", "12": brackets and bare numbers.
    if let f = key.unicodeScalars.first, f == "[" || f == "(", let l = key.unicodeScalars.last, l == "]" || l == ")",
      key.unicodeScalars.count <= 6
    {
      return true
    }
    if key.hasPrefix("#"), DateMatcher.isNumber(String(key.dropFirst())) { return true }
    // "<jane.doe@example.com>": the account's mail address in angle brackets.
    if key.utf8.count >= 5, key.utf8.first == UInt8(ascii: "<"), key.utf8.last == UInt8(ascii: ">") { return true }
    // "(9224512)", "(#58000008)": a user or comment id in brackets.
    if let f = key.utf8.first, f == UInt8(ascii: "(") || f == UInt8(ascii: "["), key.utf8.count <= 16 {
      var inner = key.dropFirst()
      if let l = inner.last, l == ")" || l == "]" { inner = inner.dropLast() }
      if inner.hasPrefix("#") { inner = inner.dropFirst() }
      if !inner.isEmpty, DateMatcher.isNumber(String(inner)) { return true }
    }
    // "@10:21am": a time after the date, as Slash prints it.
    if key.hasPrefix("@"), isClock(key.dropFirst()) { return true }
    return false
  }

  /// "10:21", "10:21am", "9:05pm".
  static func isClock(_ s: Substring) -> Bool {
    var t = s
    if t.hasSuffix("am") || t.hasSuffix("pm") { t = t.dropLast(2) }
    let parts = t.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].utf8.count), parts[1].utf8.count == 2 else { return false }
    return DateMatcher.isNumber(String(parts[0])) && DateMatcher.isNumber(String(parts[1]))
  }

  /// The index of the last word of a bracketed count that opens at `i`
  /// ("[3", "favorites]"; "(12", "replies)"), nil when none does.
  static func bracketedCount(_ keys: [String], from i: Int) -> Int? {
    guard i + 1 < keys.count, let open = keys[i].unicodeScalars.first, open == "[" || open == "(" else { return nil }
    let close: Unicode.Scalar = open == "[" ? "]" : ")"
    var number = keys[i].dropFirst()
    number.removeAll { $0 == "," || $0 == "." }
    guard DateMatcher.isNumber(String(number)) else { return nil }
    for j in (i + 1)..<min(keys.count, i + 4) where keys[j].unicodeScalars.last == close {
      return j
    }
    return nil
  }

  /// "5 points", "12 likes", "-3 votes" starting at `i`.
  static func isCount(_ keys: [String], _ i: Int) -> Bool {
    guard i + 1 < keys.count else { return false }
    var n = keys[i]
    if n.hasPrefix("+") || n.hasPrefix("-") || n.hasPrefix("−") { n.removeFirst() }
    // "21k", "1.2m", "1,204".
    if n.hasSuffix("k") || n.hasSuffix("m") { n.removeLast() }
    n.removeAll { $0 == "," || $0 == "." }
    guard DateMatcher.isNumber(n) else { return false }
    return countWords.contains(keys[i + 1])
  }

  /// Counts that score a comment: "5 points", "-2 votes".
  static let scoreWords: Set<String> = ["points", "point", "pts", "votes", "vote", "likes", "like", "punkte", "punkt"]

  /// Nouns after a count in a header: "5 points", "21K views".
  static let countWords: Set<String> = [
    "points", "point", "pts", "votes", "vote", "likes", "like", "punkte", "points,", "views", "replies", "reply",
    "comments", "reactions", "karma", "posts",
  ]

  /// A name as headers print it: a name-like line, a handle, or a numeric id.
  static func isName(_ s: String) -> Bool {
    if s.utf8.count > 60 { return false }
    if NameScore.score(s) > 0 { return true }
    return NameScore.isHandle(s)
  }

  /// The words of the date in `keys`: found around an anchor (a month name,
  /// a relative unit, "ago", an ISO or numeric date), the longest run around
  /// it that `DateMatcher.lineDate` accepts.
  static func dateSpan(_ keys: [String]) -> (span: Range<Int>, date: CalendarDate?)? {
    // A name may hold an anchor ("Mei Cole", "Mei" is May in Dutch): the
    // first anchor that a date forms around wins.
    for (a, k) in keys.enumerated() where isAnchor(k) {
      if let found = dateSpan(keys, anchor: a) { return found }
    }
    return nil
  }

  /// `dateSpan` around the anchor at `a`.
  static func dateSpan(_ keys: [String], anchor a: Int) -> (span: Range<Int>, date: CalendarDate?)? {
    // No date holds a word like "parent" or "jane": windows stop at one.
    // Nor a number of five digits or more: a user id ("by 48874036 on Tue, 05/14/2019").
    func inDate(_ k: String) -> Bool { DateMatcher.mayBeInDate(k) && !(k.utf8.count > 4 && DateMatcher.isNumber(k)) }
    var first = a
    while first > max(0, a - 4), inDate(keys[first - 1]) { first -= 1 }
    var end = a + 1
    while end < min(keys.count, a + 7), inDate(keys[end]) { end += 1 }
    var best: Range<Int>? = nil
    var match: DateMatcher.Match? = nil
    for lo in stride(from: a, through: first, by: -1) {
      for hi in stride(from: end, through: a + 1, by: -1) {
        if let b = best, hi - lo <= b.count { break }
        if let m = DateMatcher.lineDate(keys[lo..<hi].joined(separator: " ")) {
          best = lo..<hi
          match = m
        }
      }
    }
    // A date of only filler and a number ("at 5") is no date; separators
    // before it belong to the header ("NAME • 3 years ago").
    guard var span = best else { return nil }
    while span.count > 1, dateSeparators.contains(keys[span.lowerBound]) {
      span = (span.lowerBound + 1)..<span.upperBound
    }
    if span.count == 1, DateMatcher.isNumber(keys[span.lowerBound]) { return nil }
    return (span, match?.date)
  }

  static func isAnchor(_ k: String) -> Bool {
    let last = k.utf8.last
    let bare = last == UInt8(ascii: ",") || last == UInt8(ascii: ".") ? String(k.dropLast()) : k
    if DateMatcher.months[bare] != nil || DateMatcher.relativeUnits.contains(bare) || anchorWords.contains(bare) {
      return true
    }
    // The numeric and CJK forms below all hold a digit.
    guard bare.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    if DateMatcher.shortRelative(bare) || DateMatcher.isoDate(bare) != nil || DateMatcher.numericDate(bare) != nil {
      return true
    }
    if DateMatcher.cjkDate(bare) != nil { return true }
    return bare.unicodeScalars.last == "前" && DateMatcher.cjkRelative(bare)
  }

  /// Words that anchor a relative date: "ago", "назад", "yesterday".
  static let anchorWords: Set<String> = [
    "ago", "назад", "geleden", "fa", "hace", "há", "il", "yesterday", "today", "now",
  ]
}
