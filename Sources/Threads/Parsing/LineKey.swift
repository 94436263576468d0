/// The matching form of a short line: lower-cased, NBSP and runs of white
/// space turned into one space, so widget and marker vocabularies compare
/// equal across sites and scrapers.
enum LineKey {
  /// Lines longer than this are never widgets, names or markers.
  static let maxBytes = 200

  /// Returns the key of `line`, or nil when the line is too long to be one.
  static func make(_ line: String) -> String? {
    let u = line.utf8
    guard u.count <= maxBytes else { return nil }
    // Short non-ASCII lines may be localised widgets or names: full Unicode
    // lower-casing. Longer ones are prose: ASCII folding on the bytes is enough.
    var source = u.count <= 48 && u.contains(where: { $0 >= 0x80 }) ? line.lowercased() : line
    return source.withUTF8 { src in
      // Folding never lengthens: NBSP (two bytes) and space runs shrink to one space.
      String(unsafeUninitializedCapacity: src.count) { out in
        var n = 0
        var lastSpace = false
        var pendingC2 = false
        for b in src {
          if pendingC2 {
            pendingC2 = false
            if b == 0xA0 {  // NBSP
              if !lastSpace { out[n] = 0x20; n += 1 }
              lastSpace = true
              continue
            }
            out[n] = 0xC2
            n += 1
          }
          if b == 0xC2 {
            pendingC2 = true
            continue
          }
          if b == 0x20 || b == 0x09 {
            if !lastSpace { out[n] = 0x20; n += 1 }
            lastSpace = true
          } else {
            out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            n += 1
            lastSpace = false
          }
        }
        if pendingC2 { out[n] = 0xC2; n += 1 }
        return n
      }
    }
  }
}

/// Word-level helpers over a line key.
extension String {
  /// Words split on spaces.
  var keyWords: [Substring] { split(separator: " ", omittingEmptySubsequences: true) }
}

/// Byte-level affix and substring tests. Keys are already folded, so the
/// bytes compare exactly; `String.hasPrefix` and `contains` would walk
/// characters with Unicode rules instead, which is many times slower.
extension String {
  func hasBytePrefix(_ prefix: String) -> Bool {
    let n = prefix.utf8.count
    guard utf8.count >= n else { return false }
    return utf8.withContiguousStorageIfAvailable { h in
      prefix.utf8.withContiguousStorageIfAvailable { p in h.prefix(n).elementsEqual(p) }
    }.flatMap { $0 } ?? utf8.starts(with: prefix.utf8)
  }

  func hasByteSuffix(_ suffix: String) -> Bool {
    let n = suffix.utf8.count
    guard utf8.count >= n, utf8.last == suffix.utf8.last else { return false }
    return utf8.withContiguousStorageIfAvailable { h in
      suffix.utf8.withContiguousStorageIfAvailable { p in h.suffix(n).elementsEqual(p) }
    }.flatMap { $0 } ?? utf8.suffix(n).elementsEqual(suffix.utf8)
  }

  func containsBytes(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

  /// The UTF-8 offset of the first occurrence of `needle`.
  func byteOffset(of needle: String) -> Int? {
    var haystack = self
    var needle = needle
    return haystack.withUTF8 { h -> Int? in
      needle.withUTF8 { n -> Int? in
        guard let first = n.first else { return 0 }
        guard h.count >= n.count else { return nil }
        var i = 0
        while i <= h.count - n.count {
          if h[i] == first {
            var j = 1
            while j < n.count, h[i + j] == n[j] { j += 1 }
            if j == n.count { return i }
          }
          i += 1
        }
        return nil
      }
    }
  }

  /// The key with each run of ASCII digits folded to one "#": "respect 4"
  /// and "respect 12" read as one line shape.
  var digitsFolded: String {
    guard utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return self }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    var lastDigit = false
    for b in utf8 {
      let digit = b >= 0x30 && b <= 0x39
      if !digit || !lastDigit { out.append(digit ? UInt8(ascii: "#") : b) }
      lastDigit = digit
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// A list of affixes with a table of their first (or last) bytes, so most
/// lines are turned away after one byte.
struct AffixList {
  let items: [String]
  private var edge = [Bool](repeating: false, count: 256)
  private let suffixes: Bool

  /// Last two bytes of each item of two bytes or more.
  private var tails = Set<UInt16>()
  private var hasOneByteItem = false

  init(_ items: [String], suffixes: Bool) {
    self.items = items
    self.suffixes = suffixes
    for item in items {
      if let b = suffixes ? item.utf8.last : item.utf8.first { edge[Int(b)] = true }
      let tail = Array(item.utf8.suffix(2))
      if tail.count == 2 { tails.insert(UInt16(tail[0]) << 8 | UInt16(tail[1])) } else { hasOneByteItem = true }
    }
  }

  /// For a suffix list: whether the key of `line` (a trimmed line, not yet
  /// folded) may end with an item. Its last two bytes, when ASCII, are what
  /// `LineKey` makes of them (lower case, tab as space), so most lines are
  /// turned away before a key is built.
  func mayEnd(_ line: String) -> Bool {
    let tail = line.utf8.suffix(2)
    guard !hasOneByteItem, tail.count == 2, let a = tail.first, let b = tail.last, a < 0x80, b < 0x80
    else { return true }
    func fold(_ c: UInt8) -> UInt16 { UInt16(c == 0x09 ? 0x20 : c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
    return tails.contains(fold(a) << 8 | fold(b))
  }

  /// The first item that `key` starts (or ends) with.
  func match(_ key: String) -> String? {
    guard let b = suffixes ? key.utf8.last : key.utf8.first, edge[Int(b)] else { return nil }
    for item in items where suffixes ? key.hasByteSuffix(item) : key.hasBytePrefix(item) { return item }
    return nil
  }
}
