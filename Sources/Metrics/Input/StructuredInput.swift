import Threads

/// Inputs that are not flat text, told by their content: a saved HTML page,
/// a Disqus export (`<disqus>` with `<thread>` and `<post>`) and a WordPress
/// export (WXR: `<rss>` with `<wp:comment>`). Exports carry the exact reply
/// structure, so their links say ``ReplyEvidence/structure``; an HTML page
/// whose markup marks the comments of a known system (WordPress, wpDiscuz,
/// Blogger, Disqus, Discourse: `CommentMarkup`) is read from the markup
/// too, any other page is turned
/// into text as a scraper would and read by the text parser.
public enum StructuredInput {
  /// What the bytes are.
  public enum Kind: String, Sendable {
    case html, disqusExport = "disqus-export", wordpressExport = "wxr"
  }

  /// The kind of `bytes` from their first 4 kB, nil for a text scrape.
  public static func kind(of bytes: [UInt8]) -> Kind? {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return nil }
    let head = String(decoding: bytes[start..<min(bytes.count, start + 4096)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    if head.contains("<disqus") { return .disqusExport }
    if head.contains("<rss"), head.contains("wordpress.org/export") { return .wordpressExport }
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") { return .html }
    return nil
  }

  /// The discussions in `bytes` (an export holds one per thread or post
  /// with comments), or nil when `bytes` are a text scrape.
  /// - Throws: ``InputError`` when the bytes look structured but cannot be read.
  public static func discussions(_ bytes: [UInt8], source: String) throws(InputError) -> [Discussion]? {
    guard let kind = kind(of: bytes) else { return nil }
    switch kind {
    case .html:
      guard let tree = XMLTree.html(bytes) else { throw InputError("\(source): not readable as HTML") }
      return [HTMLPage.discussion(tree, source: source)]
    case .disqusExport:
      guard let tree = XMLTree.xml(bytes) else { throw InputError("\(source): a Disqus export that is not well-formed XML") }
      return DisqusExport.discussions(tree, source: source)
    case .wordpressExport:
      guard let tree = XMLTree.xml(bytes) else { throw InputError("\(source): a WordPress export that is not well-formed XML") }
      return WordPressExport.discussions(tree, source: source)
    }
  }

  /// Why a structured input could not be read.
  public struct InputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }

  /// One comment read from markup, before ordering.
  struct Entry {
    var id: String
    var parent: String?
    var author: String?
    var date: CalendarDate?
    var dateText: String?
    var text: String
  }

  /// `entries` as a `Discussion`: each reply right after its parent's
  /// thread so far (depth first, siblings in their given order), so parents
  /// always come before replies; a parent id not among the entries makes a
  /// top-level comment.
  static func discussion(
    source: String, layout: Layout, article: Article, entries: [Entry], diagnostics: [ParseDiagnostic] = []
  ) -> Discussion {
    var index: [String: Int] = [:]
    for (i, e) in entries.enumerated() where index[e.id] == nil { index[e.id] = i }
    var children = [[Int]](repeating: [], count: entries.count)
    var roots: [Int] = []
    for (i, e) in entries.enumerated() {
      if let p = e.parent.flatMap({ index[$0] }), p != i { children[p].append(i) } else { roots.append(i) }
    }
    var order: [Int] = []
    var position = [Int](repeating: -1, count: entries.count)
    var stack = roots.reversed().map { $0 }
    while let i = stack.popLast() {
      guard position[i] < 0 else { continue }
      position[i] = order.count
      order.append(i)
      stack += children[i].reversed()
    }
    // Entries on a parent cycle are never reached from a root: they come last, top-level.
    for i in entries.indices where position[i] < 0 {
      position[i] = order.count
      order.append(i)
    }
    let comments = order.enumerated().map { n, i in
      let e = entries[i]
      let parent = e.parent.flatMap { index[$0] }.map { position[$0] }.flatMap { $0 < n ? $0 : nil }
      return Comment(
        index: n, author: e.author, date: e.date, dateText: e.dateText, parent: parent,
        replyEvidence: parent == nil ? nil : .structure, text: e.text, line: 0)
    }
    return Discussion(source: source, layout: layout, article: article, comments: comments, diagnostics: diagnostics)
  }

  /// A day from an ISO date or date-time ("2019-03-04", "2019-03-04T10:00:00Z", "2019-03-04 10:00:00").
  static func day(_ text: String) -> CalendarDate? {
    let digits = Array(text.utf8.prefix(10))
    guard digits.count == 10, digits[4] == 0x2D, digits[7] == 0x2D else { return nil }
    func number(_ r: Range<Int>) -> Int? { Int(String(decoding: digits[r], as: UTF8.self)) }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    return CalendarDate(year: y, month: m, day: d)
  }
}

extension XMLTree {
  /// The children of `node` that are elements named `name`.
  func children(_ node: Int, _ name: String) -> [Int] {
    nodes[node].children.filter { nodes[$0].name == name }
  }

  /// The first child element named `name`.
  func child(_ node: Int, _ name: String) -> Int? {
    nodes[node].children.first { nodes[$0].name == name }
  }

  /// The text of the child element `name`, trimmed; nil without it.
  func childText(_ node: Int, _ name: String) -> String? {
    child(node, name).map { text(of: $0).trimmed }
  }

  /// All text below `node`, joined as it stands.
  func text(of node: Int) -> String {
    var out = ""
    var stack = [node]
    while let n = stack.popLast() {
      if nodes[n].name == "#text" { out += nodes[n].text } else { stack += nodes[n].children.reversed() }
    }
    return out
  }

  /// Elements that start a new line when a page is turned into text.
  static let blocks: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "article",
    "section", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "form", "main", "aside",
    "nav", "figure", "figcaption", "time", "address",
  ]
  /// Elements whose content is never text a reader sees.
  static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "svg", "iframe", "button"]

  /// The text below `node` as a browser shows it: blocks on their own
  /// lines, runs of white space in a line collapsed, blank lines between
  /// paragraphs kept once.
  func visibleText(of node: Int) -> String {
    var lines: [String] = []
    var line = ""
    func breakLine(blank: Bool) {
      let t = line.trimmed
      if !t.isEmpty { lines.append(t) } else if blank, lines.last != "" , !lines.isEmpty { lines.append("") }
      line = ""
    }
    // (node, closing): closing marks the end of a block.
    var stack: [(Int, Bool)] = [(node, false)]
    while let (n, closing) = stack.popLast() {
      let name = nodes[n].name.lowercased()
      if closing {
        breakLine(blank: name == "p" || name == "article" || name == "li")
        continue
      }
      if name == "#text" {
        var pendingSpace = !line.isEmpty && !line.hasSuffix(" ")
        for scalar in nodes[n].text.unicodeScalars {
          if scalar.properties.isWhitespace {
            pendingSpace = !line.isEmpty
          } else {
            if pendingSpace { line.unicodeScalars.append(" ") }
            pendingSpace = false
            line.unicodeScalars.append(scalar)
          }
        }
        if pendingSpace { line += " " }
        continue
      }
      guard !Self.hidden.contains(name) else { continue }
      let block = Self.blocks.contains(name)
      if block {
        breakLine(blank: false)
        stack.append((n, true))
      }
      stack += nodes[n].children.reversed().map { ($0, false) }
    }
    breakLine(blank: false)
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The classes of element `node`.
  func classes(_ node: Int) -> [Substring] {
    (nodes[node].attributes["class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
  }

  /// The first element below `node` (itself excluded) that `matches`, not
  /// looking inside elements that `stop`.
  func first(below node: Int, stop: (Int) -> Bool = { _ in false }, _ matches: (Int) -> Bool) -> Int? {
    var stack = nodes[node].children.reversed().map { $0 }
    while let n = stack.popLast() {
      if matches(n) { return n }
      if !stop(n) { stack += nodes[n].children.reversed() }
    }
    return nil
  }
}

extension String {
  /// Without white space at either end.
  var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
