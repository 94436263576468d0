/// Word counting shared by the model and the metrics.
public enum Words {
  /// Number of runs of non-whitespace bytes (space, tab, CR, LF separate words).
  /// - Complexity: O(n) over the UTF-8 bytes.
  public static func count(_ text: String) -> Int {
    text.utf8.withContiguousStorageIfAvailable(count) ?? count(Array(text.utf8))
  }

  private static func count<C: Collection<UInt8>>(_ bytes: C) -> Int {
    var n = 0
    var inWord = false
    for b in bytes {
      let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
      if space { inWord = false } else if !inWord { inWord = true; n += 1 }
    }
    return n
  }
}
