import Metrics

/// A page's term counts stored as one string in its `page` row, "term count
/// term count ..." in byte order of the terms: read back only when the page
/// is replaced or removed, to take its counts out of the corpus totals.
/// Terms come from the tokenizer, which never puts a space in one.
enum TermText {
  static func text(_ counts: TermCounts) -> String {
    var out = ""
    for (term, count) in counts.counts.sorted(by: { BatchRun.byteOrder($0.key, $1.key) }) {
      if !out.isEmpty { out += " " }
      out += term
      out += " "
      out += String(count)
    }
    return out
  }

  /// The counts of `text`; a term without a valid count is skipped.
  static func counts(_ text: String) -> TermCounts {
    var counts: [String: Int] = [:]
    var term: Substring?
    for field in text.utf8.split(separator: 0x20) {
      if let t = term {
        if let n = Int(Substring(field)) { counts[String(t), default: 0] += n }
        term = nil
      } else {
        term = Substring(field)
      }
    }
    return TermCounts(counts)
  }

  /// A page's display words, "term word term word ..." in byte order of the
  /// terms, only where the word is not the term itself.
  static func text(words: [String: String]) -> String {
    var out = ""
    for (term, word) in words.sorted(by: { BatchRun.byteOrder($0.key, $1.key) }) where word != term {
      if !out.isEmpty { out += " " }
      out += term
      out += " "
      out += word
    }
    return out
  }

  /// The display words of `text` (written by ``text(words:)``).
  static func words(_ text: String) -> [String: String] {
    var words: [String: String] = [:]
    var term: Substring?
    for field in text.utf8.split(separator: 0x20) {
      if let t = term {
        words[String(t)] = String(Substring(field))
        term = nil
      } else {
        term = Substring(field)
      }
    }
    return words
  }
}
