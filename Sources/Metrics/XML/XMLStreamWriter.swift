/// One XML document written an element at a time, into memory or straight
/// into an open file (`XMLOutput`: plain or gzip, 64 kB per write), so a
/// large document is never held whole. The graph sinks (``GraphMLSink``,
/// ``GEXFSink``) say what goes in it.
///
/// The bytes are those of libxml2's xmlTextWriter with indentation by two
/// spaces, which wrote every graph file before: the same line breaks and
/// indents, `<x/>` for an element with nothing in it, and the same escapes
/// (text: `< > & "` and CR; attribute values: those and tab and LF, as
/// character references). It is done here on the bytes because libxml2's
/// writer cost more per attribute than the rest of a corpus night;
/// `Tests/MetricsTests/XMLWriterTests.swift` checks the bytes against
/// libxml2's own writer. Text must already be clean of what XML 1.0
/// forbids (`GraphDocument` removes it); a string ends at a NUL byte, as a
/// C string would.
final class XMLStreamWriter {
  /// The file written to; nil for a document kept in memory.
  private let file: XMLOutput?
  /// The file's name, for errors.
  private let path: String
  /// The bytes not yet written out, with the writer's state: one access
  /// per call, however many bytes it appends.
  private var document = XMLBytes()
  private static let chunk = 1 << 16

  /// A writer into memory (the bytes come back from ``finish()``), or into
  /// the open file `fd`, gzip-compressed when `gzip`; `fd` is left open.
  /// `path` names the file in errors.
  init(fd: Int32? = nil, gzip: Bool = false, path: String = "XML") throws(GraphFileError) {
    self.path = path
    if let fd {
      file = try XMLOutput(fd: fd, gzip: gzip, path: path)
      document.bytes.reserveCapacity(Self.chunk + 4096)
    } else {
      file = nil
    }
  }

  /// Writes the XML declaration (version 1.0, UTF-8).
  func startDocument() throws(GraphFileError) {
    document.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
  }

  /// Opens the element `name` on a line of its own.
  func start(_ name: String) throws(GraphFileError) {
    document.start(name)
    try flushIfFull()
  }

  /// Closes the innermost open element.
  func end() throws(GraphFileError) {
    guard document.end() else { throw GraphFileError("\(path): no element to end") }
    try flushIfFull()
  }

  /// Writes an attribute of the element just opened; `value` is escaped.
  func attribute(_ name: String, _ value: String) throws(GraphFileError) {
    guard document.attribute(name, value) else {
      throw GraphFileError("\(path): attribute \(name) outside a start tag")
    }
    try flushIfFull()
  }

  /// Writes text content, escaped.
  func text(_ text: String) throws(GraphFileError) {
    guard document.text(text) else { throw GraphFileError("\(path): text outside an element") }
    try flushIfFull()
  }

  /// The document, once finished, when writing into memory; else empty.
  private(set) var bytes: [UInt8] = []

  /// Closes every open element and pushes every byte out.
  func finish() throws(GraphFileError) {
    while document.end() {}
    if let file {
      try file.finish(&document.bytes)
    } else {
      swap(&bytes, &document.bytes)
    }
  }

  private func flushIfFull() throws(GraphFileError) {
    if let file, document.bytes.count >= Self.chunk { try file.write(&document.bytes) }
  }
}

/// The bytes of an XML document as xmlTextWriter writes them with an
/// indent of two spaces, and the state that decides them.
private struct XMLBytes {
  var bytes: [UInt8] = []
  /// The open elements, innermost last.
  private var open: [String] = []
  /// The innermost start tag is still open: attributes may follow.
  private var startTagOpen = false
  /// An end tag goes on a line of its own (false after text).
  private var endOnItsLine = true

  mutating func start(_ name: String) {
    if startTagOpen { bytes.append(contentsOf: [UInt8(ascii: ">"), 0x0A]) }
    open.append(name)
    startTagOpen = true
    indent(open.count - 1)
    bytes.append(UInt8(ascii: "<"))
    append(name)
  }

  /// False when no element is open.
  mutating func end() -> Bool {
    guard let name = open.popLast() else { return false }
    if startTagOpen {
      bytes.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: ">")])
      startTagOpen = false
    } else {
      if endOnItsLine { indent(open.count) }
      bytes.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
      append(name)
      bytes.append(UInt8(ascii: ">"))
    }
    endOnItsLine = true
    bytes.append(0x0A)
    return true
  }

  /// False outside a start tag.
  mutating func attribute(_ name: String, _ value: String) -> Bool {
    guard startTagOpen else { return false }
    bytes.append(0x20)
    append(name)
    bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
    escape(value, attribute: true)
    bytes.append(UInt8(ascii: "\""))
    return true
  }

  /// False outside an element.
  mutating func text(_ text: String) -> Bool {
    guard !open.isEmpty else { return false }
    if startTagOpen {
      bytes.append(UInt8(ascii: ">"))
      startTagOpen = false
    }
    endOnItsLine = false
    escape(text, attribute: false)
    return true
  }

  private mutating func indent(_ depth: Int) {
    for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
  }

  /// `s` up to a NUL byte, unescaped (names, the declaration).
  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { source in
      let end = source.firstIndex(of: 0) ?? source.count
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[..<end]))
    }
  }

  /// `s` up to a NUL byte with `< > & "` and CR escaped, and in an
  /// attribute value tab and LF too.
  private mutating func escape(_ s: String, attribute: Bool) {
    var s = s
    s.withUTF8 { source in
      var plain = 0  // start of the bytes not yet copied
      for i in source.indices {
        let b = source[i]
        // Every byte that needs a look is below "?".
        guard b < 0x3F else { continue }
        if b == 0 {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[plain..<i]))
          return
        }
        let entity: StaticString
        switch b {
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "\""): entity = "&quot;"
        case 0x0D: entity = "&#13;"
        case 0x0A where attribute: entity = "&#10;"
        case 0x09 where attribute: entity = "&#9;"
        default: continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[plain..<i]))
        bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
        plain = i + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[plain...]))
    }
  }
}
