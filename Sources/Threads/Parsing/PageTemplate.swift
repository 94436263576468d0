/// What a page teaches the parser about its own comment template, learned
/// before segmentation from how its lines repeat.
///
/// A comment section repeats one template: the same header shapes and the
/// same action lines around free text. Lists of known widget strings cannot
/// name every widget, so the page's own repetition decides:
/// - an author suffix that ends several short lines after different names
///   ("NAME said...", "NAME hat gesagt…") is a "says" header;
/// - a short line that repeats (digits aside: "Respect 4", "Respect 12") and
///   is followed by the next comment's header rather than by a body is an
///   action line: a footer when it follows a body, else noise;
/// - a number directly above a date line is a user id, not a vote count;
/// - when most date lines follow a body instead of a name, dates are printed
///   under the comment (Blogger) and belong to the comment above;
/// - when one-line headers with a name stick to the text above them, they
///   sign the comment above (MetaFilter, Movable Type);
/// - a line right above headers that ends in the same bracketed label
///   ("Re:Title (Score:4, Insightful)") is the comment's subject, not a name.
///
/// - Complexity: O(lines): one pass to count, one to apply.
enum PageTemplate {
  static func learn(lines: [String], infos: inout [LineInfo], from floor: Int) {
    guard floor < lines.count else { return }
    handleLines(lines: lines, infos: &infos, from: floor)
    headerLabels(lines: lines, infos: &infos, from: floor)
    badgeSuffixes(lines: lines, infos: &infos, from: floor)
    profileStats(lines: lines, infos: &infos, from: floor)
    quoteBlocks(lines: lines, infos: &infos, from: floor)
    badgeLines(lines: lines, infos: &infos, from: floor)
    userIDs(lines: lines, infos: &infos, from: floor)
    saysSuffixes(lines: lines, infos: &infos, from: floor)
    replyPrefixes(lines: lines, infos: &infos, from: floor)
    avatarInitials(lines: lines, infos: &infos, from: floor)
    // Subjects first: an action row above "Re:Title (Score:4)" stands above a header.
    subjectLines(lines: lines, infos: &infos, from: floor)
    actionLines(lines: lines, infos: &infos, from: floor)
    headerActions(lines: lines, infos: &infos, from: floor)
    dateDecorations(lines: lines, infos: &infos, from: floor)
    signatures(lines: lines, infos: &infos, from: floor)
    trailingDates(lines: lines, infos: &infos, from: floor)
    dateOrder(lines: lines, infos: &infos, from: floor)
  }

  // MARK: - Handles under display names

  /// "Jane Doe", "@jdoe@example.social", "3h": a page that prints the
  /// account's handle right under the display name names its author by the
  /// line above. When three handle lines or more (account handles alone on
  /// their line) stand under a name line, for two names or more, and most
  /// of the page's handle lines do, those handle lines are header noise: the
  /// name above is the author, the handle never opens a comment. (A page
  /// whose names are handles, "@jdoe" over "2 years ago", has text or a
  /// blank line above them.)
  static func handleLines(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var handles = 0
    var under: [Int] = []
    var names = Set<String>()
    for i in max(floor, 1)..<lines.count where infos[i].role == nil && Markers.isAccountHandle(lines[i]) {
      handles += 1
      let p = infos[i - 1]
      let name = lines[i - 1]
      // A numeric display name may be listed as a count ("62652991").
      let number = isListedUserID(name, p)
      guard !p.blank, p.role == nil || number, name != lines[i], !name.hasPrefix("@"), name.utf8.count <= 60,
        Words.count(name) <= 5, let last = name.unicodeScalars.last, !"!?…,;:".unicodeScalars.contains(last),
        p.isNameCandidate || number || p.name > -8 && NameScore.isHandle(name)
      else { continue }
      under.append(i)
      names.insert(name)
    }
    guard under.count >= 3, names.count >= 2, under.count * 10 >= handles * 7 else { return }
    for i in under {
      infos[i].learnRole(.noise)
      if infos[i - 1].role == .noise { infos[i - 1].learnRole(nil) }
    }
  }

  /// A handle line that ``handleLines(lines:infos:from:)`` made header noise.
  static func isLearnedHandle(_ line: String, _ info: LineInfo) -> Bool {
    info.role == .noise && Markers.isAccountHandle(line)
  }

  // MARK: - Subject lines

  /// "The wall (Score:4, Insightful)" over "by NAME (12345) on DATE": a
  /// line right above a header (a one-line header, or a name line over a
  /// date) whose bracketed ending has the same shape above two headers or
  /// more (digits folded, the words after a comma dropped: "(score:#") is
  /// the comment's subject, header noise.
  static func subjectLines(lines: [String], infos: inout [LineInfo], from floor: Int) {
    func label(_ line: String) -> String? {
      let u = line.utf8
      guard u.count <= 160, u.last == UInt8(ascii: ")"), let open = u.lastIndex(of: UInt8(ascii: "(")),
        open > u.startIndex
      else { return nil }
      var out = ""
      for c in Substring(line)[open...].lowercased().unicodeScalars {
        if c == "," || c == ")" { break }
        if c.properties.numericType != nil { if !out.hasSuffix("#") { out += "#" } } else { out.unicodeScalars.append(c) }
      }
      return out.utf8.count >= 3 ? out : nil
    }
    func heads(_ i: Int) -> Bool {
      guard i < lines.count else { return false }
      if infos[i].inline?.author != nil { return true }
      guard infos[i].isNameCandidate, i + 1 < lines.count else { return false }
      return infos[i + 1].date != nil || infos[i + 1].inline.map { $0.author == nil && $0.dateText != nil } == true
    }
    var found: [String: [Int]] = [:]
    for i in floor..<max(floor, lines.count - 1) where infos[i].role == nil && !infos[i].blank && heads(i + 1) {
      if let l = label(lines[i]) { found[l, default: []].append(i) }
    }
    for (_, at) in found where at.count >= 2 {
      for i in at { infos[i].learnRole(.noise) }
    }
  }

  // MARK: - Signatures under the body

  /// "posted by NAME at 12:25 AM on March 3, 2019", "Posted by: NAME | DATE":
  /// one-line headers printed under the comment they sign. A header above
  /// its body sticks to the body below it (no blank line between) and stands
  /// apart from the text above; a signature sticks to the text above and
  /// stands apart from what follows. When most of the page's one-line
  /// headers with a name and a date read the second way, or, on a page
  /// without blank lines, when text comes right before the first one and
  /// none after the last one, they are footers that give the comment above
  /// its author and date. So are they when nearly all stick to the text
  /// above them and none stands apart from it.
  static func signatures(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var at: [Int] = []
    var signing = 0
    var heading = 0
    var touching = 0
    // Sticking to any text above, a short one too ("LOL"), not to a blank or widget line.
    var glued = 0
    var apart = 0
    for i in floor..<lines.count {
      guard infos[i].role == nil, let h = infos[i].inline, h.author != nil, h.dateText != nil else { continue }
      at.append(i)
      let up = i > floor && isProse(lines[i - 1], infos[i - 1])
      let down = i + 1 < lines.count && isProse(lines[i + 1], infos[i + 1])
      if up && !down { signing += 1 }
      if down && !up { heading += 1 }
      if up && down { touching += 1 }
      let p = infos[max(floor, i - 1)]
      let upText = i > floor && !p.blank && p.role == nil && p.inline == nil && p.says == nil && p.date == nil
      if upText { glued += 1 } else if down { apart += 1 }
    }
    // One signature ("(1 comments total)"): text right above it, no text under it.
    if at.count == 1, signing == 1, let j = next(infos, after: at[0]), !isProse(lines[j], infos[j]),
      infos[j].date == nil, infos[j].inline == nil
    {
      infos[at[0]].learnRole(.footer)
      return
    }
    guard at.count >= 2 else { return }
    var footers = signing >= max(2, at.count * 6 / 10) && heading * 4 <= signing
      // Blank lines on both sides of many say nothing: of the rest, most
      // stick to the text above only.
      || signing >= 3 && signing * 10 >= at.count * 4 && heading * 4 <= signing
      // No blank lines, and an action line ("Reply") under some of them: all
      // (nine in ten) stick to the text above, the ones without an action to
      // the text below too; none stands apart from the text above.
      || signing >= 2 && apart == 0 && glued * 10 >= at.count * 9
    if !footers, signing + heading <= at.count / 5, touching * 10 >= at.count * 6, let first = at.first,
      let last = at.last, first > floor, isProse(lines[first - 1], infos[first - 1])
    {
      var j = last + 1
      while j < lines.count, infos[j].blank { j += 1 }
      footers = j >= lines.count || !isProse(lines[j], infos[j])
    }
    if !footers, signing + heading + touching <= at.count / 5 {
      footers = signedAfterOpener(lines: lines, infos: infos, from: floor, at)
    }
    guard footers else { return }
    for i in at { infos[i].learnRole(.footer) }
  }

  /// Blank lines around every header say nothing of which way they face;
  /// the ends of the section do. Headers open their comments when the first
  /// follows the comment count ("12 Comments") with no text between; they
  /// sign the text above when text stands between the count and the first,
  /// and none follows the last before the page's furniture.
  static func signedAfterOpener(lines: [String], infos: [LineInfo], from floor: Int, _ at: [Int]) -> Bool {
    guard let first = at.first, let last = at.last,
      let opener = (floor..<first).last(where: { infos[$0].role == .opener }),
      ((opener + 1)..<first).contains(where: { isProse(lines[$0], infos[$0]) })
    else { return false }
    guard let j = next(infos, after: last) else { return true }
    return !isProse(lines[j], infos[j])
  }

  // MARK: - Day or month first

  /// "04/10/2023" is April 10 in the United States and 4 October elsewhere.
  /// `DateMatcher` reads slashes month first unless the first number
  /// exceeds 12; a page prints all its dates one way, so when some of its
  /// slash dates put a day over 12 first and none put one second, the
  /// others are read day first too.
  static func dateOrder(lines: [String], infos: inout [LineInfo], from floor: Int) {
    func slashParts(_ text: String) -> (Int, Int, Int)? {
      guard text.utf8.contains(UInt8(ascii: "/")) else { return nil }
      for w in text.split(separator: " ") where w.utf8.contains(UInt8(ascii: "/")) {
        var t = w
        while let l = t.last, l == "," || l == "." { t = t.dropLast() }
        let parts = t.split(separator: "/")
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]),
          parts[0].utf8.count <= 2, parts[1].utf8.count <= 2
        else { continue }
        return (a, b, parts[2].utf8.count == 2 ? y + (y < 70 ? 2000 : 1900) : y)
      }
      return nil
    }
    var dayFirst = 0
    var monthFirst = 0
    var ambiguous: [(Int, CalendarDate)] = []
    for i in floor..<lines.count {
      let text: String
      if infos[i].date?.date != nil {
        text = lines[i]
      } else if let d = infos[i].inline?.dateText, infos[i].inline?.date != nil {
        text = d
      } else {
        continue
      }
      guard let (a, b, y) = slashParts(text) else { continue }
      if a > 12 && b <= 12 { dayFirst += 1 }
      if b > 12 && a <= 12 { monthFirst += 1 }
      if a <= 12, b <= 12, a != b, let swapped = CalendarDate(year: y, month: b, day: a) { ambiguous.append((i, swapped)) }
    }
    guard dayFirst > 0, monthFirst == 0 else { return }
    for (i, date) in ambiguous {
      if let m = infos[i].date {
        infos[i].learnDate(DateMatcher.Match(date: date, relative: m.relative))
      } else if var h = infos[i].inline {
        h.date = date
        infos[i].learnInline(h)
      }
    }
  }

  // MARK: - Badge suffixes

  /// "NAME (not verified)", "NAME (guest)": a short parenthesis closing
  /// the name lines of two or more different names is the widget's badge,
  /// not part of a name. Those lines are read as the bare name (a certain
  /// author line), and one-line headers keep the bare name as author.
  static func badgeSuffixes(lines: [String], infos: inout [LineInfo], from floor: Int) {
    func split(_ s: String) -> (base: String, badge: String)? {
      let u = s.utf8
      guard u.count >= 5, u.count <= 100, u.last == UInt8(ascii: ")") else { return nil }
      guard let open = u.lastIndex(of: UInt8(ascii: "(")), open > u.startIndex else { return nil }
      let badge = u[open...]
      guard badge.count >= 3, badge.count <= 26, u[u.index(before: open)] == 0x20,
        !badge.dropFirst().contains(UInt8(ascii: "("))
      else { return nil }
      let base = Page.trim(Substring(s)[..<open])
      guard !base.isEmpty else { return nil }
      return (base, String(Substring(badge)).lowercased())
    }
    var seen: [String: Set<String>] = [:]
    var at: [(Int, String, String)] = []
    for i in floor..<lines.count {
      let info = infos[i]
      guard !info.blank, info.role == nil, info.date == nil else { continue }
      let candidate = info.inline?.author ?? (info.inline == nil && info.says == nil ? lines[i] : nil)
      guard let candidate, let (base, badge) = split(candidate), Words.count(badge) <= 3,
        NameScore.score(base) > 0 || NameScore.isHandle(base)
      else { continue }
      seen[badge, default: []].insert(base)
      at.append((i, base, badge))
    }
    for (i, base, badge) in at where (seen[badge]?.count ?? 0) >= 2 {
      if var header = infos[i].inline {
        header.author = base
        infos[i].learnInline(header)
      } else {
        infos[i].learnSays(base)
      }
    }
  }

  // MARK: - Profile lines

  /// "Joined", "Aug 15, 2006", "Messages", "7,356", "Reaction score", "2,620":
  /// a forum prints the poster's profile as label lines over their values.
  /// A short label line that repeats three times or more, each time over a
  /// value (a date or a number), and stands in a run of two such pairs or
  /// more, inside a header block (never at its top, where the name stands),
  /// is header noise, its values too. (A name over a date is followed by a
  /// body, not by another label over a value.)
  static func profileStats(lines: [String], infos: inout [LineInfo], from floor: Int) {
    func isValue(_ j: Int) -> Bool {
      guard j < lines.count, !infos[j].blank else { return false }
      if infos[j].date != nil { return true }
      let u = lines[j].utf8
      guard u.count <= 14, u.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
      return u.allSatisfy { $0 >= 0x30 && $0 <= 0x39 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") || $0 == 0x20 }
    }
    func isLabel(_ j: Int) -> Bool {
      guard j < lines.count, let key = infos[j].key, key.utf8.count <= 24, infos[j].date == nil, infos[j].inline == nil,
        infos[j].says == nil, infos[j].replyTarget == nil, infos[j].role == nil || infos[j].role == .noise,
        !key.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), Words.count(lines[j]) <= 3
      else { return false }
      // Inside a header block: under the badge or the value above, never at its top (a name's place).
      guard j > floor, !infos[j - 1].blank, infos[j - 1].role == nil || infos[j - 1].role == .noise else { return false }
      return isValue(j + 1)
    }
    var counts: [String: Int] = [:]
    var pairs: [Int] = []
    for i in floor..<max(floor, lines.count - 1) where isLabel(i) {
      counts[infos[i].key!, default: 0] += 1
      pairs.append(i)
    }
    guard pairs.count >= 6 else { return }
    func repeated(_ i: Int) -> Bool { (counts[infos[i].key ?? ""] ?? 0) >= 3 }
    let isPair = Set(pairs)
    var marked: [Int] = []
    for i in pairs where repeated(i) {
      let next = isPair.contains(i + 2) && repeated(i + 2)
      let prev = i >= 2 && isPair.contains(i - 2) && repeated(i - 2)
      if next || prev { marked.append(i) }
    }
    for i in marked {
      infos[i].learnRole(.noise)
      infos[i + 1].learnRole(.noise)
      infos[i].markProfile()
      infos[i + 1].markProfile()
    }
  }

  /// A listed badge ("Moderator", "Owner"): header noise of a few words, no profile line.
  static func listedBadge(_ line: String, _ info: LineInfo) -> Bool {
    info.role == .noise && !info.profile && line.utf8.count <= 30 && Words.count(line) <= 3
      && !DateMatcher.isNumber(line)
  }

  /// The line was learned as a profile label or value (`profileStats`).
  static func profileNoise(_ info: LineInfo) -> Bool { info.profile }

  // MARK: - Quote blocks

  /// "NAME said:", the quoted text, "Click to expand...": a "says" line in
  /// a block that a quote expander closes within a few lines is a quote's
  /// attribution inside a post, not a header; the expander is no text.
  static func quoteBlocks(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var i = floor
    while i < lines.count {
      guard let name = infos[i].says else {
        i += 1
        continue
      }
      var j = i + 1
      var closed: Int? = nil
      while j < min(lines.count, i + 8) {
        if let key = infos[j].key, Markers.isQuoteExpander(key) {
          closed = j
          break
        }
        if infos[j].says != nil || infos[j].date != nil || infos[j].role == .footer { break }
        j += 1
      }
      if let closed, closed > i + 1 {
        infos[i].learnQuoteOf(name)
        infos[closed].learnRole(.noise)
        i = closed + 1
      } else {
        i += 1
      }
    }
  }

  // MARK: - Badge lines

  /// A short line that may be a badge or a label: a few words, no sentence
  /// punctuation at its end, nothing the line reader recognised.
  static func mayBeBadge(_ line: String, _ info: LineInfo) -> Bool {
    guard !info.blank, info.role == nil, info.date == nil, info.inline == nil, info.says == nil,
      info.replyTarget == nil, !info.saysWord, !info.deletedNotice, info.quoteOf == nil,
      line.utf8.count <= 30, Words.count(line) <= 3, let last = line.unicodeScalars.last
    else { return false }
    return !".!?…。！？:;,".unicodeScalars.contains(last)
  }

  /// "NAME", "Staff", "4 years ago": when most header blocks of the page
  /// are a name line at the top of the block right over its date, a block
  /// with one more short line between the two keeps its name at the top;
  /// the line between is a badge, header noise. (Were the top line a title
  /// over the name, most blocks would have three lines.)
  ///
  /// A page that gives every header a badge ("NAME", "Well-known member",
  /// the profile's noise, "DATE") shows it too: the badges there repeat
  /// titles, the names above them vary more than the badges (a title over
  /// names would vary less than the names under it), and the date under the
  /// badge is followed by the text (a short text over a date and "Reply"
  /// under it is no badge).
  static func badgeLines(lines: [String], infos: inout [LineInfo], from floor: Int) {
    // A block starts after a blank line or a widget line ("Report" closing the comment above).
    func top(_ i: Int) -> Bool { i == floor || i > floor && (infos[i - 1].blank || infos[i - 1].role != nil) }
    func named(_ i: Int) -> Bool {
      infos[i].isNameCandidate || infos[i].role == nil && infos[i].name > -8 && NameScore.isHandle(lines[i])
        || infos[i].role == .noise && lines[i].utf8.count >= 5 && DateMatcher.isNumber(lines[i])
    }
    var two = 0
    var three: [Int] = []
    var knownBadges: [Int] = []
    var textAfter = 0
    for d in (floor + 1)..<max(floor + 1, lines.count) where infos[d].role == nil && infos[d].date != nil {
      // Learned profile lines ("Joined", "Messages 1,234") may stand between the badge and the date.
      var e = d
      while e - 1 > floor, d - e < 8, infos[e - 1].role == .noise, !infos[e - 1].blank, profileNoise(infos[e - 1]) {
        e -= 1
      }
      // The header's date is followed by the text, not by the footer (a
      // one-word text over a date under it: "LOL", "5 мая в 12:30", "Reply").
      var a = d + 1
      while a < lines.count, a - d < 4, infos[a].role == .noise { a += 1 }
      let opensText = a < lines.count && infos[a].role != .footer
      if e - 2 >= floor, !infos[e - 1].blank, !infos[e - 2].blank, top(e - 2), named(e - 2),
        mayBeBadge(lines[e - 1], infos[e - 1]), lines[e - 1] != lines[e - 2]
      {
        three.append(e - 1)
        if opensText { textAfter += 1 }
      } else if e - 2 >= floor, !infos[e - 2].blank, top(e - 2), named(e - 2), listedBadge(lines[e - 1], infos[e - 1]) {
        // "Moderator": a badge the vocabulary already knows, evidence of the template.
        knownBadges.append(e - 1)
        if opensText { textAfter += 1 }
      } else if top(e - 1), named(e - 1) {
        two += 1
      }
    }
    let rare = two >= 3 && two >= 3 * three.count
    var everyHeader = false
    if !rare, three.count >= 2, three.count + knownBadges.count >= 4 {
      var badges = Set<String>()
      var names = Set<String>()
      for b in three + knownBadges {
        badges.insert(lines[b])
        names.insert(lines[b - 1])
      }
      let n = three.count + knownBadges.count
      everyHeader = badges.count < n && names.count >= badges.count && n > 2 * two && textAfter * 4 >= n * 3
    }
    guard rare || everyHeader else { return }
    for b in three {
      infos[b].learnRole(.noise)
      // Part of the header block, as a profile line is.
      if everyHeader { infos[b].markProfile() }
      // "69352833", "Staff", "4 months ago": a number in the name slot is a user id.
      if infos[b - 1].role == .noise { infos[b - 1].learnRole(nil) }
    }
    // Listed badges ("Administrator") on a page whose every header has one: the same.
    guard everyHeader else { return }
    for b in knownBadges {
      infos[b].markProfile()
      if infos[b - 1].role == .noise { infos[b - 1].learnRole(nil) }
    }
  }

  // MARK: - Reply markers in the page's words

  /// "NAME", "3 years ago", "Antwort auf OTHER": a line in the header block,
  /// under the date, that is a few words and then the name of one of the
  /// page's authors, is a reply marker when the same words open such lines
  /// before two different names or more. The page's authors are the names
  /// of its headers: a name line over a date, a one-line header, a "says".
  static func replyPrefixes(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var names = Set<String>()
    for i in floor..<lines.count where !infos[i].blank {
      if let a = infos[i].inline?.author { names.insert(a) }
      if let a = infos[i].says { names.insert(a) }
      guard infos[i].role == nil, infos[i].isNameCandidate || NameScore.isHandle(lines[i]) else { continue }
      var j = i + 1
      while j < lines.count, j < i + 3 || infos[j].profile && j < i + 14, infos[j].role == .noise { j += 1 }
      if j < lines.count, infos[j].date != nil || infos[j].inline.map({ $0.author == nil && $0.dateText != nil }) == true {
        names.insert(lines[i])
      }
    }
    guard names.count >= 2 else { return }
    let longest = names.map(\.utf8.count).max() ?? 0
    // Under a date, past short lines only (badges), in the same block.
    func underDate(_ i: Int) -> Bool {
      var j = i - 1
      while j >= floor, i - j <= 3, !infos[j].blank {
        if infos[j].date != nil || infos[j].inline?.dateText != nil { return true }
        guard infos[j].role != nil || mayBeBadge(lines[j], infos[j]) else { return false }
        j -= 1
      }
      return false
    }
    var found: [String: (at: [(Int, String)], names: Set<String>)] = [:]
    for i in (floor + 1)..<max(floor + 1, lines.count) {
      let info = infos[i]
      guard info.role == nil, info.date == nil, info.inline == nil, info.says == nil, info.replyTarget == nil,
        !info.saysWord, info.quoteOf == nil, !info.deletedNotice, lines[i].utf8.count <= longest + 40,
        i + 1 < lines.count, !infos[i + 1].blank, underDate(i)
      else { continue }
      let words = lines[i].split(separator: " ")
      guard words.count >= 2 else { continue }
      for n in 1...min(4, words.count - 1) {
        let prefix = words[..<n]
        guard !prefix.contains(where: { $0.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) }) else { break }
        let name = words[n...].joined(separator: " ")
        guard names.contains(name) else { continue }
        let key = prefix.joined(separator: " ").lowercased()
        found[key, default: ([], [])].at.append((i, name))
        found[key]?.names.insert(name)
        break
      }
    }
    for (_, f) in found where f.at.count >= 2 && f.names.count >= 2 {
      for (i, name) in f.at { infos[i].learnReplyTarget(name) }
    }
  }

  // MARK: - Decoration under the date

  /// "NAME", "4 years ago", "(edited)", then the text: a short line that
  /// stands right under a name's date line, with more of the comment
  /// directly under it, each time the page prints it (twice or more), is
  /// header decoration ("(edited)", "Featured" in the page's language), not
  /// the comment's first line. A one-line text that repeats ("So true") has
  /// the footer or a blank line under it.
  static func dateDecorations(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var tallies: [String: (total: Int, under: [Int])] = [:]
    for i in floor..<lines.count where mayBeBadge(lines[i], infos[i]) {
      guard let key = infos[i].key else { continue }
      tallies[key, default: (0, [])].total += 1
      guard i >= floor + 2, i + 1 < lines.count, infos[i - 1].date != nil,
        infos[i - 1].role == nil, !infos[i - 2].blank, infos[i - 2].role == nil || infos[i - 2].role == .noise,
        !infos[i + 1].blank, infos[i + 1].role == nil
      else { continue }
      tallies[key]?.under.append(i)
    }
    for (_, t) in tallies where t.under.count >= 2 && t.under.count == t.total {
      for i in t.under { infos[i].learnRole(.noise) }
    }
  }

  // MARK: - Avatar initials

  /// Widgets draw a missing avatar as the name's initial ("M" above "Maria
  /// Okafor", "?" above "Anonymous"). A line of one or two letters, or "?",
  /// right above a line opening with those letters is noise when the page
  /// does it twice or more.
  static func avatarInitials(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var found: [Int] = []
    for i in floor..<max(floor, lines.count - 1) {
      let u = lines[i].utf8
      guard u.count >= 1, u.count <= 8, infos[i].role == nil, !infos[i + 1].blank else { continue }
      let initials = Array(lines[i].unicodeScalars)
      guard initials.count <= 2, initials.allSatisfy({ $0.properties.isAlphabetic || $0 == "?" }) else { continue }
      let next = lines[i + 1]
      guard next.unicodeScalars.count > initials.count, next.utf8.count <= 80 else { continue }
      if initials == ["?"] {
        found.append(i)
        continue
      }
      guard initials.allSatisfy({ $0.properties.isUppercase || !$0.properties.isLowercase }) else { continue }
      // The initials open the next line's words ("MO" over "Maria Okafor") or the line itself.
      let words = next.spaceSeparated
      let firsts = words.compactMap { $0.unicodeScalars.first }
      let opening = Array(next.unicodeScalars.prefix(initials.count))
      func same(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
          x == y || String(x).uppercased() == String(y).uppercased()
        }
      }
      if same(initials, opening) || initials.count == 2 && firsts.count >= 2 && same(initials, [firsts[0], firsts[1]]) {
        found.append(i)
      }
    }
    guard found.count >= 2, found.contains(where: { lines[$0] != "?" }) else { return }
    for i in found { infos[i].learnRole(.noise) }
  }

  // MARK: - Action links in the header

  /// An action word in the header block ("Permalink" under "NAME", "DATE",
  /// above the title and text) closes nothing: when a listed footer line
  /// repeats and most of its copies stand in a header block (under a header
  /// line, maybe past short lines such as a vote count or a browser name)
  /// with text right below, those copies are header noise, and so are the
  /// short lines between the header line and them ("Chrome 120.0", "Linux").
  static func headerActions(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var tallies: [String: (total: Int, under: [(action: Int, header: Int)])] = [:]
    for i in max(floor, 1)..<max(floor, 1, lines.count - 1) where infos[i].role == .footer {
      guard let key = infos[i].key else { continue }
      tallies[key, default: (0, [])].total += 1
      guard let header = headerLine(above: i, lines: lines, infos: infos, floor: floor),
        !infos[i + 1].blank, infos[i + 1].role == nil
      else { continue }
      tallies[key]?.under.append((i, header))
      // An action with no reply word ("Permalink", "Share") never closes a
      // comment it stands above: one copy is evidence enough.
      if header == i - 1, !key.spaceSeparated.contains(where: { Widgets.replyWords.contains(String($0)) }) {
        infos[i].learnRole(.noise)
      }
    }
    var learned: [(action: Int, header: Int)] = []
    for (_, t) in tallies where t.under.count >= 3 && t.under.count * 10 >= t.total * 7 {
      learned.append(contentsOf: t.under)
    }
    for (action, header) in learned {
      for j in (header + 1)...action where infos[j].role == nil || j == action { infos[j].learnRole(.noise) }
    }
  }

  /// The header line (a date, a dated one-line header, a "says" line) that
  /// heads the block holding line `i`, up to five short lines above it; nil
  /// past a blank line or text.
  static func headerLine(above i: Int, lines: [String], infos: [LineInfo], floor: Int) -> Int? {
    var j = i - 1
    while j >= floor, i - j <= 6, !infos[j].blank {
      let p = infos[j]
      if p.date != nil || p.inline?.dateText != nil || p.says != nil { return j }
      guard p.role != nil || !isProse(lines[j], p) && Words.count(lines[j]) <= 3 else { return nil }
      j -= 1
    }
    return nil
  }

  /// The next non-blank line after `i`, if any.
  static func next(_ infos: [LineInfo], after i: Int) -> Int? {
    var j = i + 1
    while j < infos.count, infos[j].blank { j += 1 }
    return j < infos.count ? j : nil
  }

  /// One blank line under line `i`, then a date line that closes no comment:
  /// "NAME", "", "1 November 2012 9:08PM" on a page with a blank line
  /// between every element.
  static func datedAfterOneBlank(_ infos: [LineInfo], _ i: Int) -> Bool {
    i + 2 < infos.count && infos[i + 1].blank && infos[i + 2].date != nil && infos[i + 2].role != .footer
  }

  /// The last non-blank line before `i`, if any.
  static func previous(_ infos: [LineInfo], before i: Int) -> Int? {
    var j = i - 1
    while j >= 0, infos[j].blank { j -= 1 }
    return j >= 0 ? j : nil
  }

  /// A line that reads as comment text: a sentence or several words.
  static func isProse(_ line: String, _ info: LineInfo) -> Bool {
    guard !info.blank, info.role == nil, info.date == nil, info.inline == nil, info.says == nil else { return false }
    if line.utf8.count > 60 || Words.count(line) >= 6 { return true }
    guard let last = line.unicodeScalars.last else { return false }
    return ".!?…。！？\"”)".unicodeScalars.contains(last)
  }

  /// A line that can open the next comment.
  static func isHeaderish(_ info: LineInfo) -> Bool {
    info.isNameCandidate || info.inline != nil || info.says != nil || info.replyTarget != nil
      || info.date != nil || info.saysWord
  }

  // MARK: - Header labels

  /// "Mensaje por NAME » DATE", "Beitrag von NAME » DATE": a word that opens
  /// the names of most one-line headers on the page, before words that
  /// differ, is the widget's label, not part of a name; those headers are
  /// read again without it.
  static func headerLabels(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var leads: [String: (count: Int, rests: Set<String>)] = [:]
    var headers = 0
    for i in floor..<lines.count {
      guard let author = infos[i].inline?.author else { continue }
      headers += 1
      let words = author.spaceSeparated
      guard let first = words.first else { continue }
      let lead = first.lowercased()
      leads[lead, default: (0, [])].count += 1
      // The word after the label, past decoration ("Submitted by NAME"): names differ.
      if let rest = words.dropFirst().first(where: { !InlineHeader.isDecoration($0.lowercased()) }) {
        leads[lead]?.rests.insert(String(rest))
      }
    }
    guard
      let (label, seen) = leads.max(by: { $0.value.count < $1.value.count || $0.value.count == $1.value.count && $0.key > $1.key }),
      seen.count >= 4, seen.count * 10 >= headers * 6, seen.rests.count >= 3
    else { return }
    for i in floor..<lines.count {
      // Headers read with the label, and lines the label kept from reading
      // as headers ("Submitted by greenthumb_x on DATE").
      let opening = infos[i].inline?.author ?? (infos[i].role == nil && infos[i].date == nil && infos[i].key != nil
        && infos[i].says == nil && infos[i].replyTarget == nil ? lines[i] : nil)
      guard let author = opening, author.split(separator: " ", maxSplits: 1).first?.lowercased() == label
      else { continue }
      var words = lines[i].spaceSeparated
      guard let at = words.firstIndex(where: { $0.lowercased() == label }) else { continue }
      words.remove(at: at)
      if let header = InlineHeader.read(words.joined(separator: " ")) { infos[i].learnInline(header) }
    }
  }

  // MARK: - User ids

  /// A number where the page prints names: a user id, not a vote count.
  /// - above a date line, or opening a comment after a footer;
  /// - five digits or more printed twice in a row, or over a reply marker,
  ///   as the page prints its names ("70216782" twice, "Reply to NAME");
  /// - five digits or more alone between blank lines over a paragraph, on a
  ///   page whose comments open so with bare name lines twice or more: read
  ///   as a name line itself. Counts are short and stand by a header, not
  ///   between paragraphs.
  static func userIDs(lines: [String], infos: inout [LineInfo], from floor: Int) {
    func isID(_ i: Int) -> Bool { isNumericID(lines[i]) && lines[i].utf8.first != UInt8(ascii: "0") }
    // The bare-name slot: a lone line under a blank or widget line, a blank
    // line and a paragraph under it.
    func inNameSlot(_ i: Int) -> Bool {
      guard i > floor, i + 2 < lines.count, infos[i - 1].blank || infos[i - 1].role != nil, infos[i + 1].blank
      else { return false }
      guard let j = next(infos, after: i), j == i + 2 else { return false }
      return isProse(lines[j], infos[j])
    }
    var slotNames = 0
    var slotIDs: [Int] = []
    for i in floor..<lines.count where !infos[i].blank && inNameSlot(i) {
      if infos[i].isNameCandidate { slotNames += 1 } else if infos[i].role == .noise, isID(i) { slotIDs.append(i) }
    }
    if slotNames >= 2 {
      for i in slotIDs {
        infos[i].learnRole(nil)
        infos[i].name = 1
      }
    }
    for i in floor..<max(floor, lines.count - 1) where infos[i].role == .noise && !infos[i].profile {
      let u = lines[i].utf8
      guard u.count >= 2, u.count <= 12, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { continue }
      guard i == 0 || infos[i - 1].blank || infos[i - 1].role != nil else { continue }
      // Over a lone header verb too ("70683022", "wrote", "on DATE").
      if isID(i), lines[i + 1] == lines[i] || infos[i + 1].replyTarget != nil || infos[i + 1].saysWord {
        infos[i].learnRole(nil)
        if lines[i + 1] == lines[i] { infos[i + 1].learnRole(nil) }
        continue
      }
      // Above a date line, or opening a comment after a footer ("Like · Reply · 2mo")
      // or after the opener above the first comment ("Add a comment..."),
      // a listed badge ("Top fan") perhaps between it and the text.
      let above = previous(infos, before: i).flatMap { infos[$0].role }
      let afterFooter = above == .footer || above == .opener
      var text = i + 1
      if text + 1 < lines.count, listedBadge(lines[text], infos[text]) { text += 1 }
      // Scores may stand between ("84013811", "-1 points", "30 minutes ago").
      var below = i + 1
      while below < min(lines.count - 1, i + 3), infos[below].role == .noise,
        infos[below].key.map(Widgets.isScoreLine) == true
      {
        below += 1
      }
      let datedBelow = infos[below].date != nil
        || infos[below].inline.map { $0.author == nil && $0.target == nil && $0.dateText != nil } == true
      guard datedBelow || afterFooter && !infos[text].blank && infos[text].role == nil else { continue }
      infos[i].learnRole(nil)
      // The first comment has no footer above to open it: the id is its name line.
      if above == .opener { infos[i].name = 1 }
    }
  }

  /// Five to twelve digits: a numeric user id where a name stands.
  static func isNumericID(_ line: String) -> Bool {
    (5...12).contains(line.utf8.count) && DateMatcher.isNumber(line)
  }

  /// A numeric user id the line table still lists as a count ("70683022").
  static func isListedUserID(_ line: String, _ info: LineInfo) -> Bool {
    info.role == .noise && isNumericID(line)
  }

  // MARK: - Author suffixes

  /// The split of a short line into a name and a trailing run of one to
  /// three lower-case words ending in ":" or an ellipsis: ("Jane", "said...").
  static func suffixSplit(_ line: String) -> (name: String, suffix: String)? {
    guard line.utf8.count <= 80, let last = line.unicodeScalars.last, last == ":" || last == "…" || last == "."
    else { return nil }
    if last == ".", !line.hasSuffix("...") { return nil }
    let words = line.spaceSeparated
    guard words.count >= 2, words.count <= 7 else { return nil }
    var n = 0
    while n < min(3, words.count - 1) {
      let w = words[words.count - 1 - n]
      guard let f = w.unicodeScalars.first, !f.properties.isUppercase else { break }
      n += 1
    }
    guard n >= 1 else { return nil }
    let name = words.dropLast(n).joined(separator: " ")
    guard NameScore.score(name) > 0 || NameScore.isHandle(name) else { return nil }
    return (name, words.suffix(n).joined(separator: " ").lowercased())
  }

  static func saysSuffixes(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var names: [String: Set<String>] = [:]
    var at: [(Int, String, String)] = []
    for i in floor..<lines.count {
      guard !infos[i].blank, infos[i].role == nil, infos[i].name > -8, infos[i].name <= 0,
        let (name, suffix) = suffixSplit(lines[i])
      else { continue }
      names[suffix, default: []].insert(name)
      at.append((i, name, suffix))
    }
    for (i, name, suffix) in at where names[suffix, default: []].count >= 2 {
      infos[i].learnSays(name)
    }
    loneSuffixes(lines: lines, infos: &infos, from: floor)
  }

  /// A suffix alone on its line under different names ("NAME" then "dit :"):
  /// one or two lower-case words ending in ":" or an ellipsis, three times
  /// or more, each under a line that reads as a name.
  static func loneSuffixes(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var under: [String: (at: [Int], names: Set<String>)] = [:]
    for i in max(floor, 1)..<max(floor, lines.count) {
      guard let key = infos[i].key, key.utf8.count <= 16, infos[i].role == nil, !infos[i].saysWord,
        infos[i].name > -8, let last = key.unicodeScalars.last, last == ":" || last == "…" || key.hasSuffix("...")
      else { continue }
      let words = key.spaceSeparated
      guard words.count <= 3, !lines[i].unicodeScalars.contains(where: { $0.properties.isUppercase }),
        !infos[i - 1].blank, infos[i - 1].role == nil,
        infos[i - 1].isNameCandidate || NameScore.isHandle(lines[i - 1]) || infos[i - 1].name > -0.9
      else { continue }
      under[key, default: ([], [])].at.append(i)
      under[key]?.names.insert(lines[i - 1])
    }
    for (_, seen) in under where seen.at.count >= 3 && seen.names.count >= 2 {
      for i in seen.at { infos[i].learnSaysWord() }
    }
  }

  // MARK: - Action lines

  static func actionLines(lines: [String], infos: inout [LineInfo], from floor: Int) {
    // Short lines by shape, digits folded: "respect 4" and "respect 12" repeat as one.
    var tallies: [String: [Int]] = [:]
    for i in floor..<lines.count {
      guard let key = infos[i].key, key.utf8.count <= 80, infos[i].role == nil, infos[i].date == nil,
        infos[i].inline == nil, infos[i].says == nil, infos[i].replyTarget == nil, !infos[i].saysWord,
        !infos[i].deletedNotice, infos[i].quoteOf == nil
      else { continue }
      // Action lines are a few words with no sentence punctuation ("Reply", "Respect 4"),
      // or a row of actions in title case ("Reply to This Share Parent Flag as Inappropriate").
      let n = Words.count(lines[i])
      guard n <= 5 && key.utf8.count <= 40 || n <= 10 && PageParser.capitalisedShare(lines[i]) >= 0.6,
        let last = key.unicodeScalars.last,
        !".!?。！？".unicodeScalars.contains(last)
      else { continue }
      tallies[key.digitsFolded, default: []].append(i)
    }
    func repeats(_ j: Int) -> Bool { infos[j].key.map { tallies[$0.digitsFolded, default: []].count >= 3 } ?? false }
    // A repeated line whose number changes ("3 件の返信", "1 件の返信") is a
    // count, never a name: an action line under it is not under a header.
    var counting = Set<String>()
    for (folded, at) in tallies where at.count >= 3 {
      if let first = at.first, at.contains(where: { lines[$0] != lines[first] }) { counting.insert(folded) }
    }
    func isCount(_ j: Int) -> Bool { infos[j].key.map { counting.contains($0.digitsFolded) } ?? false }
    // Only repeated lines matter; their neighbours decide, all read before
    // any role is given, so the outcome does not depend on dictionary order.
    var learned: [([Int], Widgets.Role)] = []
    for (_, at) in tallies where at.count >= 3 {
      var followedByBody = 0
      var underHeader = 0
      var beforeHeader = 0
      var afterBody = 0
      for i in at {
        let p = previous(infos, before: i)
        // A one-line body repeats too ("So true"), but right under its header.
        if let p, isHeaderish(infos[p]), !isCount(p) { underHeader += 1 }
        // A header line under it (date, marker) makes it a name, spacers
        // and badges between ("NAME", "•", "3 hours ago") or not.
        var u = i + 1
        while u < lines.count, u < i + 4 || infos[u].profile && u < i + 14, !infos[u].blank, infos[u].role == .noise {
          u += 1
        }
        // A page with a blank line between every element: a name line, one blank, its date.
        if u == i + 1, datedAfterOneBlank(infos, i), infos[i].isNameCandidate || NameScore.isHandle(lines[i]) {
          u += 1
        }
        if u < lines.count, !infos[u].blank,
          infos[u].date != nil || infos[u].replyTarget != nil || infos[u].saysWord
            || infos[u].inline.map({ $0.author == nil && $0.target == nil && $0.dateText != nil }) == true
        {
          followedByBody += 1
          continue
        }
        if let p, isProse(lines[p], infos[p]) { afterBody += 1 }
        if let j = next(infos, after: i) {
          if isHeaderish(infos[j]) || infos[j].role != nil || repeats(j) {
            beforeHeader += 1
          } else if isProse(lines[j], infos[j]) {
            followedByBody += 1
          }
        } else {
          beforeHeader += 1
        }
      }
      let n = at.count
      guard followedByBody * 4 <= n, underHeader * 4 <= n, beforeHeader * 10 >= n * 7 else { continue }
      learned.append((at, afterBody * 2 >= n ? .footer : .noise))
    }
    for (at, role) in learned {
      for i in at { infos[i].learnRole(role) }
    }
  }

  // MARK: - Dates under the body

  static func trailingDates(lines: [String], infos: inout [LineInfo], from floor: Int) {
    var dates: [Int] = []
    var afterBody = 0
    var headers = 0
    // Bodies under a bare name line: "NAME", the text, then its date ("5 мая в 12:30", "Ответить").
    var namedAbove = 0
    for i in floor..<lines.count {
      if infos[i].says != nil || infos[i].inline != nil { headers += 1 }
      guard infos[i].role == nil, infos[i].date != nil else { continue }
      dates.append(i)
      if let p = previous(infos, before: i), isProse(lines[p], infos[p]), !infos[p].isNameCandidate {
        afterBody += 1
        var k = p
        while k - 1 >= floor, isProse(lines[k - 1], infos[k - 1]) { k -= 1 }
        if k - 1 >= floor, infos[k - 1].isNameCandidate || infos[k - 1].role == nil && NameScore.isHandle(lines[k - 1])
          || isNumericID(lines[k - 1])
        {
          namedAbove += 1
        }
      }
    }
    guard dates.count >= 3 && afterBody * 10 >= dates.count * 6 || dates.count == 2 && afterBody == 2,
      headers >= 2 || dates.count >= 3 && namedAbove * 10 >= dates.count * 6
    else { return }
    for i in dates { infos[i].learnRole(.footer) }
  }
}
