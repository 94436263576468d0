import Foundation
import Testing

/// Golden files under Tests/MetricsTests/Snapshots and the shared GraphML checker.
enum GraphMLFiles {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let snapshots = testsFolder.appendingPathComponent("Snapshots")
  /// ../shared next to the checkout, as .ci/run expects it.
  static let shared = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

  /// Set THREADSTAT_RECORD_SNAPSHOTS=1 to rewrite the golden files.
  static var recording: Bool { ProcessInfo.processInfo.environment["THREADSTAT_RECORD_SNAPSHOTS"] == "1" }

  /// Compares `bytes` with Snapshots/`name` (or records it), and returns the
  /// path of a copy written for the checker.
  @discardableResult
  static func assertSnapshot(
    _ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> URL {
    let golden = snapshots.appendingPathComponent(name)
    if recording {
      try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
      try Data(bytes).write(to: golden)
    } else {
      let expected = try [UInt8](Data(contentsOf: golden))
      #expect(
        bytes == expected,
        "\(name) differs from its golden file; re-record with THREADSTAT_RECORD_SNAPSHOTS=1 if intended",
        sourceLocation: sourceLocation)
    }
    return try temporaryCopy(bytes, named: name)
  }

  /// Writes `bytes` to a fresh temporary folder.
  static func temporaryCopy(_ bytes: [UInt8], named name: String) throws -> URL {
    let url = try temporaryFolder().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("threadstat-metrics-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `check-graphml --require-all --strict` on the files, records an
  /// issue with the checker's report unless every file passes, then removes
  /// the files' temporary folders.
  static func expectValidAndRemove(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws {
    defer {
      for folder in Set(files.map { $0.deletingLastPathComponent() }) {
        try? FileManager.default.removeItem(at: folder)
      }
    }
    let tool = shared.appendingPathComponent("tools/check-graphml")
    guard FileManager.default.isExecutableFile(atPath: tool.path) else {
      Issue.record("GraphML checker not found at \(tool.path)", sourceLocation: sourceLocation)
      return
    }
    let process = Process()
    process.executableURL = tool
    process.arguments = ["--require-all", "--strict"] + files.map(\.path)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0,
      "check-graphml failed:\n\(String(decoding: output, as: UTF8.self))", sourceLocation: sourceLocation)
  }
}
