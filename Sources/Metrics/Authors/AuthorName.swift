/// Author names as keys for matching the same person across pages.
///
/// ASCII names are cleaned on their bytes; others take the Unicode path
/// (scalar properties, `lowercased()`, NFC). Both give the same result on
/// ASCII, where white space is tab to carriage return and space, and the
/// other bytes below 0x20, and 0x7F, are control characters.
public enum AuthorName {
  /// The matching key of a name: white space trimmed and collapsed to one
  /// space, lower-cased, in Unicode NFC. Empty for a blank name.
  ///
  /// "  Zoë   Smith", "ZOË SMITH" and "Zoe\u{308} smith" share a key.
  public static func normalized(_ name: String) -> String {
    if let key = cleanedASCII(name, lowercase: true) { return key }
    return String(decoding: display(name).lowercased()._nfcCodeUnits, as: UTF8.self)
  }

  /// Keys (``normalized(_:)``) of the names sites show for no one in
  /// particular: guests, anonymous and deleted accounts. Each page's are
  /// its own author (``key(_:onPage:)``), never one person across pages.
  public static let placeholders: Set<String> = [
    "guest", "gast", "invité", "anonymous", "anonym", "anonyme", "anonimo", "anónimo", "anon",
    "deleted", "[deleted]", "removed", "[removed]", "unknown", "deleted user",
  ]

  /// The key an author is matched by across pages: ``normalized(_:)``, or for
  /// a placeholder name that key with the page's source, "guest @ page.txt".
  public static func key(_ name: String, onPage source: String) -> String {
    let key = normalized(name)
    return placeholders.contains(key) ? key + " @ " + source : key
  }

  /// The name as shown: control characters dropped, white space trimmed
  /// and inner runs collapsed to one space.
  public static func display(_ name: String) -> String {
    if let shown = cleanedASCII(name, lowercase: false) { return shown }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in name.unicodeScalars {
      if scalar.properties.isWhitespace || scalar.value == 0xFEFF {
        pendingSpace = !out.isEmpty
      } else if scalar.properties.generalCategory == .control {
        continue
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// ``display(_:)`` of an ASCII name, lower-cased when asked (which is then
  /// ``normalized(_:)``); nil when the name holds a byte of 0x80 or more.
  private static func cleanedASCII(_ name: String, lowercase: Bool) -> String? {
    var name = name
    return name.withUTF8 { bytes -> String? in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
        var count = 0
        var pendingSpace = false
        for b in bytes {
          if b >= 0x80 { return nil }
          if b == 0x20 || b &- 0x09 < 5 {
            pendingSpace = count > 0
          } else if b >= 0x20 && b != 0x7F {
            if pendingSpace {
              out[count] = 0x20
              count += 1
            }
            pendingSpace = false
            out[count] = lowercase ? b.asciiLowercased : b
            count += 1
          }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: out[0..<count]), as: UTF8.self)
      }
    }
  }
}
