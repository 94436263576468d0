import Benchmark
import Foundation
import Metrics
import Synchronization
import Threads

// Parse, drift (PageAnalysis) and GraphML writing on pages made by
// ../shared/tools/gen-scrapes, generated once into Benchmarks/.build/pages.
// Besides wall clock and allocations, each benchmark reports its own speed as
// "ns/comment" and "us/MB" (custom metrics, measured around the work itself).

/// The pages measured; `--one-big` pages double as the scaling check.
private let pages: [(name: String, arguments: [String])] = [
  // Seeds chosen for pages with comments: 3 on 5 kB, and 22 on 13 kB (the
  // mean page of scripts/bench-batch's corpora).
  ("small", ["--files", "1", "--seed", "bench-small-8", "--comments-mean", "8"]),
  ("typical", ["--files", "1", "--seed", "bench-typical-2", "--comments-mean", "60"]),
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

/// The checkout's root (this file is Benchmarks/Benchmarks/ThreadstatBenchmarks/…).
private let checkout = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// gen-scrapes: $GEN_SCRAPES, else ../shared/tools/gen-scrapes beside the checkout.
private func generator() -> String {
  if let path = ProcessInfo.processInfo.environment["GEN_SCRAPES"] { return path }
  return checkout.deletingLastPathComponent().appendingPathComponent("shared/tools/gen-scrapes").path
}

/// Runs gen-scrapes once per page into Benchmarks/.build/pages/NAME/ARGUMENTS (every
/// benchmark runs in its own process; gen-scrapes output is deterministic, so
/// later processes reuse the file) and returns the page it wrote.
private func generate(_ name: String, _ arguments: [String]) throws -> URL {
  // Named after the arguments too: a page made with other arguments is not reused.
  let made = arguments.joined(separator: "_").map { $0.isLetter || $0.isNumber ? $0 : "-" }
  let folder = checkout.appendingPathComponent("Benchmarks/.build/pages/\(name)/\(String(made))")
  let manager = FileManager.default
  func page() throws -> URL? {
    try manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "txt" }
      .sorted { $0.path < $1.path }.first
  }
  if manager.fileExists(atPath: folder.appendingPathComponent("done").path), let file = try page() { return file }
  try? manager.removeItem(at: folder)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", generator(), "--out", folder.path, "--quiet"] + arguments
  try process.run()
  process.waitUntilExit()
  guard process.terminationStatus == 0, let file = try page() else {
    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "gen-scrapes failed for \(name)"])
  }
  manager.createFile(atPath: folder.appendingPathComponent("done").path, contents: nil)
  return file
}

/// Pages prepared in this process.
private let prepared = Mutex<[String: Fixture]>([:])

/// Generates (or reuses) one page and prepares it up to every measured step,
/// once per process.
private func prepare(_ name: String) -> Fixture {
  if let known = prepared.withLock({ $0[name] }) { return known }
  let fixture = load(name)
  prepared.withLock { $0[name] = fixture }
  return fixture
}

private func load(_ name: String) -> Fixture {
  guard let page = pages.first(where: { $0.name == name }) else { fatalError("no page \(name)") }
  do {
    let file = try generate(page.name, page.arguments)
    let bytes = try [UInt8](Data(contentsOf: file))
    let discussion = Discussion(parsing: bytes, source: file.lastPathComponent)
    // Per-comment figures of a page without comments would mean nothing.
    guard !discussion.comments.isEmpty else { fatalError("page \(name) has no comments: choose another seed") }
    let analysis = PageAnalysis(discussion)
    var graph = CommentGraph()
    graph.append(discussion, analysis: analysis)
    return Fixture(bytes: bytes, discussion: discussion, analysis: analysis, graph: graph)
  } catch {
    fatalError("cannot prepare page \(name): \(error)")
  }
}

private let nsPerComment = BenchmarkMetric.custom("ns/comment", polarity: .prefersSmaller, useScalingFactor: false)
private let usPerMB = BenchmarkMetric.custom("us/MB", polarity: .prefersSmaller, useScalingFactor: false)

/// How far a run may fall behind the thresholds checked in under Thresholds/
/// (`swift package benchmark thresholds check`): allocation counts nearly
/// exactly, time and memory with room for a shared two-core machine.
private var tolerances: [BenchmarkMetric: BenchmarkThresholds] {[
  .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 2.0]),
  .wallClock: BenchmarkThresholds(relative: [.p90: 35.0]),
  .peakMemoryResident: BenchmarkThresholds(relative: [.p90: 20.0]),
  nsPerComment: BenchmarkThresholds(relative: [.p90: 35.0]),
  usPerMB: BenchmarkThresholds(relative: [.p90: 35.0]),
]}

/// Registers one benchmark of `step` on each page, reporting per-comment and per-MB speed.
private func register(_ step: String, _ body: @escaping @Sendable (Fixture) throws -> Void) {
  for page in pages {
    let big = page.name.hasPrefix("big")
    let configuration = Benchmark.Configuration(
      metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, nsPerComment, usPerMB],
      timeUnits: big ? .milliseconds : .microseconds,
      maxDuration: .seconds(big ? 10 : 2),
      maxIterations: big ? 10 : 1000,
      thresholds: tolerances)
    Benchmark("\(step)-\(page.name)", configuration: configuration) { benchmark in
      let fixture = prepare(page.name)
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
  register("parse") { fixture in
    blackHole(Discussion(parsing: fixture.bytes, source: "page.txt"))
  }
  register("drift") { fixture in
    blackHole(PageAnalysis(fixture.discussion))
  }
  register("graphml-author") { fixture in
    blackHole(try GraphDocument(fixture.analysis.graph).bytes())
  }
  register("graphml-comment") { fixture in
    blackHole(try GraphDocument(fixture.graph).bytes())
  }
}
