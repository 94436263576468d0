import Testing

@testable import Metrics

@Suite struct VocabularyTests {
  @Test func canonicallyEquivalentFormsShareAWord() {
    var vocabulary = Vocabulary()
    let forms = ["caf\u{E9}", "cafe\u{301}", "caf\u{E9}", "menu"].map { vocabulary.formID($0) }
    #expect(forms == [0, 1, 0, 2])
    #expect(vocabulary.wordOfForm == [0, 0, 1])
    #expect(vocabulary.words == ["caf\u{E9}", "menu"])
    #expect(Array(vocabulary.form(1).utf8) == Array("cafe\u{301}".utf8))
  }

  @Test func repeatedAndOverlongNonASCIIRunsGiveTheSameTokens() {
    let long = String(repeating: "é", count: Vocabulary.maxCachedRunBytes)  // 2 bytes each
    // The long run is over the cache limit: tokenised each time it occurs.
    let text = "don’t “Stop” don’t \(long)’ok \(long)’ok Zoë’s"
    #expect(Tokenizer.tokens(in: text) == ["don", "stop", "don", "ok", "ok", "zoë"])
    var vocabulary = Vocabulary()
    var forms: [Int32] = []
    Tokenizer.append(text, to: &forms, vocabulary: &vocabulary)
    Tokenizer.append(text, to: &forms, vocabulary: &vocabulary)
    #expect(forms.count == 12)
    #expect(Array(forms[0..<6]) == Array(forms[6..<12]))
    #expect(vocabulary.formCount == 4)
  }
}
