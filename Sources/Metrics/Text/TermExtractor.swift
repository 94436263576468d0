/// Text -> index terms: tokens without stop words, stemmed (CJK bigrams stay).
final class TermExtractor {
  let language: Language
  private let stopWords: Set<String>
  private let stemmer: SnowballStemmer
  /// How often each word (before stemming) was seen, stop words aside.
  private var wordCounts: [String: Int] = [:]

  init(language: Language) {
    self.language = language
    self.stopWords = language.stopWords
    self.stemmer = SnowballStemmer(language: language)
  }

  /// Calls `body` with each term of `text`, in order.
  func forEachTerm(in text: String, _ body: (String) -> Void) {
    Tokenizer.forEachToken(in: text) { token in
      guard !stopWords.contains(token) else { return }
      wordCounts[token, default: 0] += 1
      if let first = token.unicodeScalars.first, first.isCJK {
        body(token)
      } else {
        body(stemmer.stem(token))
      }
    }
  }

  /// For each stem seen so far that differs from its words: the word most
  /// often behind it (ties: the shorter, then the smaller), for display.
  func displayWords() -> [String: String] {
    var best: [String: (word: String, count: Int)] = [:]
    for (word, count) in wordCounts {
      let stem = stemmer.stem(word)
      guard let current = best[stem] else {
        best[stem] = (word, count)
        continue
      }
      let better =
        count != current.count
        ? count > current.count
        : (word.utf8.count, word) < (current.word.utf8.count, current.word)
      if better { best[stem] = (word, count) }
    }
    var out: [String: String] = [:]
    for (stem, choice) in best where choice.word != stem { out[stem] = choice.word }
    return out
  }
}
