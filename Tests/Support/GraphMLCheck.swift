import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An independent reader of GraphML, for tests: reads a file back with
/// Foundation's XML parser (not the project's writer code) and checks what
/// igraph, networkx and Gephi need: the
/// GraphML namespace, keys declared before use with a known type and a
/// `node` or `edge` domain, unique node and edge ids, edges between written
/// nodes, every value readable as its key's type and finite, no weight 0.
public struct GraphMLCheck {
  /// An edge as read: its ends and its data by attribute name.
  public struct Edge: Equatable, Sendable {
    public var source: String
    public var target: String
    public var data: [String: String]
  }

  /// What a file holds.
  public struct Summary: Equatable, Sendable {
    /// Node ids in file order.
    public var nodeIDs: [String] = []
    /// Per node id, its data by attribute name.
    public var nodeData: [String: [String: String]] = [:]
    /// Edges in file order.
    public var edges: [Edge] = []
  }

  /// The problems found; empty when the file passes.
  public private(set) var problems: [String] = []
  public private(set) var summary = Summary()

  /// Reads `bytes` as one GraphML document.
  public init(_ bytes: [UInt8]) {
    let reader = Reader()
    let parser = XMLParser(data: Data(bytes))
    parser.shouldProcessNamespaces = true
    parser.delegate = reader
    if !parser.parse() {
      reader.problems.append("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
    }
    reader.finish()
    problems = reader.problems
    summary = reader.summary
  }

  /// Reads the file at `path`; a name ending in `.gz` is read through `gzip -dc`.
  public init(path: String) throws {
    guard path.hasSuffix(".gz") else {
      self.init([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
      return
    }
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gzip.arguments = ["gzip", "-dc", path]
    let pipe = Pipe()
    gzip.standardOutput = pipe
    try gzip.run()
    let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
    gzip.waitUntilExit()
    self.init([UInt8](bytes))
  }

  public static let namespace = "http://graphml.graphdrawing.org/xmlns"

  private final class Reader: NSObject, XMLParserDelegate {
    struct Key { var name: String; var domain: String; var type: String }
    var problems: [String] = []
    var summary = Summary()
    var keys: [String: Key] = [:]
    var keyNames: Set<String> = []
    var edgeIDs: Set<String> = []
    var nodeIDs: Set<String> = []
    var graphs = 0
    var sawRoot = false
    /// The element whose data is being read: "node" or "edge", and its data.
    var owner: (kind: String, id: String, data: [String: String])?
    var pendingEdge: (source: String, target: String)?
    var dataKey: String?
    var text = ""

    func problem(_ message: String) { if problems.count < 20 { problems.append(message) } }

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if !sawRoot {
        sawRoot = true
        if name != "graphml" || namespaceURI != GraphMLCheck.namespace {
          problem("root is <\(name)> in \(namespaceURI ?? "no namespace"), not GraphML's <graphml>")
        }
        return
      }
      if namespaceURI != GraphMLCheck.namespace { problem("<\(name)> outside the GraphML namespace") }
      switch name {
      case "key": key(attributes)
      case "graph":
        graphs += 1
        if !["directed", "undirected"].contains(attributes["edgedefault"] ?? "") {
          problem("<graph> without edgedefault directed or undirected")
        }
      case "node":
        let id = attributes["id"] ?? ""
        if id.isEmpty { problem("a node without id") }
        if !nodeIDs.insert(id).inserted { problem("duplicate node id \(id)") }
        summary.nodeIDs.append(id)
        owner = ("node", id, [:])
      case "edge":
        let id = attributes["id"] ?? ""
        if !id.isEmpty, !edgeIDs.insert(id).inserted { problem("duplicate edge id \(id)") }
        let source = attributes["source"] ?? ""
        let target = attributes["target"] ?? ""
        if source.isEmpty || target.isEmpty { problem("edge \(id) without source or target") }
        pendingEdge = (source, target)
        owner = ("edge", id, [:])
      case "data":
        dataKey = attributes["key"] ?? ""
        text = ""
      default:
        break
      }
    }

    func key(_ attributes: [String: String]) {
      guard summary.nodeIDs.isEmpty, summary.edges.isEmpty else { return problem("a <key> after the first node or edge") }
      let id = attributes["id"] ?? ""
      let name = attributes["attr.name"] ?? ""
      let domain = attributes["for"] ?? ""
      let type = attributes["attr.type"] ?? ""
      if id.isEmpty || name.isEmpty { problem("a key without id or attr.name") }
      if keys[id] != nil { problem("duplicate key id \(id)") }
      if !keyNames.insert(domain + ":" + name.lowercased()).inserted { problem("duplicate attr.name \(name) for \(domain)") }
      if !["node", "edge"].contains(domain) { problem("key \(id): for=\"\(domain)\" (Gephi needs node or edge)") }
      if !["boolean", "int", "long", "float", "double", "string"].contains(type) {
        problem("key \(id): attr.type \"\(type)\"")
      }
      keys[id] = Key(name: name, domain: domain, type: type)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      switch name {
      case "data":
        guard let id = dataKey, var current = owner else { return problem("<data> outside a node or edge") }
        guard let key = keys[id] else { return problem("\(current.kind) \(current.id): data for undeclared key \(id)") }
        if key.domain != current.kind { problem("\(current.kind) \(current.id): data of \(key.domain) key \(id)") }
        if current.data[key.name] != nil { problem("\(current.kind) \(current.id): key \(id) twice") }
        check(text, key, at: "\(current.kind) \(current.id)")
        current.data[key.name] = text
        owner = current
        dataKey = nil
      case "node":
        if let current = owner { summary.nodeData[current.id] = current.data }
        owner = nil
      case "edge":
        if let current = owner, let edge = pendingEdge {
          summary.edges.append(Edge(source: edge.source, target: edge.target, data: current.data))
        }
        owner = nil
        pendingEdge = nil
      default:
        break
      }
    }

    /// Checks a value is readable as `key`'s type, as the readers read it.
    func check(_ value: String, _ key: Key, at place: String) {
      switch key.type {
      case "int", "long":
        if Int64(value) == nil { problem("\(place): \(key.name) = \"\(value)\" is not an integer") }
      case "float", "double":
        guard let number = Double(value), number.isFinite else {
          return problem("\(place): \(key.name) = \"\(value)\" is not a finite number")
        }
        if key.name == "weight", number == 0 { problem("\(place): weight 0 (Gephi drops the edge)") }
      case "boolean":
        if !["true", "false"].contains(value) { problem("\(place): \(key.name) = \"\(value)\" is not a boolean") }
      default:
        break
      }
    }

    func finish() {
      if graphs != 1 { problem("\(graphs) <graph> elements, not one") }
      for edge in summary.edges where !nodeIDs.contains(edge.source) || !nodeIDs.contains(edge.target) {
        problem("edge \(edge.source) -> \(edge.target) to a node not written")
      }
    }
  }
}
