import Metrics
import Threads

extension CSVTable.Cell {
  /// The cell as a terminal table shows it: unquoted, unguarded.
  var plainText: String {
    switch self {
    case .text(let s), .number(let s): s
    case .integer(let n): String(n)
    case .decimal(let d): d.map(CSVTable.decimal) ?? ""
    }
  }
}

/// Columns padded to line up in a terminal.
enum TextTable {
  /// Renders rows under a header; columns listed in `rightAligned` are numbers.
  static func render(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    var widths = header.map(width)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - width(cell))
        parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
      }
      var text = parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// Terminal columns `text` takes: 2 for wide (CJK, emoji) characters,
  /// 0 for ones made only of marks and format characters, 1 otherwise.
  static func width(_ text: String) -> Int {
    text.reduce(0) { sum, character in
      var visible = false
      for scalar in character.unicodeScalars {
        let p = scalar.properties
        if p.isEmojiPresentation || isWide(scalar.value) { return sum + 2 }
        switch p.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: break
        default: visible = true
        }
      }
      return sum + (visible ? 1 : 0)
    }
  }

  private static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      true
    default: false
    }
  }
}

extension String {
  /// The first `count` words (runs of bytes other than space, tab, CR and LF,
  /// as `Words.count` counts them) joined by single spaces, with control
  /// characters dropped. Reads no further than it needs.
  func firstWords(_ count: Int) -> String {
    let u = utf8
    var words: [Substring] = []
    var i = u.startIndex
    while words.count < count, i != u.endIndex {
      while i != u.endIndex, u[i].isWordSeparator { i = u.index(after: i) }
      let start = i
      while i != u.endIndex, !u[i].isWordSeparator { i = u.index(after: i) }
      if start != i { words.append(Substring(u[start..<i])) }
    }
    var out = String.UnicodeScalarView()
    for scalar in words.joined(separator: " ").unicodeScalars
    where scalar.value >= 0x20 && scalar.value != 0x7F {
      out.append(scalar)
    }
    return String(out)
  }
}

extension UInt8 {
  fileprivate var isWordSeparator: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
