import Threads

/// Splits text into lower-case word tokens, scanning bytes.
///
/// ASCII words are folded and looked up on the bytes; a run holding
/// any byte of 0x80 or more takes the Unicode path (`String.lowercased()`
/// and scalar properties), once per distinct run of a page (see
/// ``Vocabulary``). Apostrophes, punctuation, symbols and emoji separate
/// words. Han, kana and Hangul text becomes overlapping two-character tokens.
/// Tokens of one letter, all-digit tokens and runs over 64 bytes are dropped.
enum Tokenizer {
  static let maxTokenBytes = 64

  /// Appends the form ids of every token of `text`, in order, to `out`.
  /// - Parameter vocabulary: where the forms are numbered.
  /// - Complexity: O(n) in the UTF-8 length of `text`.
  static func append(_ text: String, to out: inout [Int32], vocabulary: inout Vocabulary) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable {
      scan($0, &out, &vocabulary)
    }
    if done == nil {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { scan($0, &out, &vocabulary) }
    }
  }

  private static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, _ out: inout [Int32], _ vocabulary: inout Vocabulary
  ) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTokenBytes) { folded in
      var i = 0
      let n = bytes.count
      while i < n {
        guard bytes[i].isWordByte else {
          i += 1
          continue
        }
        let start = i
        var unicode = false
        var letters = false
        while i < n, bytes[i].isWordByte {
          let b = bytes[i]
          if b >= 0x80 { unicode = true } else if !b.isASCIIDigit { letters = true }
          if i - start < maxTokenBytes { folded[i - start] = b.asciiLowercased }
          i += 1
        }
        if unicode {
          vocabulary.appendRun(
            UnsafeBufferPointer(rebasing: bytes[start..<i]), to: &out, tokenize: unicodeTokens)
        } else if letters, i - start >= 2, i - start <= maxTokenBytes {
          let token = UnsafeBufferPointer(rebasing: folded[0..<(i - start)])
          out.append(vocabulary.formID(token, hash: TokenInterner.hash(token)))
        }
      }
    }
  }

  /// The slow path: a run of letters and digits holding non-ASCII bytes.
  private static func unicodeTokens(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
    let run = String(decoding: bytes, as: UTF8.self)
    var word = String.UnicodeScalarView()
    var wordHasLetter = false
    var cjk: [Unicode.Scalar] = []

    func flushWord() {
      defer {
        word = String.UnicodeScalarView()
        wordHasLetter = false
      }
      guard wordHasLetter, word.count >= 2 else { return }
      let token = String(word).lowercased()
      if token.utf8.count <= maxTokenBytes { body(token) }
    }
    func flushCJK() {
      defer { cjk.removeAll(keepingCapacity: true) }
      if cjk.count == 1 { body(String(Character(cjk[0]))) }
      guard cjk.count >= 2 else { return }
      for k in 0..<(cjk.count - 1) {
        var pair = String.UnicodeScalarView()
        pair.append(cjk[k])
        pair.append(cjk[k + 1])
        body(String(pair))
      }
    }

    for scalar in run.unicodeScalars {
      if scalar.isCJK {
        flushWord()
        cjk.append(scalar)
        continue
      }
      let props = scalar.properties
      switch props.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark:
        if !word.isEmpty { word.append(scalar) }
        continue
      default: break
      }
      if props.isAlphabetic {
        flushCJK()
        word.append(scalar)
        wordHasLetter = true
      } else if props.numericType != nil {
        flushCJK()
        word.append(scalar)
      } else {
        flushWord()
        flushCJK()
      }
    }
    flushWord()
    flushCJK()
  }
}

extension UInt8 {
  /// An ASCII letter or digit, or any byte of a multi-byte UTF-8 sequence.
  @inline(__always) var isWordByte: Bool {
    self >= 0x80 || isASCIIDigit || (self | 0x20) &- 0x61 < 26
  }
  @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }
  @inline(__always) var asciiLowercased: UInt8 {
    self &- 0x41 < 26 ? self | 0x20 : self
  }
}

extension Unicode.Scalar {
  /// Han ideographs, kana and Hangul syllables: scripts written without
  /// spaces between words, tokenised as character bigrams.
  var isCJK: Bool {
    switch value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
      0xF900...0xFAFF, 0x20000...0x2FA1F:
      true
    default: false
    }
  }

  /// Hiragana and katakana.
  var isKana: Bool { (0x3040...0x30FF).contains(value) }

  /// Hangul syllables.
  var isHangul: Bool { (0xAC00...0xD7AF).contains(value) }
}
