/// A scrape decoded to valid UTF-8 and split into lines.
///
/// Decoding (``TextEncoding``) reads UTF-8, UTF-16 and Windows-1252, drops a
/// leading byte-order mark and NUL characters; lines end at LF, CRLF or CR.
struct Page {
  /// Each line with leading and trailing whitespace (including NBSP) removed.
  var lines: [String]
  /// The encoding the bytes were read in.
  var encoding: TextEncoding

  init(bytes: some Collection<UInt8>) {
    let (text, encoding) = TextEncoding.decode(Array(bytes))
    self.encoding = encoding
    self.lines = Page.split(text)
  }

  static func split(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      var out: [String] = []
      var lineStart = 0
      var i = 0
      var high: UInt8 = 0  // the bits of the line's bytes: ASCII when below 0x80
      // The text is valid UTF-8 and lines end and are trimmed at scalar
      // boundaries, so each line is copied out without a second validation.
      func emit(_ end: Int) {
        let r = trimmed(bytes, lineStart..<end)
        let span = unsafe Span(_unsafeElements: UnsafeBufferPointer(rebasing: bytes[r]))
        out.append(String(copying: unsafe UTF8Span(unchecked: span, isKnownASCII: high < 0x80)))
        high = 0
      }
      let raw = UnsafeRawPointer(bytes.baseAddress)
      while i < bytes.count {
        // Eight bytes at a time while none is a CR or LF.
        if let raw, i + 8 <= bytes.count {
          let word = ByteWord.load(raw, at: i)
          if !ByteWord.mayHold(word, 0x0A), !ByteWord.mayHold(word, 0x0D) {
            if word & ByteWord.highs != 0 { high = 0x80 }
            i += 8
            continue
          }
        }
        let b = bytes[i]
        if b == 0x0A || b == 0x0D {
          emit(i)
          i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
          lineStart = i
        } else {
          high |= b
          i += 1
        }
      }
      if lineStart < bytes.count { emit(bytes.count) }
      return out
    }
  }

  /// `range` of valid UTF-8 without the white space `trim` removes at its ends.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi {
      let b = bytes[lo]
      if b < 0x80 {
        guard isSpace(Unicode.Scalar(b)) else { break }
        lo += 1
      } else {
        var n = 1
        while lo + n < hi, bytes[lo + n] & 0xC0 == 0x80 { n += 1 }
        guard isSpace(scalar(bytes, lo..<(lo + n))) else { break }
        lo += n
      }
    }
    while hi > lo {
      var p = hi - 1
      while p > lo, bytes[p] & 0xC0 == 0x80 { p -= 1 }
      guard isSpace(bytes[p] < 0x80 ? Unicode.Scalar(bytes[p]) : scalar(bytes, p..<hi)) else { break }
      hi = p
    }
    return lo..<hi
  }

  /// The one scalar that `range` of valid UTF-8 encodes.
  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Unicode.Scalar {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).unicodeScalars.first ?? " "
  }

  /// White space or a byte-order mark: what `trim` removes.
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x80 ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace || s.value == 0xFEFF
  }

  /// Removes spaces, tabs, NBSP and other Unicode white space at both ends.
  static func trim(_ s: Substring) -> String {
    var lo = s.unicodeScalars.startIndex
    var hi = s.unicodeScalars.endIndex
    let scalars = s.unicodeScalars
    while lo != hi, isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
    while hi != lo {
      let p = scalars.index(before: hi)
      if isSpace(scalars[p]) { hi = p } else { break }
    }
    return String(scalars[lo..<hi])
  }
}
