import Threads

/// What one author wrote on a page, or on several pages once merged.
public struct AuthorStats: Sendable, Equatable, Codable {
  /// The name as first shown (trimmed, white space collapsed).
  public var name: String
  /// The matching key, ``AuthorName/normalized(_:)`` of the name.
  public var key: String
  /// Comments written.
  public var comments: Int = 0
  /// Words in those comments.
  public var words: Int = 0
  /// Comments the page cut short.
  public var truncated: Int = 0
  /// Comments that reply to another comment.
  public var repliesSent: Int = 0
  /// Replies other comments (by anyone, the author included) made to this author's.
  public var repliesReceived: Int = 0
  /// Keys of the other named authors this one replied to or got replies from, sorted.
  public var partners: [String] = []
  /// Date of the earliest dated comment.
  @ISODateCoded public var firstDate: CalendarDate?
  /// Date of the latest dated comment.
  @ISODateCoded public var lastDate: CalendarDate?
  /// The days of the author's dated comments, sorted, each once: their
  /// spells on Gephi's timeline.
  @ISODaysCoded public var activeDays: [CalendarDate] = []
  /// Pages the author commented on.
  public var articles: Int = 0
  /// Sum of the drift of the comments that have one.
  public var driftSum: Double = 0
  /// Comments that have a drift value.
  public var driftCount: Int = 0

  /// Number of distinct partners.
  public var partnerCount: Int { partners.count }
  /// Mean drift of the author's comments; nil when none has a drift value.
  public var meanDrift: Double? { driftCount > 0 ? driftSum / Double(driftCount) : nil }

  /// The author's share of `total` comments, in [0, 1]; 0 when there are none.
  /// The one share formula of every output (stats, GraphML, authors.csv).
  public func share(ofComments total: Int) -> Double {
    total > 0 ? Double(comments) / Double(total) : 0
  }

  /// An author with no comments yet.
  public init(name: String) {
    self.name = AuthorName.display(name)
    self.key = AuthorName.normalized(name)
  }

  /// Adds one comment.
  mutating func count(_ comment: borrowing Comment, drift: Double?) {
    comments += 1
    words += comment.words
    if comment.truncated { truncated += 1 }
    if let date = comment.date {
      firstDate = min(firstDate ?? date, date)
      lastDate = max(lastDate ?? date, date)
      if activeDays.last != date { Self.insert(date, into: &activeDays) }
    }
    if let drift {
      driftSum += drift
      driftCount += 1
    }
  }

  /// Adds the counts of the same author from other pages; keeps this name.
  /// - Complexity: O(p + q) in the two partner lists.
  public mutating func merge(_ other: AuthorStats) {
    comments += other.comments
    words += other.words
    truncated += other.truncated
    repliesSent += other.repliesSent
    repliesReceived += other.repliesReceived
    partners = Self.union(partners, other.partners)
    if let d = other.firstDate { firstDate = min(firstDate ?? d, d) }
    if let d = other.lastDate { lastDate = max(lastDate ?? d, d) }
    activeDays = Self.union(activeDays, other.activeDays)
    articles += other.articles
    driftSum += other.driftSum
    driftCount += other.driftCount
  }

  /// Inserts `day` into the sorted, duplicate-free `days` unless it is there.
  /// - Complexity: O(log n), plus O(n) when the day is new.
  static func insert(_ day: CalendarDate, into days: inout [CalendarDate]) {
    var low = 0
    var high = days.count
    while low < high {
      let mid = (low + high) / 2
      if days[mid] < day { low = mid + 1 } else { high = mid }
    }
    if low == days.count || days[low] != day { days.insert(day, at: low) }
  }

  /// The union of two sorted, duplicate-free lists.
  static func union<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
    var out: [T] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if j == b.count || (i < a.count && a[i] < b[j]) {
        out.append(a[i])
        i += 1
      } else if i == a.count || b[j] < a[i] {
        out.append(b[j])
        j += 1
      } else {
        out.append(a[i])
        i += 1
        j += 1
      }
    }
    return out
  }
}
