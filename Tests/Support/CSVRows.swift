/// A CSV file read back as rows of named cells (RFC 4180: quoted cells,
/// doubled quotes), written apart from the project's writer so tests do not
/// check the writer against itself.
public struct CSVRows {
  /// The first row.
  public let header: [String]
  /// The other rows, each as long as the header.
  public let rows: [[String]]

  /// Reads `text`; nil when a row has another number of cells than the header.
  public init?(_ text: String) {
    var all: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            cell.unicodeScalars.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          cell.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(cell)
        cell = ""
      } else if c == "\n" {
        row.append(cell)
        all.append(row)
        row = []
        cell = ""
      } else {
        cell.unicodeScalars.append(c)
      }
    }
    if !cell.isEmpty || !row.isEmpty { all.append(row + [cell]) }
    guard let header = all.first, all.allSatisfy({ $0.count == header.count }) else { return nil }
    self.header = header
    self.rows = Array(all.dropFirst())
  }

  /// The rows as dictionaries from column name to cell.
  public var records: [[String: String]] {
    rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}
