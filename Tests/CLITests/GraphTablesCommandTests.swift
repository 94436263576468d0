import Foundation
import TestSupport
import Testing

/// `graph --format csv`: the node and edge tables hold the graph the GraphML
/// holds, read back by independent readers (CSVRows, GraphMLCheck).
@Suite("threadstat graph --format csv, end to end")
struct GraphTablesCommandTests {
  @Test(arguments: ["author", "comment"])
  func tablesHoldTheGraphMLGraph(level: String) throws {
    let dir = try CLI.scratch("graph-csv-\(level)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = ["Samples/wpdiscuz-twice.txt", "Samples/youtube.txt", "Samples/reddit.txt"]
    let graphml = dir.appendingPathComponent("g.graphml").path
    #expect(try CLI.run(["graph"] + files + ["--level", level, "-o", graphml]).status == 0)
    let tables = dir.appendingPathComponent("tables").path
    let r = try CLI.run(["graph"] + files + ["--level", level, "--format", "csv", "-o", tables])
    #expect(r.status == 0, "\(r.stderr)")
    let graph = try GraphMLCheck(path: graphml).summary
    let nodes = try #require(CSVRows(try String(contentsOfFile: tables + "/nodes.csv", encoding: .utf8)))
    let edges = try #require(CSVRows(try String(contentsOfFile: tables + "/edges.csv", encoding: .utf8)))
    #expect(Array(nodes.header.prefix(2)) == ["Id", "Label"])
    #expect(Array(edges.header.prefix(4)) == ["Source", "Target", "Type", "Weight"])
    #expect(nodes.records.map { $0["Id"] ?? "" } == graph.nodeIDs)
    for node in nodes.records {
      let data = graph.nodeData[node["Id"] ?? ""] ?? [:]
      // Labels are guarded against spreadsheet formulas: "=x" is written "'=x".
      let label = node["Label"] ?? ""
      let shown = ["=", "+", "-", "@"].contains { (data["label"] ?? "").hasPrefix($0) } ? "'" + (data["label"] ?? "") : data["label"]
      #expect(label == shown, "\(node["Id"] ?? "")")
      #expect(node["kind"] == data["kind"])
      if let comments = data["comments"] { #expect(node["comments"] == comments) }
    }
    #expect(edges.records.map { [$0["Source"] ?? "", $0["Target"] ?? ""] } == graph.edges.map { [$0.source, $0.target] })
    for (row, edge) in zip(edges.records, graph.edges) {
      #expect(row["Type"] == "Directed")
      #expect(Double(row["Weight"] ?? "") == Double(edge.data["weight"] ?? ""))
    }
    #expect(graph.edges.count > 0)
  }

  @Test func csvNeedsAFolder() throws {
    let r = try CLI.run(["graph", "Samples/plain.txt", "--format", "csv"])
    #expect(r.status == 64)
    #expect(r.stdout.isEmpty)
  }
}
