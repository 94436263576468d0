/// In how many documents each term occurs: the IDF side of TF-IDF.
///
/// A page contributes its article and each of its comments as documents;
/// summing pages (``merge(_:)``) gives corpus-wide frequencies.
public struct DocumentFrequencies: Sendable, Equatable, Codable {
  /// Number of documents counted.
  public private(set) var documents: Int
  /// For each term, the number of documents holding it at least once.
  public private(set) var frequencies: TermCounts

  /// Frequencies over `documents` documents.
  public init(documents: Int = 0, frequencies: TermCounts = TermCounts()) {
    self.documents = documents
    self.frequencies = frequencies
  }

  /// Adds the documents of `other`.
  public mutating func merge(_ other: DocumentFrequencies) {
    documents += other.documents
    frequencies.merge(other.frequencies)
  }

  /// Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1.
  /// A term no document holds gets the largest weight, ln(1 + N) + 1.
  public func idf(_ term: String) -> Double {
    Self.idf(documents: documents, frequency: frequencies[term])
  }

  static func idf(documents: Int, frequency: Int) -> Double {
    idf(documents: documents, frequency: Double(frequency))
  }

  /// The same with an expected, not counted, document frequency (``WordFrequencies``).
  static func idf(documents: Int, frequency: Double) -> Double {
    naturalLog((1 + Double(documents)) / (1 + frequency)) + 1
  }
}
