internal import CLibXML2

import SystemCalls

/// Every libxml2 (and zlib) call of threadstat. Each return code is checked
/// once, in `check`; no C type leaves this file.
///
/// One writer makes one XML document with libxml2's xmlTextWriter, an
/// element at a time, into memory or straight into an open file (plain or
/// gzip, 64 kB per write), so a large document is never held whole. The
/// graph sinks (``GraphMLSink``, ``GEXFSink``) say what goes in it.
final class XMLStreamWriter {
  /// libxml2 wants one `xmlInitParser()` before use from several threads;
  /// a static is initialised exactly once, thread-safely.
  static let initializeLibXML2: Bool = {
    xmlInitParser()
    return true
  }()

  private let sink: Sink
  private let writer: xmlTextWriterPtr

  /// A writer into memory (the bytes come back from ``finish()``), or into
  /// the open file `fd`, gzip-compressed when `gzip`; `fd` is left open.
  /// `path` names the file in errors.
  init(fd: Int32? = nil, gzip: Bool = false, path: String = "XML") throws(GraphFileError) {
    _ = Self.initializeLibXML2
    Self.silence()
    sink = try Sink(fd: fd, gzip: gzip, path: path)
    let context = Unmanaged.passUnretained(sink).toOpaque()
    guard let output = xmlOutputBufferCreateIO(Sink.callback, nil, context, nil) else {
      throw GraphFileError("libxml2: cannot create an output buffer")
    }
    // From here the writer owns `output` and frees it with itself.
    guard let writer = xmlNewTextWriter(output) else {
      xmlOutputBufferClose(output)
      throw GraphFileError("libxml2: cannot create a writer")
    }
    self.writer = writer
  }

  deinit { xmlFreeTextWriter(writer) }

  /// Write failures come back as `GraphFileError`s; libxml2's own report of
  /// them ("I/O error : write error") would go to standard error. The
  /// handler is per thread in libxml2: set by the writer's creator, by the
  /// sinks' `begin`, and by `GraphPipe` on its own thread.
  static func silence() {
    xmlSetStructuredErrorFunc(nil) { _, _ in }
  }

  /// Writes the XML declaration (version 1.0, UTF-8) and turns on
  /// indentation by two spaces.
  func startDocument() throws(GraphFileError) {
    try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
    try check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
  }

  /// Opens the element `name`.
  func start(_ name: String) throws(GraphFileError) {
    try check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
  }

  /// Closes the innermost open element.
  func end() throws(GraphFileError) {
    try check(xmlTextWriterEndElement(writer), "end an element")
  }

  /// Writes an attribute of the element just opened; `value` is escaped.
  func attribute(_ name: String, _ value: String) throws(GraphFileError) {
    let code = Self.withXMLChars(name) { n in
      Self.withXMLChars(value) { v in xmlTextWriterWriteAttribute(writer, n, v) }
    }
    try check(code, "write attribute \(name)")
  }

  /// Writes text content, escaped.
  func text(_ text: String) throws(GraphFileError) {
    try check(Self.withXMLChars(text) { xmlTextWriterWriteString(writer, $0) }, "write a value")
  }

  /// The document, once finished, when writing into memory; else empty.
  private(set) var bytes: [UInt8] = []

  /// Closes every open element and the document and pushes every byte out.
  func finish() throws(GraphFileError) {
    try check(xmlTextWriterEndDocument(writer), "end the document")
    try check(xmlTextWriterFlush(writer), "flush")
    bytes = try sink.finish()
  }

  private func check(_ code: Int32, _ what: @autoclosure () -> String) throws(GraphFileError) {
    if code < 0 { throw sink.failure ?? GraphFileError("libxml2: cannot \(what())") }
  }

  /// Calls `body` with `s` as NUL-terminated `xmlChar`s, without the copy
  /// the implicit String-to-pointer conversion makes on every call.
  private static func withXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    s.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: s.utf8.count + 1, body) }
  }

  /// Where libxml2's output goes: memory, or a file 64 kB at a time.
  private final class Sink {
    private static let chunk = 1 << 16
    private let fd: Int32?
    private var gz: gzFile?
    private let path: String
    private var buffer: [UInt8] = []
    /// The first write failure, reported instead of libxml2's bare -1.
    private(set) var failure: GraphFileError?

    init(fd: Int32?, gzip: Bool, path: String) throws(GraphFileError) {
      self.fd = fd
      self.path = path
      guard let fd, gzip else { return }
      // gzclose closes the descriptor it was given: give it a copy.
      guard let own = Posix.duplicate(fd) else { throw GraphFileError("\(path): cannot start gzip output") }
      guard let gz = gzdopen(own, "wb9") else {
        Posix.close(own)
        throw GraphFileError("\(path): cannot start gzip output")
      }
      self.gz = gz
    }

    deinit { if let gz { gzclose(gz) } }

    /// libxml2's write callback; `context` is the sink.
    static let callback: xmlOutputWriteCallback = { context, bytes, count in
      guard let context, let bytes, count >= 0 else { return -1 }
      let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
      return sink.accept(UnsafeRawBufferPointer(start: bytes, count: Int(count))) ? count : -1
    }

    private func accept(_ bytes: UnsafeRawBufferPointer) -> Bool {
      guard failure == nil else { return false }
      buffer.append(contentsOf: bytes)
      return fd == nil || buffer.count < Self.chunk || flush()
    }

    /// Writes the buffered bytes to the file.
    private func flush() -> Bool {
      guard let fd else { return true }
      defer { buffer.removeAll(keepingCapacity: true) }
      if let gz {
        var offset = 0
        while offset < buffer.count {
          let written = buffer.withUnsafeBytes { raw in
            gzwrite(gz, raw.baseAddress.map { $0 + offset }, UInt32(raw.count - offset))
          }
          guard written > 0 else { return fail("gzip output failed") }
          offset += Int(written)
        }
        return true
      }
      do throws(SystemError) { try Posix.writeAll(fd, buffer, path: path) } catch {
        failure = GraphFileError(error)
        return false
      }
      return true
    }

    private func fail(_ what: String) -> Bool {
      failure = GraphFileError("\(path): \(what)")
      return false
    }

    /// Writes what is buffered and ends gzip output.
    /// - Returns: the bytes when writing into memory, else nothing.
    func finish() throws(GraphFileError) -> [UInt8] {
      guard fd != nil else { return buffer }
      let flushed = flush()
      if let gz {
        self.gz = nil
        if gzclose(gz) != Z_OK, flushed { _ = fail("gzip output failed") }
      }
      if let failure { throw failure }
      return []
    }
  }
}

/// A parsed XML or HTML document as plain Swift values: elements with their
/// qualified names ("wp:comment") and attributes, text and CDATA as text
/// nodes. Entities are never expanded and nothing is fetched from the
/// network; a DTD is not loaded. Built without recursion, so nesting depth
/// costs no stack (libxml2 itself stops at its depth limit).
public struct XMLTree: Sendable {
  /// One element (`name` without "#") or a text node (`name` "#text").
  public struct Node: Sendable {
    public var name: String
    public var attributes: [String: String] = [:]
    /// Indices of the children in `nodes`, in document order.
    public var children: [Int] = []
    /// A text node's text.
    public var text: String = ""
  }

  /// All nodes; the root element is `nodes[0]`.
  public private(set) var nodes: [Node] = []

  /// Parses `bytes` as XML; nil when they are not well-formed XML.
  public static func xml(_ bytes: [UInt8]) -> XMLTree? {
    let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
    return parse(bytes) { xmlReadMemory($0, $1, nil, nil, Int32(options)) }
  }

  /// Parses `bytes` as HTML, forgiving as a browser is; nil when libxml2
  /// finds no document at all.
  public static func html(_ bytes: [UInt8]) -> XMLTree? {
    let options = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue
    return parse(bytes) { htmlReadMemory($0, $1, nil, "UTF-8", Int32(options)) }
  }

  /// Runs one of libxml2's memory parsers on `bytes` and copies the result.
  private static func parse(_ bytes: [UInt8], _ read: (UnsafePointer<CChar>?, Int32) -> xmlDocPtr?) -> XMLTree? {
    _ = XMLStreamWriter.initializeLibXML2
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    guard bytes.count < Int32.max else { return nil }
    let doc = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { read($0.baseAddress, Int32($0.count)) }
    }
    guard let doc else { return nil }
    defer { xmlFreeDoc(doc) }
    return tree(doc)
  }

  /// Copies libxml2's tree below the root element, depth-first, iteratively.
  private static func tree(_ doc: xmlDocPtr) -> XMLTree? {
    guard let root = xmlDocGetRootElement(doc) else { return nil }
    var out = XMLTree()
    // (libxml2 node, index of its parent in `out.nodes`)
    var stack: [(xmlNodePtr, Int)] = [(root, -1)]
    while let (node, parent) = stack.popLast() {
      let index = out.nodes.count
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        var element = Node(name: qualifiedName(node))
        var attribute = node.pointee.properties
        while let a = attribute {
          let name = qualifiedName(a.pointee.name, a.pointee.ns)
          if let value = xmlNodeListGetString(doc, a.pointee.children, 1) {
            element.attributes[name] = String(cString: value)
            CLibXML2_free(value)
          } else {
            element.attributes[name] = ""
          }
          attribute = a.pointee.next
        }
        out.nodes.append(element)
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
          children.append(c)
          child = c.pointee.next
        }
        for c in children.reversed() { stack.append((c, index)) }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        guard let content = node.pointee.content else { continue }
        out.nodes.append(Node(name: "#text", text: String(cString: content)))
      default:
        // Comments, processing instructions, entity references: skipped, never expanded.
        continue
      }
      if parent >= 0 { out.nodes[parent].children.append(index) }
    }
    return out
  }

  private static func qualifiedName(_ node: xmlNodePtr) -> String {
    qualifiedName(node.pointee.name, node.pointee.ns)
  }

  private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
    let local = name.map { String(cString: $0) } ?? ""
    guard let prefix = ns?.pointee.prefix else { return local }
    return String(cString: prefix) + ":" + local
  }
}
