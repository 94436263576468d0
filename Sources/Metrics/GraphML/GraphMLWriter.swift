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
