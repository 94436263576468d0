/// The encodings a scrape is read in, told from its bytes alone.
///
/// - UTF-8, with or without a byte-order mark, is read as is.
/// - UTF-16 is told by its byte-order mark or, without one, by NUL bytes in
///   every other position of the first ``sniffLength`` bytes (the high bytes
///   of mostly-ASCII text): NULs in over half of one set of positions and
///   in at most 1% of the other.
/// - Anything else that is not valid UTF-8 keeps its valid UTF-8 sequences,
///   and every other byte is read as Windows-1252 (the superset of Latin-1
///   that Western pages were written in). The five bytes Windows-1252 leaves
///   unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD rather than
///   C1 control characters.
///
/// NUL characters are dropped in every encoding.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
  case utf8 = "UTF-8"
  case utf16LE = "UTF-16LE"
  case utf16BE = "UTF-16BE"
  case windows1252 = "Windows-1252"

  /// How many leading bytes the UTF-16 and text tests look at (64 KiB).
  public static let sniffLength = 1 << 16

  /// The largest share, in percent, of control characters (NUL and the
  /// other C0 controls but tab, LF, FF and CR, and DEL) in the first
  /// ``sniffLength`` bytes of a text; more, and the bytes are not text.
  public static let maxControlPercent = 1

  /// The warning a page read in this encoding gets; nil for UTF-8.
  public var warning: String? {
    switch self {
    case .utf8: nil
    case .utf16LE, .utf16BE: "decoded as \(rawValue)"
    case .windows1252: "not valid UTF-8: invalid bytes decoded as Windows-1252"
    }
  }

  /// The encoding `bytes` are read in, as ``decode(_:)`` tells it.
  /// - Complexity: O(n).
  public static func detect(_ bytes: [UInt8]) -> TextEncoding { decode(bytes).encoding }

  /// Whether `bytes` look like text: at most ``maxControlPercent`` percent
  /// of the first ``sniffLength`` bytes (of UTF-16 text: code units) are
  /// control characters.
  /// - Complexity: O(1): at most ``sniffLength`` bytes are read.
  public static func isText(_ bytes: [UInt8]) -> Bool {
    let span = bytes.span
    let end = min(span.count, sniffLength)
    var controls = 0
    var characters = 0
    if let (encoding, start) = utf16(bytes, hasNULs: true) {
      var i = start
      while i + 1 < end {
        let unit = unit(span[i], span[i + 1], littleEndian: encoding == .utf16LE)
        if unit < 0x80, UInt8(unit).isControl { controls += 1 }
        characters += 1
        i += 2
      }
    } else {
      for i in 0..<end where span[i].isControl { controls += 1 }
      characters = end
    }
    return controls * 100 <= characters * maxControlPercent
  }

  /// Decodes a scrape to text.
  /// - Returns: the text, without NUL characters or a leading byte-order
  ///   mark, and the encoding it was read in. Valid UTF-8 is validated once
  ///   and copied once.
  /// - Complexity: O(n).
  static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding) {
    let hasNULs = bytes.contains(0)
    if let (encoding, start) = utf16(bytes, hasNULs: hasNULs) {
      return (utf16Text(bytes, from: start, littleEndian: encoding == .utf16LE), encoding)
    }
    let body = utf8Body(bytes, hasNULs: hasNULs)
    if let valid = try? UTF8Span(validating: body.span) { return (String(copying: valid), .utf8) }
    return (windows1252Text(body), .windows1252)
  }

  /// UTF-16 byte order and where the text starts (past a byte-order mark),
  /// or nil when `bytes` are not UTF-16.
  /// - Parameter hasNULs: false when `bytes` hold no NUL, so that only a
  ///   byte-order mark can make them UTF-16 (valid UTF-8 skips the count).
  private static func utf16(_ bytes: [UInt8], hasNULs: Bool) -> (TextEncoding, start: Int)? {
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
    guard hasNULs, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
    let span = bytes.span
    let pairs = min(span.count, sniffLength) / 2
    guard pairs > 0 else { return nil }
    var evenNULs = 0
    var oddNULs = 0
    for p in 0..<pairs {
      if span[2 * p] == 0 { evenNULs += 1 }
      if span[2 * p + 1] == 0 { oddNULs += 1 }
    }
    if oddNULs * 2 > pairs, evenNULs * 100 <= pairs { return (.utf16LE, 0) }
    if evenNULs * 2 > pairs, oddNULs * 100 <= pairs { return (.utf16BE, 0) }
    return nil
  }

  @inline(__always)
  private static func unit(_ a: UInt8, _ b: UInt8, littleEndian: Bool) -> UInt16 {
    littleEndian ? UInt16(b) << 8 | UInt16(a) : UInt16(a) << 8 | UInt16(b)
  }

  /// `bytes` without a UTF-8 byte-order mark and NUL bytes.
  private static func utf8Body(_ bytes: [UInt8], hasNULs: Bool) -> [UInt8] {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    if hasNULs { body.removeAll { $0 == 0 } }
    return body
  }

  /// UTF-16 code units to text: lone surrogates and an odd last byte become
  /// U+FFFD.
  private static func utf16Text(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> String {
    let span = bytes.span
    var out: [UInt8] = []
    out.reserveCapacity(span.count / 2 * 3)
    func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
    var i = start
    while i + 1 < span.count {
      let unit = unit(span[i], span[i + 1], littleEndian: littleEndian)
      i += 2
      switch unit {
      case 0: continue
      case 1..<0x80: out.append(UInt8(unit))
      case 0xD800..<0xDC00:
        guard i + 1 < span.count,
          case let low = Self.unit(span[i], span[i + 1], littleEndian: littleEndian),
          (0xDC00..<0xE000).contains(low)
        else {
          append("\u{FFFD}")
          continue
        }
        i += 2
        let value = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00))
        append(Unicode.Scalar(value) ?? "\u{FFFD}")
      default: append(Unicode.Scalar(unit) ?? "\u{FFFD}")
      }
    }
    if i < span.count { append("\u{FFFD}") }
    return String(decoding: out, as: UTF8.self)
  }

  /// Valid UTF-8 sequences as they are, every other byte as Windows-1252.
  private static func windows1252Text(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 2)
    let span = bytes.span
    var position = 0
    while position < span.count {
      do throws(UTF8.ValidationError) {
        _ = try UTF8Span(validating: span.extracting(position...))
        out.append(contentsOf: bytes[position...])
        break
      } catch {
        let bad = error.byteOffsets
        let invalid = (position + bad.lowerBound)..<(position + bad.upperBound)
        out.append(contentsOf: bytes[position..<invalid.lowerBound])
        for byte in bytes[invalid] {
          let value = (0x80...0x9F).contains(byte) ? windows1252C1[Int(byte - 0x80)] : UInt16(byte)
          UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { out.append($0) }
        }
        position = invalid.upperBound
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// What Windows-1252 puts at 0x80-0x9F; U+FFFD where it assigns nothing.
  private static let windows1252C1: [UInt16] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]
}

extension UInt8 {
  /// A control character that has no place in a text scrape: NUL, the C0
  /// controls other than tab, LF, FF and CR, and DEL.
  @inline(__always) fileprivate var isControl: Bool {
    (self < 0x20 && self != 0x09 && self != 0x0A && self != 0x0C && self != 0x0D) || self == 0x7F
  }
}
