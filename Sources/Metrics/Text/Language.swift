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

  /// Every stop word with bit i set for each language i (in `allCases`
  /// order) that lists it: one lookup per word instead of one per language.
  static let stopWordMasks: [String: UInt16] = {
    var masks: [String: UInt16] = [:]
    for (i, language) in allCases.enumerated() {
      for word in language.stopWords { masks[word, default: 0] |= 1 << i }
    }
    return masks
  }()

  /// Guesses the language of some text from how many of its words are each
  /// language's stop words; English when nothing stands out.
  /// - Parameter texts: the texts to look at, in order; at most `sampleLimit`
  ///   words are read in all.
  /// - Complexity: O(n) in the length of the texts read.
  public static func guess(
    _ texts: some Sequence<String>, sampleLimit: Int = 20_000
  ) -> Language {
    var vocabulary = Vocabulary()
    var forms: [Int32] = []
    for text in texts {
      guard forms.count < sampleLimit else { break }
      Tokenizer.append(text, to: &forms, vocabulary: &vocabulary)
    }
    return guess(forms.prefix(sampleLimit), in: vocabulary)
  }

  /// Guesses the language of a page from the stop words among its tokens;
  /// English when nothing stands out.
  /// - Parameters:
  ///   - forms: the tokens to count, as form ids of `vocabulary`.
  ///   - vocabulary: the page's vocabulary.
  /// - Complexity: O(forms.count), plus one lookup per distinct word.
  static func guess(_ forms: ArraySlice<Int32>, in vocabulary: Vocabulary) -> Language {
    // Bit i set: the word is a stop word of language i; 0xFFFF: not looked up yet.
    var masks = [UInt16](repeating: 0xFFFF, count: vocabulary.words.count)
    var hits = [Int](repeating: 0, count: allCases.count)
    for form in forms {
      let word = Int(vocabulary.wordOfForm[Int(form)])
      if masks[word] == 0xFFFF { masks[word] = stopWordMasks[vocabulary.words[word]] ?? 0 }
      guard masks[word] != 0 else { continue }
      for i in hits.indices where masks[word] & (1 << i) != 0 { hits[i] += 1 }
    }
    // Ties go to the earlier case, so English wins a tie with it.
    var best = 0
    for i in hits.indices where hits[i] > hits[best] { best = i }
    return hits[best] == 0 ? .en : allCases[best]
  }
}
