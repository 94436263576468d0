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

  init(language: Language) {
    self.language = language
    self.stopWords = language.stopWords
    self.stemmer = SnowballStemmer(language: language)
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

  /// For each stem seen so far that differs from its words: the word most
  /// often behind it (ties: the shorter, then the smaller), for display.
  func displayWords(in vocabulary: Vocabulary) -> [String: String] {
    var best: [String: (word: String, count: Int)] = [:]
    for (id, count) in wordCounts.enumerated() where count > 0 {
      let word = vocabulary.words[id]
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
