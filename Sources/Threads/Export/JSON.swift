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

  /// `{"key": value, ...}` from values already in JSON form, in the order given.
  public static func object(_ fields: KeyValuePairs<String, String>) -> String {
    "{" + fields.map { "\(quote($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
  }

  /// `[...]` with one item a line, indented by `indent` spaces.
  public static func array(_ items: [String], indent: Int) -> String {
    guard !items.isEmpty else { return "[]" }
    let pad = String(repeating: " ", count: indent)
    return "[\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + pad.dropLast() + "]"
  }

  /// A JSON value to be written as a whole document (``Value/pretty()``).
  public indirect enum Value: Sendable, Equatable {
    case string(String)
    /// A number already in JSON form (see `NumberText.json`).
    case number(String)
    case bool(Bool)
    case null
    case array([Value])
    /// Members; written with their keys sorted by byte.
    case object([String: Value])

    /// An integer.
    public static func int<T: BinaryInteger>(_ n: T) -> Value { .number(String(n)) }

    /// The document indented by two spaces a level, keys sorted, a final newline.
    public func pretty() -> String {
      var out = ""
      write(into: &out, indent: "")
      return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
      let inner = indent + "  "
      switch self {
      case .string(let s): out += JSON.quote(s)
      case .number(let n): out += n
      case .bool(let b): out += b ? "true" : "false"
      case .null: out += "null"
      case .array(let items):
        guard !items.isEmpty else { out += "[]"; return }
        out += "[\n"
        for (i, item) in items.enumerated() {
          out += inner
          item.write(into: &out, indent: inner)
          out += i + 1 < items.count ? ",\n" : "\n"
        }
        out += indent + "]"
      case .object(let members):
        guard !members.isEmpty else { out += "{}"; return }
        out += "{\n"
        let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (i, key) in keys.enumerated() {
          out += inner + JSON.quote(key) + ": "
          members[key]!.write(into: &out, indent: inner)
          out += i + 1 < keys.count ? ",\n" : "\n"
        }
        out += indent + "}"
      }
    }
  }
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
