/// Reply markers, author-line forms and truncation markers.
enum Markers {
  /// Prefixes that make a whole line a reply marker naming the parent's author.
  static let replyPrefixes: [String] = [
    "reply to ", "replying to ", "in reply to ", "in response to ", "response to ", "responding to ", "replied to ",
    "reply to: ", "in reply to: ", "antwort an ", "als antwort auf ", "en réponse à ", "répondre à ",
    "réponse à ", "respuesta a ", "en respuesta a ", "in risposta a ", "risposta a ", "reactie op ",
    "em resposta a ", "resposta a ", "ответ ", "в ответ на ", "回复 ", "回复：", "回复:", "回覆 ", "答复 ",
    "回复给 ",
  ]

  static let replyPrefixList = AffixList(replyPrefixes, suffixes: false)

  /// "Reply to\u{a0} NAME" (NBSP already a space in `line` trimming) -> NAME.
  /// - Parameters:
  ///   - line: the trimmed line as printed.
  ///   - key: its `LineKey`.
  static func replyTarget(line: String, key: String) -> String? {
    if let prefix = replyPrefixList.match(key) {
      guard let named = nameAfter(prefix: prefix, in: line) else { return nil }
      if let author = byAuthor(named, key: key) { return author }
      if let name = beforeDate(named) { return name }
      return isActionObject(named) ? nil : named
    }
    // "回复张三" with no space (a key opening with ASCII cannot open with it in any spelling).
    if let first = key.utf8.first, first >= 0x80, key.hasPrefix("回复"), key.unicodeScalars.count > 2, key.unicodeScalars.count <= 40 {
      return nameAfter(prefixScalars: 2, in: line)
    }
    return nil
  }

  /// "Response to NAME, 1 November 2012 9:11PM": the name before a comma
  /// and the parent's date.
  static func beforeDate(_ named: String) -> String? {
    guard let comma = named.utf8.firstIndex(of: UInt8(ascii: ",")) else { return nil }
    let rest = Page.trim(named[named.utf8.index(after: comma)...])
    guard let key = LineKey.make(rest), DateMatcher.lineDate(key) != nil else { return nil }
    return cleanName(String(named[..<comma]))
  }

  /// "Reply to This", "Reply to this comment", "Reply to it": the action
  /// link, not a marker naming someone.
  static func isActionObject(_ named: String) -> Bool {
    guard let first = named.spaceSeparated.first else { return false }
    return ["this", "that", "it", "all", "comment", "thread", "post"].contains(first.lowercased())
  }

  /// Words that name a post's author after its title: "In reply to TITLE by
  /// NAME", "En réponse à TITLE par NAME" ("von", "di" open surnames too).
  static let byWords: Set<String> = ["by", "par", "por"]

  /// "In reply to Great point by Jane Doe": the marker names the parent's
  /// title, then its author; the author is the target. Only when a name-like
  /// text follows the last " by " (titles may hold "by" too).
  static func byAuthor(_ named: String, key: String) -> String? {
    guard named.utf8.count <= 160, key.hasByte(where: { $0 == 0x20 }) else { return nil }
    let words = named.split(separator: " ", omittingEmptySubsequences: true)
    guard words.count >= 3 else { return nil }
    var k = words.count - 2
    while k >= 1 {
      if byWords.contains(words[k].lowercased()) {
        let author = words[(k + 1)...].joined(separator: " ")
        if author.utf8.count <= 60, NameScore.score(author) > 0 || NameScore.isHandle(author) { return author }
        return nil
      }
      k -= 1
    }
    return nil
  }

  /// The text after the first `prefix.unicodeScalars.count` scalars of `line`,
  /// trimmed, with a trailing "." or ":" dropped.
  static func nameAfter(prefix: String, in line: String) -> String? {
    // The key collapses white space runs; walk the line matching scalars loosely.
    var scalars = Substring(line).unicodeScalars[...]
    for p in prefix.unicodeScalars {
      if p == " " {
        guard let f = scalars.first, f.properties.isWhitespace else { return nil }
        while let f = scalars.first, f.properties.isWhitespace { scalars = scalars.dropFirst() }
      } else {
        guard let f = scalars.first else { return nil }
        let lower = f.properties.lowercaseMapping
        guard lower.unicodeScalars.first == p else { return nil }
        scalars = scalars.dropFirst()
      }
    }
    return cleanName(String(String.UnicodeScalarView(scalars)))
  }

  static func nameAfter(prefixScalars n: Int, in line: String) -> String? {
    cleanName(String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(n))))
  }

  static func cleanName(_ raw: String) -> String? {
    var s = Page.trim(Substring(raw))
    while let last = s.unicodeScalars.last, last == "." || last == ":" || last == "：" || last == "," {
      s = String(String.UnicodeScalarView(s.unicodeScalars.dropLast()))
      s = Page.trim(Substring(s))
    }
    if s.hasPrefix("@") { s.removeFirst() }
    return s.isEmpty || s.utf8.count > 120 ? nil : s
  }

  /// Suffixes of an author line: "NAME says:", "NAME说道：", "NAME sagt:".
  static let saysSuffixes: [String] = [
    " says:", " said:", " says", " said,", " says,", " wrote:", " wrote,", " writes:", " commented:", " dice:", " dijo:", " sagt:",
    " schreibt:", " a dit :", " a dit:", " écrit :", " écrit:", " scrive:", " ha scritto:", " diz:",
    " disse:", " zegt:", " schreef:", " пишет:", " говорит:", "说道：", "说道:", "說道：", "说：", "說：",
    " says :", "说道", " said...", " said…", " より:", " より：", " dijo...", " dijo…", " a dit...", " a dit…", " disse...",
    " disse…", " ha detto...", " ha detto…", " zei...", " zei…", " sagte...", " sagte…", " hat gesagt...",
    " hat gesagt…", " schrieb:", " escribió:", " escreveu:", " a écrit :", " a écrit:", " написал:", " さんのコメント...", " さんのコメント…",
    " написала:", " написал(а):", " написал...", "说...", "说…", "說...", " comentó:", " ha commentato:",
  ]

  /// What a widget prints in place of a deleted or hidden account's name.
  static let deletedAuthors: Set<String> = [
    "[deleted]", "[removed]", "[deleted user]", "deleted user", "[dead]", "deleted", "removed",
    "[gelöscht]", "gelöschter nutzer", "utilisateur supprimé", "usuario eliminado", "[supprimé]",
    "[eliminado]", "удалённый пользователь", "[удалено]", "已删除", "[已删除]",
  ]

  static func isDeletedAuthor(_ key: String) -> Bool { key.utf8.count <= 32 && deletedAuthors.contains(key) }

  /// What a widget prints in place of a deleted or hidden comment.
  static let deletedNotices: Set<String> = [
    "this comment was deleted.", "this comment was deleted", "this comment has been deleted.",
    "this comment has been deleted", "this comment has been removed.", "this comment has been removed",
    "this comment was removed.", "this comment was removed", "comment removed", "comment deleted",
    "this comment was removed by a moderator.", "this comment was removed by a moderator",
    "this comment has been removed by a moderator.", "this comment has been removed by the author.",
    "this comment has been removed by a blog administrator.", "this comment is awaiting moderation.",
    "this comment violated our policy.", "this comment violated our community standards.",
    "[comment removed]", "[comment deleted]", "message deleted", "comment hidden",
    "dieser kommentar wurde gelöscht.", "kommentar gelöscht", "ce commentaire a été supprimé.",
    "commentaire supprimé", "este comentario fue eliminado.", "comentario eliminado",
    "este comentário foi excluído.", "questo commento è stato eliminato.", "комментарий удалён",
    "комментарий удален", "此评论已被删除", "评论已删除", "このコメントは削除されました",
  ]

  static func isDeletedNotice(_ key: String) -> Bool {
    guard key.utf8.count <= 120 else { return false }
    if deletedNotices.contains(key) { return true }
    // "This comment is no longer available. The commenter has deleted their account."
    guard key.hasBytePrefix("this comment ") || key.hasBytePrefix("this post ") || key.hasBytePrefix("comment ")
      || key.hasBytePrefix("[comment") || key.hasBytePrefix("(comment") || key.hasBytePrefix("(post ")
      || key.hasBytePrefix("this message ") || key.hasBytePrefix("this user ")
    else { return false }
    // "This user is muted.", "This user is blocked": the comment is hidden from the reader.
    return ["deleted", "removed", "no longer available", "hidden", "withdrawn", "muted", "blocked"].contains {
      key.containsBytes($0)
    }
  }

  /// Suffixes of a forum's quote attribution, "NAME wrote: ↑" (the arrow
  /// links to the quoted post).
  static let quoteSuffixes: [String] = [
    " wrote: ↑", " wrote:↑", " schrieb: ↑", " a écrit : ↑", " a écrit: ↑", " escribió: ↑", " ha scritto: ↑",
    " escreveu: ↑", " написал: ↑", " писал(а): ↑", " schreef: ↑", " 写道: ↑", " 写道：↑",
  ]

  static let quoteSuffixList = AffixList(quoteSuffixes, suffixes: true)

  /// "Lars V. wrote: ↑" -> "Lars V.": the author of the post the body quotes.
  static func quoteAttribution(line: String, key: String) -> String? {
    guard key.utf8.count <= 100, let suffix = quoteSuffixList.match(key) else { return nil }
    let name = Page.trim(Substring(String(String.UnicodeScalarView(line.unicodeScalars.dropLast(suffix.unicodeScalars.count)))))
    return name.isEmpty ? nil : name
  }

  /// What closes a forum's collapsed quote ("NAME said:", the quote, "Click to expand...").
  static let quoteExpanders: Set<String> = [
    "click to expand...", "click to expand…", "click to expand", "zum erweitern anklicken...",
    "zum erweitern anklicken…", "cliquez pour agrandir...", "cliquez pour agrandir…", "haz clic para expandir...",
    "haz clic para expandir…", "clique para expandir...", "clique para expandir…", "нажмите для раскрытия...",
    "нажмите для раскрытия…", "点击展开...", "点击展开…",
  ]

  static func isQuoteExpander(_ key: String) -> Bool { key.utf8.count <= 40 && quoteExpanders.contains(key) }

  /// A says-suffix alone on its line: the scraper split "NAME" and "says:".
  static func isSaysWord(_ key: String) -> Bool {
    key.utf8.count <= 24 && saysWords.contains(key)
  }

  /// The says-suffixes as words of their own, and the bare header verbs a
  /// forum prints between the name and the date ("NAME", "wrote", "on DATE").
  static let saysWords: Set<String> = Set(saysSuffixes.map { String($0.drop { $0 == " " }) }).union(headerVerbs)

  /// "@jane_doe", "@jane@example.social": an account handle alone on its
  /// line, the user name after an "@" and maybe the server after a second one.
  static func isAccountHandle(_ line: String) -> Bool {
    let u = line.utf8
    guard u.count >= 2, u.count <= 80, u.first == UInt8(ascii: "@") else { return false }
    let parts = line.dropFirst().split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count <= 2, let user = parts.first, !user.isEmpty, NameScore.isHandle(String(user)) else { return false }
    guard parts.count == 2 else { return true }
    let server = parts[1]
    return server.contains(".") && !server.hasPrefix(".") && !server.hasSuffix(".")
      && server.utf8.allSatisfy { b in
        b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") || b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
          || b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
      }
  }

  /// Verbs that stand alone in a header block, between a name and its date.
  static let headerVerbs: Set<String> = ["wrote", "writes", "commented", "posted", "replied", "said"]

  static let saysSuffixList = AffixList(saysSuffixes, suffixes: true)

  /// "Jane Doe says:" -> "Jane Doe".
  static func saysName(line: String, key: String) -> String? {
    guard key.utf8.count <= 120 else { return nil }
    if let suffix = saysSuffixList.match(key) {
      let n = suffix.unicodeScalars.count
      let name = String(String.UnicodeScalarView(line.unicodeScalars.dropLast(n)))
      var trimmed = Page.trim(Substring(name))
      // "Jane Doe on March 3, 2019 at 4:12 pm said:"
      if let on = trimmed.byteOffset(of: " on "), let key = LineKey.make(trimmed), DateMatcher.firstDate(in: key) != nil {
        trimmed = String(decoding: trimmed.utf8.prefix(on), as: UTF8.self)
      }
      // "(1) Mike says:", "#12 Mike says:": the comment's number before the name.
      if let space = trimmed.utf8.firstIndex(of: 0x20), isOrdinal(trimmed[..<space]) {
        trimmed = String(trimmed[trimmed.index(after: space)...])
      }
      guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 60 else { return nil }
      // "He says:" inside prose is short too; demand a name-ish left side,
      // or a numeric user id ("62970918 said...").
      if NameScore.score(trimmed) < 0, !PageTemplate.isNumericID(trimmed) { return nil }
      return trimmed
    }
    return nil
  }

  /// "(1)", "#12", "12.": a comment's number.
  static func isOrdinal(_ word: Substring) -> Bool {
    var w = word
    if w.hasPrefix("("), w.hasSuffix(")") { w = w.dropFirst().dropLast() } else if w.hasPrefix("#") { w = w.dropFirst() } else if w.hasSuffix(".") { w = w.dropLast() }
    return !w.isEmpty && w.utf8.count <= 5 && w.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// Suffixes that mean the page cut the body short; compared on the key.
  static let truncationSuffixes: [String] = [
    "… read more »", "... read more »", "…read more »", "read more »", "… read more", "... read more",
    "… see more", "... see more", "…see more", "(more)", "… (more)", "... (more)", "…more",
    "... more", "… more", "[…]", "[...]", "… show more", "... show more", "continue reading",
    "continue reading »", "… mehr", "... mehr", "weiterlesen", "lire la suite", "leer más", "… 展开",
    "展开全文", "...展开", "… expand", "... expand", "(read more)", "read more...", "read more…",
  ]

  /// Lines that stand alone under a body the site cut short.
  /// Listed expanders: 40 bytes at most in any spelling.
  static let expanders: Set<String> = ["see more", "read more", "show more", "read more »", "… read more", "(more)", "expand"]

  /// Verbs that open a line expanding one comment's text ("Expand full
  /// comment", "Read more", "Mehr anzeigen", "Voir plus").
  static let expandVerbs: Set<String> = [
    "expand", "show", "read", "see", "view", "continue", "mehr", "weiterlesen", "afficher", "voir", "lire",
    "ver", "leer", "mostrar", "ler", "показать", "читать", "展开", "展开全文", "もっと見る", "続きを読む",
  ]

  /// A line that expands the text of the comment above it: a listed
  /// expander, or a few words opening with an expand verb that count
  /// nothing and load no other comments ("Show 5 more replies" does).
  static func isExpander(_ key: String) -> Bool {
    guard key.utf8.count <= 40 else { return false }
    if expanders.contains(key) { return true }
    guard !key.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    // Most lines are turned away by their first word, before the key is split.
    let opening = key.drop { $0 == " " }
    let firstWord = opening.utf8.firstIndex(of: 0x20).map { opening[..<$0] } ?? opening
    guard !firstWord.isEmpty, expandVerbs.contains(String(firstWord)) else { return false }
    let words = key.spaceSeparated
    guard let first = words.first, expandVerbs.contains(String(first)),
      words.count <= 4 || words.count <= 6 && endsWithEllipsis(key)  // "Read the rest of this comment..."
    else { return false }
    if words.contains(where: { $0.hasPrefix("repl") || $0.hasPrefix("comments") || $0.hasPrefix("answers") || $0.hasPrefix("thread") }) {
      return false
    }
    // "See you there" is a body: the verb alone, or with a word for "more" or "full".
    return words.count == 1 || words.dropFirst().contains { expandObjects.contains(String($0)) }
  }

  /// What an expander line shows: more of the text, or all of it.
  static let expandObjects: Set<String> = [
    "more", "full", "all", "rest", "plus", "más", "mais", "mehr", "anzeigen", "suite", "полностью", "далее", "дальше", "ещё", "еще",
  ]

  /// The line ends with "…" or "...": the text was cut there.
  static func endsWithEllipsis(_ line: String) -> Bool {
    line.hasByteSuffix("…") || line.hasByteSuffix("...")
  }

  static let truncationSuffixList = AffixList(truncationSuffixes, suffixes: true)

  /// How far from the end of a line an ellipsis may stand and still be
  /// followed by nothing but an expander ("… Ver más", "... Читать дальше").
  static let expanderTailBytes = 44

  /// The byte offset of the last "…" or "..." among the last
  /// ``expanderTailBytes`` bytes of `line`, if any.
  static func lastEllipsis(_ line: String) -> Int? {
    let u = line.utf8
    let skip = max(0, u.count - expanderTailBytes)
    var found: Int? = nil
    var last: (UInt8, UInt8) = (0, 0)
    for (k, b) in u.dropFirst(skip).enumerated() {
      if b == 0xA6 && last == (0xE2, 0x80) || b == 0x2E && last == (0x2E, 0x2E) { found = skip + k - 2 }
      last = (last.1, b)
    }
    return found
  }

  /// The line may end with an ellipsis and an expander ("… Ver más").
  static func mayEndWithExpander(_ line: String) -> Bool { lastEllipsis(line) != nil }

  /// If `key` ends with an ellipsis and an expander, in any language the
  /// expander vocabulary knows ("… ver más", "... читать дальше"), the number
  /// of scalars from the ellipsis to the end; text must stand before it.
  static func ellipsisExpander(key: String) -> Int? {
    guard let start = lastEllipsis(key), start > 0 else { return nil }
    let u = key.utf8
    let from = u.index(u.startIndex, offsetBy: start)
    // Keys of long lines fold ASCII only: "Читать дальше" is folded here.
    guard let rest = LineKey.make(Page.trim(key[u.index(from, offsetBy: 3)...])), !rest.isEmpty, isExpander(rest)
    else { return nil }
    return key[from...].unicodeScalars.count
  }

  /// If `key` ends with a truncation marker, the number of scalars to cut
  /// from the end of the printed line.
  static func truncation(key: String) -> Int? {
    if let suffix = truncationSuffixList.match(key) {
      // "see more" alone is a widget; demand text before it.
      if key.unicodeScalars.count == suffix.unicodeScalars.count { return nil }
      if suffix == "read more »" || suffix == "(more)" || suffix == "weiterlesen"
        || suffix == "continue reading"
      {
        let before = key.unicodeScalars.dropLast(suffix.unicodeScalars.count).last
        guard let before, before == " " || before == "…" || before == "." else { return nil }
      }
      return suffix.unicodeScalars.count
    }
    return ellipsisExpander(key: key)
  }
}
