import Benchmark
import Foundation
import Metrics
import Threads

// Parse, drift (PageAnalysis) and GraphML writing on pages made by
// ../shared/tools/gen-scrapes, generated once per run into a temporary folder.
// Besides wall clock and allocations, each benchmark reports its own speed as
// "ns/comment" and "us/MB" (custom metrics, measured around the work itself).

/// The pages measured; `--one-big` pages double as the scaling check.
private let pages: [(name: String, arguments: [String])] = [
  ("small", ["--files", "1", "--seed", "bench-small", "--comments-mean", "8"]),
  ("typical", ["--files", "1", "--seed", "bench-typical", "--comments-mean", "60"]),
  ("big-25k", ["--one-big", "25000", "--seed", "bench-big"]),
  ("big-50k", ["--one-big", "50000", "--seed", "bench-big"]),
  ("big-100k", ["--one-big", "100000", "--seed", "bench-big"]),
]

/// One generated page, read and prepared up to each measured step.
private struct Fixture: Sendable {
  var bytes: [UInt8]
  var discussion: Discussion
  var analysis: PageAnalysis
  var graph: CommentGraph
  var megabytes: Double { Double(bytes.count) / 1_000_000 }
  var comments: Int { max(1, discussion.comments.count) }
}

/// gen-scrapes: $GEN_SCRAPES, else ../shared/tools/gen-scrapes beside the checkout.
private func generator() -> String {
  if let path = ProcessInfo.processInfo.environment["GEN_SCRAPES"] { return path }
  let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return checkout.deletingLastPathComponent().appendingPathComponent("shared/tools/gen-scrapes").path
}

/// Runs gen-scrapes into a fresh temporary folder and returns the one page it wrote.
private func generate(_ arguments: [String]) throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("threadstat-bench-\(UUID().uuidString)")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", generator(), "--out", folder.path, "--quiet"] + arguments
  try process.run()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "gen-scrapes failed"])
  }
  let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
    .filter { $0.pathExtension == "txt" }
    .sorted { $0.path < $1.path }
  guard let file = files.first else {
    throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "gen-scrapes wrote no page"])
  }
  return file
}

/// Generates and prepares every page once, then removes the files.
private let fixtures: [String: Fixture] = {
  var out: [String: Fixture] = [:]
  for page in pages {
    do {
      let file = try generate(page.arguments)
      defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
      let bytes = try [UInt8](Data(contentsOf: file))
      let discussion = Discussion(parsing: bytes, source: file.lastPathComponent)
      let analysis = PageAnalysis(discussion)
      var graph = CommentGraph()
      graph.append(discussion, analysis: analysis)
      out[page.name] = Fixture(bytes: bytes, discussion: discussion, analysis: analysis, graph: graph)
    } catch {
      fatalError("cannot prepare page \(page.name): \(error)")
    }
  }
  return out
}()

private let nsPerComment = BenchmarkMetric.custom("ns/comment", polarity: .prefersSmaller, useScalingFactor: false)
private let usPerMB = BenchmarkMetric.custom("us/MB", polarity: .prefersSmaller, useScalingFactor: false)

/// Registers one benchmark of `step` on each page, reporting per-comment and per-MB speed.
private func register(_ step: String, _ body: @escaping @Sendable (Fixture) throws -> Void) {
  for page in pages {
    let big = page.name.hasPrefix("big")
    let configuration = Benchmark.Configuration(
      metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, nsPerComment, usPerMB],
      maxDuration: .seconds(big ? 10 : 2),
      maxIterations: big ? 10 : 1000)
    Benchmark("\(step) \(page.name)", configuration: configuration) { benchmark in
      guard let fixture = fixtures[page.name] else { return }
      for _ in benchmark.scaledIterations {
        let start = ContinuousClock.now
        benchmark.startMeasurement()
        try body(fixture)
        benchmark.stopMeasurement()
        let elapsed = start.duration(to: .now)
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        benchmark.measurement(nsPerComment, Int(ns / Double(fixture.comments)))
        benchmark.measurement(usPerMB, Int(ns / 1000 / fixture.megabytes))
      }
    }
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration.timeUnits = .milliseconds
  register("parse") { fixture in
    blackHole(Discussion(parsing: fixture.bytes, source: "page.txt"))
  }
  register("drift") { fixture in
    blackHole(PageAnalysis(fixture.discussion))
  }
  register("graphml-author") { fixture in
    blackHole(try GraphMLDocument(fixture.analysis.graph).bytes())
  }
  register("graphml-comment") { fixture in
    blackHole(try GraphMLDocument(fixture.graph).bytes())
  }
}
