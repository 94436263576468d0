import Metrics

/// A page's term counts stored as one string in its `page` row, "term count
/// term count ..." in byte order of the terms: read back only when the page
/// is replaced or removed, to take its counts out of the corpus totals.
/// Terms come from the tokenizer, which never puts a space in one.
enum TermText {
  /// The text of `counts`.
  static func text(_ counts: TermCounts) -> String {
    var out: [UInt8] = []
    for (term, count) in byteOrdered(counts.counts) {
      if !out.isEmpty { out.append(0x20) }
      out.append(contentsOf: term.utf8)
      out.append(0x20)
      out.append(contentsOf: String(count).utf8)
    }
    return String(decoding: out, as: UTF8.self)
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
    var out: [UInt8] = []
    for (term, word) in byteOrdered(words) where word != term {
      if !out.isEmpty { out.append(0x20) }
      out.append(contentsOf: term.utf8)
      out.append(0x20)
      out.append(contentsOf: word.utf8)
    }
    return String(decoding: out, as: UTF8.self)
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

  /// The entries of `dictionary` by key in byte order (``BatchRun/byteOrder(_:_:)``):
  /// sorted on each key's first eight bytes as one integer, the keys
  /// compared whole only where those are equal.
  static func byteOrdered<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
    let entries = Array(dictionary)
    var order = entries.indices.map { (prefix: prefix(entries[$0].key), index: $0) }
    order.sort { a, b in
      a.prefix != b.prefix ? a.prefix < b.prefix : BatchRun.byteOrder(entries[a.index].key, entries[b.index].key)
    }
    return order.map { entries[$0.index] }
  }

  /// The first eight UTF-8 bytes of `key`, big-endian, zeros after a
  /// shorter key: where two keys' prefixes differ, they order as the keys.
  private static func prefix(_ key: String) -> UInt64 {
    var prefix: UInt64 = 0
    var count = 0
    for byte in key.utf8 {
      guard count < 8 else { break }
      prefix = prefix << 8 | UInt64(byte)
      count += 1
    }
    return prefix << (8 * (8 - count))
  }
}
