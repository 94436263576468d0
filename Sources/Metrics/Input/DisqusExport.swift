import Threads

/// A Disqus export (Admin > Export): `<thread dsq:id>` with the article's
/// title, link and date, then `<post>`s naming their thread and parent.
/// One discussion per thread with posts; spam is left out, a deleted post
/// stays (without author or text) only when it has replies.
enum DisqusExport {
  static func discussions(_ tree: XMLTree, source: String) -> [Discussion] {
    var threads: [(id: String, article: Article)] = []
    var entries: [String: [StructuredInput.Entry]] = [:]
    var replied: Set<String> = []
    var deleted: [String: [StructuredInput.Entry]] = [:]
    for node in tree.nodes[0].children where tree.nodes[node].name == "thread" {
      guard let id = tree.nodes[node].attributes["dsq:id"] else { continue }
      let title = tree.childText(node, "title") ?? ""
      let message = tree.childText(node, "message") ?? ""
      threads.append((id, Article(title: title.isEmpty ? (tree.childText(node, "link") ?? "") : title,
        date: StructuredInput.day(tree.childText(node, "createdAt") ?? ""), text: HTMLPage.text(ofFragment: message))))
    }
    for node in tree.children(0, "post") {
      guard let id = tree.nodes[node].attributes["dsq:id"],
        let thread = tree.child(node, "thread").flatMap({ tree.nodes[$0].attributes["dsq:id"] }),
        tree.childText(node, "isSpam") != "true"
      else { continue }
      let parent = tree.child(node, "parent").flatMap { tree.nodes[$0].attributes["dsq:id"] }
      if let parent { replied.insert(parent) }
      let author = tree.child(node, "author").flatMap { a in
        [tree.childText(a, "name"), tree.childText(a, "username")].compactMap { $0 }.first { !$0.isEmpty }
      }
      let created = tree.childText(node, "createdAt") ?? ""
      var entry = StructuredInput.Entry(
        id: id, parent: parent, author: author, date: StructuredInput.day(created),
        dateText: created.isEmpty ? nil : created, text: HTMLPage.text(ofFragment: tree.childText(node, "message") ?? ""))
      if tree.childText(node, "isDeleted") == "true" {
        entry.author = nil
        entry.text = ""
        deleted[thread, default: []].append(entry)
      }
      entries[thread, default: []].append(entry)
    }
    return threads.compactMap { thread in
      let kept = (entries[thread.id] ?? []).filter { e in
        !(deleted[thread.id] ?? []).contains { $0.id == e.id } || replied.contains(e.id)
      }
      guard !kept.isEmpty else { return nil }
      return StructuredInput.discussion(
        source: threads.count > 1 ? "\(source)#\(thread.id)" : source, layout: .disqusExport,
        article: thread.article, entries: kept)
    }
  }
}
