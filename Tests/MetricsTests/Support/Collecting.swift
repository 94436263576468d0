@testable import Metrics

extension Tokenizer {
  /// Every token of `text`, in order.
  static func tokens(in text: String) -> [String] {
    var vocabulary = Vocabulary()
    var forms: [Int32] = []
    append(text, to: &forms, vocabulary: &vocabulary)
    return forms.map(vocabulary.form)
  }
}

extension TermExtractor {
  /// The terms of `text`, in order; `vocabulary` keeps the words seen, for
  /// ``displayWords(in:)``.
  mutating func terms(in text: String, vocabulary: inout Vocabulary) -> [String] {
    var forms: [Int32] = []
    Tokenizer.append(text, to: &forms, vocabulary: &vocabulary)
    var ids: [Int32] = []
    appendTerms(of: forms[...], in: vocabulary, to: &ids)
    return ids.map { terms[Int($0)] }
  }

  /// The terms of `text`, in order.
  mutating func terms(in text: String) -> [String] {
    var vocabulary = Vocabulary()
    return terms(in: text, vocabulary: &vocabulary)
  }
}
