import Foundation
import Testing

/// Saved HTML pages and export files (`Samples/structured`): every command
/// reads them by content, and they give exactly the threads their markup
/// holds (each `NAME.expected.json`).
@Suite("structured inputs, end to end")
struct StructuredInputCommandTests {
  private static let folder = "Samples/structured"

  private static var samples: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".html") }.sorted().map { folder + "/" + $0 }
  }

  /// The first 8 whitespace-separated words.
  private func firstWords(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).prefix(8).joined(separator: " ")
  }

  @Test func samplesGiveTheirExpectedThreads() throws {
    #expect(Self.samples.count >= 4)
    for file in Self.samples {
      let stem = file.replacingOccurrences(of: ".xml", with: "").replacingOccurrences(of: ".html", with: "")
      let expected = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.root.appendingPathComponent(stem + ".expected.json"))) as? [String: Any])
      let r = try CLI.run(["parse", file, "--format", "json"])
      #expect(r.status == 0, "\(file): \(r.stderr)")
      let got = try CLI.json(r.stdout)
      #expect(got["layout"] as? String == expected["layout"] as? String, "\(file)")
      let article = got["article"] as? [String: Any]
      #expect(article?["title"] as? String == expected["title"] as? String, "\(file)")
      #expect((article?["date"] as? String) == (expected["article_date"] as? String), "\(file)")
      let comments = try #require(got["comments"] as? [[String: Any]])
      let want = try #require(expected["comments"] as? [[String: Any]])
      #expect(comments.count == want.count, "\(file)")
      for (c, w) in zip(comments, want) {
        for key in ["author", "date", "reply_evidence"] {
          #expect((c[key] as? String) == (w[key] as? String), "\(file) #\(c["index"] ?? "?") \(key)")
        }
        #expect((c["parent"] as? Int) == (w["parent"] as? Int), "\(file) #\(c["index"] ?? "?") parent")
        #expect((c["truncated"] as? Bool) == (w["truncated"] as? Bool))
        #expect(firstWords(c["text"] as? String ?? "") == w["first_words"] as? String, "\(file) #\(c["index"] ?? "?")")
      }
    }
  }

  @Test func everyCommandReadsThem() throws {
    let dir = try CLI.scratch("structured")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = Self.folder + "/wordpress-export.xml"
    let stats = try CLI.run(["stats", file, "--format", "csv"])
    #expect(stats.status == 0)
    #expect(stats.stdout.contains("Hal Brewster,2,"))
    let graph = try CLI.run(["graph", file])
    #expect(graph.status == 0 && graph.stdout.contains("Rita Okafor"))
    #expect(try CLI.run(["drift", file, "--format", "csv"]).stdout.split(separator: "\n").count == 4)
    // batch takes an export of one thread as one page.
    let input = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(file), to: input.appendingPathComponent("wp.xml"))
    let out = dir.appendingPathComponent("out").path
    let batch = try CLI.run(["batch", input.path, "--out", out, "--include", "*.xml", "--quiet"])
    #expect(batch.status == 0, "\(batch.stderr)")
    let pages = try String(contentsOfFile: out + "/pages.csv", encoding: .utf8)
    #expect(pages.contains("wp.xml,Water Butts Arrive for Every Plot,2022-06-03,wxr"))
  }
}
