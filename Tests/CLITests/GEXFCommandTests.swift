import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `graph --format gexf`: GEXF 1.3 that passes the official RELAX NG
/// schema, holds the GraphML's graph, and carries the dates Gephi's
/// timeline plays.
@Suite("threadstat graph --format gexf, end to end")
struct GEXFCommandTests {
  private static let schema = CLI.root.appendingPathComponent("Tests/Fixtures/gexf-1.3/gexf.rng").path

  private static var samples: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Samples").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { "Samples/" + $0 }
  }

  /// Elements named `name` with their attributes.
  private func elements(_ document: XMLDocument, _ name: String) throws -> [[String: String]] {
    try document.nodes(forXPath: "//*[local-name()='\(name)']").map { node in
      let element = try #require(node as? XMLElement)
      var out: [String: String] = [:]
      for a in element.attributes ?? [] { out[a.name ?? ""] = a.stringValue ?? "" }
      return out
    }
  }

  /// Each node's `<spell>` intervals, by node id.
  private func spellsByNode(_ document: XMLDocument) throws -> [String: [(start: String, end: String)]] {
    func attributes(_ node: XMLNode) -> [String: String] {
      var out: [String: String] = [:]
      for a in (node as? XMLElement)?.attributes ?? [] { out[a.name ?? ""] = a.stringValue ?? "" }
      return out
    }
    func children(_ node: XMLNode, _ name: String) -> [XMLNode] {
      (node.children ?? []).filter { $0.localName == name }
    }
    var out: [String: [(start: String, end: String)]] = [:]
    for node in try document.nodes(forXPath: "//*[local-name()='node']") {
      for spell in children(node, "spells").flatMap({ children($0, "spell") }) {
        let a = attributes(spell)
        out[attributes(node)["id"] ?? "", default: []].append((a["start"] ?? "", a["end"] ?? ""))
      }
    }
    return out
  }

  @Test(arguments: ["author", "comment"])
  func everySampleValidatesAndHoldsTheGraph(level: String) throws {
    let dir = try CLI.scratch("gexf-\(level)")
    defer { try? FileManager.default.removeItem(at: dir) }
    var dated = 0
    for file in Self.samples {
      let gexf = dir.appendingPathComponent("g.gexf").path
      let graphml = dir.appendingPathComponent("g.graphml").path
      #expect(try CLI.run(["graph", file, "--level", level, "--format", "gexf", "-o", gexf]).status == 0)
      #expect(try CLI.run(["graph", file, "--level", level, "-o", graphml]).status == 0)
      let lint = try CLI.runTool("/usr/bin/env", ["xmllint", "--noout", "--relaxng", Self.schema, gexf])
      #expect(lint.status == 0, "\(file): \(lint.output)")
      let document = try XMLDocument(contentsOf: URL(fileURLWithPath: gexf), options: [])
      let graph = try GraphMLCheck(path: graphml).summary
      let nodes = try elements(document, "node")
      #expect(nodes.map { $0["id"] ?? "" } == graph.nodeIDs, "\(file)")
      let edges = try elements(document, "edge")
      #expect(edges.map { [$0["source"] ?? "", $0["target"] ?? ""] } == graph.edges.map { [$0.source, $0.target] })
      var starts: [String: String] = [:]
      let spells = try spellsByNode(document)
      for node in nodes {
        let id = node["id"] ?? ""
        let data = graph.nodeData[id] ?? [:]
        #expect(node["label"] == data["label"], "\(file) \(id)")
        if data["kind"] == "author", let first = data["first_date"], let last = data["last_date"] {
          // An author is there on the days of their comments, first to last, and only then.
          let own = spells[id] ?? []
          #expect(node["start"] == nil, "\(file) \(id)")
          #expect(own.first?.start == first && own.last?.end == last, "\(file) \(id): \(own)")
          #expect(zip(own, own.dropFirst()).allSatisfy { $0.end < $1.start }, "\(file) \(id): \(own)")
          starts[id] = first
          dated += 1
          continue
        }
        // Any other node starts on its own date: the comment's or the article's.
        #expect(node["start"] == (data["date"] ?? data["first_date"]), "\(file) \(id)")
        #expect(spells[id] == nil, "\(file) \(id)")
        if let start = node["start"] { starts[id] = start; dated += 1 }
      }
      for (edge, expected) in zip(edges, graph.edges) {
        #expect(Double(edge["weight"] ?? "") == Double(expected.data["weight"] ?? ""))
        let ends = [starts[expected.source], starts[expected.target]].compactMap { $0 }
        #expect(edge["start"] == ends.max(), "\(file): edge \(expected.source) -> \(expected.target)")
      }
    }
    #expect(dated > 20)
  }
}
