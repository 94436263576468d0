/// Author names as keys for matching the same person across pages.
public enum AuthorName {
  /// The matching key of a name: white space trimmed and collapsed to one
  /// space, lower-cased, in Unicode NFC. Empty for a blank name.
  ///
  /// "  Zoë   Smith", "ZOË SMITH" and "Zoe\u{308} smith" share a key.
  public static func normalized(_ name: String) -> String {
    String(decoding: display(name).lowercased()._nfcCodeUnits, as: UTF8.self)
  }

  /// The name as shown: control characters dropped, white space trimmed
  /// and inner runs collapsed to one space.
  public static func display(_ name: String) -> String {
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
}
