/// A scrape decoded to valid UTF-8 and split into lines.
///
/// Decoding drops a leading byte-order mark and NUL bytes, replaces invalid
/// UTF-8 with U+FFFD, and accepts LF, CRLF and CR line endings.
struct Page {
  /// Each line with leading and trailing whitespace (including NBSP) removed.
  var lines: [String]

  init(bytes: some Collection<UInt8>) {
    var raw = Array(bytes)
    if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
    if raw.contains(0) { raw.removeAll { $0 == 0 } }
    let text = String(decoding: raw, as: UTF8.self)
    self.lines = Page.split(text)
  }

  static func split(_ text: String) -> [String] {
    var out: [String] = []
    let u = text.utf8
    var lineStart = u.startIndex
    var i = u.startIndex
    func emit(_ end: String.UTF8View.Index) {
      out.append(Page.trim(Substring(u[lineStart..<end])))
    }
    while i != u.endIndex {
      let b = u[i]
      if b == 0x0A || b == 0x0D {
        emit(i)
        let next = u.index(after: i)
        if b == 0x0D, next != u.endIndex, u[next] == 0x0A { i = u.index(after: next) } else { i = next }
        lineStart = i
      } else {
        i = u.index(after: i)
      }
    }
    if lineStart != u.endIndex { emit(u.endIndex) }
    return out
  }

  /// Removes spaces, tabs, NBSP and other Unicode white space at both ends.
  static func trim(_ s: Substring) -> String {
    var lo = s.unicodeScalars.startIndex
    var hi = s.unicodeScalars.endIndex
    let scalars = s.unicodeScalars
    while lo != hi, scalars[lo].properties.isWhitespace || scalars[lo].value == 0xFEFF { lo = scalars.index(after: lo) }
    while hi != lo {
      let p = scalars.index(before: hi)
      if scalars[p].properties.isWhitespace || scalars[p].value == 0xFEFF { hi = p } else { break }
    }
    return String(scalars[lo..<hi])
  }
}
