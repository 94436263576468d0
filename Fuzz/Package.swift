// swift-tools-version:6.1
// The libFuzzer target, kept out of the root package so that a plain
// `swift build` / `swift test` never sees -sanitize=fuzzer. Build and run with
// scripts/fuzz (README, "Testing").
import PackageDescription

let package = Package(
  name: "ThreadstatFuzz",
  dependencies: [.package(name: "threadstat", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzPage",
      dependencies: [
        .product(name: "Threads", package: "threadstat"),
        .product(name: "Metrics", package: "threadstat"),
        "FuzzMain",
      ]),
    // The parser alone: bytes -> Discussion, its invariants checked.
    .executableTarget(
      name: "FuzzParse",
      dependencies: [.product(name: "Threads", package: "threadstat"), "FuzzMain"]),
    // Saved HTML pages and export files: bytes -> StructuredInput -> graphs.
    .executableTarget(
      name: "FuzzStructured",
      dependencies: [
        .product(name: "Threads", package: "threadstat"),
        .product(name: "Metrics", package: "threadstat"),
        "FuzzMain",
      ]),
    // C: the entry point SwiftPM expects, handing over to libFuzzer's driver.
    .target(name: "FuzzMain"),
  ],
  swiftLanguageModes: [.v6]
)
