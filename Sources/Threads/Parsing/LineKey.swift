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
    var source = u.count <= 48 && u.contains(where: { $0 >= 0x80 }) ? lowercased(line) : line
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

extension LineKey {
  /// `text.lowercased()`, scalar by scalar as the standard library maps
  /// them, but with ASCII and scalars that no mapping changes copied as bytes.
  static func lowercased(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        out.append(v >= 0x41 && v <= 0x5A ? UInt8(v | 0x20) : UInt8(v))
      } else if scalar.properties.changesWhenLowercased {
        out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else {
        out.append(contentsOf: scalar.utf8)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension StringProtocol {
  /// The words between spaces, as `split(separator: " ")` gives them, found
  /// by bytes. A space that a combining mark (or a prepended sign) joins into
  /// one character is no separator there, so such text goes the Character way.
  var spaceSeparated: [Substring] {
    separated(blanks: false) ?? Substring(self).split(separator: " ")
  }

  /// The words between spaces, tabs and no-break spaces, as splitting the
  /// characters on those three gives them (see `spaceSeparated`).
  var blankSeparated: [Substring] {
    separated(blanks: true) ?? Substring(self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
  }

  /// The words between separators (space; with `blanks`, tab and NBSP too), or
  /// nil when a separator is joined into a larger character.
  private func separated(blanks: Bool) -> [Substring]? {
    let text = Substring(self)
    let utf8 = text.utf8
    var out: [Substring] = []
    var wordStart = utf8.startIndex
    var previous: UInt8 = 0x20
    var i = utf8.startIndex
    while i != utf8.endIndex {
      let b = utf8[i]
      var next = utf8.index(after: i)
      var isSeparator = b == 0x20 || blanks && b == 0x09
      if blanks, b == 0xC2, next != utf8.endIndex, utf8[next] == 0xA0 {
        isSeparator = true
        next = utf8.index(after: next)
      }
      if isSeparator {
        if next != utf8.endIndex, utf8[next] >= 0x80, Self.mayExtend(utf8[next...]) { return nil }
        if previous >= 0x80, Self.endsWithPrepend(utf8[..<i]) { return nil }
        if wordStart != i { out.append(Substring(utf8[wordStart..<i])) }
        wordStart = next
        previous = 0x20
      } else {
        previous = b
      }
      i = next
    }
    if wordStart != utf8.endIndex { out.append(Substring(utf8[wordStart...])) }
    return out
  }

  /// The bytes open with a scalar that may join the character before it
  /// (a mark, a format character, a modifier, or one that Unicode does not name).
  private static func mayExtend(_ bytes: Substring.UTF8View) -> Bool {
    guard let scalar = Substring(bytes).unicodeScalars.first else { return false }
    if scalar.value == 0xE33 || scalar.value == 0xEB3 { return true }  // Thai and Lao AM: spacing marks
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format, .modifierSymbol, .modifierLetter, .unassigned,
      .privateUse, .surrogate, .control:
      return true
    default: return false
    }
  }

  /// The bytes end with a scalar of Grapheme_Cluster_Break=Prepend (Unicode 15),
  /// which joins the character after it.
  private static func endsWithPrepend(_ bytes: Substring.UTF8View) -> Bool {
    guard let scalar = Substring(bytes).unicodeScalars.last else { return false }
    switch scalar.value {
    case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2...0x111C3, 0x1193F,
      0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
      return true
    default: return false
    }
  }
}

extension String {
  /// Whether the string holds `byte` at least `n` times, scanned as a buffer.
  func holds(_ byte: UInt8, atLeast n: Int) -> Bool {
    func scan(_ bytes: some Collection<UInt8>) -> Bool {
      var seen = 0
      for b in bytes where b == byte {
        seen += 1
        if seen >= n { return true }
      }
      return n <= 0
    }
    return utf8.withContiguousStorageIfAvailable(scan) ?? scan(utf8)
  }

  /// Whether a UTF-8 byte of the string satisfies `predicate`, scanned as a buffer.
  @inline(__always)
  func hasByte(where predicate: (UInt8) -> Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
  }
}

/// Byte-level affix and substring tests. Keys are already folded, so the
/// bytes compare exactly; `String.hasPrefix` and `contains` would walk
/// characters with Unicode rules instead, which is many times slower.
extension String {
  func hasBytePrefix(_ prefix: String) -> Bool {
    let n = prefix.utf8.count
    guard utf8.count >= n else { return false }
    return withBytes(prefix) { h, p in
      var i = 0
      while i < n, h[i] == p[i] { i += 1 }
      return i == n
    }
  }

  func hasByteSuffix(_ suffix: String) -> Bool {
    let n = suffix.utf8.count
    guard utf8.count >= n else { return false }
    return withBytes(suffix) { h, s in
      let offset = h.count - n
      var i = n - 1
      while i >= 0, h[offset + i] == s[i] { i -= 1 }
      return i < 0
    }
  }

  /// `body` over the UTF-8 bytes of `self` and of `other`, without copying native strings.
  @inline(__always)
  private func withBytes(_ other: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    if let result = utf8.withContiguousStorageIfAvailable({ h in
      other.utf8.withContiguousStorageIfAvailable { o in body(h, o) }
    }), let result {
      return result
    }
    var a = self
    var b = other
    return a.withUTF8 { h in b.withUTF8 { o in body(h, o) } }
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
    guard hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return self }
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
  /// An item of fewer than two bytes: `mayEnd` can turn no line away.
  private var hasOneByteItem = false
  /// The items of two bytes or more by their two edge bytes (the first two
  /// of a prefix, the last two of a suffix), and those of one byte by it:
  /// positions in `items`, in list order.
  private var byPair: [UInt16: [Int]] = [:]
  private var byByte = [[Int]](repeating: [], count: 256)

  init(_ items: [String], suffixes: Bool) {
    self.items = items
    self.suffixes = suffixes
    for (k, item) in items.enumerated() {
      if let b = suffixes ? item.utf8.last : item.utf8.first { edge[Int(b)] = true }
      if item.utf8.count < 2 { hasOneByteItem = true }
      let ends = Array(suffixes ? item.utf8.suffix(2) : item.utf8.prefix(2))
      if ends.count == 2 {
        byPair[UInt16(ends[0]) << 8 | UInt16(ends[1]), default: []].append(k)
      } else if let b = ends.first {
        byByte[Int(b)].append(k)
      }
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
    return byPair[fold(a) << 8 | fold(b)] != nil
  }

  /// The first item that `key` starts (or ends) with.
  /// Only the items that share the key's edge bytes are compared, in list order.
  func match(_ key: String) -> String? {
    let u = key.utf8
    guard let b = suffixes ? u.last : u.first, edge[Int(b)] else { return nil }
    var pairs: [Int] = []
    if u.count >= 2 {
      let pair = suffixes ? UInt16(u[u.index(u.endIndex, offsetBy: -2)]) << 8 | UInt16(b)
        : UInt16(b) << 8 | UInt16(u[u.index(after: u.startIndex)])
      pairs = byPair[pair] ?? []
    }
    let singles = byByte[Int(b)]
    var i = 0
    var j = 0
    while i < pairs.count || j < singles.count {
      let k: Int
      if j == singles.count || i < pairs.count && pairs[i] < singles[j] {
        k = pairs[i]
        i += 1
      } else {
        k = singles[j]
        j += 1
      }
      if suffixes ? key.hasByteSuffix(items[k]) : key.hasBytePrefix(items[k]) { return items[k] }
    }
    return nil
  }
}

/// A table of listed keys whose lookups mostly end at a bit test: an ASCII
/// key equals a listed (NFC) key only byte for byte, so one whose length and
/// first byte no entry has is turned away unhashed. Other keys, whose
/// canonically equivalent spellings may differ in bytes, go to the dictionary.
struct KeyTable<Value: Sendable>: Sendable {
  let entries: [String: Value]
  /// Bit `length % 64` of word `2 * first + length / 64`, for every ASCII entry under 128 bytes.
  private var shapes = [UInt64](repeating: 0, count: 512)
  /// The longest entry in bytes; a spelling of it is at most three times as long.
  private let longest: Int

  /// `entries`' keys must be NFC, as string literals in this code are.
  init(_ entries: [String: Value]) {
    self.entries = entries
    longest = entries.keys.map(\.utf8.count).max() ?? 0
    for key in entries.keys {
      let n = key.utf8.count
      guard n < 128, let first = key.utf8.first else { continue }
      shapes[2 * Int(first) + n / 64] |= 1 << UInt64(n % 64)
    }
  }

  subscript(key: String) -> Value? {
    let n = key.utf8.count
    guard n <= 3 * longest else { return nil }
    if n < 128, let first = key.utf8.first, shapes[2 * Int(first) + n / 64] & (1 << UInt64(n % 64)) == 0,
      !key.hasByte(where: { $0 >= 0x80 })
    {
      return nil
    }
    return entries[key]
  }
}
