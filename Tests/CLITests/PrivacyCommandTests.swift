import Foundation
import Testing

/// `--pseudonymize KEYFILE`: no author name of a sample survives in any
/// output of any command, and the same key gives the same pseudonyms.
@Suite("pseudonymised output, end to end")
struct PrivacyCommandTests {
  private static var samples: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Samples").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { "Samples/" + $0 }
  }

  /// The author names `parse` finds in `file` (two characters or more: a
  /// one-letter name cannot be told from a word in a text).
  private func names(_ file: String) throws -> Set<String> {
    let object = try CLI.json(try CLI.run(["parse", file, "--format", "json"]).stdout)
    let comments = try #require(object["comments"] as? [[String: Any]])
    return Set(comments.compactMap { $0["author"] as? String }.filter { $0.count >= 2 })
  }

  /// Whether `name` occurs in `text` as a whole word (not inside a longer one).
  private func occurs(_ name: String, in text: String) -> Bool {
    var from = text.startIndex
    while let r = text.range(of: name, range: from..<text.endIndex) {
      let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
      let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
      let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
      if !isWord(before) && !isWord(after) { return true }
      from = r.upperBound
    }
    return false
  }

  @Test("no sample's author name in parse, stats, graph, drift or report output")
  func noNameSurvives() throws {
    let dir = try CLI.scratch("privacy")
    defer { try? FileManager.default.removeItem(at: dir) }
    let key = dir.appendingPathComponent("key")
    try Data((0..<32).map { UInt8($0 * 7 + 3) }).write(to: key)
    var checked = 0
    for file in Self.samples {
      let names = try names(file)
      guard !names.isEmpty else { continue }
      let report = dir.appendingPathComponent("r.html")
      let runs = [
        ["parse", file, "--format", "json"], ["parse", file, "--format", "text"], ["stats", file, "--format", "csv"],
        ["graph", file], ["graph", file, "--level", "comment"], ["drift", file, "--format", "json"],
      ]
      var outputs: [String] = []
      for arguments in runs {
        let r = try CLI.run(arguments + ["--pseudonymize", key.path])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        outputs.append(r.stdout + r.stderr)
      }
      #expect(try CLI.run(["report", file, "-o", report.path, "--pseudonymize", key.path]).status == 0)
      // The report's own style sheet ("system-ui") is not written from the page.
      let html = try String(contentsOf: report, encoding: .utf8)
      let styleEnd = html.range(of: "</style>")?.upperBound ?? html.startIndex
      outputs.append(String(html[styleEnd...]))
      for name in names {
        for (i, output) in outputs.enumerated() {
          #expect(!occurs(name, in: output), "\(file): \"\(name)\" in the output of \(i < runs.count ? runs[i].joined(separator: " ") : "report")")
        }
      }
      #expect(outputs[2].contains("u_"))
      // Without the key the same check finds the names: it can fail.
      let plain = try CLI.run(["stats", file, "--format", "json"]).stdout
      #expect(names.contains { occurs($0, in: plain) }, "\(file)")
      checked += 1
    }
    #expect(checked >= 10)
  }

  @Test("same key, same pseudonyms; another key, others; a short key is refused")
  func keys() throws {
    let dir = try CLI.scratch("privacy-keys")
    defer { try? FileManager.default.removeItem(at: dir) }
    let one = dir.appendingPathComponent("one")
    let two = dir.appendingPathComponent("two")
    let short = dir.appendingPathComponent("short")
    try Data(repeating: 1, count: 32).write(to: one)
    try Data(repeating: 2, count: 32).write(to: two)
    try Data(repeating: 3, count: 8).write(to: short)
    let file = "Samples/wpdiscuz-twice.txt"
    let a = try CLI.run(["stats", file, "--format", "csv", "--pseudonymize", one.path])
    let b = try CLI.run(["stats", file, "--format", "csv", "--pseudonymize", one.path])
    let c = try CLI.run(["stats", file, "--format", "csv", "--pseudonymize", two.path])
    #expect(a.status == 0 && a.stdout == b.stdout)
    #expect(a.stdout != c.stdout)
    // The pseudonyms change, the counts do not.
    let plain = try CLI.run(["stats", file, "--format", "csv"])
    let counts = { (s: String) in s.split(separator: "\n").dropFirst().map { $0.split(separator: ",").dropFirst().joined(separator: ",") }.sorted() }
    #expect(counts(a.stdout) == counts(plain.stdout))
    let refused = try CLI.run(["stats", file, "--pseudonymize", short.path])
    #expect(refused.status == 1)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains(short.path))
  }

  @Test("several files: parse --format jsonl writes one object per line, each the file's json")
  func jsonLines() throws {
    let files = Array(Self.samples.prefix(4))
    let r = try CLI.run(["parse"] + files + ["--format", "jsonl"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == files.count)
    for (line, file) in zip(lines, files) {
      let single = try CLI.json(try CLI.run(["parse", file, "--format", "json"]).stdout) as NSDictionary
      #expect(try CLI.json(String(line)) as NSDictionary == single)
    }
    #expect(try CLI.run(["parse"] + files + ["--format", "json"]).status == 64)
  }
}
