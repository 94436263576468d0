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
}
