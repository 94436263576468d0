import Threads

/// A saved HTML page. Where a known comment system marks its comments
/// (``CommentMarkup``: WordPress, wpDiscuz, Blogger, Disqus, Discourse),
/// the comments are read from the markup: each comment element, replies
/// nested inside their parent's (or, for wpDiscuz, named by the element's
/// id), the name, body and date in the elements that system classes so;
/// the article's date is the first `time[datetime]` outside the comments.
/// Any other page becomes the text a browser shows, blocks on their own
/// lines, and the text parser reads it as it reads any scrape.
enum HTMLPage {
  static func discussion(_ tree: XMLTree, source: String) -> Discussion {
    let body = tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "body" } ?? 0
    if let marked = markedComments(tree, source: source) { return marked }
    var discussion = Discussion(parsing: tree.visibleText(of: body), source: source)
    discussion.diagnostics.insert(
      ParseDiagnostic(line: 1, severity: .note, message: "an HTML page: read as the text it shows"), at: 0)
    return discussion
  }

  /// The text of an HTML fragment (an export's message body).
  static func text(ofFragment html: String) -> String {
    guard html.contains("<") else { return html.trimmed }
    guard let tree = XMLTree.html(Array(("<html><body>" + html + "</body></html>").utf8)) else { return html }
    let body = tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "body" } ?? 0
    return tree.visibleText(of: body)
  }

  /// The comments of the page as the comment system that marks the most
  /// of them (with a name or a body) reads them; nil when none does.
  private static func markedComments(_ tree: XMLTree, source: String) -> Discussion? {
    var best: (markup: CommentMarkup, entries: [StructuredInput.Entry], score: Int)?
    for markup in CommentMarkup.known {
      let entries = markup.entries(tree)
      let score = entries.filter { $0.author != nil }.count + entries.filter { !$0.text.isEmpty }.count
      if score > 0, score > best?.score ?? 0 { best = (markup, entries, score) }
    }
    guard let (markup, entries, _) = best else { return nil }
    let title = tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "h1" }.map { tree.text(of: $0).trimmed }
      ?? tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "title" }.map { tree.text(of: $0).trimmed } ?? ""
    let articleNode = tree.first(below: 0, stop: markup.isComment(tree)) { n in
      tree.classes(n).contains { CommentMarkup.articleClasses.contains(String($0)) }
    }
    let published = tree.first(below: 0, stop: markup.isComment(tree)) { n in
      tree.nodes[n].name.lowercased() == "time" && tree.nodes[n].attributes["datetime"] != nil
    }
    let date = published.flatMap { tree.nodes[$0].attributes["datetime"] }.flatMap(StructuredInput.day)
    let article = Article(title: title, date: date, text: articleNode.map { tree.visibleText(of: $0) } ?? "")
    return StructuredInput.discussion(source: source, layout: markup.layout, article: article, entries: entries)
  }
}

/// How one comment system marks a comment in its HTML: the element of one
/// comment, and the classes of the name, body and date inside it (the first
/// listed class found wins; elements of nested comments are not searched).
struct CommentMarkup {
  var layout: Layout
  /// The comment element's tag (nil: any) and a class it carries.
  var tag: String?
  var itemClass: String
  var nameClasses: [String]
  var bodyClasses: [String]
  /// Elements holding the date: an ISO `datetime`, `title` or `data-time`
  /// attribute, else their text as shown.
  var dateClasses: [String]
  /// The comment element's id names its parent: wpDiscuz's "wpd-comm-ID_PARENT".
  var parentInID = false

  /// Comment systems by their public templates' class names.
  static let known = [
    CommentMarkup(
      layout: .wordpress, tag: "li", itemClass: "comment", nameClasses: ["fn"],
      bodyClasses: ["comment-content"], dateClasses: ["comment-metadata"]),
    CommentMarkup(
      layout: .wpdiscuz, itemClass: "wpd-comment", nameClasses: ["wpd-comment-author"],
      bodyClasses: ["wpd-comment-text"], dateClasses: ["wpd-comment-date"], parentInID: true),
    CommentMarkup(
      layout: .blogger, tag: "li", itemClass: "comment", nameClasses: ["user"],
      bodyClasses: ["comment-content"], dateClasses: ["datetime"]),
    CommentMarkup(
      layout: .disqus, tag: "li", itemClass: "post", nameClasses: ["author"],
      bodyClasses: ["post-message"], dateClasses: ["time-ago", "post-meta"]),
    CommentMarkup(
      layout: .discourse, itemClass: "topic-post", nameClasses: ["username", "names"],
      bodyClasses: ["cooked"], dateClasses: ["relative-date", "post-date"]),
    // Discourse's page for clients without JavaScript (what curl saves).
    CommentMarkup(
      layout: .discourse, itemClass: "crawler-post", nameClasses: ["creator"],
      bodyClasses: ["post"], dateClasses: ["crawler-post-infos"]),
  ]

  /// Classes of the article's body in the same systems' themes.
  static let articleClasses: Set<String> = ["entry-content", "post-body", "article-body", "post-content"]

  /// Whether node `n` is one comment's element.
  func isComment(_ tree: XMLTree) -> (Int) -> Bool {
    { n in
      (tag == nil || tree.nodes[n].name.lowercased() == tag) && tree.classes(n).contains { $0 == itemClass }
    }
  }

  /// The page's comments as entries, replies under the comment whose element holds theirs.
  func entries(_ tree: XMLTree) -> [StructuredInput.Entry] {
    let inside = isComment(tree)
    var entries: [StructuredInput.Entry] = []
    // (node, id of the enclosing comment)
    var stack: [(Int, String?)] = [(0, nil)]
    var counter = 0
    while let (n, enclosingParent) = stack.popLast() {
      var enclosing = enclosingParent
      if inside(n) {
        counter += 1
        let element = tree.nodes[n].attributes["id"]
        let (id, parent) = ids(element, enclosing: enclosingParent, counter: counter)
        func first(_ classes: [String]) -> Int? {
          for c in classes {
            if let m = tree.first(below: n, stop: inside, { tree.classes($0).contains { $0 == c } }) { return m }
          }
          return nil
        }
        let name = first(nameClasses).map { tree.text(of: $0).trimmed }
        let time = tree.first(below: n, stop: inside) { tree.nodes[$0].name.lowercased() == "time" }
        let dated = time ?? first(dateClasses)
        let stamp = dated.flatMap { d in
          ["datetime", "title", "data-time"].lazy.compactMap { tree.nodes[d].attributes[$0] }
            .compactMap(StructuredInput.day).first
        }
        let body = first(bodyClasses)
        entries.append(
          StructuredInput.Entry(
            id: id, parent: parent, author: name.flatMap { $0.isEmpty ? nil : $0 }, date: stamp,
            dateText: dated.map { tree.text(of: $0).trimmed }, text: body.map { tree.visibleText(of: $0) } ?? ""))
        enclosing = id
      }
      stack += tree.nodes[n].children.reversed().map { ($0, enclosing) }
    }
    return entries
  }

  /// A comment's id and its parent's: from "wpd-comm-ID_PARENT" where the
  /// system writes so (parent 0: none), else the element's id and the
  /// enclosing comment.
  private func ids(_ element: String?, enclosing: String?, counter: Int) -> (String, String?) {
    if parentInID, let element, element.hasPrefix("wpd-comm-") {
      let parts = element.dropFirst("wpd-comm-".count).split(separator: "_")
      if parts.count == 2, Int(parts[0]) != nil, let parent = Int(parts[1]) {
        return ("wpd-comm-\(parts[0])", parent == 0 ? nil : "wpd-comm-\(parent)")
      }
    }
    return (element ?? "comment-\(counter)", enclosing)
  }
}
