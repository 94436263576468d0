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

extension GraphDocument {
  /// The nodes and edges this document writes.
  public var counts: GraphMLCounts { GraphMLCounts(nodes: nodes.count, edges: edges.count) }

  /// Parses `bytes` back with libxml2 (``XMLTree``: no network, no entity
  /// expansion, no messages) and counts the `<node>` and `<edge>` children
  /// of `<graph>`.
  /// - Throws: ``GraphFileError`` when the bytes are not well-formed XML, the
  ///   root is not `<graphml>` with one `<graph>`, or an edge names an
  ///   endpoint that is not a node id.
  public static func counts(parsing bytes: [UInt8]) throws(GraphFileError) -> GraphMLCounts {
    guard !bytes.isEmpty else { throw GraphFileError("libxml2: GraphML is empty") }
    guard let tree = XMLTree.xml(bytes) else { throw GraphFileError("libxml2: GraphML is not well-formed XML") }
    let nodes = tree.nodes
    guard nodes[0].name == "graphml" else { throw GraphFileError("libxml2: the root element is not <graphml>") }
    let graphs = nodes[0].children.filter { nodes[$0].name == "graph" }
    guard graphs.count == 1 else { throw GraphFileError("libxml2: \(graphs.count) <graph> elements, expected 1") }
    var ids: Set<String> = []
    var counts = GraphMLCounts(nodes: 0, edges: 0)
    var endpoints: [String] = []
    for child in nodes[graphs[0]].children where nodes[child].name != "#text" {
      let element = nodes[child]
      switch element.name {
      case "node":
        counts.nodes += 1
        guard let id = element.attributes["id"], ids.insert(id).inserted else {
          throw GraphFileError("libxml2: a <node> without a unique id")
        }
      case "edge":
        counts.edges += 1
        guard let source = element.attributes["source"], let target = element.attributes["target"] else {
          throw GraphFileError("libxml2: an <edge> without source or target")
        }
        endpoints += [source, target]
      default:
        throw GraphFileError("libxml2: unexpected <\(element.name)> in <graph>")
      }
    }
    if let missing = endpoints.first(where: { !ids.contains($0) }) {
      throw GraphFileError("libxml2: an edge points to \(missing), which is not a node")
    }
    return counts
  }
}
