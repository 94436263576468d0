import Threads

/// A WordPress export (Tools > Export, WXR): `<item>`s with the post's
/// title, body and date and its `<wp:comment>`s, each with an id, a parent
/// id (0 for none), author, date and approval. One discussion per item with
/// approved comments; pingbacks, trackbacks, spam, trash and pending
/// comments are left out.
enum WordPressExport {
  static func discussions(_ tree: XMLTree, source: String) -> [Discussion] {
    var items: [Int] = []
    for channel in tree.children(0, "channel") { items += tree.children(channel, "item") }
    let found: [(id: String, article: Article, entries: [StructuredInput.Entry])] = items.compactMap { item in
      let entries: [StructuredInput.Entry] = tree.children(item, "wp:comment").compactMap { c in
        guard tree.childText(c, "wp:comment_approved") == "1",
          ["", "comment"].contains(tree.childText(c, "wp:comment_type") ?? ""),
          let id = tree.childText(c, "wp:comment_id")
        else { return nil }
        let parent = tree.childText(c, "wp:comment_parent").flatMap { $0 == "0" || $0.isEmpty ? nil : $0 }
        let date = tree.childText(c, "wp:comment_date") ?? ""
        let author = tree.childText(c, "wp:comment_author") ?? ""
        return StructuredInput.Entry(
          id: id, parent: parent, author: author.isEmpty ? nil : author, date: StructuredInput.day(date),
          dateText: date.isEmpty ? nil : date, text: HTMLPage.text(ofFragment: tree.childText(c, "wp:comment_content") ?? ""))
      }
      guard !entries.isEmpty else { return nil }
      let article = Article(
        title: tree.childText(item, "title") ?? "", date: StructuredInput.day(tree.childText(item, "wp:post_date") ?? ""),
        text: HTMLPage.text(ofFragment: tree.childText(item, "content:encoded") ?? ""))
      return (tree.childText(item, "wp:post_id") ?? String(item), article, entries)
    }
    return found.map { post in
      StructuredInput.discussion(
        source: found.count > 1 ? "\(source)#\(post.id)" : source, layout: .wordpressExport,
        article: post.article, entries: post.entries)
    }
  }
}
