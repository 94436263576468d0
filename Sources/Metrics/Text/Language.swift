/// The language of a page, for the drift measures.
///
/// The European languages have stop words and a Snowball stemmer; Chinese,
/// Japanese and Korean are told by script alone and have neither (their text
/// is tokenised as character bigrams, which are not stemmed).
public enum Language: String, Sendable, Codable, CaseIterable {
  case en, de, fr, es, it, pt, nl, ru
  case zh, ja, ko

  /// The Snowball algorithm name libstemmer knows this language by; nil
  /// for the languages without a stemmer.
  var snowballAlgorithm: String? {
    switch self {
    case .en: "english"
    case .de: "german"
    case .fr: "french"
    case .es: "spanish"
    case .it: "italian"
    case .pt: "portuguese"
    case .nl: "dutch"
    case .ru: "russian"
    case .zh, .ja, .ko: nil
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

  /// Guesses the language of some text: Chinese, Japanese or Korean when
  /// most of its tokens are in those scripts, else the language with the
  /// most stop words among them; English when nothing stands out.
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

  /// Guesses the language of a page from its tokens: when more than half
  /// are Han, kana or Hangul bigrams, Korean if Hangul is the commonest of
  /// the three, Japanese if a tenth of them hold kana, else Chinese;
  /// otherwise the language with the most stop words among the tokens, and
  /// English when nothing stands out.
  /// - Parameters:
  ///   - forms: the tokens to count, as form ids of `vocabulary`.
  ///   - vocabulary: the page's vocabulary.
  /// - Complexity: O(forms.count), plus one lookup per distinct word.
  static func guess(_ forms: ArraySlice<Int32>, in vocabulary: Vocabulary) -> Language {
    // Bit i set: the word is a stop word of language i; bits 13-15 its
    // script (`scriptBits`); 0xFFFF: not looked up yet.
    var masks = [UInt16](repeating: 0xFFFF, count: vocabulary.words.count)
    var hits = [Int](repeating: 0, count: allCases.count)
    var han = 0
    var kana = 0
    var hangul = 0
    for form in forms {
      let word = Int(vocabulary.wordOfForm[Int(form)])
      if masks[word] == 0xFFFF {
        let text = vocabulary.words[word]
        masks[word] = stopWordMasks[text] ?? scriptBits(text)
      }
      let mask = masks[word]
      guard mask != 0 else { continue }
      switch mask {
      case Self.hanBit: han += 1
      case Self.kanaBit: kana += 1
      case Self.hangulBit: hangul += 1
      default: for i in hits.indices where mask & (1 << i) != 0 { hits[i] += 1 }
      }
    }
    let cjk = han + kana + hangul
    if cjk * 2 > forms.count {
      if hangul >= han && hangul >= kana { return .ko }
      return kana * 10 >= cjk ? .ja : .zh
    }
    // Ties go to the earlier case, so English wins a tie with it.
    var best = 0
    for i in hits.indices where hits[i] > hits[best] { best = i }
    return hits[best] == 0 ? .en : allCases[best]
  }

  private static let hanBit: UInt16 = 1 << 13
  private static let kanaBit: UInt16 = 1 << 14
  private static let hangulBit: UInt16 = 1 << 15

  /// The script bit of a CJK token (kana or Hangul if it holds any, else
  /// Han); 0 for other words. Stop words are never CJK, so the bits do not
  /// meet a stop-word mask.
  private static func scriptBits(_ token: String) -> UInt16 {
    guard token.unicodeScalars.first?.isCJK == true else { return 0 }
    if token.unicodeScalars.contains(where: \.isKana) { return kanaBit }
    if token.unicodeScalars.contains(where: \.isHangul) { return hangulBit }
    return hanBit
  }
}
