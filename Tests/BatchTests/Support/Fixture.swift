import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Scratch folders, generated corpora and the built `threadstat` binary.
enum Fixture {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The `threadstat` binary built next to this test bundle.
  static var binary: String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("threadstat").path
  }

  /// This test process's folder under /tmp. Made once; folders that earlier
  /// test processes left behind are removed then, so runs do not pile up.
  private static let processFolder: String = {
    let prefix = "threadstat-batchtests-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
    for name in names where name.hasPrefix(prefix) {
      if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0 {
        try? FileManager.default.removeItem(atPath: "/tmp/" + name)
      }
    }
    let folder = "/tmp/\(prefix)\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    chmod(folder, 0o755)
    return folder
  }()

  /// A copy of the binary that any user may run: the checkout may sit in a
  /// folder only its owner can enter, and some tests run as user nobody.
  static let sharedBinary: String = {
    let copy = processFolder + "/threadstat"
    try? FileManager.default.copyItem(atPath: binary, toPath: copy)
    chmod(copy, 0o755)
    return copy
  }()

  /// A new empty folder inside this test process's folder.
  static func scratch(_ name: String) throws -> String {
    var template = Array("\(processFolder)/\(name)-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let result = try #require(path.map { String(cString: $0) })
    chmod(result, 0o755)
    return result
  }

  /// `files` scrapes made by the project's generator with `seed` in `folder`.
  static func generate(_ folder: String, files: Int, seed: Int) throws {
    try ScrapeCorpus.write(to: folder, files: files, seed: seed)
  }

  /// A generated corpus folder and an empty output folder beside it.
  static func corpus(_ name: String, files: Int, seed: Int) throws -> (input: String, output: String) {
    let input = try scratch(name + "-in")
    try generate(input, files: files, seed: seed)
    return (input, try scratch(name + "-out"))
  }

  struct Execution {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a program to completion.
  static func execute(_ program: String, _ arguments: [String]) throws -> Execution {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Execution(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs `threadstat batch INPUT --out OUT` with extra arguments.
  static func batch(_ input: String, _ output: String, _ extra: [String] = []) throws -> Execution {
    try execute(binary, ["batch", input, "--out", output] + extra)
  }

  /// The files of an output folder that must be reproducible, by relative
  /// path: every output but the run's own report and the earlier ones
  /// (`runs/`), the state and the lock.
  static func reproducibleOutputs(_ folder: String) throws -> [String: Data] {
    // The run's reports (report.json, report.html) describe the run itself.
    let skip: Set<String> = ["report.json", "report.html", ".lock", "threadstat.sqlite", "threadstat.sqlite-wal", "threadstat.sqlite-shm"]
    return try files(folder) { skip.contains($0) || $0.hasPrefix("runs") }
  }

  /// The regular files below `folder` by relative path, but those `skipped`
  /// and the temporary files under `.tmp/`.
  static func files(_ folder: String, skipping skipped: (String) -> Bool) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return result }
    while let relative = walker.nextObject() as? String {
      if skipped(relative) || relative.hasPrefix(".tmp") { continue }
      var isDirectory: ObjCBool = false
      let path = folder + "/" + relative
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return result
  }

  /// The run's report.json as a dictionary.
  static func report(_ folder: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  static func append(_ text: String, to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  static func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: path)
  }

  /// The `.txt` files of a folder, sorted.
  static func scrapes(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
  }
}
