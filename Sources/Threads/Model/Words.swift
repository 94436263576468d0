/// Word counting shared by the model and the metrics.
public enum Words {
  /// Number of runs of non-whitespace bytes (space, tab, CR, LF separate words).
  /// - Complexity: O(n) over the UTF-8 bytes.
  public static func count(_ text: String) -> Int {
    var text = text
    return text.withUTF8(count)
  }

  private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    var inWord = false
    for b in bytes {
      let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
      if space { inWord = false } else if !inWord { inWord = true; n += 1 }
    }
    return n
  }
}
