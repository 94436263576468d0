internal import CLibXML2

/// Every libxml2 (and zlib) call of threadstat. Each return code is checked
/// once, in `check`; no C type leaves this file.
enum GraphMLWriter {
  private static let namespace = "http://graphml.graphdrawing.org/xmlns"
  private static let schemaLocation =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

  /// libxml2 wants one `xmlInitParser()` before use from several threads;
  /// a static is initialised exactly once, thread-safely.
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// Serialises `document` with libxml2's xmlTextWriter into memory.
  static func render(_ document: GraphMLDocument) throws(GraphMLError) -> [UInt8] {
    _ = initialized
    guard let buffer = xmlBufferCreate() else { throw GraphMLError("libxml2: cannot allocate a buffer") }
    defer { xmlBufferFree(buffer) }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      throw GraphMLError("libxml2: cannot create a writer")
    }
    defer { xmlFreeTextWriter(writer) }
    let w = Writer(writer: writer)

    try w.check(xmlTextWriterSetIndent(writer, 1), "set indentation")
    try w.check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
    try w.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    try w.start("graphml")
    try w.attribute("xmlns", namespace)
    try w.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
    try w.attribute("xsi:schemaLocation", schemaLocation)
    for key in document.keys {
      try w.start("key")
      try w.attribute("id", key.id)
      try w.attribute("for", key.domain.rawValue)
      try w.attribute("attr.name", key.id)
      try w.attribute("attr.type", key.type.rawValue)
      try w.end()
    }
    try w.start("graph")
    try w.attribute("id", "replies")
    try w.attribute("edgedefault", "directed")
    for node in document.nodes { try w.element("node", node) }
    for edge in document.edges { try w.element("edge", edge) }
    try w.end()
    try w.end()
    try w.check(xmlTextWriterEndDocument(writer), "end the document")
    try w.check(xmlTextWriterFlush(writer), "flush")
    let length = Int(xmlBufferLength(buffer))
    guard let content = xmlBufferContent(buffer) else { return [] }
    return Array(UnsafeBufferPointer(start: content, count: length))
  }

  /// Writes `bytes` gzip-compressed to `fd` (which stays open).
  static func writeGzip(_ bytes: [UInt8], to fd: Int32, path: String) throws(GraphMLError) {
    let own = dup(fd)
    guard own >= 0, let gz = gzdopen(own, "wb9") else {
      if own >= 0 { close(own) }
      throw GraphMLError("\(path): cannot start gzip output")
    }
    var written: Int32 = 0
    var offset = 0
    while offset < bytes.count {
      let chunk = min(bytes.count - offset, 1 << 20)
      written = bytes.withUnsafeBytes { raw in
        gzwrite(gz, raw.baseAddress.map { $0 + offset }, UInt32(chunk))
      }
      if written <= 0 { break }
      offset += Int(written)
    }
    let closed = gzclose(gz)
    guard offset == bytes.count, closed == Z_OK else {
      throw GraphMLError("\(path): gzip output failed")
    }
  }

  /// One xmlTextWriter, with each call's return code checked.
  private struct Writer {
    let writer: xmlTextWriterPtr

    func check(_ code: Int32, _ what: String) throws(GraphMLError) {
      if code < 0 { throw GraphMLError("libxml2: cannot \(what)") }
    }

    func start(_ name: String) throws(GraphMLError) {
      try check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
    }

    func end() throws(GraphMLError) {
      try check(xmlTextWriterEndElement(writer), "end an element")
    }

    func attribute(_ name: String, _ value: String) throws(GraphMLError) {
      try check(xmlTextWriterWriteAttribute(writer, name, value), "write attribute \(name)")
    }

    func element(_ name: String, _ element: GraphMLDocument.Element) throws(GraphMLError) {
      try start(name)
      try attribute("id", element.id)
      if let source = element.source { try attribute("source", source) }
      if let target = element.target { try attribute("target", target) }
      for (key, value) in element.data {
        guard let text = value.text else { continue }
        try start("data")
        try attribute("key", key)
        try check(xmlTextWriterWriteString(writer, text), "write a value")
        try end()
      }
      try end()
    }
  }
}
