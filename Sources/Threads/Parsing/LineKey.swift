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
    var ascii = true
    for b in u where b >= 0x80 { ascii = false; break }
    // Short non-ASCII lines may be localised widgets or names: full Unicode
    // lower-casing. Longer ones are prose: ASCII folding on the bytes is enough.
    let source = !ascii && u.count <= 48 ? line.lowercased() : line
    var out: [UInt8] = []
    out.reserveCapacity(source.utf8.count)
    var lastSpace = false
    var pendingC2 = false
    for b in source.utf8 {
      if pendingC2 {
        pendingC2 = false
        if b == 0xA0 {  // NBSP
          if !lastSpace { out.append(0x20) }
          lastSpace = true
          continue
        }
        out.append(0xC2)
      }
      if b == 0xC2 {
        pendingC2 = true
        continue
      }
      if b == 0x20 || b == 0x09 {
        if !lastSpace { out.append(0x20) }
        lastSpace = true
      } else {
        out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        lastSpace = false
      }
    }
    if pendingC2 { out.append(0xC2) }
    return String(decoding: out, as: UTF8.self)
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
    let n = Array(needle.utf8)
    guard let first = n.first else { return 0 }
    var copy = self
    return copy.withUTF8 { h -> Int? in
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

/// A list of affixes with a table of their first (or last) bytes, so most
/// lines are turned away after one byte.
struct AffixList {
  let items: [String]
  private var edge = [Bool](repeating: false, count: 256)
  private let suffixes: Bool

  init(_ items: [String], suffixes: Bool) {
    self.items = items
    self.suffixes = suffixes
    for item in items {
      if let b = suffixes ? item.utf8.last : item.utf8.first { edge[Int(b)] = true }
    }
  }

  /// The first item that `key` starts (or ends) with.
  func match(_ key: String) -> String? {
    guard let b = suffixes ? key.utf8.last : key.utf8.first, edge[Int(b)] else { return nil }
    for item in items where suffixes ? key.hasByteSuffix(item) : key.hasBytePrefix(item) { return item }
    return nil
  }
}
