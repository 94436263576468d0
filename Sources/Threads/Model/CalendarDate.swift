/// A calendar day, as found on a page; no time zone, no time of day.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// Returns nil unless the fields name a real day between years 1000 and 9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1000...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// "YYYY-MM-DD".
  public var iso: String {
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
      func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
      }
      return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    func digit(_ v: Int) -> UInt8 { UInt8(truncatingIfNeeded: v % 10) + 0x30 }
    // Ten bytes: a small string, no allocation.
    return String(unsafeUninitializedCapacity: 10) { out in
      out[0] = digit(year / 1000); out[1] = digit(year / 100); out[2] = digit(year / 10); out[3] = digit(year)
      out[4] = 0x2D; out[5] = digit(month / 10); out[6] = digit(month)
      out[7] = 0x2D; out[8] = digit(day / 10); out[9] = digit(day)
      return 10
    }
  }

  public var description: String { iso }

  /// Seconds since 1970-01-01T00:00:00Z at midnight UTC of this day.
  public var epochSeconds: Int64 { Int64(daysSinceEpoch) * 86_400 }

  /// Days since 1970-01-01 (proleptic Gregorian calendar).
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
