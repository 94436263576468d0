import Metrics
import Threads

/// The reply tree of one page, reduced to what an icicle picture needs:
/// each comment's parent and how many comments hang below it.
public struct ThreadShape: Sendable, Equatable {
  /// The page's source and title.
  public var source: String
  public var title: String
  /// Parent of each comment (by index), -1 for a top-level one.
  public private(set) var parents: [Int32]
  /// Comments in each comment's subtree, itself included.
  public private(set) var sizes: [Int32]
  /// Depth of each comment (0 top-level).
  public private(set) var depths: [Int32]
  /// Drift of each comment; NaN where it has none.
  public private(set) var drifts: [Float]
  /// The page's mean drift by depth (`threadstat drift`'s curve).
  public private(set) var driftByDepth: [DriftPoint]

  /// The shape of `discussion`, with the drift of `analysis`.
  /// - Complexity: O(n); parents always come before their replies.
  public init(_ discussion: Discussion, _ analysis: PageAnalysis) {
    source = discussion.source
    title = discussion.article.title
    let n = discussion.comments.count
    parents = discussion.comments.map { Int32($0.parent ?? -1) }
    depths = discussion.depths.map { Int32($0) }
    var sizes = [Int32](repeating: 1, count: n)
    for i in stride(from: n - 1, through: 0, by: -1) where parents[i] >= 0 {
      sizes[Int(parents[i])] += sizes[i]
    }
    self.sizes = sizes
    drifts = discussion.comments.indices.map { i in
      i < analysis.drift.comments.count ? analysis.drift.comments[i].drift.map(Float.init) ?? .nan : .nan
    }
    driftByDepth = analysis.drift.byDepth
  }

  /// Number of comments.
  public var count: Int { parents.count }
  /// Deepest level.
  public var maxDepth: Int { Int(depths.max() ?? 0) }
  /// The top-level comment with the most comments below it (first of equals), if any.
  public var longestThread: Int? {
    (0..<count).filter { parents[$0] < 0 }.max { sizes[$0] < sizes[$1] || (sizes[$0] == sizes[$1] && $0 > $1) }
  }
}
