import Threads

/// Stores an optional `CalendarDate` (which is not Codable) as "YYYY-MM-DD",
/// or null, so the types holding dates can synthesise their Codable conformance.
@propertyWrapper
public struct ISODateCoded: Sendable, Equatable, Codable {
  /// The date.
  public var wrappedValue: CalendarDate?

  /// Wraps `wrappedValue`.
  public init(wrappedValue: CalendarDate?) { self.wrappedValue = wrappedValue }

  /// Reads "YYYY-MM-DD" or null.

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      wrappedValue = nil
      return
    }
    let text = try c.decode(String.self)
    guard let date = Self.parse(text) else {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(text)")
    }
    wrappedValue = date
  }

  /// Writes "YYYY-MM-DD" or null.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    if let date = wrappedValue { try c.encode(date.iso) } else { try c.encodeNil() }
  }

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
}

/// Stores a list of `CalendarDate`s as a list of "YYYY-MM-DD".
@propertyWrapper
public struct ISODaysCoded: Sendable, Equatable, Codable {
  /// The dates.
  public var wrappedValue: [CalendarDate]

  /// Wraps `wrappedValue`.
  public init(wrappedValue: [CalendarDate]) { self.wrappedValue = wrappedValue }

  /// Reads a list of "YYYY-MM-DD".
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    wrappedValue = try c.decode([ISODateCoded].self).compactMap(\.wrappedValue)
  }

  /// Writes a list of "YYYY-MM-DD".
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(wrappedValue.map(ISODateCoded.init(wrappedValue:)))
  }
}
