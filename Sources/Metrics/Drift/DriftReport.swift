/// How far one comment is from the article, its parent and the talk before it.
///
/// Similarities are cosines of TF-IDF vectors, in [0, 1]; nil when either
/// side has no index terms (an empty or image-only post, an empty article),
/// or when there is nothing to compare with (no parent, no earlier comment).
public struct CommentDrift: Sendable, Equatable, Codable {
  /// The comment's index on its page.
  public var index: Int
  /// 0 for a top-level comment.
  public var depth: Int
  /// Cosine similarity to the article profile: the article's vector plus,
  /// at a fifth of the weight each, those of the five comments closest to the
  /// article, the comment's own vector left out (CommentIQ's article
  /// relevance, with the article widened by the thread's own answers),
  /// times min(1, ``terms`` / the page's mean): a comment of a word or two
  /// is near or far by chance more than by topic.
  public var articleSimilarity: Double?
  /// Cosine similarity to the comment replied to; nil for top-level comments.
  public var parentSimilarity: Double?
  /// Cosine similarity to the centroid of all earlier comments on the page
  /// (CommentIQ's conversational relevance, restricted to what came before).
  public var contextSimilarity: Double?
  /// The page cut the comment short: its scores rest on part of the text.
  public var truncated: Bool
  /// Number of index terms (after stop words) in the comment.
  public var terms: Int

  /// 1 - similarity to the article.
  public var drift: Double? { articleSimilarity.map { 1 - $0 } }

  /// A comment's scores with the given fields.
  public init(
    index: Int, depth: Int, articleSimilarity: Double?, parentSimilarity: Double?,
    contextSimilarity: Double?, truncated: Bool, terms: Int
  ) {
    self.index = index
    self.depth = depth
    self.articleSimilarity = articleSimilarity
    self.parentSimilarity = parentSimilarity
    self.contextSimilarity = contextSimilarity
    self.truncated = truncated
    self.terms = terms
  }
}

/// Mean drift of the comments in one bucket of a curve (a depth, a quarter).
public struct DriftPoint: Sendable, Equatable, Codable {
  /// The depth, or the quarter (0 = first quarter of the thread in page order).
  public var bucket: Int
  /// Comments in the bucket.
  public var comments: Int
  /// Comments in the bucket that have a drift value.
  public var scored: Int
  /// Mean drift of the scored comments; nil when none is scored.
  public var meanDrift: Double?

  /// A point with the given fields.
  public init(bucket: Int, comments: Int, scored: Int, meanDrift: Double?) {
    self.bucket = bucket
    self.comments = comments
    self.scored = scored
    self.meanDrift = meanDrift
  }
}

/// The drift measures of one page.
public struct DriftReport: Sendable, Equatable, Codable {
  /// One entry per comment, in page order.
  public var comments: [CommentDrift]
  /// Mean drift at each depth from 0 to the deepest reply.
  public var byDepth: [DriftPoint]
  /// Mean drift in each quarter of the thread (page order); empty without comments.
  public var byPosition: [DriftPoint]
  /// What the comments drifted to and away from.
  public var terms: DriftTerms

  /// A report with the given parts.
  public init(
    comments: [CommentDrift], byDepth: [DriftPoint], byPosition: [DriftPoint], terms: DriftTerms
  ) {
    self.comments = comments
    self.byDepth = byDepth
    self.byPosition = byPosition
    self.terms = terms
  }

  /// Mean drift per bucket; `bucket(i)` gives comment i's bucket in 0..<count.
  static func curve(
    _ comments: [CommentDrift], buckets count: Int, bucket: (Int) -> Int
  ) -> [DriftPoint] {
    var all = [Int](repeating: 0, count: count)
    var scored = [Int](repeating: 0, count: count)
    var sums = [Double](repeating: 0, count: count)
    for (i, comment) in comments.enumerated() {
      let b = bucket(i)
      all[b] += 1
      if let drift = comment.drift {
        scored[b] += 1
        sums[b] += drift
      }
    }
    return (0..<count).map {
      DriftPoint(
        bucket: $0, comments: all[$0], scored: scored[$0],
        meanDrift: scored[$0] > 0 ? sums[$0] / Double(scored[$0]) : nil)
    }
  }
}
