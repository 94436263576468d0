import Foundation
import Testing

@Suite("the same page given twice is counted once")
struct DuplicatePageTests {
  @Test(arguments: [["stats", "--format", "json"], ["stats", "--format", "csv"], ["graph"]])
  func copyCountsOnce(command: [String]) throws {
    let dir = try CLI.scratch("cli-copies")
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("copy.txt")
    try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Samples/disqus.txt"), to: copy)
    let once = try CLI.run(command + ["Samples/disqus.txt", "Samples/plain.txt"])
    let twice = try CLI.run(command + ["Samples/disqus.txt", "Samples/plain.txt", copy.path])
    #expect(once.status == 0 && twice.status == 0, "\(twice.stderr)")
    #expect(!once.stdout.isEmpty)
    #expect(twice.stdout == once.stdout)
    let notes = twice.stderr.split(separator: "\n").filter { $0.contains("same content") }
    #expect(notes == ["\(copy.path): note: same content as Samples/disqus.txt; counted once"])
  }

  /// Without the copy rule the doubled page doubles every count: the test can tell.
  @Test func aChangedByteIsAnotherPage() throws {
    let dir = try CLI.scratch("cli-near-copies")
    defer { try? FileManager.default.removeItem(at: dir) }
    let near = dir.appendingPathComponent("near.txt")
    var bytes = try Data(contentsOf: CLI.root.appendingPathComponent("Samples/disqus.txt"))
    bytes.append(0x0A)
    try bytes.write(to: near)
    let once = try CLI.json(try CLI.run(["stats", "--format", "json", "Samples/disqus.txt"]).stdout.wrappedInObject)
    let both = try CLI.run(["stats", "--format", "json", "Samples/disqus.txt", near.path])
    #expect(!both.stderr.contains("same content"))
    let first = try #require((once["rows"] as? [[String: Any]])?.first)
    let doubled = try #require((try CLI.json(both.stdout.wrappedInObject)["rows"] as? [[String: Any]])?.first)
    #expect((doubled["comments"] as? Int) == 2 * ((first["comments"] as? Int) ?? -1))
  }
}

extension String {
  /// A JSON array as the value of "rows" in an object, for `CLI.json`.
  fileprivate var wrappedInObject: String { "{\"rows\": " + self + "}" }
}
