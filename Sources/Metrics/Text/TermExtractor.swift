/// Tokens -> index terms: stop words dropped, words stemmed (CJK bigrams stay).
///
/// Works on the forms of one ``Vocabulary``: the stop-word test and the
/// stemmer run once per distinct form, and terms are numbered in order of
/// first occurrence. A value type, so its tables are checked for exclusive
/// access at compile time rather than on every token.
struct TermExtractor {
  let language: Language
  private let stopWords: Set<String>
  private let stemmer: SnowballStemmer
  /// Term id of each form; -1 for a stop word, -2 before the form is met.
  private var termOfForm: [Int32] = []
  /// How often each word of the vocabulary was seen, stop words aside.
  private var wordCounts: [Int] = []
  /// The terms, by id.
  private(set) var terms: [String] = []
  private var termIDs: [String: Int32] = [:]

  /// An extractor for `language`, with room for `capacity` distinct terms
  /// before its tables grow (the forms of the vocabulary are a bound).
  init(language: Language, capacity: Int = 0) {
    self.language = language
    self.stopWords = language.stopWords
    self.stemmer = SnowballStemmer(language: language, capacity: capacity)
    termIDs.reserveCapacity(capacity)
  }

  /// The term ids of `forms`, in order, stop words left out.
  /// - Parameters:
  ///   - forms: form ids of `vocabulary`; call in text order, since terms
  ///     are numbered as they are first met.
  ///   - out: where the term ids are appended.
  /// - Complexity: O(forms.count), plus one stop-word test and one stem per
  ///   new form.
  mutating func appendTerms(
    of forms: ArraySlice<Int32>, in vocabulary: Vocabulary, to out: inout [Int32]
  ) {
    if termOfForm.count < vocabulary.formCount {
      termOfForm.append(
        contentsOf: repeatElement(-2, count: vocabulary.formCount - termOfForm.count))
      wordCounts.append(
        contentsOf: repeatElement(0, count: vocabulary.words.count - wordCounts.count))
    }
    for form in forms {
      var term = termOfForm[Int(form)]
      if term == -2 {
        term = newTerm(of: form, in: vocabulary)
        termOfForm[Int(form)] = term
      }
      guard term >= 0 else { continue }
      wordCounts[Int(vocabulary.wordOfForm[Int(form)])] += 1
      out.append(term)
    }
  }

  private mutating func newTerm(of form: Int32, in vocabulary: Vocabulary) -> Int32 {
    let token = vocabulary.form(form)
    guard !stopWords.contains(token) else { return -1 }
    let isCJK = token.unicodeScalars.first?.isCJK ?? false
    let term = isCJK ? token : stemmer.stem(token)
    if let id = termIDs[term] { return id }
    let id = Int32(terms.count)
    termIDs[term] = id
    terms.append(term)
    return id
  }

  /// For each term seen so far (by id) that differs from its words: the
  /// word most often behind it (ties: the shorter, then the smaller), for
  /// display; nil where the word is the term itself.
  func displayWords(in vocabulary: Vocabulary) -> [String?] {
    // The forms of one word are equal strings: one stop-word test, one stem.
    var termOfWord = [Int32](repeating: -1, count: vocabulary.words.count)
    for (form, term) in termOfForm.enumerated() where term >= 0 {
      termOfWord[Int(vocabulary.wordOfForm[form])] = term
    }
    var best = [(word: Int32, count: Int)](repeating: (-1, 0), count: terms.count)
    for (id, count) in wordCounts.enumerated() where count > 0 {
      let term = Int(termOfWord[id])
      let current = best[term]
      if current.word >= 0 {
        let word = vocabulary.words[id]
        let other = vocabulary.words[Int(current.word)]
        let better =
          count != current.count
          ? count > current.count
          : (word.utf8.count, word) < (other.utf8.count, other)
        guard better else { continue }
      }
      best[term] = (Int32(id), count)
    }
    return best.enumerated().map { term, choice in
      guard choice.word >= 0 else { return nil }
      let word = vocabulary.words[Int(choice.word)]
      return word != terms[term] ? word : nil
    }
  }
}
