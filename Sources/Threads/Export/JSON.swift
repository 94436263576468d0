/// Minimal JSON text building with exact key order (the contract's order).
public enum JSON {
  /// A JSON string literal for `s`: quotes, backslashes and control
  /// characters escaped; everything else written as UTF-8.
  public static func quote(_ s: String) -> String {
    var out = [UInt8]()
    out.reserveCapacity(s.utf8.count + 2)
    out.append(0x22)
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    for b in s.utf8 {
      switch b {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
      default: out.append(b)
      }
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }

  /// `quote(s)` or `null`.
  public static func quote(_ s: String?) -> String { s.map { quote($0) } ?? "null" }

  /// An integer or `null`.
  public static func number(_ n: Int?) -> String { n.map(String.init) ?? "null" }
}

extension Discussion {
  /// ``json()`` on one line (JSON Lines): its line breaks are all between
  /// values, since strings escape theirs.
  public func jsonLine() -> String {
    String(decoding: json().utf8.filter { $0 != 0x0A }, as: UTF8.self)
  }

  /// The `threadstat parse --format json` contract (see README), one object,
  /// keys in contract order, plus `author_inferred` and `date_text` on comments.
  public func json() -> String {
    var out = "{\"source\": \(JSON.quote(source)), \"layout\": \(JSON.quote(layout.rawValue)),\n"
    out += " \"article\": {\"title\": \(JSON.quote(article.title)), \"date\": \(JSON.quote(article.date?.iso)), "
    out += "\"text\": \(JSON.quote(article.text)), \"words\": \(article.words)},\n"
    out += " \"comments\": ["
    for (n, c) in comments.enumerated() {
      out += n == 0 ? "\n  " : ",\n  "
      out += "{\"index\": \(c.index), \"author\": \(JSON.quote(c.author)), "
      out += "\"author_inferred\": \(c.authorInferred), \"date\": \(JSON.quote(c.date?.iso)), "
      out += "\"date_text\": \(JSON.quote(c.dateText)), \"parent\": \(JSON.number(c.parent)), "
      out += "\"reply_evidence\": \(JSON.quote(c.replyEvidence?.rawValue)), \"truncated\": \(c.truncated), "
      out += "\"text\": \(JSON.quote(c.text)), \"words\": \(c.words), \"line\": \(c.line)}"
    }
    out += comments.isEmpty ? "],\n" : "\n ],\n"
    out += " \"diagnostics\": ["
    for (n, d) in diagnostics.enumerated() {
      out += n == 0 ? "" : ", "
      out += "{\"line\": \(d.line), \"severity\": \(JSON.quote(d.severity.rawValue)), "
      out += "\"message\": \(JSON.quote(d.message))}"
    }
    out += "]}"
    return out
  }
}
