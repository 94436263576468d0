import Metrics
import Testing

@Suite struct CSVTableTests {
  @Test func quotesWhatNeedsQuoting() {
    var table = CSVTable(header: ["name", "n", "x"])
    table.append([.text("Smith, \"Jo\"\nJr"), .integer(3), .decimal(0.1234567)])
    table.append([.text("=cmd()"), .integer(-1), .decimal(nil)])
    table.append([.text("plain"), .integer(0), .decimal(.nan)])
    table.append([.text("-5 pts"), .number("-0.250"), .number("")])
    let text = String(decoding: table.bytes, as: UTF8.self)
    #expect(text == "name,n,x\n\"Smith, \"\"Jo\"\"\nJr\",3,0.123457\n'=cmd(),-1,\nplain,0,\n'-5 pts,-0.250,\n")
  }

  @Test(arguments: [(0.5, "0.5"), (1.0, "1"), (-0.0000004, "0"), (-2.25, "-2.25"), (12.0000005, "12.000001")])
  func decimals(value: Double, text: String) {
    #expect(CSVTable.decimal(value) == text)
  }

  @Test("decimals written digit by digit read as the rounded value's string form")
  func decimalsMatchTheirStringForm() {
    // The string form, the formatter written the slow way.
    func reference(_ value: Double) -> String {
      let scaled = (value * 1_000_000).rounded()
      if scaled == 0 { return "0" }
      let magnitude = Int64(abs(scaled))
      var fraction = String(magnitude % 1_000_000)
      fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      return (scaled < 0 ? "-" : "") + String(magnitude / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }
    var state: UInt64 = 11
    var values: [Double] = [0, 1, -1, 0.000001, 0.0000005, -0.0000015, 10, 100.1, 1e12, -999_999.999_999_5]
    for _ in 0..<5000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let unit = Double(state >> 11) / Double(1 << 53)
      let scale = [1e-7, 1e-3, 1, 1e3, 1e9][Int(state >> 60) % 5]
      values.append((unit - 0.5) * scale)
    }
    for value in values {
      #expect(CSVTable.decimal(value) == reference(value), "\(value)")
    }
  }
}
