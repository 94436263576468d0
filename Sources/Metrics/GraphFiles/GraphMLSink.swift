/// GraphML for Gephi, igraph and networkx: `<key>`s first (`for` node or
/// edge, `attr.name` equal to the id), then `<node>`s and `<edge>`s with
/// `<data>`; values Gephi rejects (NaN, infinity) are left out.
final class GraphMLSink: GraphSink {
  private static let namespace = "http://graphml.graphdrawing.org/xmlns"
  private static let schemaLocation =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

  private let xml: XMLStreamWriter

  /// A sink writing into `xml`, a writer with nothing written yet.
  init(_ xml: XMLStreamWriter) { self.xml = xml }

  func begin(keys: [GraphDocument.Key]) throws(GraphFileError) {
    try xml.startDocument()
    try xml.start("graphml")
    try xml.attribute("xmlns", Self.namespace)
    try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
    try xml.attribute("xsi:schemaLocation", Self.schemaLocation)
    for key in keys {
      try xml.start("key")
      try xml.attribute("id", key.id)
      try xml.attribute("for", key.domain.rawValue)
      try xml.attribute("attr.name", key.id)
      try xml.attribute("attr.type", key.type.rawValue)
      try xml.end()
    }
    try xml.start("graph")
    try xml.attribute("id", "replies")
    try xml.attribute("edgedefault", "directed")
  }

  func add(_ element: GraphDocument.Element) throws(GraphFileError) {
    try xml.start(element.source == nil ? "node" : "edge")
    try xml.attribute("id", element.id)
    if let source = element.source { try xml.attribute("source", source) }
    if let target = element.target { try xml.attribute("target", target) }
    for (key, value) in element.data {
      guard let text = GephiValues.shielded(key, value).xmlText else { continue }
      try xml.start("data")
      try xml.attribute("key", key)
      try xml.text(text)
      try xml.end()
    }
    try xml.end()
  }

  func finish() throws(GraphFileError) {
    try xml.end()
    try xml.end()
    try xml.finish()
  }
}
