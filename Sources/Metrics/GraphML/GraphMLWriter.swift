internal import CLibXML2

/// Serialises a ``GraphMLDocument`` straight to bytes, in the layout libxml2's
/// xmlTextWriter gives with a two-space indent (the format of the golden files),
/// handing them to a sink in chunks of about 64 kB: the whole document is
/// never held in memory. Also the one place zlib is called.
enum GraphMLWriter {
  /// Bytes gathered before they go to the sink.
  private static let chunk = 1 << 16

  private static let head = Array(
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
    http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

    """.utf8)

  /// Writes `document` to `sink`, chunk by chunk.
  static func render<E: Error>(
    _ document: GraphMLDocument, to sink: (UnsafeRawBufferPointer) throws(E) -> Void
  ) throws(E) {
    var out = Output()
    out.bytes.reserveCapacity(chunk + 1024)
    out.append(head)
    for key in document.keys {
      out.append("  <key id=\"")
      out.attribute(key.id)
      out.append("\" for=\"")
      out.append(key.domain.rawValue)
      out.append("\" attr.name=\"")
      out.attribute(key.id)
      out.append("\" attr.type=\"")
      out.append(key.type.rawValue)
      out.append("\"/>\n")
    }
    if document.nodes.isEmpty && document.edges.isEmpty {
      out.append("  <graph id=\"replies\" edgedefault=\"directed\"/>\n")
    } else {
      out.append("  <graph id=\"replies\" edgedefault=\"directed\">\n")
      for node in document.nodes {
        out.element("node", node)
        if out.bytes.count >= chunk { try out.flush(to: sink) }
      }
      for edge in document.edges {
        out.element("edge", edge)
        if out.bytes.count >= chunk { try out.flush(to: sink) }
      }
      out.append("  </graph>\n")
    }
    out.append("</graphml>\n")
    try out.flush(to: sink)
  }

  /// The buffer between the serialiser and the sink.
  private struct Output {
    var bytes: [UInt8] = []

    mutating func append(_ s: [UInt8]) { bytes.append(contentsOf: s) }
    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Attribute text, escaped as libxml2 escapes attribute values.
    mutating func attribute(_ s: String) {
      for b in s.utf8 {
        switch b {
        case UInt8(ascii: "<"): append("&lt;")
        case UInt8(ascii: ">"): append("&gt;")
        case UInt8(ascii: "&"): append("&amp;")
        case UInt8(ascii: "\""): append("&quot;")
        case 0x0A: append("&#10;")
        case 0x0D: append("&#13;")
        case 0x09: append("&#9;")
        default: bytes.append(b)
        }
      }
    }

    /// Element text, escaped as libxml2's xmlTextWriterWriteString does.
    mutating func text(_ s: String) {
      for b in s.utf8 {
        switch b {
        case UInt8(ascii: "<"): append("&lt;")
        case UInt8(ascii: ">"): append("&gt;")
        case UInt8(ascii: "&"): append("&amp;")
        case UInt8(ascii: "\""): append("&quot;")
        case 0x0D: append("&#13;")
        default: bytes.append(b)
        }
      }
    }

    /// A `<node>` or `<edge>` with its `<data>` children.
    mutating func element(_ name: String, _ element: GraphMLDocument.Element) {
      append("    <")
      append(name)
      append(" id=\"")
      attribute(element.id)
      if let source = element.source {
        append("\" source=\"")
        attribute(source)
      }
      if let target = element.target {
        append("\" target=\"")
        attribute(target)
      }
      var open = false
      for (key, value) in element.data {
        guard let text = value.text else { continue }
        if !open {
          append("\">\n")
          open = true
        }
        append("      <data key=\"")
        attribute(key)
        append("\">")
        self.text(text)
        append("</data>\n")
      }
      if open {
        append("    </")
        append(name)
        append(">\n")
      } else {
        append("\"/>\n")
      }
    }

    /// Hands the buffered bytes to `sink` and empties the buffer.
    mutating func flush<E: Error>(to sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
      guard !bytes.isEmpty else { return }
      let result: Result<Void, E> = bytes.withUnsafeBytes { raw in
        do throws(E) {
          try sink(raw)
          return .success(())
        } catch {
          return .failure(error)
        }
      }
      try result.get()
      bytes.removeAll(keepingCapacity: true)
    }
  }

  /// Runs `body` with a sink that gzip-compresses to `fd` (which stays open).
  static func withGzip(
    to fd: Int32, path: String,
    _ body: ((UnsafeRawBufferPointer) throws(GraphMLError) -> Void) throws(GraphMLError) -> Void
  ) throws(GraphMLError) {
    let own = dup(fd)
    guard own >= 0, let gz = gzdopen(own, "wb9") else {
      if own >= 0 { close(own) }
      throw GraphMLError("\(path): cannot start gzip output")
    }
    do throws(GraphMLError) {
      try body { raw throws(GraphMLError) in
        var offset = 0
        while offset < raw.count {
          let written = gzwrite(gz, raw.baseAddress! + offset, UInt32(raw.count - offset))
          guard written > 0 else { throw GraphMLError("\(path): gzip output failed") }
          offset += Int(written)
        }
      }
    } catch {
      gzclose(gz)
      throw error
    }
    guard gzclose(gz) == Z_OK else { throw GraphMLError("\(path): gzip output failed") }
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
