/// A language the drift measures know stop words and a stemmer for.
public enum Language: String, Sendable, Codable, CaseIterable {
  case en, de, fr, es, it, pt, nl, ru

  /// The Snowball algorithm name libstemmer knows this language by.
  var snowballAlgorithm: String {
    switch self {
    case .en: "english"
    case .de: "german"
    case .fr: "french"
    case .es: "spanish"
    case .it: "italian"
    case .pt: "portuguese"
    case .nl: "dutch"
    case .ru: "russian"
    }
  }

  /// The language's stop words, lower-case.
  var stopWords: Set<String> { StopWords.lists[self] ?? [] }

  /// Guesses the language of some text from how many of its words are each
  /// language's stop words; English when nothing stands out.
  /// - Parameter texts: the texts to look at, in order; at most `sampleLimit`
  ///   words are read in all.
  /// - Complexity: O(min(words, sampleLimit)).
  public static func guess(
    _ texts: some Sequence<String>, sampleLimit: Int = 20_000
  ) -> Language {
    var hits = [Int](repeating: 0, count: allCases.count)
    var seen = 0
    let lists = allCases.map(\.stopWords)
    outer: for text in texts {
      var done = false
      Tokenizer.forEachToken(in: text) { token in
        if done { return }
        for (i, list) in lists.enumerated() where list.contains(token) { hits[i] += 1 }
        seen += 1
        if seen >= sampleLimit { done = true }
      }
      if done { break outer }
    }
    // Ties go to the earlier case, so English wins a tie with it.
    var best = 0
    for i in hits.indices where hits[i] > hits[best] { best = i }
    return hits[best] == 0 ? .en : allCases[best]
  }
}
