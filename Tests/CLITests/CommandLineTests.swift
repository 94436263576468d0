import Foundation
import Testing

/// Runs the built `threadstat` binary and checks what a user sees: standard
/// output, standard error and the exit status.
enum CLI {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var binary: URL {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("threadstat")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
    let p = Process()
    p.executableURL = binary
    p.arguments = arguments
    p.currentDirectoryURL = root
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  /// Runs another program (a checker such as xmllint) to completion.
  static func runTool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = root
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A new empty folder of its own (parallel cases of one test get different ones); the caller removes it.
  static func scratch(_ name: String) throws -> URL {
    var template = Array("\(FileManager.default.temporaryDirectory.path)/threadstat-\(name)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return URL(fileURLWithPath: try #require(made.map { String(cString: $0) }), isDirectory: true)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }
}

@Suite("threadstat parse, end to end")
struct ParseCommandTests {
  @Test("JSON output follows the contract")
  func json() throws {
    let r = try CLI.run(["parse", "Samples/wpdiscuz-twice.txt", "--format", "json"])
    #expect(r.status == 0)
    let object = try CLI.json(r.stdout)
    #expect(object["layout"] as? String == "wpdiscuz")
    let comments = try #require(object["comments"] as? [[String: Any]])
    let expected = try JSONSerialization.jsonObject(
      with: Data(contentsOf: CLI.root.appendingPathComponent("Samples/wpdiscuz-twice.expected.json"))) as? [String: Any]
    #expect(comments.count == (expected?["comments"] as? [Any])?.count)
    for (i, c) in comments.enumerated() {
      #expect(c["index"] as? Int == i)
      for key in ["author", "author_inferred", "date", "parent", "reply_evidence", "truncated", "text", "words", "line"] {
        #expect(c[key] != nil, "comment \(i) lacks \(key)")
      }
    }
    let article = try #require(object["article"] as? [String: Any])
    #expect(Set(article.keys).isSuperset(of: ["title", "date", "text", "words"]))
  }

  @Test("standard input as -, and the same bytes give the same output")
  func stdin() throws {
    let data = try Data(contentsOf: CLI.root.appendingPathComponent("Samples/plain.txt"))
    let fromStdin = try CLI.run(["parse", "-", "--format", "json"], stdin: data)
    let fromFile = try CLI.run(["parse", "Samples/plain.txt", "--format", "json"])
    #expect(fromStdin.status == 0)
    let a = try CLI.json(fromStdin.stdout)
    let b = try CLI.json(fromFile.stdout)
    #expect(a["source"] as? String == "-")
    #expect((a["comments"] as? [[String: Any]])?.count == (b["comments"] as? [[String: Any]])?.count)
    #expect(try CLI.run(["parse", "Samples/plain.txt", "--format", "json"]).stdout == fromFile.stdout)
  }

  @Test("text output is an indented tree")
  func text() throws {
    let r = try CLI.run(["parse", "Samples/wpdiscuz-twice.txt", "--format", "text"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("reply to #"))
    #expect(r.stdout.contains("(inferred)"))
    #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("    #") })
  }

  @Test(
    "unreadable input: one line naming it, exit 1, nothing on stdout",
    arguments: [("/nonexistent/page.txt", "no such file"), ("Samples", "is a directory")])
  func badInput(path: String, message: String) throws {
    let r = try CLI.run(["parse", path])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains(path))
    #expect(r.stderr.contains(message))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test("warnings go to stderr as FILE:LINE, and fail the run only with --strict")
  func strict() throws {
    let dir = try CLI.scratch("cli-strict")
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("dangling.txt")
    try Data(DiagnosticsEveryCommandTests.page.utf8).write(to: page)
    let lax = try CLI.run(["parse", page.path, "--format", "json"])
    #expect(lax.status == 0)
    #expect(lax.stderr.contains("\(page.path):12: warning:"))
    let strict = try CLI.run(["parse", page.path, "--format", "json", "--strict"])
    #expect(strict.status == 1)
  }

  @Test("bad flags are usage errors")
  func usage() throws {
    let r = try CLI.run(["parse", "Samples/plain.txt", "--format", "xml"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("format"))
  }
}

@Suite("threadstat graph, end to end")
struct GraphCommandTests {
  @Test("-o writes nothing when an input cannot be read, and leaves an existing file alone")
  func noPartialOutput() throws {
    let dir = try CLI.scratch("cli-graph")
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.graphml")
    let r = try CLI.run(["graph", "Samples/plain.txt", "/nonexistent.txt", "-o", out.path])
    #expect(r.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out.path))
    try Data("keep".utf8).write(to: out)
    _ = try CLI.run(["graph", "/nonexistent.txt", "-o", out.path])
    #expect(try String(contentsOf: out, encoding: .utf8) == "keep")
    let ok = try CLI.run(["graph", "Samples/plain.txt", "-o", out.path])
    #expect(ok.status == 0)
    #expect(try String(contentsOf: out, encoding: .utf8).contains("<graphml"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(leftovers == ["out.graphml"])
  }

  @Test("-o into a pipe writes through it and leaves the pipe in place")
  func outputIntoPipe() throws {
    let dir = try CLI.scratch("cli-fifo")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("out.fifo").path
    try #require(mkfifo(fifo, 0o600) == 0)
    // Opened before the writer, without blocking, and read once the writer is
    // done: the small sample's GraphML fits the pipe's 64 kB buffer.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    let r = try CLI.run(["graph", "Samples/disqus.txt", "-o", fifo])
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      received += chunk[..<n]
    }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(String(decoding: received, as: UTF8.self).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    var info = stat()
    #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  @Test("stdout GraphML is byte-identical across runs")
  func deterministic() throws {
    let a = try CLI.run(["graph", "Samples/disqus.txt", "Samples/facebook.txt"])
    let b = try CLI.run(["graph", "Samples/disqus.txt", "Samples/facebook.txt"])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
  }
}

@Suite("input in other encodings, and input that is not text, end to end")
struct EncodingCommandTests {
  @Test("a binary file: every command exits 1 with one line naming it, nothing on stdout")
  func binaryFile() throws {
    let dir = try CLI.scratch("cli-binary")
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("page.txt")
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 120)).write(to: page)
    var paths = [page.path]
    if FileManager.default.isReadableFile(atPath: "/usr/bin/ls") { paths.append("/usr/bin/ls") }
    for path in paths {
      for command in ["parse", "stats", "graph", "drift", "report"] {
        let r = try CLI.run([command, path])
        #expect(r.status == 1, "\(command) \(path)")
        #expect(r.stdout.isEmpty, "\(command) \(path)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(command) \(path)")
        #expect(lines.first?.hasSuffix("\(path): not a text scrape") == true, "\(command) \(path): \(r.stderr)")
      }
    }
    let r = try CLI.run(["parse", "-"], stdin: try Data(contentsOf: page))
    #expect(r.status == 1)
    #expect(r.stderr.split(separator: "\n") == ["Error: -: not a text scrape"])
  }

  @Test("a UTF-16 page parses like its UTF-8 sample, with the warning on stderr")
  func utf16Page() throws {
    let path = "Samples/encodings/wpdiscuz-twice.utf16le-bom.txt"
    let r = try CLI.run(["parse", path, "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stderr.split(separator: "\n").first == "\(path):1: warning: decoded as UTF-16LE")
    let utf8 = try CLI.run(["parse", "Samples/wpdiscuz-twice.txt", "--format", "json"])
    let got = try #require(try CLI.json(r.stdout)["comments"] as? NSArray)
    let want = try #require(try CLI.json(utf8.stdout)["comments"] as? NSArray)
    #expect(got.count == 9)
    #expect(got == want)
    #expect(try CLI.run(["parse", path, "--format", "json", "--strict"]).status == 1)
  }
}

@Suite("Writes and usage errors, every command")
struct OutputFailureTests {
  /// Runs `arguments` with standard output on /dev/full.
  private func runToFullDisk(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = arguments
    p.currentDirectoryURL = CLI.root
    p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
    let err = Pipe()
    p.standardError = err
    try p.run()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: e, as: UTF8.self))
  }

  @Test(arguments: [
    ["parse", "Samples/plain.txt"], ["parse", "Samples/plain.txt", "--format", "json"],
    ["stats", "Samples/plain.txt"], ["stats", "Samples/plain.txt", "--format", "csv"],
    ["drift", "Samples/plain.txt"], ["drift", "Samples/plain.txt", "--format", "csv"],
    ["graph", "Samples/plain.txt"], ["report", "Samples/plain.txt"],
  ])
  func failedStandardOutputExitsOne(arguments: [String]) throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let r = try runToFullDisk(arguments)
    #expect(r.status == 1, "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains("standard output"))
  }

  @Test func batchUsageErrorsExitTwoAsDocumented() throws {
    #expect(try CLI.run(["batch", "-o", "/tmp/threadstat-nowhere"]).status == 2)
    #expect(try CLI.run(["batch", "Samples", "--out", "/tmp/threadstat-nowhere", "--jobs", "0"]).status == 2)
    #expect(try CLI.run(["stats"]).status == 64)
  }

  /// A name that a spreadsheet would run as a formula stays text in CSV.
  @Test func statsCSVGuardsFormulas() throws {
    let page = "Formula Night\n\nA short article about the river and the bridge.\n\n=HYPERLINK(\"x\")\n\nThe river bridge was closed again today.\n\nAnna Berg\n\nThe bridge needs paint, not closure.\n"
    let r = try CLI.run(["stats", "-", "--format", "csv"], stdin: Data(page.utf8))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.split(separator: "\n").contains { $0.hasPrefix("=") })
  }
}
