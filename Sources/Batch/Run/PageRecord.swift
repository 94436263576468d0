import Threads

/// What the store keeps of one page: the figures its `pages.csv` row shows.
/// It depends on the page alone, so it never changes when other pages arrive.
struct PageRecord: Sendable, Equatable, Codable {
  var title: String
  /// The article's date, "YYYY-MM-DD".
  var date: String?
  var layout: String
  var comments: Int
  /// Distinct author names shown on the page.
  var authors: Int
  /// Comments with no author shown.
  var unknownAuthorComments: Int
  /// Words in the comments.
  var commentWords: Int
  var articleWords: Int
  var truncated: Int
  /// Comments that reply to another comment.
  var replies: Int
  /// Deepest reply level (0 when every comment is top-level).
  var maxDepth: Int

  init(_ discussion: Discussion) {
    title = discussion.article.title
    date = discussion.article.date?.iso
    layout = discussion.layout.rawValue
    comments = discussion.comments.count
    authors = Set(discussion.comments.compactMap(\.author)).count
    unknownAuthorComments = discussion.comments.count { $0.author == nil }
    commentWords = discussion.comments.reduce(0) { $0 + $1.words }
    articleWords = discussion.article.words
    truncated = discussion.comments.count { $0.truncated }
    replies = discussion.comments.count { $0.parent != nil }
    maxDepth = discussion.depths.max() ?? 0
  }
}
