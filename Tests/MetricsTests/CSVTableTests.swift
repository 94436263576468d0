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
}
