/// Number formatting for text and CSV output, without Foundation.
public enum NumberText {
  /// `x` with `places` digits after the point ("0.250", "-1.500"); "" for nil or NaN.
  public static func fixed(_ x: Double?, _ places: Int = 3) -> String {
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
  public static func json(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "null" }
    return x.description
  }
}
