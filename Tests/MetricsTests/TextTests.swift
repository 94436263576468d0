import Foundation
import Testing
import Threads

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
    ("han only", .zh, "東京都 大阪府 京都府"),
    ("chinese with latin words", .zh, "市议会周二通过了新的公交线路计划，Lily_Chen 说 the plan is good"),
    ("japanese", .ja, "市議会は火曜日に新しいバス路線の計画を承認しました。"),
    ("korean", .ko, "시의회는 화요일에 새로운 버스 노선 계획을 승인했습니다."),
    ("english quoting some han", .en, "The council said that the new lanes to 東京 would be open by spring."),
    ("empty", .en, ""),
  ])
  func languageGuess(name: String, expected: Language, text: String) {
    #expect(Language.guess([text]) == expected, "\(name)")
  }

  @Test func languagesHaveStopWordsAndAStemmerOrNeither() {
    for language in Language.allCases {
      if [.zh, .ja, .ko].contains(language) {
        #expect(language.stopWords.isEmpty, "\(language)")
        #expect(language.snowballAlgorithm == nil, "\(language)")
      } else {
        #expect(language.stopWords.count >= 80, "\(language)")
        #expect(!language.stopWords.contains(""), "\(language)")
        #expect(language.snowballAlgorithm != nil, "\(language)")
      }
    }
    #expect(Language.en.stopWords.contains("the"))
    #expect(Language.ru.stopWords.contains("что"))
  }

  /// The language the drift measures give a whole sample page.
  @Test(arguments: [("wordpress-zh", Language.zh), ("wordpress-en", .en), ("coral-de", .de)])
  func samplePageLanguage(name: String, expected: Language) throws {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")
    let bytes = Array(try Data(contentsOf: samples.appendingPathComponent(name + ".txt")))
    #expect(PageAnalysis(Discussion(parsing: bytes, source: name)).language == expected)
  }

  @Test(arguments: [
    (Language.en, "The councils were running the elections", ["council", "run", "elect"]),
    (.de, "Die Häuser der Städte", ["haus", "stadt"]),
    (.fr, "Les élections municipales", ["élect", "municipal"]),
    (.ru, "Выборы в городах", ["выбор", "город"]),
    (.en, "東京都", ["東京", "京都"]),
    (.zh, "The councils 东京都", ["the", "councils", "东京", "京都"]),
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
