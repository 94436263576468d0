/// Where a scrape's outputs go below the output folder.
///
/// The relative path of the input is kept readable, but every component is
/// made safe: "." and ".." cannot climb out, control characters and the
/// characters other systems forbid (`\ : * ? " < > |`) become "_", and over-long
/// names are shortened. When anything had to change, a short hash of the
/// original path is added so two odd names never land on the same file.
enum OutputPaths {
  /// The longest component kept as is, in UTF-8 bytes (file systems allow 255).
  static let maxComponentBytes = 200

  /// `pages/<safe relative path><suffix>`.
  static func page(_ relativePath: String, suffix: String) -> String {
    "pages/" + safe(relativePath) + suffix
  }

  /// `relativePath` with every component made safe, "/"-separated.
  static func safe(_ relativePath: String) -> String {
    var changed = false
    var parts: [String] = []
    for component in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
      if component.isEmpty {
        changed = true
        continue
      }
      var cleaned = ""
      for scalar in component.unicodeScalars {
        if scalar.value < 0x20 || scalar.value == 0x7F || "\\:*?\"<>|".unicodeScalars.contains(scalar)
          || scalar.value == 0xFFFD
        {
          cleaned.unicodeScalars.append("_")
          changed = true
        } else {
          cleaned.unicodeScalars.append(scalar)
        }
      }
      if cleaned == "." || cleaned == ".." {
        cleaned = "_" + cleaned
        changed = true
      }
      if cleaned.utf8.count > maxComponentBytes {
        cleaned = truncated(cleaned)
        changed = true
      }
      parts.append(cleaned)
    }
    if parts.isEmpty {
      parts = ["_"]
      changed = true
    }
    if changed {
      parts[parts.count - 1] += "~" + String(XXH64.hex(XXH64.hash(Array(relativePath.utf8))).prefix(8))
    }
    return parts.joined(separator: "/")
  }

  private static func truncated(_ s: String) -> String {
    var out = ""
    var bytes = 0
    for scalar in s.unicodeScalars {
      let n = String(scalar).utf8.count
      if bytes + n > maxComponentBytes - 20 { break }
      out.unicodeScalars.append(scalar)
      bytes += n
    }
    return out
  }
}
