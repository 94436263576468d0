import Foundation
import Testing

@Suite("parser findings reach stderr from every command")
struct DiagnosticsEveryCommandTests {
  /// A reply marker naming nobody on the page, at line 12: the parser warns.
  static let page = """
    A Page About Ferries And Their Timetables Today

    The ferry company changed its winter timetable again this week, and commuters on the island route say nobody told them before the first cancelled sailing on Monday.

    Notify of
    Jo Fine
    Jo Fine
    May 1, 2021

    First.

    Kit Lane
    Kit Lane
    Reply to\u{00A0} Ghost Writer
    May 2, 2021

    Second.

    """

  @Test(arguments: [["parse", "--format", "json"], ["graph"], ["stats"], ["drift"], ["batch"]])
  func warningNamesFileAndLine(command: [String]) throws {
    let dir = try CLI.scratch("cli-diag-\(command[0])")
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let page = input.appendingPathComponent("dangling.txt")
    try Data(Self.page.utf8).write(to: page)
    let parse = try CLI.run(["parse", page.path, "--format", "json"])
    let want = try #require(
      (try CLI.json(parse.stdout)["diagnostics"] as? [[String: Any]])?.first { ($0["severity"] as? String) == "warning" })
    let line = try #require(want["line"] as? Int)
    let message = try #require(want["message"] as? String)
    let arguments =
      command == ["batch"]
      ? ["batch", input.path, "--out", dir.appendingPathComponent("out").path] : command + [page.path]
    let r = try CLI.run(arguments)
    #expect(r.status == 0, "\(r.stderr)")
    // batch names the file by its path below the input folder.
    let file = command == ["batch"] ? "dangling.txt" : page.path
    #expect(r.stderr.split(separator: "\n").contains { $0 == "\(file):\(line): warning: \(message)" }, "\(r.stderr)")
  }
}
