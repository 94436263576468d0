/// Word counting shared by the model and the metrics.
public enum Words {
  /// Number of runs of non-whitespace bytes (space, tab, CR, LF separate words).
  /// - Complexity: O(n) over the UTF-8 bytes.
  public static func count(_ text: String) -> Int {
    var text = text
    return text.withUTF8(count)
  }

  private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Branch-free: a word starts at each non-space byte after a space.
    var n = 0
    var afterSpace = 1
    for b in bytes {
      let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D ? 1 : 0
      n &+= afterSpace & (space ^ 1)
      afterSpace = space
    }
    return n
  }
}
