/// A graph as two tables in the headers of Gephi's spreadsheet import
/// (Data Laboratory > Import Spreadsheet), which R, pandas and spreadsheets
/// read as they are: `nodes.csv` (`Id,Label,...`) and `edges.csv`
/// (`Source,Target,Type,Weight,...`), with the same attributes as the
/// GraphML, RFC 4180 quoting and cells guarded against formulas.
public struct GraphTables: Sendable {
  /// The node table's name in an output folder.
  public static let nodesName = "nodes.csv"
  /// The edge table's name in an output folder.
  public static let edgesName = "edges.csv"

  /// The bytes of `nodes.csv`.
  public private(set) var nodes: [UInt8]
  /// The bytes of `edges.csv`.
  public private(set) var edges: [UInt8]

  /// The tables of `document`: a column per key, in key order; an empty
  /// cell where an element has no value.
  public init(_ document: GraphMLDocument) {
    let nodeKeys = document.keys.filter { $0.domain == .node && $0.id != "label" }.map(\.id)
    let edgeKeys = document.keys.filter { $0.domain == .edge && $0.id != "weight" }.map(\.id)
    var nodeTable = CSVTable(header: ["Id", "Label"] + nodeKeys)
    for node in document.nodes {
      let values = Self.values(node)
      let label = values["label"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? node.id
      nodeTable.append([.text(node.id), .text(label)] + nodeKeys.map { Self.cell(values[$0]) })
    }
    var edgeTable = CSVTable(header: ["Source", "Target", "Type", "Weight"] + edgeKeys)
    for edge in document.edges {
      let values = Self.values(edge)
      edgeTable.append(
        [.text(edge.source ?? ""), .text(edge.target ?? ""), .text("Directed"), Self.cell(values["weight"])]
          + edgeKeys.map { Self.cell(values[$0]) })
    }
    nodes = nodeTable.takeBytes()
    edges = edgeTable.takeBytes()
  }

  private static func values(_ element: GraphMLDocument.Element) -> [String: GraphMLDocument.Value] {
    var out: [String: GraphMLDocument.Value] = [:]
    for (key, value) in element.data where out[key] == nil { out[key] = value }
    return out
  }

  private static func cell(_ value: GraphMLDocument.Value?) -> CSVTable.Cell {
    switch value {
    case nil: .text("")
    case .boolean(let b): .text(b ? "true" : "false")
    case .int(let n): .integer(n)
    case .long(let n): .integer(Int(n))
    case .double(let d): .decimal(d.isFinite ? d : nil)
    case .string(let s): .text(s)
    }
  }
}
