/// A CSV file built row by row (RFC 4180 quoting, "\n" line ends, UTF-8).
/// A writer streaming it to a file takes the bytes out as they grow
/// (``takeBytes()``), so a large table is never held whole.
///
/// Spreadsheet-safe: a text cell that starts with `=`, `+`, `-` or `@` gets a
/// leading `'`, so a commenter named "=HYPERLINK(...)" stays text.
public struct CSVTable: Sendable {
  /// The bytes of the rows appended and not yet taken.
  public private(set) var bytes: [UInt8] = []

  /// A table whose first row is `header`.
  public init(header: [String]) {
    append(header.map { .text($0) })
  }

  /// The bytes of the rows appended since the last call; empties the table.
  public mutating func takeBytes() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }

  /// One cell.
  public enum Cell: Sendable {
    /// Text, guarded against spreadsheet formulas and quoted when needed.
    case text(String)
    case integer(Int)
    /// Written with up to 6 decimals; nil or non-finite leaves the cell empty.
    case decimal(Double?)
    /// A number the caller formatted ("0.250", "-1.5" or "" for none), written as it is.
    case number(String)
  }

  /// Appends one row.
  public mutating func append(_ row: [Cell]) {
    for (i, cell) in row.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      switch cell {
      case .text(let s): appendText(s)
      case .integer(let n): bytes.append(contentsOf: String(n).utf8)
      case .number(let s): bytes.append(contentsOf: s.utf8)
      case .decimal(let d):
        if let d, d.isFinite { Self.appendDecimal(d, to: &bytes) }
      }
    }
    bytes.append(0x0A)
  }

  /// `value` rounded to 6 decimals, without trailing zeros ("0.25", "1", "-0.000001").
  public static func decimal(_ value: Double) -> String {
    var bytes: [UInt8] = []
    appendDecimal(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text of ``decimal(_:)`` to `bytes`, digit by digit.
  private static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
    let scaled = (value * 1_000_000).rounded()
    if scaled == 0 { return bytes.append(UInt8(ascii: "0")) }
    if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = Int64(abs(scaled))
    appendDigits(magnitude / 1_000_000, count: nil, to: &bytes)
    var fraction = magnitude % 1_000_000
    guard fraction != 0 else { return }
    var digits = 6
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    bytes.append(UInt8(ascii: "."))
    appendDigits(fraction, count: digits, to: &bytes)
  }

  /// Appends the decimal digits of `n` (not negative), left-padded with
  /// zeros to `count` digits when given.
  private static func appendDigits(_ n: Int64, count: Int?, to bytes: inout [UInt8]) {
    var width = 1
    var limit: Int64 = 10
    while width < 19, n >= limit {
      width += 1
      limit &*= 10
    }
    width = max(width, count ?? 0)
    let end = bytes.count + width
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    var rest = n
    var i = end
    while rest > 0 {
      i -= 1
      bytes[i] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
  }

  private mutating func appendText(_ s: String) {
    var text = s
    if let first = text.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+")
      || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
    {
      text = "'" + text
    }
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    if !needsQuotes {
      bytes.append(contentsOf: text.utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for b in text.utf8 {
      if b == UInt8(ascii: "\"") { bytes.append(b) }
      bytes.append(b)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
