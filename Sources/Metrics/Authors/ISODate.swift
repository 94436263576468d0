import Threads

/// `CalendarDate` is not Codable; Metrics stores dates as "YYYY-MM-DD".
enum ISODate {
  /// Parses "YYYY-MM-DD"; nil when the text is not one real day.
  static func parse(_ text: String) -> CalendarDate? {
    let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2
    else { return nil }
    var fields: [Int] = []
    for part in parts {
      var v = 0
      for b in part {
        guard b.isASCIIDigit else { return nil }
        v = v * 10 + Int(b - 0x30)
      }
      fields.append(v)
    }
    return CalendarDate(year: fields[0], month: fields[1], day: fields[2])
  }

  /// Decodes an optional date stored as an ISO string.
  static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> CalendarDate? {
    guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let date = parse(text) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: c, debugDescription: "not a YYYY-MM-DD date: \(text)")
    }
    return date
  }
}
