/// Dynamic GEXF 1.3 for Gephi's timeline (`mode="dynamic"`,
/// `timeformat="date"`): a node starts on its date (`date`, or `first_date`
/// for articles) and stays; an author is there on the days of their
/// comments (`<spells>`, consecutive days joined); an edge starts when both
/// its ends are there. Same attributes as the GraphML, with label and weight
/// as GEXF's own.
final class GEXFSink: GraphSink {
  private let xml: XMLStreamWriter
  /// Each node's start day (ISO, compares as text), by id: an edge never
  /// starts before either end. A short string per dated node.
  private var starts: [String: String] = [:]
  private var inEdges = false
  /// GEXF's own attributes, written as XML attributes rather than attvalues.
  private static let own: Set<String> = ["label", "weight"]

  /// A sink writing into `xml`, a writer with nothing written yet.
  init(_ xml: XMLStreamWriter) { self.xml = xml }

  /// The GEXF `type` of a key's values.
  private static func type(_ type: GraphDocument.ValueType) -> String {
    switch type {
    case .boolean: "boolean"
    case .int: "integer"
    case .long: "long"
    case .double: "double"
    case .string: "string"
    }
  }

  func begin(keys: [GraphDocument.Key]) throws(GraphFileError) {
    try xml.startDocument()
    try xml.start("gexf")
    try xml.attribute("xmlns", "http://gexf.net/1.3")
    try xml.attribute("version", "1.3")
    try xml.start("meta")
    try xml.start("creator")
    try xml.text("threadstat")
    try xml.end()
    try xml.end()
    try xml.start("graph")
    try xml.attribute("mode", "dynamic")
    try xml.attribute("defaultedgetype", "directed")
    try xml.attribute("timeformat", "date")
    try xml.attribute("timerepresentation", "interval")
    try xml.attribute("timezone", "UTC")
    for domain in [GraphDocument.Domain.node, .edge] {
      let attributes = keys.filter { $0.domain == domain && !Self.own.contains($0.id) }
      guard !attributes.isEmpty else { continue }
      try xml.start("attributes")
      try xml.attribute("class", domain.rawValue)
      for key in attributes {
        try xml.start("attribute")
        try xml.attribute("id", key.id)
        try xml.attribute("title", key.id)
        try xml.attribute("type", Self.type(key.type))
        try xml.end()
      }
      try xml.end()
    }
    try xml.start("nodes")
  }

  func add(_ element: GraphDocument.Element) throws(GraphFileError) {
    guard let source = element.source else { return try node(element) }
    if !inEdges { try openEdges() }
    try xml.start("edge")
    try xml.attribute("id", element.id)
    try xml.attribute("source", source)
    try xml.attribute("target", element.target ?? "")
    if let weight = element.value("weight")?.xmlText { try xml.attribute("weight", weight) }
    let ends = [starts[source], element.target.flatMap { starts[$0] }].compactMap { $0 }
    if let day = ends.max() { try xml.attribute("start", day) }
    try attvalues(element.data)
    try xml.end()
  }

  private func node(_ element: GraphDocument.Element) throws(GraphFileError) {
    try xml.start("node")
    try xml.attribute("id", element.id)
    try xml.attribute("label", element.value("label")?.xmlText ?? "")
    if case .string(let day)? = element.value("date") ?? element.value("first_date"), !day.isEmpty {
      starts[element.id] = day
      // With spells the node is there on those days only; a start would add [start, ∞).
      if element.activeDays.isEmpty { try xml.attribute("start", day) }
    }
    try attvalues(element.data)
    if !element.activeDays.isEmpty {
      try xml.start("spells")
      for spell in GraphDocument.spells(element.activeDays) {
        try xml.start("spell")
        try xml.attribute("start", spell.start)
        try xml.attribute("end", spell.end)
        try xml.end()
      }
      try xml.end()
    }
    try xml.end()
  }

  private func openEdges() throws(GraphFileError) {
    try xml.end()
    try xml.start("edges")
    inEdges = true
  }

  /// `<attvalues>` of the values other than GEXF's own that can be written, if any.
  private func attvalues(_ data: [(key: String, value: GraphDocument.Value)]) throws(GraphFileError) {
    let written = data.compactMap { item in
      Self.own.contains(item.key) ? nil : GephiValues.shielded(item.key, item.value).xmlText.map { (item.key, $0) }
    }
    guard !written.isEmpty else { return }
    try xml.start("attvalues")
    for (key, text) in written {
      try xml.start("attvalue")
      try xml.attribute("for", key)
      try xml.attribute("value", text)
      try xml.end()
    }
    try xml.end()
  }

  func finish() throws(GraphFileError) {
    if !inEdges { try openEdges() }
    try xml.end()
    try xml.end()
    try xml.end()
    try xml.finish()
  }
}
