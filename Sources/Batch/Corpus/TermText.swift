import Metrics

/// Term counts stored as one string, "term\tcount\n" per term in byte order:
/// a page holds hundreds of terms, and one string decodes many times faster
/// than a JSON object with a key per term when the corpus is rebuilt.
/// Terms come from the tokenizer and hold no tab or line break.
enum TermText {
  static func text(_ counts: TermCounts) -> String {
    var out = ""
    for (term, count) in counts.counts.sorted(by: { BatchRun.byteOrder($0.key, $1.key) }) {
      out += term
      out += "\t"
      out += String(count)
      out += "\n"
    }
    return out
  }

  /// The counts of `text`; malformed lines are skipped.
  static func counts(_ text: String) -> TermCounts {
    var counts: [String: Int] = [:]
    let bytes = text.utf8
    var lineStart = bytes.startIndex
    var tab: String.UTF8View.Index?
    var i = bytes.startIndex
    while i != bytes.endIndex {
      let b = bytes[i]
      if b == 0x09 {
        tab = i
      } else if b == 0x0A {
        if let tab, let n = Int(Substring(bytes[bytes.index(after: tab)..<i])) {
          counts[String(Substring(bytes[lineStart..<tab])), default: 0] += n
        }
        tab = nil
        lineStart = bytes.index(after: i)
      }
      i = bytes.index(after: i)
    }
    return TermCounts(counts)
  }
}
