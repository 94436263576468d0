import Foundation
import TestSupport
import Testing

/// Golden files under Tests/MetricsTests/Snapshots and the GraphML read-back check.
enum GraphMLFiles {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let snapshots = testsFolder.appendingPathComponent("Snapshots")

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

  /// Reads every file back with the independent `GraphMLCheck`, records an
  /// issue for each file that fails, then removes the files' temporary folders.
  static func expectValidAndRemove(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws {
    defer {
      for folder in Set(files.map { $0.deletingLastPathComponent() }) {
        try? FileManager.default.removeItem(at: folder)
      }
    }
    for file in files {
      let check = try GraphMLCheck(path: file.path)
      #expect(
        check.problems.isEmpty, "\(file.lastPathComponent): \(check.problems.joined(separator: "; "))",
        sourceLocation: sourceLocation)
    }
  }
}
