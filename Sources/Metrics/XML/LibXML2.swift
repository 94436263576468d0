internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every libxml2 (and zlib) call of threadstat. Each return code is checked
/// once, in `check`; no C type leaves this file.
///
/// One writer makes one document with libxml2's xmlTextWriter: the keys,
/// then nodes and edges one at a time, into memory or straight into an open
/// file (plain or gzip, 64 kB per write), so a large graph is never held
/// whole, neither as elements nor as bytes.
final class GraphMLWriter {
  private static let namespace = "http://graphml.graphdrawing.org/xmlns"
  private static let schemaLocation =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

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
  init(fd: Int32? = nil, gzip: Bool = false, path: String = "GraphML") throws(GraphMLError) {
    _ = Self.initializeLibXML2
    Self.silence()
    sink = try Sink(fd: fd, gzip: gzip, path: path)
    let context = Unmanaged.passUnretained(sink).toOpaque()
    guard let output = xmlOutputBufferCreateIO(Sink.callback, nil, context, nil) else {
      throw GraphMLError("libxml2: cannot create an output buffer")
    }
    // From here the writer owns `output` and frees it with itself.
    guard let writer = xmlNewTextWriter(output) else {
      xmlOutputBufferClose(output)
      throw GraphMLError("libxml2: cannot create a writer")
    }
    self.writer = writer
  }

  deinit { xmlFreeTextWriter(writer) }

  /// Write failures come back as `GraphMLError`s; libxml2's own report of
  /// them ("I/O error : write error") would go to standard error. The
  /// handler is per thread in libxml2: set on every thread that writes.
  private static func silence() {
    xmlSetStructuredErrorFunc(nil) { _, _ in }
  }

  /// Writes `elements` in order, from whichever thread calls (one at a time).
  func write(_ elements: [GraphMLDocument.Element]) throws(GraphMLError) {
    Self.silence()
    for element in elements { try self.element(element) }
  }

  /// Serialises `document` into memory.
  static func render(_ document: GraphMLDocument) throws(GraphMLError) -> [UInt8] {
    let w = try GraphMLWriter()
    try w.write(document)
    return try w.finish()
  }

  /// Writes the keys, nodes and edges of `document`.
  func write(_ document: GraphMLDocument) throws(GraphMLError) {
    try begin(keys: document.keys)
    for node in document.nodes { try element(node) }
    for edge in document.edges { try element(edge) }
  }

  /// Writes everything before the first node: the declaration, `<graphml>`,
  /// the keys and the opening `<graph>`.
  func begin(keys: [GraphMLDocument.Key]) throws(GraphMLError) {
    try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
    try check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    try start("graphml")
    try attribute("xmlns", Self.namespace)
    try attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
    try attribute("xsi:schemaLocation", Self.schemaLocation)
    for key in keys {
      try start("key")
      try attribute("id", key.id)
      try attribute("for", key.domain.rawValue)
      try attribute("attr.name", key.id)
      try attribute("attr.type", key.type.rawValue)
      try end()
    }
    try start("graph")
    try attribute("id", "replies")
    try attribute("edgedefault", "directed")
  }

  /// Writes a `<node>` (an element without endpoints) or an `<edge>`, as
  /// GraphML or, after ``beginGEXF(keys:)``, as GEXF.
  func element(_ element: GraphMLDocument.Element) throws(GraphMLError) {
    if var state = gexf {
      gexf = nil  // one copy of the starts, mutated in place
      defer { gexf = state }
      return try gexfElement(element, &state)
    }
    try start(element.source == nil ? "node" : "edge")
    try attribute("id", element.id)
    if let source = element.source { try attribute("source", source) }
    if let target = element.target { try attribute("target", target) }
    for (key, value) in element.data {
      guard let text = value.text else { continue }
      try start("data")
      try attribute("key", key)
      try check(Self.withXMLChars(text) { xmlTextWriterWriteString(writer, $0) }, "write a value")
      try end()
    }
    try end()
  }

  // MARK: GEXF

  /// Serialises `document` as dynamic GEXF 1.3 into memory.
  static func renderGEXF(_ document: GraphMLDocument) throws(GraphMLError) -> [UInt8] {
    let w = try GraphMLWriter()
    try w.writeGEXF(document)
    return try w.finish()
  }

  /// The GEXF `type` of a key's values.
  private static func gexfType(_ type: GraphMLDocument.ValueType) -> String {
    switch type {
    case .boolean: "boolean"
    case .int: "integer"
    case .long: "long"
    case .double: "double"
    case .string: "string"
    }
  }

  /// What a GEXF document being written needs: node starts for the edges,
  /// and whether `<edges>` is open yet. Nil while writing GraphML.
  private struct GEXFState {
    /// Each node's start day (ISO, compares as text), by id: an edge never
    /// starts before either end. A short string per dated node.
    var starts: [String: String] = [:]
    var inEdges = false
  }
  private var gexf: GEXFState?
  /// GEXF's own attributes, written as XML attributes rather than attvalues.
  private static let gexfOwn: Set<String> = ["label", "weight"]

  /// Writes `document` as GEXF 1.3 for Gephi's timeline (`mode="dynamic"`,
  /// `timeformat="date"`): a node starts on its date (`date`, or
  /// `first_date` for articles) and stays, an author is there on the days
  /// of their comments (`<spells>`, consecutive days joined); an edge starts when
  /// its source comment was posted, or, between authors, when both ends are
  /// present. Same attributes as the GraphML; label and weight as GEXF's own.
  func writeGEXF(_ document: GraphMLDocument) throws(GraphMLError) {
    try beginGEXF(keys: document.keys)
    for node in document.nodes { try element(node) }
    for edge in document.edges { try element(edge) }
  }

  /// Writes everything of a GEXF document before the first node; from here
  /// ``element(_:)`` writes GEXF nodes and edges (nodes first) and
  /// ``finish()`` closes the GEXF sections.
  func beginGEXF(keys: [GraphMLDocument.Key]) throws(GraphMLError) {
    Self.silence()
    try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
    try check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    try start("gexf")
    try attribute("xmlns", "http://gexf.net/1.3")
    try attribute("version", "1.3")
    try start("meta")
    try start("creator")
    try check(Self.withXMLChars("threadstat") { xmlTextWriterWriteString(writer, $0) }, "write the creator")
    try end()
    try end()
    try start("graph")
    try attribute("mode", "dynamic")
    try attribute("defaultedgetype", "directed")
    try attribute("timeformat", "date")
    try attribute("timerepresentation", "interval")
    try attribute("timezone", "UTC")
    for domain in [GraphMLDocument.Domain.node, .edge] {
      let own = keys.filter { $0.domain == domain && !Self.gexfOwn.contains($0.id) }
      guard !own.isEmpty else { continue }
      try start("attributes")
      try attribute("class", domain.rawValue)
      for key in own {
        try start("attribute")
        try attribute("id", key.id)
        try attribute("title", key.id)
        try attribute("type", Self.gexfType(key.type))
        try end()
      }
      try end()
    }
    try start("nodes")
    gexf = GEXFState()
  }

  /// Writes a GEXF `<node>` or `<edge>`; the first edge closes `<nodes>`.
  private func gexfElement(_ element: GraphMLDocument.Element, _ state: inout GEXFState) throws(GraphMLError) {
    guard let source = element.source else {
      try start("node")
      try attribute("id", element.id)
      let label = element.data.first { $0.key == "label" }?.value.text ?? ""
      try attribute("label", label)
      let date = element.data.first { $0.key == "date" } ?? element.data.first { $0.key == "first_date" }
      if case .string(let day)? = date?.value, !day.isEmpty {
        state.starts[element.id] = day
        // With spells the node is there on those days only; a start would add [start, ∞).
        if element.activeDays.isEmpty { try attribute("start", day) }
      }
      try attvalues(element.data.filter { !Self.gexfOwn.contains($0.key) })
      if !element.activeDays.isEmpty {
        try start("spells")
        for spell in GraphMLDocument.spells(element.activeDays) {
          try start("spell")
          try attribute("start", spell.start)
          try attribute("end", spell.end)
          try end()
        }
        try end()
      }
      try end()
      return
    }
    if !state.inEdges { try openGEXFEdges(&state) }
    try start("edge")
    try attribute("id", element.id)
    try attribute("source", source)
    try attribute("target", element.target ?? "")
    if let weight = element.data.first(where: { $0.key == "weight" })?.value.text { try attribute("weight", weight) }
    let ends = [state.starts[source], element.target.flatMap { state.starts[$0] }].compactMap { $0 }
    if let day = ends.max() { try attribute("start", day) }
    try attvalues(element.data.filter { !Self.gexfOwn.contains($0.key) })
    try end()
  }

  private func openGEXFEdges(_ state: inout GEXFState) throws(GraphMLError) {
    try end()
    try start("edges")
    state.inEdges = true
  }

  /// `<attvalues>` of the values that can be written, if any.
  private func attvalues(_ data: [(key: String, value: GraphMLDocument.Value)]) throws(GraphMLError) {
    let written = data.compactMap { item in item.value.text.map { (item.key, $0) } }
    guard !written.isEmpty else { return }
    try start("attvalues")
    for (key, text) in written {
      try start("attvalue")
      try attribute("for", key)
      try attribute("value", text)
      try end()
    }
    try end()
  }

  /// Closes `<graph>`, the root (`<graphml>` or `<gexf>`) and the document and pushes every byte out.
  /// - Returns: the document when writing into memory, else nothing.
  @discardableResult
  func finish() throws(GraphMLError) -> [UInt8] {
    if var state = gexf {
      if !state.inEdges { try openGEXFEdges(&state) }
      try end()
      gexf = nil
    }
    try end()
    try end()
    try check(xmlTextWriterEndDocument(writer), "end the document")
    try check(xmlTextWriterFlush(writer), "flush")
    return try sink.finish()
  }

  private func check(_ code: Int32, _ what: @autoclosure () -> String) throws(GraphMLError) {
    if code < 0 { throw sink.failure ?? GraphMLError("libxml2: cannot \(what())") }
  }

  private func start(_ name: String) throws(GraphMLError) {
    try check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
  }

  private func end() throws(GraphMLError) {
    try check(xmlTextWriterEndElement(writer), "end an element")
  }

  private func attribute(_ name: String, _ value: String) throws(GraphMLError) {
    let code = Self.withXMLChars(name) { n in
      Self.withXMLChars(value) { v in xmlTextWriterWriteAttribute(writer, n, v) }
    }
    try check(code, "write attribute \(name)")
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
    private(set) var failure: GraphMLError?

    init(fd: Int32?, gzip: Bool, path: String) throws(GraphMLError) {
      self.fd = fd
      self.path = path
      guard let fd, gzip else { return }
      // gzclose closes the descriptor it was given: give it a copy.
      let own = dup(fd)
      guard own >= 0, let gz = gzdopen(own, "wb9") else {
        if own >= 0 { close(own) }
        throw GraphMLError("\(path): cannot start gzip output")
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
      var offset = 0
      while offset < buffer.count {
        let n = buffer.withUnsafeBytes { raw in
          CLibXML2.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        }
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return fail("cannot write (\(String(cString: strerror(errno))))") }
        offset += n
      }
      return true
    }

    private func fail(_ what: String) -> Bool {
      failure = GraphMLError("\(path): \(what)")
      return false
    }

    /// Writes what is buffered and ends gzip output.
    /// - Returns: the bytes when writing into memory, else nothing.
    func finish() throws(GraphMLError) -> [UInt8] {
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
    _ = initializeLibXML2
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
    _ = GraphMLWriter.initializeLibXML2
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
