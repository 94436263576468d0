// swift-tools-version:6.1
import PackageDescription

// Benchmarks of threadstat, kept out of the root package so `swift test`
// neither builds nor runs them. Run with `swift package benchmark` here.
// A path dependency is named after its folder: "threadstat" in a clean clone,
// whatever the checkout is called elsewhere.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "threadstat")

let package = Package(
  name: "threadstat-benchmarks",
  platforms: [.macOS(.v15)],  // Synchronization.Mutex
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "ThreadstatBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "Threads", package: root),
        .product(name: "Metrics", package: root),
      ],
      path: "Benchmarks/ThreadstatBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
  ],
  swiftLanguageModes: [.v6]
)
