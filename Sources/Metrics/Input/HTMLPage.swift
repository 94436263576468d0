import Threads

/// A saved HTML page. WordPress's comment markup (`li.comment`, replies in
/// `ul.children`, the name in `.fn`, the body in `.comment-content`, the
/// date in `time[datetime]`; the article's date is the first such time
/// outside the comments) is read as it stands; any other page becomes
/// the text a browser shows, blocks on their own lines, and the text
/// parser reads it as it reads any scrape.
enum HTMLPage {
  static func discussion(_ tree: XMLTree, source: String) -> Discussion {
    let body = tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "body" } ?? 0
    if let wordpress = wordpressComments(tree, source: source) { return wordpress }
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

  private static func isComment(_ tree: XMLTree, _ n: Int) -> Bool {
    tree.nodes[n].name.lowercased() == "li" && tree.classes(n).contains("comment")
  }

  /// The comments of a WordPress page from its markup, nil when it has none.
  private static func wordpressComments(_ tree: XMLTree, source: String) -> Discussion? {
    var entries: [StructuredInput.Entry] = []
    // (node, id of the enclosing comment)
    var stack: [(Int, String?)] = [(0, nil)]
    var counter = 0
    while let (n, parent) = stack.popLast() {
      var enclosing = parent
      if isComment(tree, n) {
        counter += 1
        let id = tree.nodes[n].attributes["id"] ?? "comment-\(counter)"
        let inside = { (m: Int) in isComment(tree, m) }
        let name = tree.first(below: n, stop: inside) { tree.classes($0).contains("fn") }.map { tree.text(of: $0).trimmed }
        let time = tree.first(below: n, stop: inside) { tree.nodes[$0].name.lowercased() == "time" }
        let stamp = time.flatMap { tree.nodes[$0].attributes["datetime"] }
        let content = tree.first(below: n, stop: inside) { tree.classes($0).contains("comment-content") }
        entries.append(
          StructuredInput.Entry(
            id: id, parent: parent, author: name.flatMap { $0.isEmpty ? nil : $0 }, date: stamp.flatMap(StructuredInput.day),
            dateText: time.map { tree.text(of: $0).trimmed }, text: content.map { tree.visibleText(of: $0) } ?? ""))
        enclosing = id
      }
      stack += tree.nodes[n].children.reversed().map { ($0, enclosing) }
    }
    guard !entries.isEmpty else { return nil }
    let title = tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "h1" }.map { tree.text(of: $0).trimmed }
      ?? tree.first(below: 0) { tree.nodes[$0].name.lowercased() == "title" }.map { tree.text(of: $0).trimmed } ?? ""
    let articleNode = tree.first(below: 0) { tree.classes($0).contains("entry-content") }
    let published = tree.first(below: 0, stop: { isComment(tree, $0) }) { n in
      tree.nodes[n].name.lowercased() == "time" && tree.nodes[n].attributes["datetime"] != nil
    }
    let date = published.flatMap { tree.nodes[$0].attributes["datetime"] }.flatMap(StructuredInput.day)
    let article = Article(title: title, date: date, text: articleNode.map { tree.visibleText(of: $0) } ?? "")
    return StructuredInput.discussion(source: source, layout: .wordpress, article: article, entries: entries)
  }
}
