import SystemCalls
import Threads

/// A directed graph ready to be written: typed keys, then nodes, then edges
/// with synthetic ASCII ids, in a fixed order so the same graph always gives
/// the same bytes. It is written through a ``GraphSink``, one per file
/// format (``GraphMLSink``, ``GEXFSink``, ``GraphTables``); each sink keeps
/// the rules of the readers it writes for (Gephi's: no NaN or infinity, the
/// "INF" guard, label and weight as Gephi names them).
public struct GraphDocument: Sendable {
  /// The value types of keys, by their GraphML `attr.type` names.
  enum ValueType: String, Sendable { case boolean, int, long, double, string }
  enum Domain: String, Sendable { case node, edge }

  /// A key: its id is also its name, lower-case ASCII.
  struct Key: Sendable {
    var id: String
    var domain: Domain
    var type: ValueType
  }

  /// One value of an element.
  enum Value: Sendable {
    case boolean(Bool)
    case int(Int)
    case long(Int64)
    case double(Double)
    case string(String)

    /// The value as XML text, nil for a non-finite double (which Gephi
    /// rejects): strings without the characters XML 1.0 forbids.
    var xmlText: String? {
      switch self {
      case .boolean(let b): b ? "true" : "false"
      case .int(let v): String(v)
      case .long(let v): String(v)
      case .double(let v): v.isFinite ? v.description : nil
      case .string(let s): XMLText.clean(s)
      }
    }
  }

  /// A node (no endpoints) or an edge.
  struct Element: Sendable {
    var id: String
    var source: String? = nil
    var target: String? = nil
    var data: [(key: String, value: Value)] = []
    /// Days the node is present (an author's active days), for GEXF's
    /// `<spells>`; GraphML and CSV have no place for them, so they are
    /// turned into intervals only when GEXF is written.
    var activeDays: [CalendarDate] = []

    /// Adds a value; nil adds nothing.
    mutating func set(_ key: String, _ value: Value?) {
      guard let value else { return }
      data.append((key, value))
    }

    /// The first value of `key`.
    func value(_ key: String) -> Value? { data.first { $0.key == key }?.value }
  }

  var keys: [Key]
  var nodes: [Element] = []
  var edges: [Element] = []

  init(keys: [Key]) { self.keys = keys }

  /// Adds a node.
  mutating func addNode(_ node: Element) { nodes.append(node) }

  /// Adds an edge; an edge of weight 0 (which Gephi deletes) is left out.
  mutating func addEdge(_ edge: Element, weight: Double) {
    if let edge = Self.weighted(edge, weight) { edges.append(edge) }
  }

  /// `edge` with its weight as the first value; nil for a weight of 0 (which
  /// Gephi deletes) or a non-finite one.
  static func weighted(_ edge: Element, _ weight: Double) -> Element? {
    guard weight != 0, weight.isFinite else { return nil }
    var edge = edge
    edge.data.insert(("weight", .double(weight)), at: 0)
    return edge
  }

  /// Hands the keys, the nodes and the edges to `sink`, and finishes it.
  func write(to sink: some GraphSink) throws(GraphFileError) {
    try sink.begin(keys: keys)
    for node in nodes { try sink.add(node) }
    for edge in edges { try sink.add(edge) }
    try sink.finish()
  }

  /// The document as UTF-8 bytes of `format`.
  /// - Throws: ``GraphFileError`` when a document cannot be written.
  public func bytes(_ format: GraphFileFormat = .graphml) throws(GraphFileError) -> [UInt8] {
    let writer = try XMLStreamWriter()
    try write(to: format.sink(writer))
    return writer.bytes
  }

  /// Writes the document to `path` atomically (a temporary file in the same
  /// folder, then a rename): on error no file is left at `path`. A path
  /// ending in ".gz" gets gzip-compressed output.
  /// - Throws: ``GraphFileError`` naming the path.
  public func write(toFile path: String, _ format: GraphFileFormat = .graphml) throws(GraphFileError) {
    try AtomicFile.replace(path, failure: GraphFileError.init) { fd throws(GraphFileError) in
      try write(to: fd, path: path, format)
    }
  }

  /// Writes the document to the open file `fd` as it is serialised; `fd`
  /// stays open. The bytes are those of ``bytes(_:)``, gzip-compressed when
  /// `path` ends in ".gz".
  /// - Parameter path: the file's name, for errors.
  /// - Throws: ``GraphFileError`` naming `path`.
  public func write(to fd: Int32, path: String, _ format: GraphFileFormat = .graphml) throws(GraphFileError) {
    let writer = try XMLStreamWriter(fd: fd, gzip: path.hasSuffix(".gz"), path: path)
    try write(to: format.sink(writer))
  }
}

/// The graph file formats threadstat writes (``XMLStreamWriter``).
public enum GraphFileFormat: Sendable {
  /// GraphML, Gephi's and igraph's exchange format.
  case graphml
  /// Dynamic GEXF 1.3, for Gephi's timeline.
  case gexf

  /// The sink that writes this format into `writer`.
  func sink(_ writer: XMLStreamWriter) -> any GraphSink {
    switch self {
    case .graphml: GraphMLSink(writer)
    case .gexf: GEXFSink(writer)
    }
  }
}

/// Why a graph file could not be produced or written.
public struct GraphFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, naming the file when there is one.
  public var message: String
  public var description: String { message }
  public init(_ message: String) { self.message = message }
  /// A failed system call, its message naming the file.
  public init(_ error: SystemError) { self.message = error.description }
}

/// Text as XML 1.0 accepts it.
enum XMLText {
  /// Removes what XML 1.0 forbids or Gephi's parser rejects: C0 controls
  /// other than tab, LF and CR (NUL included), DEL and C1 controls, and the
  /// non-characters U+FFFE and U+FFFF. Returns `s` itself when it is clean.
  /// - Complexity: O(n) over the UTF-8 bytes.
  static func clean(_ s: String) -> String {
    var dirty = false
    var previous: UInt8 = 0
    for b in s.utf8 {
      if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F
        || (previous == 0xC2 && b < 0xA0) || (previous == 0xBF && (b == 0xBE || b == 0xBF))
      {
        dirty = true
        break
      }
      previous = b
    }
    guard dirty else { return s }
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars where isAllowed(scalar) { out.append(scalar) }
    return String(out)
  }

  /// Gephi (0.9.3 and later) replaces "INF" with "Infinity" in every
  /// imported data value, strings included ("INFO desk" -> "InfinityO desk").
  /// A WORD JOINER (U+2060, invisible) after "IN" keeps the text as shown.
  static func shieldINF(_ s: String) -> String {
    var found = false
    var run = 0
    for b in s.utf8 {
      switch (run, b) {
      case (_, UInt8(ascii: "I")): run = 1
      case (1, UInt8(ascii: "N")): run = 2
      case (2, UInt8(ascii: "F")): found = true
      default: run = 0
      }
      if found { break }
    }
    guard found else { return s }
    var out = ""
    var rest = Substring(s)
    while let r = rest.firstRange(of: "INF") {
      out += rest[..<r.lowerBound]
      out += "IN\u{2060}F"
      rest = rest[r.upperBound...]
    }
    return out + rest
  }

  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: false
    default: true
    }
  }
}
