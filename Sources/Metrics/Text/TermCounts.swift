/// How often each term occurs in some text (a comment, an article, a page,
/// a corpus). Sums of these are what corpus-level measures are built from.
public struct TermCounts: Sendable, Equatable, Codable {
  /// Occurrences by term.
  public private(set) var counts: [String: Int]
  /// The sum of all counts.
  public private(set) var total: Int

  /// No terms.
  public init() {
    counts = [:]
    total = 0
  }

  /// The given counts; counts of zero or less are left out.
  public init(_ counts: [String: Int]) {
    self.counts = counts.filter { $0.value > 0 }
    total = self.counts.values.reduce(0, +)
  }

  /// Counts by term id: `counts[id]` occurrences of `terms[id]`; zeros left out.
  /// One dictionary, sized once.
  init(terms: [String], counts: [Int]) {
    var table: [String: Int] = [:]
    table.reserveCapacity(counts.count { $0 > 0 })
    var total = 0
    for (id, count) in counts.enumerated() where count > 0 {
      table[terms[id], default: 0] += count
      total += count
    }
    self.counts = table
    self.total = total
  }

  /// The count of `term`, 0 when absent.
  public subscript(term: String) -> Int { counts[term] ?? 0 }

  /// Number of distinct terms.
  public var distinctTerms: Int { counts.count }

  /// Adds `count` occurrences of `term`.
  public mutating func add(_ term: String, count: Int = 1) {
    guard count > 0 else { return }
    counts[term, default: 0] += count
    total += count
  }

  /// Adds every count of `other`.
  /// - Complexity: O(other.distinctTerms).
  public mutating func merge(_ other: TermCounts) {
    for (term, count) in other.counts { counts[term, default: 0] += count }
    total += other.total
  }

  /// The sum of two sets of counts.
  public static func + (a: TermCounts, b: TermCounts) -> TermCounts {
    var out = a
    out.merge(b)
    return out
  }

  /// Reads the counts as a JSON-style object, term -> count.
  public init(from decoder: any Decoder) throws {
    self.init(try [String: Int](from: decoder))
  }

  /// Writes the counts as a JSON-style object, term -> count.
  public func encode(to encoder: any Encoder) throws {
    try counts.encode(to: encoder)
  }
}
