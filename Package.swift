// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "threadstat",
  products: [
    .executable(name: "threadstat", targets: ["threadstat"]),
    .library(name: "Threads", targets: ["Threads"]),
    .library(name: "Metrics", targets: ["Metrics"]),
    .library(name: "Report", targets: ["Report"]),
    .library(name: "Batch", targets: ["Batch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // Every system call, wrapped once: files, folders, locks, clocks, signals.
    .target(name: "SystemCalls"),
    // Bytes of one page scrape -> Discussion. No I/O (SystemCalls only for the core count).
    .target(name: "Threads", dependencies: ["SystemCalls"]),
    // C libraries, each wrapped in one Swift file of Metrics.
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
    .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
    // Discussion -> numbers, drift, graphs, GraphML.
    .target(
      name: "Metrics",
      dependencies: [
        "Threads", "SystemCalls", "CLibXML2", "CStemmer",
        .product(name: "Collections", package: "swift-collections"),
      ],
      // The word frequency lists are Swift sources (Resources/frequency-*.swift,
      // a raw string each: as embedded byte arrays they would add about 40 s to
      // every build); their source and licence are in FREQUENCY-LISTS.md.
      exclude: ["Resources/FREQUENCY-LISTS.md"],
      // Stop-word lists compiled into the binary: no bundle to ship or find.
      resources: [
        .embedInCode("Resources/stopwords-de.txt"),
        .embedInCode("Resources/stopwords-en.txt"),
        .embedInCode("Resources/stopwords-es.txt"),
        .embedInCode("Resources/stopwords-fr.txt"),
        .embedInCode("Resources/stopwords-it.txt"),
        .embedInCode("Resources/stopwords-nl.txt"),
        .embedInCode("Resources/stopwords-pt.txt"),
        .embedInCode("Resources/stopwords-ru.txt"),
      ]),
    // The HTML report: summaries of pages drawn as inline SVG.
    .target(name: "Report", dependencies: ["Threads", "Metrics"]),
    // The nightly run: incremental, crash-safe, state in SQLite.
    .target(
      name: "Batch",
      dependencies: [
        "Threads", "Metrics", "Report", "SystemCalls",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .executableTarget(
      name: "threadstat",
      dependencies: [
        "Threads", "Metrics", "Report", "Batch", "SystemCalls",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Test fixtures of the project's own: a scrape corpus generator and an
    // independent GraphML reader, so the tests need nothing outside the checkout.
    .target(name: "TestSupport", path: "Tests/Support"),
    .testTarget(name: "ThreadsTests", dependencies: ["Threads"]),
    .testTarget(
      name: "MetricsTests", dependencies: ["Metrics", "Threads", "SystemCalls", "TestSupport", "CLibXML2"],
      exclude: ["Snapshots"]),
    .testTarget(name: "BatchTests", dependencies: ["Batch", "Metrics", "Threads", "SystemCalls", "TestSupport"]),
    .testTarget(name: "ReportTests", dependencies: ["Report", "Metrics", "Threads", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["Threads", "TestSupport"]),
    .testTarget(
      name: "PropertyTests",
      dependencies: [
        "Threads", "Metrics",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
