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
    // Long non-ASCII lines are prose: fold ASCII on the bytes, NBSP to space.
    if !ascii && u.count > 48 { ascii = true }
    var out: [UInt8] = []
    out.reserveCapacity(u.count)
    if ascii {
      var lastSpace = false
      var pendingC2 = false
      for b in u {
        if pendingC2 {
          pendingC2 = false
          if b == 0xA0 {
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
    var s = ""
    var lastSpace = false
    for scalar in line.unicodeScalars {
      if scalar.properties.isWhitespace {
        if !lastSpace { s.unicodeScalars.append(" ") }
        lastSpace = true
      } else {
        s.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        lastSpace = false
      }
    }
    return s
  }
}

/// Word-level helpers over a line key.
extension String {
  /// Words split on spaces.
  var keyWords: [Substring] { split(separator: " ", omittingEmptySubsequences: true) }
}
