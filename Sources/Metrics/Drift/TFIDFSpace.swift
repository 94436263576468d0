/// One page as TF-IDF vectors: document 0 is the article, document i + 1 is
/// comment i. Terms are numbered per page; vectors are sparse and unit length.
struct TFIDFSpace {
  /// A unit-length sparse vector, ids ascending; empty when the text had no terms.
  struct Vector {
    var ids: [Int32] = []
    var weights: [Double] = []
    var isEmpty: Bool { ids.isEmpty }

    /// Dot product of two sparse vectors (their cosine, both being unit length).
    /// - Complexity: O(a + b).
    func dot(_ other: Vector) -> Double {
      var i = 0
      var j = 0
      var sum = 0.0
      while i < ids.count, j < other.ids.count {
        if ids[i] == other.ids[j] {
          sum += weights[i] * other.weights[j]
          i += 1
          j += 1
        } else if ids[i] < other.ids[j] {
          i += 1
        } else {
          j += 1
        }
      }
      return sum
    }

    /// Dot product with a dense vector indexed by term id.
    func dot(dense: [Double]) -> Double {
      var sum = 0.0
      for k in ids.indices { sum += weights[k] * dense[Int(ids[k])] }
      return sum
    }
  }

  private(set) var terms: [String] = []
  private var ids: [String: Int32] = [:]
  /// Per document: (term id, count), ids ascending.
  private(set) var documents: [[(id: Int32, count: Int)]] = []

  /// Adds a document made of `terms` (in any order, repeats counted).
  mutating func addDocument(_ forEachTerm: ((String) -> Void) -> Void) {
    var list: [Int32] = []
    forEachTerm { term in
      if let id = ids[term] {
        list.append(id)
      } else {
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        list.append(id)
      }
    }
    list.sort()
    var counted: [(id: Int32, count: Int)] = []
    for id in list {
      if let last = counted.last, last.id == id {
        counted[counted.count - 1].count += 1
      } else {
        counted.append((id, 1))
      }
    }
    documents.append(counted)
  }

  /// Term counts summed over the documents in `range`.
  func termCounts(_ range: Range<Int>) -> TermCounts {
    var sums = [Int](repeating: 0, count: terms.count)
    for d in range { for entry in documents[d] { sums[Int(entry.id)] += entry.count } }
    var out = TermCounts()
    for (id, count) in sums.enumerated() where count > 0 { out.add(terms[id], count: count) }
    return out
  }

  /// In how many of this page's documents each term occurs.
  func documentFrequencies() -> DocumentFrequencies {
    var df = [Int](repeating: 0, count: terms.count)
    for document in documents { for entry in document { df[Int(entry.id)] += 1 } }
    var out = TermCounts()
    for (id, count) in df.enumerated() { out.add(terms[id], count: count) }
    return DocumentFrequencies(documents: documents.count, frequencies: out)
  }

  /// Unit vectors with sublinear tf, (1 + ln count) * idf.
  /// - Parameter idf: weights by term id.
  func vectors(idf: [Double]) -> [Vector] {
    documents.map { document in
      var v = Vector()
      v.ids.reserveCapacity(document.count)
      v.weights.reserveCapacity(document.count)
      var norm = 0.0
      for entry in document {
        let w = (1 + naturalLog(Double(entry.count))) * idf[Int(entry.id)]
        v.ids.append(entry.id)
        v.weights.append(w)
        norm += w * w
      }
      guard norm > 0 else { return Vector() }
      let scale = 1 / norm.squareRoot()
      for k in v.weights.indices { v.weights[k] *= scale }
      return v
    }
  }
}
