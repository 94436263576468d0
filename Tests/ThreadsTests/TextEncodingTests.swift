import Foundation
import Testing

@testable import Threads

@Suite("Scrapes in UTF-16 and Windows-1252 decode; binary files are refused")
struct TextEncodingTests {
  static let encodings = Fixtures.samples.appendingPathComponent("encodings")

  /// Samples/encodings/NAME.txt, the UTF-8 sample it was made from, and the
  /// warning it must get.
  @Test(
    "an encoding twin parses like its UTF-8 sample, with a warning on line 1",
    arguments: [
      ("wpdiscuz-twice.utf16le-bom", "wpdiscuz-twice", "decoded as UTF-16LE"),
      ("wpdiscuz-twice.utf16be-bom", "wpdiscuz-twice", "decoded as UTF-16BE"),
      ("wpdiscuz-twice.utf16le", "wpdiscuz-twice", "decoded as UTF-16LE"),
      ("wpdiscuz-twice.utf16be", "wpdiscuz-twice", "decoded as UTF-16BE"),
      ("coral.windows-1252", "coral", "not valid UTF-8: invalid bytes decoded as Windows-1252"),
    ])
  func twin(name: String, original: String, warning: String) throws {
    let bytes = Array(try Data(contentsOf: Self.encodings.appendingPathComponent(name + ".txt")))
    let utf8 = try Fixtures.bytes(original)
    #expect(bytes != utf8)
    let got = Discussion(parsing: bytes, source: name)
    let want = Discussion(parsing: utf8, source: name)
    #expect(got.article == want.article)
    #expect(got.comments == want.comments)
    #expect(got.diagnostics == [ParseDiagnostic(line: 1, message: warning)] + want.diagnostics)
    // The hand-written structure too, not only what the UTF-8 parse gives.
    let expected = try Fixtures.expected(original)
    #expect(got.comments.map(\.asExpected) == expected.comments)
  }

  @Test("Windows-1252 punctuation and accented names come back as written")
  func windows1252Names() throws {
    let bytes = Array(try Data(contentsOf: Self.encodings.appendingPathComponent("coral.windows-1252.txt")))
    #expect(bytes.contains(0x92))  // ’ in Windows-1252, a C1 control in Latin-1
    let got = Discussion(parsing: bytes, source: "coral")
    #expect(got.comments.contains { $0.author == "Tomás Ó Briain" })
    #expect(got.article.title == "Stadium Expansion Approved Despite Residents’ Parking Fears")
  }

  @Test(
    "bytes decode to the text and encoding expected",
    arguments: [
      ("UTF-8", Array("Zoë 🌻\n".utf8), "Zoë 🌻\n", TextEncoding.utf8),
      ("UTF-8 with BOM and NULs", [0xEF, 0xBB, 0xBF, 0x41, 0x00, 0x42], "AB", .utf8),
      ("only NULs", [UInt8](repeating: 0, count: 64), "", .utf8),
      ("Windows-1252 C1 range", [0x41, 0x80, 0x8A, 0x93, 0x94, 0x9F], "A€Š“”Ÿ", .windows1252),
      ("Windows-1252 unassigned bytes", [0x81, 0x8D, 0x8F, 0x90, 0x9D], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", .windows1252),
      ("Latin-1 letters", [0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], "José Müller", .windows1252),
      ("UTF-8 beside a stray Latin-1 byte", [0xC3, 0xA9, 0x20, 0xE9], "é é", .windows1252),
      ("a cut UTF-8 sequence", [0x61, 0xE2, 0x82, 0x62], "aâ‚b", .windows1252),
      ("UTF-16LE with BOM and a surrogate pair", [0xFF, 0xFE, 0x41, 0x00, 0x3C, 0xD8, 0x3B, 0xDF], "A🌻", .utf16LE),
      ("UTF-16BE with BOM, a lone surrogate", [0xFE, 0xFF, 0xD8, 0x3C, 0x00, 0x41], "\u{FFFD}A", .utf16BE),
      ("UTF-16LE with an odd last byte", [0xFF, 0xFE, 0x41, 0x00, 0x42], "A\u{FFFD}", .utf16LE),
      ("UTF-16LE, a lone low surrogate", [0xFF, 0xFE, 0x00, 0xDC, 0x41, 0x00], "\u{FFFD}A", .utf16LE),
      ("UTF-16LE ending in a high surrogate", [0xFF, 0xFE, 0x41, 0x00, 0x3C, 0xD8], "A\u{FFFD}", .utf16LE),
      ("UTF-16LE without BOM", [0x48, 0x00, 0x69, 0x00, 0x0A, 0x00, 0x16, 0x04], "Hi\nЖ", .utf16LE),
      ("UTF-16BE without BOM", [0x00, 0x48, 0x00, 0x69, 0x04, 0x16], "HiЖ", .utf16BE),
      ("NULs before line ends are not UTF-16", Array("abcd\0\nefgh\0\n".utf8), "abcd\nefgh\n", .utf8),
    ] as [(String, [UInt8], String, TextEncoding)])
  func decode(name: String, bytes: [UInt8], text: String, encoding: TextEncoding) {
    let decoded = TextEncoding.decode(bytes)
    #expect(Array(decoded.text.unicodeScalars) == Array(text.unicodeScalars), "\(name)")
    #expect(decoded.encoding == encoding, "\(name)")
    #expect(TextEncoding.detect(bytes) == encoding, "\(name)")
  }

  /// 240 bytes of text with `controls` of them replaced by ESC (0x1B).
  static func text(controls: Int) -> [UInt8] {
    var bytes = Array(String(repeating: "word\tword\r\n\u{0C}", count: 20).utf8)
    for i in 0..<controls { bytes[10 * i] = 0x1B }
    return bytes
  }

  @Test(
    "text or not: control characters up to 1% of the first 64 KiB",
    arguments: [
      ("empty", [], true),
      ("tab, CR, LF and FF only", text(controls: 0), true),
      ("two controls in 240 bytes", text(controls: 2), true),
      ("three controls in 240 bytes", text(controls: 3), false),
      ("a NUL at every other byte of ASCII is UTF-16", Array("plain words\n".utf8).flatMap { [$0, 0] }, true),
      ("UTF-16 of control characters", [0xFF, 0xFE] + Array(repeatElement([0x01, 0x00], count: 50).joined()), false),
      ("only NULs", [UInt8](repeating: 0, count: 1000), false),
      ("an ELF header", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 56), false),
    ] as [(String, [UInt8], Bool)])
  func isText(name: String, bytes: [UInt8], text: Bool) {
    #expect(TextEncoding.isText(bytes) == text, "\(name)")
  }

  @Test("only the first 64 KiB are looked at")
  func onlyTheFirst64KiB() {
    let text = [UInt8](repeating: 0x61, count: TextEncoding.sniffLength)
    let controls = [UInt8](repeating: 0x01, count: 4096)
    #expect(TextEncoding.isText(text + controls))
    #expect(!TextEncoding.isText(controls + text))
  }
}
