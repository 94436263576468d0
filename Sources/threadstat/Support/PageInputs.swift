import Metrics
import Threads

/// Scrapes read, parsed and measured for the metrics subcommands.
enum PageInputs {
  /// Reads and analyses every file, in order. All files are read before
  /// anything is written, so an unreadable file stops the run with no output.
  /// - Throws: `SourceFile.ReadError` naming the first file that cannot be read.
  static func load(_ paths: [String]) throws -> [(discussion: Discussion, analysis: PageAnalysis)] {
    try paths.map { path in
      let discussion = Discussion(parsing: try SourceFile.read(path), source: path)
      return (discussion, PageAnalysis(discussion))
    }
  }
}

/// Number formatting for text and CSV output, without Foundation.
enum NumberText {
  /// `x` with `places` digits after the point ("0.250", "-1.500"); "" for nil or NaN.
  static func fixed(_ x: Double?, _ places: Int = 3) -> String {
    guard let x, x.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    let whole = Int((scaled / scale).rounded(.down))
    let frac = Int(scaled - Double(whole) * scale)
    let sign = x < 0 && scaled > 0 ? "-" : ""
    guard places > 0 else { return "\(sign)\(whole)" }
    let digits = String(frac)
    return "\(sign)\(whole)." + String(repeating: "0", count: places - digits.count) + digits
  }

  /// A JSON number: `description` for finite values, `null` otherwise.
  static func json(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "null" }
    return x.description
  }
}

/// Comma-separated values (RFC 4180).
enum CSV {
  /// One line: fields quoted when they hold a comma, quote or line break.
  static func row(_ fields: [String]) -> String {
    fields.map { field in
      guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
      else { return field }
      var quoted = "\""
      for ch in field.unicodeScalars {
        if ch == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(ch) }
      }
      return quoted + "\""
    }.joined(separator: ",")
  }
}

/// Columns padded to line up in a terminal.
enum TextTable {
  /// Renders rows under a header; columns listed in `rightAligned` are numbers.
  static func render(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
      }
      var text = parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}

extension String {
  /// The first `count` whitespace-separated words, joined by single spaces,
  /// with control characters dropped.
  func firstWords(_ count: Int) -> String {
    var words: [Substring] = []
    for word in split(whereSeparator: { $0.isWhitespace }) {
      words.append(word)
      if words.count == count { break }
    }
    return String(words.joined(separator: " ").unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
  }
}
