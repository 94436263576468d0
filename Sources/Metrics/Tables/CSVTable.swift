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
        if let d, d.isFinite { bytes.append(contentsOf: Self.decimal(d).utf8) }
      }
    }
    bytes.append(0x0A)
  }

  /// `value` rounded to 6 decimals, without trailing zeros ("0.25", "1", "-0.000001").
  public static func decimal(_ value: Double) -> String {
    let scaled = (value * 1_000_000).rounded()
    if scaled == 0 { return "0" }
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    var fraction = String(magnitude % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.utf8.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let whole = String(magnitude / 1_000_000)
    return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
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
