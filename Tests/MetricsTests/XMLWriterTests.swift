import CLibXML2
import Testing

@testable import Metrics

/// `XMLStreamWriter` writes the bytes libxml2's xmlTextWriter (indent two
/// spaces) wrote before it: the same documents through both must match.
@Suite struct XMLWriterTests {
  /// One step of a document.
  enum Step {
    case start(String)
    case attribute(String, String)
    case text(String)
    case end
  }

  /// Strings with every byte the escaping treats apart, non-ASCII and empty ones.
  static let values = [
    "", "plain", "a<b>c", "Tom & Jerry", "say \"hi\"", "tab\there", "two\nlines", "cr\r\nlf", "it's",
    "茶客老李", "émigré ß", "🙂 ok", "1.0", "-3", " lead and trail ", "&amp; already", "]]>", "x\u{7F}y",
    "?=;:/", "\t\n\r",
  ]

  /// A deterministic random document: nested elements with attributes,
  /// text-only elements, empty elements and a few mixed ones.
  static func document(seed: UInt64) -> [Step] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next(_ n: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(n))
    }
    let names = ["graphml", "node", "edge", "data", "key", "attvalue", "spells", "x:y"]
    var steps: [Step] = [.start("root")]
    var depth = 1
    var inStartTag = true
    for _ in 0..<(20 + next(60)) {
      switch next(10) {
      case 0, 1, 2:
        steps.append(.start(names[next(names.count)]))
        depth += 1
        inStartTag = true
      case 3 where inStartTag, 4 where inStartTag:
        steps.append(.attribute(["id", "key", "value", "for", "label"][next(5)], values[next(values.count)]))
      case 5, 6:
        steps.append(.text(values[next(values.count)]))
        inStartTag = false
      default:
        if depth > 1 {
          steps.append(.end)
          depth -= 1
          inStartTag = false
        }
      }
    }
    return steps
  }

  static func swiftBytes(_ steps: [Step]) throws -> [UInt8] {
    let writer = try XMLStreamWriter()
    try writer.startDocument()
    for step in steps {
      switch step {
      case .start(let name): try writer.start(name)
      case .attribute(let name, let value): try writer.attribute(name, value)
      case .text(let text): try writer.text(text)
      case .end: try writer.end()
      }
    }
    try writer.finish()
    return writer.bytes
  }

  static func libxml2Bytes(_ steps: [Step]) -> [UInt8]? {
    guard let buffer = xmlBufferCreate() else { return nil }
    defer { xmlBufferFree(buffer) }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else { return nil }
    var ok = xmlTextWriterSetIndent(writer, 1) >= 0 && xmlTextWriterSetIndentString(writer, "  ") >= 0
      && xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) >= 0
    for step in steps where ok {
      switch step {
      case .start(let name): ok = xmlTextWriterStartElement(writer, name) >= 0
      case .attribute(let name, let value): ok = xmlTextWriterWriteAttribute(writer, name, value) >= 0
      case .text(let text): ok = xmlTextWriterWriteString(writer, text) >= 0
      case .end: ok = xmlTextWriterEndElement(writer) >= 0
      }
    }
    ok = ok && xmlTextWriterEndDocument(writer) >= 0
    xmlFreeTextWriter(writer)
    guard ok, let content = xmlBufferContent(buffer) else { return nil }
    return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
  }

  @Test(arguments: 0..<200)
  func sameBytesAsLibxml2(seed: Int) throws {
    let steps = Self.document(seed: UInt64(seed))
    let expected = try #require(Self.libxml2Bytes(steps))
    let got = try Self.swiftBytes(steps)
    #expect(String(decoding: got, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
  }

  @Test func misuseThrows() throws {
    let writer = try XMLStreamWriter()
    try writer.startDocument()
    #expect(throws: GraphFileError.self) { try writer.end() }
    #expect(throws: GraphFileError.self) { try writer.text("loose") }
    try writer.start("a")
    try writer.text("t")
    #expect(throws: GraphFileError.self) { try writer.attribute("late", "v") }
  }
}
