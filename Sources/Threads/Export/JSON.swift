/// Minimal JSON text building with exact key order (the contract's order).
public enum JSON {
  /// A JSON string literal for `s`: quotes, backslashes and control
  /// characters escaped; everything else written as UTF-8.
  public static func quote(_ s: String) -> String {
    var out = JSONBytes()
    out.string(s)
    return out.text
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
  public func jsonLine() -> String { String(decoding: jsonLineBytes(), as: UTF8.self) }

  /// ``jsonLine()`` as UTF-8 bytes.
  public func jsonLineBytes() -> [UInt8] {
    var bytes = jsonBytes()
    bytes.removeAll { $0 == 0x0A }
    return bytes
  }

  /// The `threadstat parse --format json` contract (see README), one object,
  /// keys in contract order, plus `author_inferred` and `date_text` on comments.
  public func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

  /// ``json()`` as UTF-8 bytes, without the copy into a `String`.
  public func jsonBytes() -> [UInt8] {
    var out = JSONBytes()
    out.reserve(article.text.utf8.count + comments.reduce(0) { $0 + $1.text.utf8.count + ($1.author?.utf8.count ?? 0) + 280 })
    out.raw("{\"source\": "); out.string(source)
    out.raw(", \"layout\": "); out.string(layout.rawValue)
    out.raw(",\n \"article\": {\"title\": "); out.string(article.title)
    out.raw(", \"date\": "); out.string(article.date?.iso)
    out.raw(", \"text\": "); out.string(article.text)
    out.raw(", \"words\": "); out.int(article.words)
    out.raw("},\n \"comments\": [")
    for (n, c) in comments.enumerated() {
      out.raw(n == 0 ? "\n  " : ",\n  ")
      out.raw("{\"index\": "); out.int(c.index)
      out.raw(", \"author\": "); out.string(c.author)
      out.raw(", \"author_inferred\": "); out.bool(c.authorInferred)
      out.raw(", \"date\": "); out.string(c.date?.iso)
      out.raw(", \"date_text\": "); out.string(c.dateText)
      out.raw(", \"parent\": "); out.int(c.parent)
      out.raw(", \"reply_evidence\": "); out.string(c.replyEvidence?.rawValue)
      out.raw(", \"truncated\": "); out.bool(c.truncated)
      out.raw(", \"text\": "); out.string(c.text)
      out.raw(", \"words\": "); out.int(c.words)
      out.raw(", \"line\": "); out.int(c.line)
      out.raw("}")
    }
    out.raw(comments.isEmpty ? "],\n" : "\n ],\n")
    out.raw(" \"diagnostics\": [")
    for (n, d) in diagnostics.enumerated() {
      out.raw(n == 0 ? "{\"line\": " : ", {\"line\": "); out.int(d.line)
      out.raw(", \"severity\": "); out.string(d.severity.rawValue)
      out.raw(", \"message\": "); out.string(d.message)
      out.raw("}")
    }
    out.raw("]}")
    return out.bytes
  }
}

/// JSON text built as UTF-8 bytes: strings escaped in runs, no `String` per value.
public struct JSONBytes {
  /// The bytes so far.
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// The bytes as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Room for `count` more bytes.
  public mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

  /// Bytes already in JSON form.
  public mutating func raw(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// An integer, or `null`.
  public mutating func int(_ n: Int?) {
    guard let n else { return raw("null") }
    bytes.append(contentsOf: String(n).utf8)
  }

  /// `true` or `false`.
  public mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

  /// A string literal (quotes, backslashes and control characters escaped), or `null`.
  public mutating func string(_ s: String?) {
    guard var s else { return raw("null") }
    bytes.append(0x22)
    s.withUTF8 { escape($0) }
    bytes.append(0x22)
  }

  /// Appends `text` with the bytes JSON must escape escaped; runs of plain bytes are copied whole.
  private mutating func escape(_ text: UnsafeBufferPointer<UInt8>) {
    var run = 0
    var i = 0
    let raw = UnsafeRawPointer(text.baseAddress)
    while i < text.count {
      // Eight bytes at a time while none needs escaping.
      if let raw, i + 8 <= text.count {
        let word = ByteWord.load(raw, at: i)
        if !ByteWord.mayHoldBelow(word, 0x20), !ByteWord.mayHold(word, 0x22), !ByteWord.mayHold(word, 0x5C) {
          i += 8
          continue
        }
      }
      let b = text[i]
      i += 1
      guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
      let at = i - 1
      if run < at { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<at])) }
      run = at + 1
      switch b {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      default:
        let hex: StaticString = "0123456789abcdef"
        let h = hex.utf8Start
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, h[Int(b >> 4)], h[Int(b & 0xF)]])
      }
    }
    if run < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...])) }
  }
}
