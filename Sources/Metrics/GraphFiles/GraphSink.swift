/// Where a graph goes, in one order whatever the format: ``begin(keys:)``,
/// then every node, then every edge, then ``finish()``. The graphs map to
/// elements once (``GraphDocument`` and ``AuthorGraphStream``); a sink per
/// format (``GraphMLSink``, ``GEXFSink``, ``GraphTables``) writes them with
/// the rules of that format's readers.
protocol GraphSink: AnyObject {
  /// Starts the graph with the keys its elements may carry.
  func begin(keys: [GraphDocument.Key]) throws(GraphFileError)
  /// Adds a node (an element without endpoints) or an edge; nodes come first.
  func add(_ element: GraphDocument.Element) throws(GraphFileError)
  /// Ends the graph and pushes every byte out.
  func finish() throws(GraphFileError)
}

/// Gephi's import rules for values, kept by every sink Gephi reads.
enum GephiValues {
  /// `value` as Gephi should import it: a string other than the label gets
  /// ``XMLText/shieldINF(_:)``, since Gephi rewrites "INF" in every data
  /// value (labels are set directly).
  static func shielded(_ key: String, _ value: GraphDocument.Value) -> GraphDocument.Value {
    guard key != "label", case .string(let s) = value else { return value }
    return .string(XMLText.shieldINF(s))
  }
}
