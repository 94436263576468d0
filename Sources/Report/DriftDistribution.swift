/// The drift values of many comments in a few buckets (depth levels or
/// parts of the thread), kept as histograms: memory does not grow with the
/// comments, a median or quartile is read back to within one bin, and the
/// mean is exact.
public struct DriftDistribution: Sendable, Equatable {
  /// Bins over [0, 1] per bucket.
  public static let bins = 50
  /// Counts by bucket, then bin.
  private var counts: [[Int]]
  /// Comments per bucket, with or without a drift value.
  public private(set) var comments: [Int]
  /// Sums of the drift values per bucket, in the order added (exact means).
  private var sums: [Double]

  /// An empty distribution of `buckets` buckets.
  public init(buckets: Int) {
    counts = Array(repeating: Array(repeating: 0, count: Self.bins), count: buckets)
    comments = Array(repeating: 0, count: buckets)
    sums = Array(repeating: 0, count: buckets)
  }

  /// Number of buckets.
  public var buckets: Int { counts.count }

  /// Adds one comment to `bucket` (clamped to the last one); `drift` nil
  /// counts the comment without a value.
  public mutating func add(_ drift: Double?, bucket: Int) {
    let b = min(max(bucket, 0), counts.count - 1)
    comments[b] += 1
    guard let drift, drift.isFinite else { return }
    let bin = min(Self.bins - 1, max(0, Int(drift * Double(Self.bins))))
    counts[b][bin] += 1
    sums[b] += drift
  }

  /// The mean drift of `bucket` (as `threadstat drift` computes it); nil
  /// when the bucket has no value.
  public func mean(bucket: Int) -> Double? {
    let n = scored(bucket)
    return n > 0 ? sums[bucket] / Double(n) : nil
  }

  /// Adds `other`'s comments, bucket by bucket (same bucket count).
  public mutating func merge(_ other: DriftDistribution) {
    for b in 0..<min(buckets, other.buckets) {
      comments[b] += other.comments[b]
      sums[b] += other.sums[b]
      for bin in 0..<Self.bins { counts[b][bin] += other.counts[b][bin] }
    }
  }

  /// Comments with a drift value in `bucket`.
  public func scored(_ bucket: Int) -> Int { counts[bucket].reduce(0, +) }

  /// The `q` quantile (0...1) of `bucket`'s drift values, interpolated
  /// within its bin; nil when the bucket has none.
  public func quantile(_ q: Double, bucket: Int) -> Double? {
    let row = counts[bucket]
    let n = row.reduce(0, +)
    guard n > 0 else { return nil }
    let target = q * Double(n)
    var below = 0
    for (bin, count) in row.enumerated() where count > 0 {
      if Double(below + count) >= target {
        let inside = (target - Double(below)) / Double(count)
        return (Double(bin) + min(max(inside, 0), 1)) / Double(Self.bins)
      }
      below += count
    }
    return 1
  }
}
