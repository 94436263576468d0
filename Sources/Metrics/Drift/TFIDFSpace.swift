/// One page as TF-IDF vectors: document 0 is the article, document i + 1 is
/// comment i. Terms are numbered per page.
///
/// Storage is flat: the (term id, count) entries of all documents one after
/// another, each document's ids ascending, so a page of any size is a few
/// arrays rather than one allocation per document.
struct TFIDFSpace {
  /// Unit-length sparse vectors, one per document, stored like the space:
  /// entry k of every vector is `ids[k]` with weight `weights[k]`.
  struct Vectors {
    fileprivate let ids: [Int32]
    fileprivate var weights: [Double]
    /// Entries of each document's vector; empty when the text had no terms.
    fileprivate var ranges: [Range<Int>]

    /// Whether document `d` has no terms.
    func isEmpty(_ d: Int) -> Bool { ranges[d].isEmpty }

    /// Dot product of two documents' vectors (their cosine, both being unit length).
    /// - Complexity: O(a + b) in the two documents' terms.
    func dot(_ a: Int, _ b: Int) -> Double {
      var i = ranges[a].lowerBound
      var j = ranges[b].lowerBound
      let iEnd = ranges[a].upperBound
      let jEnd = ranges[b].upperBound
      var sum = 0.0
      while i < iEnd, j < jEnd {
        if ids[i] == ids[j] {
          sum += weights[i] * weights[j]
          i += 1
          j += 1
        } else if ids[i] < ids[j] {
          i += 1
        } else {
          j += 1
        }
      }
      return sum
    }

    /// Dot product of document `d`'s vector with a dense vector indexed by term id.
    func dot(_ d: Int, dense: [Double]) -> Double {
      var sum = 0.0
      for k in ranges[d] { sum += weights[k] * dense[Int(ids[k])] }
      return sum
    }

    /// Document `d`'s (term id, weight) entries, ids ascending.
    func entries(_ d: Int) -> some Sequence<(id: Int32, weight: Double)> {
      ranges[d].lazy.map { (ids[$0], weights[$0]) }
    }

    /// Adds document `d`'s vector to a dense vector indexed by term id.
    func add(_ d: Int, to dense: inout [Double]) {
      for k in ranges[d] { dense[Int(ids[k])] += weights[k] }
    }
  }

  /// The terms, by id.
  let terms: [String]
  /// Term ids of all entries.
  private var ids: [Int32] = []
  /// Occurrences of each entry's term in its document.
  private var counts: [Int32] = []
  /// Document d's entries are `starts[d]..<starts[d + 1]`.
  private var starts: [Int] = [0]
  /// Term occurrences in each document.
  private(set) var termTotals: [Int] = []

  /// The space of some documents.
  /// - Parameters:
  ///   - terms: the terms, by id.
  ///   - termIDs: the term ids of all documents, one after another, in any
  ///     order within a document, repeats counted.
  ///   - documentEnds: document d is `termIDs[documentEnds[d - 1]..<documentEnds[d]]`
  ///     (from 0 for the first).
  /// - Complexity: O(n + t log t) in the term occurrences n and each
  ///   document's distinct terms t.
  init(terms: [String], termIDs: [Int32], documentEnds: [Int]) {
    self.terms = terms
    var scratch = [Int32](repeating: 0, count: terms.count)
    var distinct: [Int32] = []
    var start = 0
    for end in documentEnds {
      distinct.removeAll(keepingCapacity: true)
      for id in termIDs[start..<end] {
        if scratch[Int(id)] == 0 { distinct.append(id) }
        scratch[Int(id)] += 1
      }
      distinct.sort()
      for id in distinct {
        ids.append(id)
        counts.append(scratch[Int(id)])
        scratch[Int(id)] = 0
      }
      starts.append(ids.count)
      termTotals.append(end - start)
      start = end
    }
  }

  /// Number of documents.
  var documentCount: Int { starts.count - 1 }

  /// Term counts summed over the documents in `range`, by term id.
  func termSums(_ range: Range<Int>) -> [Int] {
    var sums = [Int](repeating: 0, count: terms.count)
    for k in starts[range.lowerBound]..<starts[range.upperBound] {
      sums[Int(ids[k])] += Int(counts[k])
    }
    return sums
  }

  /// The counts of ``termSums(_:)`` by term.
  func termCounts(sums: [Int]) -> TermCounts {
    TermCounts(terms: terms, counts: sums)
  }

  /// In how many of this page's documents each term occurs, by term id.
  func frequencies() -> [Int] {
    var df = [Int](repeating: 0, count: terms.count)
    for id in ids { df[Int(id)] += 1 }
    return df
  }

  /// In how many of this page's documents each term occurs.
  /// - Parameter df: ``frequencies()``.
  func documentFrequencies(_ df: [Int]) -> DocumentFrequencies {
    DocumentFrequencies(documents: documentCount, frequencies: TermCounts(terms: terms, counts: df))
  }

  /// Unit vectors with sublinear tf, (1 + ln count) * idf.
  /// - Parameter idf: weights by term id.
  func vectors(idf: [Double]) -> Vectors {
    var weights = [Double](repeating: 0, count: ids.count)
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(documentCount)
    for d in 0..<documentCount {
      let entries = starts[d]..<starts[d + 1]
      var norm = 0.0
      for k in entries {
        let w = (1 + naturalLog(Double(counts[k]))) * idf[Int(ids[k])]
        weights[k] = w
        norm += w * w
      }
      guard norm > 0 else {
        ranges.append(entries.lowerBound..<entries.lowerBound)
        continue
      }
      let scale = 1 / norm.squareRoot()
      for k in entries { weights[k] *= scale }
      ranges.append(entries)
    }
    return Vectors(ids: ids, weights: weights, ranges: ranges)
  }
}
