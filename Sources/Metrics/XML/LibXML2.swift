internal import CLibXML2

import SystemCalls

// Every libxml2 (and zlib) call of threadstat. Each return code is checked
// where it is made; no C type leaves this file.

/// The open file a written document goes to, plain or gzip-compressed
/// (zlib, which libxml2 links).
final class XMLOutput {
  private let fd: Int32
  private var gz: gzFile?
  /// The file's name, for errors.
  let path: String
  /// The first write failure, reported by every later call.
  private var failure: GraphFileError?

  /// Output into the open file `fd` (left open), gzip-compressed when `gzip`.
  init(fd: Int32, gzip: Bool, path: String) throws(GraphFileError) {
    self.fd = fd
    self.path = path
    guard gzip else { return }
    // gzclose closes the descriptor it was given: give it a copy.
    guard let own = Posix.duplicate(fd) else { throw GraphFileError("\(path): cannot start gzip output") }
    guard let gz = gzdopen(own, "wb9") else {
      Posix.close(own)
      throw GraphFileError("\(path): cannot start gzip output")
    }
    self.gz = gz
  }

  deinit { if let gz { gzclose(gz) } }

  /// Writes `bytes` to the file and empties them.
  func write(_ bytes: inout [UInt8]) throws(GraphFileError) {
    if let failure { throw failure }
    defer { bytes.removeAll(keepingCapacity: true) }
    if let gz {
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { raw in
          gzwrite(gz, raw.baseAddress.map { $0 + offset }, UInt32(raw.count - offset))
        }
        guard written > 0 else { throw fail("gzip output failed") }
        offset += Int(written)
      }
      return
    }
    do throws(SystemError) { try Posix.writeAll(fd, bytes, path: path) } catch {
      let error = GraphFileError(error)
      failure = error
      throw error
    }
  }

  private func fail(_ what: String) -> GraphFileError {
    let error = GraphFileError("\(path): \(what)")
    failure = error
    return error
  }

  /// Writes the last `bytes` and ends gzip output.
  func finish(_ bytes: inout [UInt8]) throws(GraphFileError) {
    try write(&bytes)
    if let gz {
      self.gz = nil
      if gzclose(gz) != Z_OK { throw fail("gzip output failed") }
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

  /// libxml2 wants one `xmlInitParser()` before use from several threads;
  /// a static is initialised exactly once, thread-safely.
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// Runs one of libxml2's memory parsers on `bytes` and copies the result.
  private static func parse(_ bytes: [UInt8], _ read: (UnsafePointer<CChar>?, Int32) -> xmlDocPtr?) -> XMLTree? {
    _ = initialized
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
