/// One page scrape rebuilt: the article and its comments in page order.
///
/// Comments are stored flat; a reply points to its parent by index, and a
/// parent always comes before its replies.
public struct Discussion: Sendable, Equatable {
  /// The name the caller gave the input (a path, or "-" for stdin).
  public var source: String
  /// The comment-section layout the parser recognised.
  public var layout: Layout
  /// The article above the comments.
  public var article: Article
  /// The comments in page order; `comments[i].index == i`.
  public var comments: [Comment]
  /// Findings about the input, in line order. The library never prints them.
  public var diagnostics: [ParseDiagnostic]

  public init(
    source: String, layout: Layout, article: Article, comments: [Comment],
    diagnostics: [ParseDiagnostic]
  ) {
    self.source = source
    self.layout = layout
    self.article = article
    self.comments = comments
    self.diagnostics = diagnostics
  }

  /// The depth of each comment: 0 for a top-level comment, parent's + 1 for a reply.
  /// - Complexity: O(n), since parents always precede their replies.
  public var depths: [Int] {
    var result = [Int](repeating: 0, count: comments.count)
    for i in comments.indices {
      if let parent = comments[i].parent { result[i] = result[parent] + 1 }
    }
    return result
  }
}

/// The article part of a page: everything above the comment section.
public struct Article: Sendable, Equatable {
  /// The headline: the first prominent line of the page, widgets aside.
  public var title: String
  /// The first absolute date found in the header, if any.
  public var date: CalendarDate?
  /// The article's paragraphs, joined by blank lines.
  public var text: String
  /// Whitespace-separated words in `text`.
  public var words: Int

  public init(title: String, date: CalendarDate?, text: String) {
    self.title = title
    self.date = date
    self.text = text
    self.words = Words.count(text)
  }
}

/// The layouts of comment sections that the parser tells apart.
public enum Layout: String, Sendable, Equatable, CaseIterable, Codable {
  /// wpDiscuz: "Notify of", "Inline Feedbacks", names printed once or twice.
  case wpdiscuz
  /// WordPress core comments: "NAME says:", a date line, "Reply".
  case wordpress
  /// Disqus, flattened: "• 3 years ago", "NAME → NAME", "Reply • Share ›".
  case disqus
  /// Facebook comments plugin: "Like · Reply · 2y", "View 3 more replies".
  case facebook
  /// Coral Talk (newspapers): "Featured Comments", "Respect", "Replying to NAME".
  case coral
  /// Hacker News: "USER 3 hours ago | parent | next [–]", "reply".
  case hackernews
  /// Old Reddit: "[–] USER 5 points 3 hours ago", "permalink embed save parent report reply".
  case reddit
  /// YouTube: "@handle", "2 years ago (edited)", "12 replies".
  case youtube
  /// Discourse forums: "username", "Jan '21", "1 Reply", "in reply to".
  case discourse
  /// Blogger: "NAME said...", the date under the body, "Delete".
  case blogger
  /// Substack: "Expand full comment", "Liked by NAME".
  case substack
  /// The Guardian: "NAME > OTHER", "Recommend", "Show 5 more replies".
  case guardian
  /// phpBB / vBulletin: "Post by NAME » date", "NAME wrote:".
  case phpbb
  /// A widget the parser knows no strings of, cut by the header template it learned from the page.
  case generic
  /// Names and bodies only, no widgets.
  case plain
  /// No comment section at all.
  case none
  /// A Disqus export file (XML), read by its structure.
  case disqusExport = "disqus-export"
  /// A WordPress export file (WXR), read by its structure.
  case wordpressExport = "wxr"
}
