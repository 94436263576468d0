import Metrics

/// XHTML and SVG text built by appending: elements closed as XML wants them,
/// text and attributes escaped, characters XML 1.0 forbids dropped, so every
/// chart is well-formed XML and the whole page reads as XML too.
struct Markup {
  private(set) var text = ""

  /// `s` with `&`, `<`, `>`, `"` and `'` escaped and forbidden characters dropped.
  static func escape(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
      case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
      case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
      case 0x22: out.append(contentsOf: "&quot;".unicodeScalars)
      case 0x27: out.append(contentsOf: "&#39;".unicodeScalars)
      case 0x09, 0x0A, 0x0D: out.append(scalar)
      case 0..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: continue
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// A coordinate with one decimal ("12.5", "-3.0"); 0 for a non-finite value.
  static func number(_ x: Double) -> String {
    x.isFinite ? NumberText.fixed(x, 1) : "0"
  }

  /// Appends raw markup.
  mutating func raw(_ s: String) { text += s }

  /// Appends escaped text.
  mutating func text(_ s: String) { text += Self.escape(s) }

  /// `<name a="v"...>` then `body`, then `</name>`.
  mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout Markup) -> Void) {
    open(name, attributes)
    body(&self)
    text += "</\(name)>"
  }

  /// `<name a="v"...>text</name>`.
  mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
    open(name, attributes)
    text += Self.escape(content) + "</\(name)>"
  }

  /// `<name a="v".../>`.
  mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    text += "<" + name + Self.attributes(attributes) + "/>"
  }

  private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
    text += "<" + name + Self.attributes(attributes) + ">"
  }

  private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
    attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
  }
}
