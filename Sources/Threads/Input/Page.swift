/// A scrape decoded to valid UTF-8 and split into lines.
///
/// Decoding (``TextEncoding``) reads UTF-8, UTF-16 and Windows-1252, drops a
/// leading byte-order mark and NUL characters; lines end at LF, CRLF or CR.
struct Page {
  /// What the parser reads: each line of ``shown`` with the spaces and
  /// invisible marks that scrapers copy from a page made plain (see ``plain(_:)``).
  var lines: [String]
  /// Each line as the page printed it, with leading and trailing white space
  /// (including NBSP) removed: what comments and the article quote.
  var shown: [String]
  /// The encoding the bytes were read in.
  var encoding: TextEncoding

  init(bytes: some Collection<UInt8>) {
    let (text, encoding) = TextEncoding.decode(Array(bytes))
    self.encoding = encoding
    shown = Page.split(text)
    lines = shown
    for i in lines.indices {
      if let plain = Page.plain(lines[i]) { lines[i] = plain }
    }
    collapseBlankRuns()
  }

  /// The line of the scrape each line stands for (0-based), when
  /// ``collapseBlankRuns()`` took blank lines out; nil when it took none.
  var sourceLines: [Int]? = nil

  /// A scraper that writes two or more blank lines wherever the page has a
  /// break (every block its own paragraph, then a blank between paragraphs)
  /// doubles every run: when nine in ten runs of blank lines between text
  /// are m >= 2 long or longer, each run loses m - 1 (keeping one at least),
  /// so a run reads as it would have on the page. Runs above the first text
  /// line and below the last stay.
  mutating func collapseBlankRuns() {
    var shortest = Int.max  // of the runs of two or more
    var runs = 0
    var singles = 0
    var run = 0
    var seenText = false
    for line in lines {
      if line.isEmpty {
        run += 1
      } else {
        if seenText, run > 0 {
          runs += 1
          if run == 1 { singles += 1 } else { shortest = min(shortest, run) }
        }
        seenText = true
        run = 0
      }
    }
    guard runs >= 4, singles * 10 <= runs, shortest != Int.max else { return }
    var keptLines: [String] = []
    var keptShown: [String] = []
    var map: [Int] = []
    keptLines.reserveCapacity(lines.count)
    keptShown.reserveCapacity(lines.count)
    map.reserveCapacity(lines.count)
    var i = 0
    while i < lines.count {
      guard lines[i].isEmpty else {
        keptLines.append(lines[i])
        keptShown.append(shown[i])
        map.append(i)
        i += 1
        continue
      }
      var end = i
      while end < lines.count, lines[end].isEmpty { end += 1 }
      // The last max(1, run - (m - 1)) blanks of the run stay.
      let inside = i > 0 && end < lines.count
      let keep = inside ? max(1, end - i - (shortest - 1)) : end - i
      for k in (end - keep)..<end {
        keptLines.append(lines[k])
        keptShown.append(shown[k])
        map.append(k)
      }
      i = end
    }
    lines = keptLines
    shown = keptShown
    sourceLines = map
  }

  /// The 1-based line of the scrape for 1-based `line` of ``lines``.
  func sourceLine(_ line: Int) -> Int {
    guard let sourceLines, line >= 1, line <= sourceLines.count else { return line }
    return sourceLines[line - 1] + 1
  }

  /// Trimmed `line` with every Unicode space (NBSP, thin, narrow,
  /// ideographic) as a plain space and the ``invisible`` format marks
  /// removed; nil when it holds none of them. Joiners between letters or
  /// emoji (U+200C, U+200D) stay: they are part of the writing.
  static func plain(_ line: String) -> String? {
    guard line.utf8.contains(where: mayStartMark) else { return nil }
    var out = String.UnicodeScalarView()
    var changed = false
    for s in line.unicodeScalars {
      if s.value < 0x80 {
        out.append(s)
      } else if invisible.contains(s.value) {
        changed = true
      } else if spaces.contains(s.value) {
        out.append(" ")
        changed = true
      } else {
        out.append(s)
      }
    }
    return changed ? String(out) : nil
  }

  /// The spaces ``plain(_:)`` reads as U+0020: NBSP, en quad to hair space,
  /// narrow NBSP, medium mathematical space, ideographic space.
  static let spaces: Set<UInt32> = [
    0x00A0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000,
  ]

  /// The first bytes of the UTF-8 of every one of ``spaces`` and ``invisible``:
  /// a line with none of them is plain already.
  static func mayStartMark(_ byte: UInt8) -> Bool {
    byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF
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

  /// White space, a byte-order mark or another invisible format mark
  /// (``plain(_:)`` removes them): what `trim` removes.
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x80 ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace || invisible.contains(s.value)
  }

  /// The format marks a page prints without a glyph and that carry no writing.
  static let invisible: Set<UInt32> = [
    0xFEFF, 0x00AD, 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069,
  ]

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
