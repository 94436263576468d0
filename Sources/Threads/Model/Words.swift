/// Word counting shared by the model and the metrics.
public enum Words {
  /// The text ends like a sentence: ".", "!", "?" (or their CJK forms), not "...".
  static func endsSentence(_ text: String) -> Bool {
    guard let last = text.unicodeScalars.last else { return false }
    if last == ".", text.hasSuffix("...") { return false }
    return ".!?。！？".unicodeScalars.contains(last)
  }

  /// Number of runs of non-whitespace bytes (space, tab, CR, LF separate words).
  /// - Complexity: O(n) over the UTF-8 bytes.
  public static func count(_ text: String) -> Int {
    var text = text
    return text.withUTF8(count)
  }

  private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // A word starts at each non-space byte after a space (or at the start):
    // eight bytes at a time, each byte's "is a space" flag in its top bit.
    var n = 0
    var afterSpace: UInt64 = 0x80  // the flag of the byte before, in byte 0
    var i = 0
    if let base = bytes.baseAddress {
      while i + 8 <= bytes.count {
        let spaces = spaceFlags(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let before = spaces << 8 | afterSpace
        n &+= (~spaces & before & high).nonzeroBitCount
        afterSpace = spaces >> 56
        i += 8
      }
    }
    var previous = afterSpace != 0
    while i < bytes.count {
      let b = bytes[i]
      let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
      if previous && !space { n &+= 1 }
      previous = space
      i += 1
    }
    return n
  }

  private static let high: UInt64 = 0x8080_8080_8080_8080
  private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// 0x80 in each byte of `word` that is a space, tab, LF or CR; 0 elsewhere.
  @inline(__always) private static func spaceFlags(_ word: UInt64) -> UInt64 {
    @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
    return zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x0909_0909_0909_0909)
      | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
  }
}
