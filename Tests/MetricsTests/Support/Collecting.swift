@testable import Metrics

extension Tokenizer {
  /// Every token of `text`, in order.
  static func tokens(in text: String) -> [String] {
    var out: [String] = []
    forEachToken(in: text) { out.append($0) }
    return out
  }
}

extension TermExtractor {
  /// The terms of `text`, in order.
  func terms(in text: String) -> [String] {
    var out: [String] = []
    forEachTerm(in: text) { out.append($0) }
    return out
  }
}
