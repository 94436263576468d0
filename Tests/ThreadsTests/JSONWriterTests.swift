import Foundation
import Testing
import Threads

@Suite("JSON.Value: the one pretty JSON writer (report.json)")
struct JSONWriterTests {
  @Test("keys sorted by byte, two spaces a level, empty containers inline, a final newline")
  func layout() {
    let value = JSON.Value.object([
      "b": .array([.int(1), .string("x"), .object([:]), .array([])]),
      "a": .object(["z": .null, "Z": .bool(true)]),
      "é": .number("0.5"),
    ])
    let expected = """
      {
        "a": {
          "Z": true,
          "z": null
        },
        "b": [
          1,
          "x",
          {},
          []
        ],
        "é": 0.5
      }

      """
    #expect(value.pretty() == expected)
  }

  @Test("strings are escaped as JSON.quote escapes them and read back the same")
  func escapes() throws {
    let text = "quote \" backslash \\ slash / tab \t line\nbell \u{07} ünï"
    let written = JSON.Value.object(["s": .string(text)]).pretty()
    #expect(written.contains(#""s": "quote \" backslash \\ slash / tab \t line\nbell \u0007 ünï""#))
    let read = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: String])
    #expect(read == ["s": text])
  }

  @Test("the byte writer escapes as JSON.quote does and reads back", arguments: [
    "", "plain", "quote \" backslash \\ tab \t line\nreturn\r bell \u{07} nul \u{0} unit \u{1F} ünï 😀", "\\\\\"\"",
  ])
  func byteWriterEscapes(text: String) throws {
    var out = JSONBytes()
    out.raw("[")
    out.string(text)
    out.raw(", ")
    out.int(-42)
    out.raw(", ")
    out.int(nil)
    out.raw(", ")
    out.bool(true)
    out.raw("]")
    let read = try #require(try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [Any])
    #expect(read.first as? String == text)
    #expect((read[1] as? NSNumber)?.intValue == -42)
    #expect(read[2] is NSNull)
    #expect(out.text.hasPrefix("[" + JSON.quote(text) + ", -42, null, true"))
  }

  @Test("ISO dates are padded to four, two and two digits", arguments: [
    (2019, "2019-03-04"), (987, "0987-03-04"), (5, "0005-03-04"), (12345, "12345-03-04"),
  ])
  func isoDates(year: Int, expected: String) throws {
    var date = try #require(CalendarDate(year: 2019, month: 3, day: 4))
    date.year = year  // the fields are public: years outside the parser's range still print
    #expect(date.iso == expected)
  }
}
