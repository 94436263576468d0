/// How often each index term occurs in general written language, from a
/// shipped word frequency list (Resources/frequency-*.swift, see
/// FREQUENCY-LISTS.md there): the background a single page's terms are
/// weighted against when no corpus is at hand.
///
/// The list's words go through the page's own pipeline (tokenizer, stop
/// words, stemmer), so its terms are the page's terms; the shares of the
/// words behind one stem add up ("bank", "banks", "banking" -> "bank").
struct WordFrequencies: Sendable {
  /// Share of all running words of the list's corpus, by term; a term
  /// missing from the list is rarer than the list's last word.
  private let shares: [String: Double]

  /// The list of `language`; nil when none is shipped (then a page's IDF
  /// comes from the page alone).
  static func shipped(_ language: Language) -> WordFrequencies? { lists[language] }

  private static let lists: [Language: WordFrequencies] = [
    .en: WordFrequencies(englishCounts, runningWords: englishRunningWords, language: .en)
  ]

  /// A list read from lines `word count` (other lines are skipped).
  /// - Parameter runningWords: the size of the corpus the counts are out of.
  init(_ text: String, runningWords: Double, language: Language) {
    var vocabulary = Vocabulary()
    var extractor = TermExtractor(language: language)
    var forms: [Int32] = []
    var ids: [Int32] = []
    var sums: [Double] = []
    for line in text.utf8.split(separator: 0x0A) {
      guard let space = line.lastIndex(of: 0x20),
        let count = Double(String(decoding: line[line.index(after: space)...], as: UTF8.self))
      else { continue }
      forms.removeAll(keepingCapacity: true)
      ids.removeAll(keepingCapacity: true)
      Tokenizer.append(String(decoding: line[..<space], as: UTF8.self), to: &forms, vocabulary: &vocabulary)
      extractor.appendTerms(of: forms[...], in: vocabulary, to: &ids)
      for id in ids {
        if Int(id) >= sums.count { sums.append(contentsOf: repeatElement(0, count: Int(id) + 1 - sums.count)) }
        sums[Int(id)] += count / runningWords
      }
    }
    var shares: [String: Double] = [:]
    shares.reserveCapacity(sums.count)
    for (id, share) in sums.enumerated() { shares[extractor.terms[id]] = share }
    self.shares = shares
  }

  /// The share of running words that are `term`; 0 when the list lacks it.
  func share(_ term: String) -> Double { shares[term] ?? 0 }

  /// Smoothed IDF with the document frequency general language would give:
  /// ln((1 + N) / (1 + N q)) + 1, where q = 1 - exp(-L f) is the chance
  /// that a document of L running words holds the term when its words are
  /// drawn at the term's share f. The page's own formula
  /// (``DocumentFrequencies/idf(_:)``) with N q in place of the page's count.
  /// - Parameters:
  ///   - documents: N, the page's documents (its article and comments).
  ///   - meanLength: L, the page's running words (stop words included) per document.
  func idf(_ term: String, documents: Int, meanLength: Double) -> Double {
    let holding = -exponentialMinusOne(-meanLength * share(term))
    return DocumentFrequencies.idf(documents: documents, frequency: Double(documents) * holding)
  }
}
