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
  public init(_ document: GraphDocument) {
    let sink = CSVGraphSink()
    do { try document.write(to: sink) } catch {
      preconditionFailure("tables kept in memory cannot fail to be written: \(error)")
    }
    nodes = sink.nodes.bytes
    edges = sink.edges.bytes
  }
}

/// The sink behind ``GraphTables``: a row per node and per edge, kept in
/// memory, or the edge table alone handed in chunks to `drain` as it grows
/// (the batch's corpus `edges.csv`), so a large table is never held whole.
final class CSVGraphSink: GraphSink {
  /// Takes the next bytes of a table; the last call comes from ``finish()``.
  typealias Drain = ([UInt8]) throws(GraphFileError) -> Void

  private(set) var nodes = CSVTable(header: [])
  private(set) var edges = CSVTable(header: [])
  private var nodeKeys: [String] = []
  private var edgeKeys: [String] = []
  /// Where the edge table goes; nil keeps both tables in memory.
  private let drainEdges: Drain?
  /// Bytes a drained table gathers before it is handed over.
  private static let chunk = 1 << 16

  /// Both tables, kept in memory.
  init() {
    drainEdges = nil
  }

  /// The edge table alone, handed to `drain`; nodes are passed over.
  init(edges drain: @escaping Drain) {
    drainEdges = drain
  }

  func begin(keys: [GraphDocument.Key]) throws(GraphFileError) {
    nodeKeys = keys.filter { $0.domain == .node && $0.id != "label" }.map(\.id)
    edgeKeys = keys.filter { $0.domain == .edge && $0.id != "weight" }.map(\.id)
    nodes = CSVTable(header: ["Id", "Label"] + nodeKeys)
    edges = CSVTable(header: ["Source", "Target", "Type", "Weight"] + edgeKeys)
  }

  func add(_ element: GraphDocument.Element) throws(GraphFileError) {
    if element.source == nil, drainEdges != nil { return }
    let values = Self.values(element)
    guard let source = element.source else {
      let label = values["label"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? element.id
      nodes.append([.text(element.id), .text(label)] + nodeKeys.map { Self.cell(values[$0]) })
      return
    }
    edges.append(
      [.text(source), .text(element.target ?? ""), .text("Directed"), Self.cell(values["weight"])]
        + edgeKeys.map { Self.cell(values[$0]) })
    try drain(&edges, drainEdges, final: false)
  }

  func finish() throws(GraphFileError) {
    try drain(&edges, drainEdges, final: true)
  }

  private func drain(_ table: inout CSVTable, _ drain: Drain?, final: Bool) throws(GraphFileError) {
    guard let drain, final || table.bytes.count >= Self.chunk else { return }
    try drain(table.takeBytes())
  }

  /// Each key's first value, shielded as Gephi's import needs.
  private static func values(_ element: GraphDocument.Element) -> [String: GraphDocument.Value] {
    var out: [String: GraphDocument.Value] = [:]
    for (key, value) in element.data where out[key] == nil { out[key] = GephiValues.shielded(key, value) }
    return out
  }

  private static func cell(_ value: GraphDocument.Value?) -> CSVTable.Cell {
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
