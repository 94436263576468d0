/// The vocabulary of page furniture around comments, by role. Lines are
/// compared as `LineKey`s; the lists hold what sites and plugins print, in
/// several languages, and patterns cover the numbered variants.
enum Widgets {
  /// What a furniture line does to the segmentation.
  enum Role: Equatable {
    /// Opens a comment section ("Notify of", "12 Comments").
    case opener
    /// Ends a comment ("Reply", "Like · Reply · 2y", "Reply • Share ›").
    case footer
    /// Ends the comment section ("Load more comments", "Powered by Disqus").
    case trailer
    /// A comment form ("Leave a Reply", "Please enter your comment!"): ends a
    /// comment section that has comments; before any comment it is skipped.
    case form
    /// Badges, vote counts, share links: dropped wherever they stand.
    case noise
    /// Donation and share furniture of the page header ("Support X", "2,500 $").
    case pageWidget
  }

  static let openers: Set<String> = [
    "notify of", "inline feedbacks", "view all comments", "newest most voted", "oldest newest most voted",
    "newest oldest most voted", "most voted newest oldest", "what do you think?", "upvote downvote",
    "comments", "comment", "discussion", "join the discussion", "join the discussion…",
    "join the discussion...", "reader comments", "show comments", "responses", "sort by best",
    "sort by newest", "sort by oldest", "sort by top", "sort by", "sort by most relevant",
    "most relevant", "newest first", "oldest first", "add a comment...", "add a comment…",
    "write a comment...", "write a comment…", "start the discussion…", "start the discussion...",
    "recommend", "评论", "评论列表", "网友评论", "kommentare", "commentaires", "comentarios", "commenti",
    "reacties", "comentários", "комментарии", "top comments", "all comments", "comments (0)",
    "view comments",
  ]

  static let footers: Set<String> = Set([
    "reply", "reply ↓", "reply↓", "log in to reply", "login to reply", "reply • share ›",
    "reply •share ›", "reply• share›", "reply · share", "reply share", "reply • share", "share ›",
    "like · reply", "like reply", "like · reply · share", "回复", "回覆", "登录以回复", "antworten",
    "répondre", "responder", "rispondi", "beantwoorden", "responder ↓", "ответить", "report",
    "flag", "permalink", "reply report", "report reply", "like", "reply to this comment", "quote",
    "reply quote", "quote reply", "report comment", "reply to this", "reply · report", "reply | report",
    "log in or register to post comments", "login or register to post comments", "log in to post comments",
    "답글 달기", "trả lời", "απάντηση", "رد", "השב", "ตอบกลับ", "jawab",
  ]).union(replyWords)  // a reply word alone on its line ("返信", "Odpowiedz") ends a comment

  static let trailers: Set<String> = [
    "would love your thoughts, please comment.x", "load more comments", "show more comments",
    "view more comments", "powered by disqus", "add disqus to your site", "add disqusadd disqus",
    "disqus' privacy policy", "privacy policy", "do not sell my data", "facebook comments plugin",
    "facebook comments plugin.", "related posts", "related articles", "related stories",
    "you may also like", "you might also like", "more stories", "read next", "recommended",
    "recommended for you", "more from", "trending", "popular posts", "most popular", "previous post",
    "next post", "older comments", "newer comments", "subscribe to comments", "×", "x",
    "load more", "loading...", "loading…", "privacy", "terms", "terms of service", "newer post", "older post",
    "相关文章", "相关阅读", "上一篇", "下一篇", "показать ещё комментарии", "показать еще комментарии",
    "показать предыдущие комментарии",
  ]

  static let forms: Set<String> = [
    "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply",
    "please enter your comment!", "please enter your name here", "you have entered an incorrect email address!",
    "please enter your email address here", "post comment", "submit comment", "post a comment",
    "your email address will not be published.", "comment *", "name *", "email *", "website",
    "name", "email", "comment", "save my name, email, and website in this browser for the next time i comment.",
    "发表评论", "发表回复", "取消回复", "提交评论", "评论 *", "显示名称 *", "电子邮箱地址 *", "网站地址",
    "antworten abbrechen", "kommentar verfassen", "laisser un commentaire", "annuler la réponse",
    "deja una respuesta", "cancelar respuesta", "lascia un commento", "annulla risposta",
    "add new comment", "post new comment", "your name", "subject", "name (optional)", "e-mail (optional)",
    "email (optional)", "website (optional)", "preview", "submit", "send", "sign in to comment",
    "log in to comment", "login to comment", "vorschau", "absenden", "aperçu", "envoyer", "vista previa",
    "enviar", "pré-visualizar", "предпросмотр", "отправить", "add comment", "kommentar hinzufügen",
    "ajouter un commentaire", "agregar un comentario", "añadir un comentario", "adicionar comentário",
    "добавить комментарий", "添加评论", "コメントを追加", "post reply",
    "войдите, чтобы оставить комментарий", "Войдите, чтобы оставить комментарий", "войдите, чтобы комментировать",
    "Войдите, чтобы комментировать", "оставить комментарий",
    "написать комментарий...", "написать комментарий…",
  ]

  static let noise: Set<String> = [
    "top fan", "author", "admin", "administrator", "moderator", "mod", "editor", "member",
    "verified", "follow", "share", "tweet", "email", "print", "avatar", "edited", "(edited)", "−", "-",
    "+", "⚑", "△", "▽", "△ ▽", "▲", "▼", "▲ ▼", "↑", "↓", "upvote", "downvote", "vote up", "vote down",
    "hide replies", "show replies", "see more replies", "most relevant", "top", "new", "old",
    "flag as inappropriate", "expand", "collapse", "show more", "see more", "read more »", "… read more",
    "(more)", "see translation", "translate",
    "read more", "pinned", "featured", "highlighted", "most voted", "newest", "oldest", "best", "subscribe",
    "login", "log in", "sign in", "register", "like ·", "·", "•", "top commenter", "log in with",
    "or sign up with disqus ?", "or sign up with disqus", "or sign up with disqus?", "sign up", "disqus",
    "name", "email", "password", "i'd rather post as a guest", "favorite this discussion", "share this discussion",
    "作者", "管理员", "owner", "contributor", "collaborator", "first-time contributor", "first-timer",
    "first time contributor", "first timer", "community moderator", "most replied", "editor’s pick",
    "editor's pick", "latest", "best rated", "most discussed",
    "write a reply", "sign in to reply", "log in to reply to this comment", "delete", "löschen", "supprimer",
    "eliminar", "excluir", "borrar", "elimina", "удалить", "删除", "削除",
  ]

  static let pageWidgets: Set<String> = [
    "donate", "donate now", "share this", "share this:", "share on facebook", "share on twitter",
    "click to share", "related", "advertisement", "sponsored", "click to see the full-size map",
    "share on whatsapp", "print this", "email this", "tags", "filed under",
  ]

  /// Every listed key and its role, earlier lists taking precedence: one
  /// lookup instead of one per list.
  static let listed = KeyTable<Role>({
    var roles: [String: Role] = [:]
    let lists: [(Set<String>, Role)] = [
      (openers, .opener), (footers, .footer), (trailers, .trailer), (forms, .form), (noise, .noise),
      (pageWidgets, .pageWidget),
    ]
    for (list, role) in lists {
      for key in list where roles[key] == nil { roles[key] = role }
    }
    return roles
  }())


  /// Classifies a line key; nil for ordinary text.
  static func role(of key: String) -> Role? {
    if let role = listed[key] { return role }
    if isPostNumber(key) || isReactionSummary(key) { return .noise }
    if let role = patternRole(key) ?? actionLineRole(key) ?? menuRole(key) { return role }
    // Localised action bars: "Gefällt mir · Antworten · 2 J.", "いいね！ · 返信 · 6 · 1y".
    if isLocalActionBar(key) { return .footer }
    if isSortBar(key) || isCommentPrompt(key) { return .opener }
    return separatorRole(key)
  }

  /// Stems of the words for a comment or a discussion, in the languages the
  /// parser reads, as they appear inside comment-box prompts.
  static let commentStems: [String] = [
    "comment", "kommentar", "komentar", "comentar", "comentár", "commento", "commenta", "reactie", "комментар",
    "评论", "評論", "留言", "コメント", "댓글", "yorum", "discuss", "diskuss", "discusi", "discuți", "обсужд",
  ]

  /// The text box of a comment form as it prints its placeholder: a few
  /// words about commenting, then an ellipsis ("Agrega un comentario...",
  /// "Schreibe einen Kommentar ...", "添加评论..."). Counts ("3 more
  /// comments...") and author lines ("NAME さんのコメント...") are not.
  static func isCommentPrompt(_ key: String) -> Bool {
    guard key.utf8.count <= 60, key.utf8.last == 0xA6 || key.hasByteSuffix("..."),
      !key.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }), key.spaceSeparated.count <= 6,
      commentStems.contains(where: { key.containsBytes($0) }),
      !Markers.expandVerbs.contains(String(key.prefix { $0 != " " }))  // "Read the rest of this comment..."
    else { return false }
    return Markers.saysSuffixList.match(key) == nil
  }

  /// Sort bars above comments, in the languages the parser reads.
  /// "#12": a forum post's number in the thread, alone on its line.
  static func isPostNumber(_ key: String) -> Bool { DateMatcher.isPostNumber(key) }

  /// "Jane Doe, jdoe and 12 others": who reacted to a post, under it.
  static func isReactionSummary(_ key: String) -> Bool {
    guard key.utf8.count <= 160, key.hasByteSuffix(" others") || key.hasByteSuffix(" other") else { return false }
    let words = key.spaceSeparated
    guard words.count >= 4, words.count <= 14 else { return false }
    return words[words.count - 3] == "and" && DateMatcher.isNumber(String(words[words.count - 2]))
  }

  static let sortPrefixes: [String] = [
    "sort by ", "ordenar por ", "sortieren nach ", "trier par ", "classificar por ", "ordina per ",
    "сортировать по ", "排序依据", "並べ替え", "sorteer op ",
  ]

  /// "Ordenar por Más relevantes", "Sortieren nach Neueste": a sort bar.
  static func isSortBar(_ key: String) -> Bool {
    key.utf8.count <= 60 && sortPrefixes.contains { key.hasBytePrefix($0) }
  }

  /// Spacers a widget prints between its header and action items.
  static let spacers: Set<Unicode.Scalar> = ["|", "•", "·", "»", "«", "-", "–", "—", "/", ":", "›", "‹", "∙"]

  /// A line of spacers only ("•" between a name and its date when the
  /// scraper puts every inline element on its own line) is noise; an action
  /// line glued to its spacer ("|Reply" under vote arrows drawn as images)
  /// is read without it.
  static func separatorRole(_ key: String) -> Role? {
    guard key.utf8.count <= 40, let f = key.unicodeScalars.first, let l = key.unicodeScalars.last,
      spacers.contains(f) || spacers.contains(l)
    else { return nil }
    let scalars = key.unicodeScalars
    guard let lo = scalars.firstIndex(where: { !spacers.contains($0) && $0 != " " }) else { return .noise }
    let hi = scalars.lastIndex(where: { !spacers.contains($0) && $0 != " " })!
    let inner = String(String.UnicodeScalarView(scalars[lo...hi]))
    guard inner.utf8.count < key.utf8.count, let role = listed[inner] ?? actionLineRole(inner),
      role == .footer || role == .noise
    else { return nil }
    return role
  }

  /// Words of the action bars under comments, in the languages the parser reads.
  static let actionWords: Set<String> = Set([
    "reply", "share", "report", "flag", "like", "likes", "dislike", "unlike", "permalink", "embed", "save",
    "saved", "parent", "context", "edit", "delete", "hide", "link", "quote", "respect", "recommend",
    "recommended", "upvote", "downvote", "vote", "follow", "block", "mute", "award", "give", "copy",
    "translate", "more", "source", "full", "comments", "comment", "next", "prev", "root", "favorite",
    "unfavorite", "·", "•", "|", "›", "»", "-", "–", "antworten", "teilen", "melden", "zitieren", "répondre",
    "partager", "signaler", "citer", "responder", "compartir", "reportar", "denunciar", "citar", "rispondi",
    "condividi", "segnala", "cita", "partilhar", "ответить", "поделиться",
    "пожаловаться", "цитировать", "回复", "分享", "举报", "引用", "返信", "共有", "報告", "通報",
    "delen", "rapporteren",
  ]).union(replyWords)

  /// Reply words among `actionWords`: a bar holding one ends a comment.
  static let replyWords: Set<String> = [
    "reply", "antworten", "répondre", "responder", "rispondi", "ответить", "回复", "返信", "beantwoorden",
    "답글", "odpowiedz", "yanıtla", "cevapla", "svara", "svar", "vastaa", "odpovědět", "balas", "відповісти",
  ]

  /// A bar of action words only ("permalink embed save parent report reply",
  /// "Reply · Share · Report"): a footer when it holds a reply word, else noise.
  static func actionLineRole(_ key: String) -> Role? {
    guard key.utf8.count <= 80, let f = key.utf8.first, f >= 0x61 else { return nil }
    // Prose is turned away by its first word, before the key is split.
    let firstWord = key.utf8.prefix { $0 != 0x20 }
    guard firstWord.count < key.utf8.count, actionWords.contains(String(Substring(firstWord))) else { return nil }
    let words = key.spaceSeparated
    guard words.count <= 12 else { return nil }
    var reply = false
    for w in words {
      let word = String(w)
      guard actionWords.contains(word) || word.hasPrefix("(") && word.hasSuffix(")") && word.utf8.count <= 6 else {
        return nil
      }
      if replyWords.contains(word) { reply = true }
    }
    return reply ? .footer : .noise
  }

  /// A navigation bar: five or more short items between " | " or " · "
  /// ("Guidelines | FAQ | Lists | API | Security"). Page chrome, never a comment.
  static func menuRole(_ key: String) -> Role? {
    // "|" or the first byte of "·" (U+00B7) before the substring searches.
    guard key.utf8.count <= 200, key.hasByte(where: { $0 == UInt8(ascii: "|") || $0 == 0xC2 }),
      key.containsBytes(" | ") || key.containsBytes(" · ")
    else { return nil }
    let items = key.split(whereSeparator: { $0 == "|" || $0 == "·" })
    guard items.count >= 5 else { return nil }
    for item in items {
      let words = item.spaceSeparated
      if words.count > 4 || words.count == 1 && replyWords.contains(String(words[0])) { return nil }
    }
    return .trailer
  }

  /// Numbered and composed variants: "24 points", "12 comments",
  /// "3 responses to “Title”", "like · reply · 2y", "view 3 more replies",
  /// "3 △ ▽", "2,500 $", "support southfront".
  static func patternRole(_ key: String) -> Role? {
    if let role = prefixRole(key) { return role }
    // Every pattern below is a short line, or one that opens with a count.
    guard let f = key.utf8.first, key.utf8.count <= 60 || (f >= 0x30 && f <= 0x39 && key.utf8.count <= 160)
    else { return nil }
    return shortPatternRole(key, first: f)
  }

  /// Notices, bylines and copyright lines, known by how they open.
  static func prefixRole(_ key: String) -> Role? {
    // Each prefix below opens with one of these bytes: most lines need no comparison.
    switch key.utf8.first {
    case UInt8(ascii: "t"), UInt8(ascii: "("), UInt8(ascii: "y"), UInt8(ascii: "c"), UInt8(ascii: "p"), UInt8(ascii: "s"),
      0xC2:
      break
    default: return nil
    }
    // A forum thread's head: "Thread starter NAME", "Start date DATE".
    if key.hasBytePrefix("thread starter ") || key.hasBytePrefix("start date ") { return .pageWidget }
    if key.hasBytePrefix("the statements, views and opinions expressed") || key.hasBytePrefix("(article by ")
      || key.hasBytePrefix("(report by ") || key.hasBytePrefix("(written by ")
    {
      return .pageWidget
    }
    if key.hasBytePrefix("this site uses akismet") { return .form }
    if key.hasBytePrefix("your email address will not be published") { return .form }
    if key.hasBytePrefix("you must be logged in to post") || key.hasBytePrefix("you must log in or register to")
    {
      return .form
    }
    if key.hasBytePrefix("©") || key.hasBytePrefix("copyright ") || key.hasBytePrefix("(c) ") { return .trailer }
    // "Powered by NodeBB | Contributors": the software's credit under the comments.
    if key.hasBytePrefix("powered by "), key.utf8.count <= 60, !Words.endsSentence(key) { return .trailer }
    return nil
  }

  /// The numbered and composed variants of short lines (see `patternRole`);
  /// `f` is the key's first byte.
  static func shortPatternRole(_ key: String, first f: UInt8) -> Role? {
    // Prose of more than six words matches nothing below unless it opens with a count.
    let spaces = key.utf8.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
    if spaces > 6, !(f >= 0x30 && f <= 0x39), !key.hasBytePrefix("like"), !key.hasBytePrefix("help") { return nil }
    guard mayBeWordPattern(key) else { return nil }
    return wordPatternRole(key)
  }

  /// The first words that `wordPatternRole` looks for, by their first byte.
  private static let patternFirstWords: [[[UInt8]]] = {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for word in [
      "one", "no", "likes:", "like", "likes", "upvotes", "votes:", "score:", "comments", "comments:", "also",
      "view", "load", "show", "see", "photo:", "image:", "credit:", "source:", "caption:", "video:", "photo",
      "image", "support", "help", "subscribe",
    ] {
      table[Int(word.utf8.first!)].append(Array(word.utf8))
    }
    return table
  }()

  /// False only for a key that `wordPatternRole` cannot match, told from its
  /// bytes: all ASCII, no "$" and no "reply", not opening with a digit, "+"
  /// or "-", and a first word that none of its tests names.
  static func mayBeWordPattern(_ key: String) -> Bool {
    let gate: Bool? = key.utf8.withContiguousStorageIfAvailable { bytes in
      guard let first = bytes.first, first != 0x20 else { return true }
      if first >= 0x30 && first <= 0x39 || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { return true }
      var firstWordEnd = -1
      for (i, b) in bytes.enumerated() {
        if b >= 0x80 || b == UInt8(ascii: "$") { return true }
        if b == 0x20, firstWordEnd < 0 { firstWordEnd = i }
      }
      if key.containsBytes("reply") { return true }
      let word = bytes[..<(firstWordEnd < 0 ? bytes.count : firstWordEnd)]
      return patternFirstWords[Int(first)].contains { $0.elementsEqual(word) }
    }
    return gate ?? true
  }

  /// A bar of two to eight short items between " · " holding a reply word
  /// of any listed language: the footer under a comment.
  static func isLocalActionBar(_ key: String) -> Bool {
    guard key.utf8.count <= 80, key.containsBytes(" · ") else { return false }
    let items = key.split(separator: "·").map { Page.trim($0) }
    guard items.count >= 2, items.count <= 8 else { return false }
    var reply = false
    for item in items {
      guard !item.isEmpty, item.utf8.count <= 28, Words.count(item) <= 3 else { return false }
      if replyWords.contains(item) { reply = true }
    }
    return reply
  }

  /// "12 points", "-1 points", "+3 votes": a score with its noun.
  static func isScoreLine(_ key: String) -> Bool {
    let words = key.spaceSeparated
    guard words.count == 2, InlineHeader.scoreWords.contains(String(words[1])) else { return false }
    return InlineHeader.isScore(String(words[0]))
  }

  /// Emoji with counts and nothing else, at least one of each.
  static func isReactionBar(_ words: [Substring]) -> Bool {
    guard words.count <= 16 else { return false }
    var emoji = 0
    var counts = 0
    for w in words {
      if DateMatcher.isNumber(String(w)) {
        counts += 1
      } else if w.unicodeScalars.allSatisfy({ $0.properties.isEmoji && $0.value > 0xFF || $0.value == 0xFE0F || $0.value == 0x200D }) {
        emoji += 1
      } else {
        return false
      }
    }
    return emoji > 0 && counts > 0
  }

  /// The word-level tests of `shortPatternRole`.
  static func wordPatternRole(_ key: String) -> Role? {
    let words = key.spaceSeparated
    guard let first = words.first else { return nil }
    // "12 points", "-4 points", "+3 votes".
    let unsigned = first.hasPrefix("-") || first.hasPrefix("+") || first.hasPrefix("−") ? first.dropFirst() : first
    let firstIsCount = DateMatcher.isNumber(String(unsigned)) || first == "one" || first == "no"
    if words.count >= 2, firstIsCount {
      let second = words[1]
      switch second {
      case "points", "point", "votes", "vote", "likes", "like":
        if words.count == 2 { return .noise }
      case "comments", "comment", "responses", "response", "thoughts", "replies", "reply", "reactions",
        "条评论", "kommentare", "commentaires", "comentarios", "commenti", "reacties", "件のコメント", "kommentar",
        "commentaire", "comentario", "comentários", "comentário", "комментариев", "комментария", "комментарий":
        if words.count == 2 || words.count > 2 && (words[2] == "on" || words[2] == "to" || words[2] == "for"
          || words[2] == "so" || words[2] == "far" || words[2] == "on:"
          // "120 comments – powered by giscus", "12 comments | sort by".
          || words[2].unicodeScalars.count == 1 && spacers.contains(words[2].unicodeScalars.first!))
        {
          return second == "replies" || second == "reply" ? .noise : .opener
        }
      default: break
      }
    }
    // "Likes: 5", "Like (3)", "12 upvotes".
    if ["likes:", "like", "likes", "upvotes", "votes:", "score:"].contains(first), words.count == 2,
      words[1].allSatisfy({ $0.isNumber || $0 == "(" || $0 == ")" })
    {
      return .noise
    }
    if key.hasBytePrefix("comments (") || key.hasBytePrefix("comments: ") && words.count == 2 { return .opener }
    if key.hasByteSuffix("条评论") && key.unicodeScalars.count <= 8 { return .opener }
    // Facebook footers: "like · reply · 2y", "like · reply · mark as spam · 3w".
    if (first == "like" || first == "like·") && key.containsBytes("reply") && words.count <= 12 { return .footer }
    if key.hasBytePrefix("reply •") || key.hasBytePrefix("reply·") || key.hasBytePrefix("reply ·") { return .footer }
    // Disqus: "12 • Reply • Share ›", "• Reply • Share ›".
    if words.count <= 7, key.containsBytes("reply"), key.containsBytes("share") { return .footer }
    if key.hasBytePrefix("also on ") { return .trailer }
    // Reaction bars: "👍 3 ❤️ 6 🎉 2", "👍 12".
    if let f = key.unicodeScalars.first, f.properties.isEmoji, !f.properties.isASCIIHexDigit, isReactionBar(words) {
      return .noise
    }
    // Disqus vote widgets: "3 △ ▽", "△ 3 ▽", "+2 -1".
    if key.unicodeScalars.contains(where: { "△▽▲▼⬆⬇".unicodeScalars.contains($0) }),
      words.count <= 4
    {
      return .noise
    }
    // "View 3 more replies", "Load 10 more comments", "Show 2 more replies", "See more replies".
    if words.count <= 6, ["view", "load", "show", "see"].contains(first),
      words.contains(where: { $0.hasPrefix("repl") || $0.hasPrefix("comment") })
    {
      return first == "load" || words.contains(where: { $0.hasPrefix("comment") }) && first != "view"
        ? .trailer : .noise
    }
    // Vote counts "0", "+3", "-1", "+2 -1": a sign at most, then digits (not "2020-05-23").
    if key.hasBytePrefix("in reply to") == false, words.count <= 3, words.allSatisfy({ word in
      let digits = word.first == "+" || word.first == "-" || word.first == "−" ? word.dropFirst() : word[...]
      return digits.allSatisfy(\.isNumber)
    }) {
      return .noise
    }
    // Donation amounts: "2,500 $", "$ 50", "€10".
    if words.count <= 3, key.containsBytes("$") || key.containsBytes("€") || key.containsBytes("£"),
      key.unicodeScalars.contains(where: { $0.properties.numericType != nil })
    {
      return .pageWidget
    }
    if ["photo:", "image:", "credit:", "source:", "caption:", "video:", "photo", "image"].contains(first), words.count <= 8 {
      return .pageWidget
    }
    if first == "support" && words.count <= 4 && !key.hasByteSuffix(".") { return .pageWidget }
    if first == "help" && key.containsBytes("support") && words.count <= 10 { return .pageWidget }
    if key.hasBytePrefix("subscribe to") && words.count <= 6 { return .trailer }
    return nil
  }
}
