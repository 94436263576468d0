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

/// How many `<node>` and `<edge>` elements a GraphML document holds.
public struct GraphMLCounts: Sendable, Equatable, CustomStringConvertible {
  public var nodes: Int
  public var edges: Int
  public init(nodes: Int, edges: Int) {
    self.nodes = nodes
    self.edges = edges
  }
  public var description: String { "\(nodes) nodes, \(edges) edges" }
}

extension GraphMLDocument {
  /// The nodes and edges this document writes.
  public var counts: GraphMLCounts { GraphMLCounts(nodes: nodes.count, edges: edges.count) }

  /// Parses `bytes` back with libxml2 (no network, no entity expansion, no
  /// messages) and counts the `<node>` and `<edge>` children of `<graph>`.
  /// - Throws: ``GraphMLError`` when the bytes are not well-formed XML, the
  ///   root is not `<graphml>` with one `<graph>`, or an edge names an
  ///   endpoint that is not a node id.
  public static func counts(parsing bytes: [UInt8]) throws(GraphMLError) -> GraphMLCounts {
    try GraphMLWriter.readBack(bytes)
  }
}

extension GraphMLWriter {
  /// Reads GraphML written by ``render(_:)`` back through libxml2's parser.
  static func readBack(_ bytes: [UInt8]) throws(GraphMLError) -> GraphMLCounts {
    _ = initialized
    guard !bytes.isEmpty else { throw GraphMLError("libxml2: GraphML is empty") }
    guard bytes.count < Int(Int32.max) else { throw GraphMLError("libxml2: document too large to read back") }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        xmlReadMemory($0, Int32(buffer.count), "graph.graphml", "UTF-8", options)
      }
    }
    guard let document = parsed else { throw GraphMLError("libxml2: GraphML is not well-formed XML") }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document), name(root) == "graphml" else {
      throw GraphMLError("libxml2: the root element is not <graphml>")
    }
    let graphs = elements(under: root).filter { name($0) == "graph" }
    guard graphs.count == 1 else { throw GraphMLError("libxml2: \(graphs.count) <graph> elements, expected 1") }
    var ids: Set<String> = []
    var counts = GraphMLCounts(nodes: 0, edges: 0)
    var endpoints: [String] = []
    for child in elements(under: graphs[0]) {
      switch name(child) {
      case "node":
        counts.nodes += 1
        guard let id = attribute(child, "id"), ids.insert(id).inserted else {
          throw GraphMLError("libxml2: a <node> without a unique id")
        }
      case "edge":
        counts.edges += 1
        guard let source = attribute(child, "source"), let target = attribute(child, "target") else {
          throw GraphMLError("libxml2: an <edge> without source or target")
        }
        endpoints += [source, target]
      default:
        throw GraphMLError("libxml2: unexpected <\(name(child))> in <graph>")
      }
    }
    if let missing = endpoints.first(where: { !ids.contains($0) }) {
      throw GraphMLError("libxml2: an edge points to \(missing), which is not a node")
    }
    return counts
  }

  /// The element children of `node`, in document order.
  private static func elements(under node: xmlNodePtr) -> [xmlNodePtr] {
    var out: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
      child = current.pointee.next
    }
    return out
  }

  private static func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  private static func attribute(_ node: xmlNodePtr, _ attribute: String) -> String? {
    guard let value = xmlGetProp(node, attribute) else { return nil }
    defer { CLibXML2_free(value) }
    return String(cString: value)
  }
}
