import Testing

@testable import Metrics

@Suite struct TextTests {
  @Test(arguments: [
    ("english", Language.en, "The council said that the new lanes would be open by spring and that it was all for the best."),
    ("german", .de, "Der Rat hat gesagt, dass die neue Spur im Frühling offen sein wird, und das ist auch gut so."),
    ("french", .fr, "Le conseil a dit que la nouvelle piste sera ouverte au printemps et que tout est pour le mieux."),
    ("spanish", .es, "El consejo dijo que el nuevo carril estará abierto en primavera y que todo es para bien."),
    ("italian", .it, "Il consiglio ha detto che la nuova pista sarà aperta in primavera e che tutto va per il meglio."),
    ("portuguese", .pt, "O conselho disse que a nova faixa vai estar aberta na primavera e que isso é para o melhor."),
    ("dutch", .nl, "De raad heeft gezegd dat het nieuwe pad in de lente open zal zijn en dat is maar goed ook."),
    ("russian", .ru, "Совет сказал, что новая полоса будет открыта весной, и это всё к лучшему, как мы и хотели."),
    ("no stop words", .en, "東京都 大阪府 京都府"),
    ("empty", .en, ""),
  ])
  func languageGuess(name: String, expected: Language, text: String) {
    #expect(Language.guess([text]) == expected, "\(name)")
  }

  @Test func everyLanguageHasStopWordsAndAStemmer() {
    for language in Language.allCases {
      #expect(language.stopWords.count >= 80, "\(language)")
      #expect(!language.stopWords.contains(""), "\(language)")
    }
    #expect(Language.en.stopWords.contains("the"))
    #expect(Language.ru.stopWords.contains("что"))
  }

  @Test(arguments: [
    (Language.en, "The councils were running the elections", ["council", "run", "elect"]),
    (.de, "Die Häuser der Städte", ["haus", "stadt"]),
    (.fr, "Les élections municipales", ["élect", "municipal"]),
    (.ru, "Выборы в городах", ["выбор", "город"]),
    (.en, "東京都", ["東京", "京都"]),
  ])
  func termsAreStemmedWithoutStopWords(language: Language, text: String, expected: [String]) {
    var extractor = TermExtractor(language: language)
    #expect(extractor.terms(in: text) == expected)
  }

  @Test func equivalentSpellingsAreOneTermAndOneWord() {
    var extractor = TermExtractor(language: .fr)
    var vocabulary = Vocabulary()
    let terms = extractor.terms(in: "Élection election \u{C9}lection E\u{301}lection", vocabulary: &vocabulary)
    #expect(terms == ["élect", "elect", "élect", "élect"])
    #expect(extractor.terms.count == 2)
    #expect(displayed(extractor, vocabulary) == ["élect": "élection", "elect": "election"])
  }

  @Test func displayWordsAreTheCommonestWordBehindAStem() {
    var extractor = TermExtractor(language: .en)
    var vocabulary = Vocabulary()
    _ = extractor.terms(
      in: "people elections election elections voting votes cat", vocabulary: &vocabulary)
    // peopl <- people; elect <- elections (twice) over election; vote <- votes/voting tie: shorter wins.
    #expect(displayed(extractor, vocabulary) == ["peopl": "people", "elect": "elections", "vote": "votes"])
  }

  /// The display words by term, where they differ from the term.
  func displayed(_ extractor: TermExtractor, _ vocabulary: Vocabulary) -> [String: String] {
    var out: [String: String] = [:]
    for (id, word) in extractor.displayWords(in: vocabulary).enumerated() {
      if let word { out[extractor.terms[id]] = word }
    }
    return out
  }

  @Test(arguments: [
    ("  Zoë   Smith ", "zoë smith"),
    ("ZOË SMITH", "zoë smith"),
    ("Zoe\u{308}\u{00A0}Smith", "zoë smith"),
    ("\t\n", ""),
    ("Bell\u{7}\u{1B}Boy\u{0}", "bellboy"),
  ])
  func normalisedNames(name: String, expected: String) {
    let key = AuthorName.normalized(name)
    #expect(key == expected)
    // NFC bytes, so stored keys compare equal outside Swift too.
    #expect(Array(key.utf8) == Array(expected.utf8))
  }

  /// The ASCII fast path of names follows the Unicode properties the
  /// general path uses, byte by byte.
  @Test func asciiNamesFollowTheUnicodeRules() {
    for value in UInt8(0)..<0x80 {
      let scalar = Unicode.Scalar(value)
      let name = " Ab" + String(Character(scalar)) + "C\u{7} "
      let expected: String =
        scalar.properties.isWhitespace
        ? "Ab C" : scalar.properties.generalCategory == .control ? "AbC" : "Ab\(Character(scalar))C"
      #expect(AuthorName.display(name) == expected, "byte \(value)")
      #expect(AuthorName.normalized(name) == expected.lowercased(), "byte \(value)")
    }
  }

  @Test func termCountsAddMergeAndDropNonPositive() {
    var a = TermCounts(["x": 2, "y": 0, "z": -1])
    #expect(a.counts == ["x": 2])
    a.add("y", count: 3)
    a.merge(TermCounts(["x": 1, "w": 4]))
    #expect(a.counts == ["x": 3, "y": 3, "w": 4])
    #expect(a.total == 10)
    #expect(a["nothing"] == 0)
  }
}
