/// Text -> index terms: tokens without stop words, stemmed (CJK bigrams stay).
final class TermExtractor {
  let language: Language
  private let stopWords: Set<String>
  private let stemmer: SnowballStemmer

  init(language: Language) {
    self.language = language
    self.stopWords = language.stopWords
    self.stemmer = SnowballStemmer(language: language)
  }

  /// Calls `body` with each term of `text`, in order.
  func forEachTerm(in text: String, _ body: (String) -> Void) {
    Tokenizer.forEachToken(in: text) { token in
      guard !stopWords.contains(token) else { return }
      if let first = token.unicodeScalars.first, first.isCJK {
        body(token)
      } else {
        body(stemmer.stem(token))
      }
    }
  }

  /// The terms of `text`, in order.
  func terms(in text: String) -> [String] {
    var out: [String] = []
    forEachTerm(in: text) { out.append($0) }
    return out
  }
}
