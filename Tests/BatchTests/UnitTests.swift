import Metrics
import Testing
import Threads

@testable import Batch

@Suite struct XXH64Tests {
  // Expected values from the reference implementation (xxhsum -H1).
  @Test(arguments: [
    ("", "ef46db3751d8e999"),
    ("abc", "44bc2cf5ad770999"),
    (String((0..<100).map { Character(Unicode.Scalar(UInt8(97 + $0 % 26))) }), "79c9fa152bb53c71"),
  ])
  func referenceValues(input: String, expected: String) {
    #expect(XXH64.hex(XXH64.hash(Array(input.utf8))) == expected)
  }

  @Test func oneByteChangesTheHash() {
    var bytes = [UInt8](repeating: 7, count: 1000)
    let before = XXH64.hash(bytes)
    bytes[500] = 8
    #expect(XXH64.hash(bytes) != before)
  }
}

@Suite struct GlobFilterTests {
  @Test(arguments: [
    ("a.txt", true), ("deep/dir/b.txt", true), ("a.txt.bak", false), ("a.truth.json", false),
    ("notes.md", false),
  ])
  func defaultTakesTextFiles(path: String, taken: Bool) {
    #expect(GlobFilter().accepts(path) == taken)
  }

  @Test func excludeWinsOverInclude() {
    let filter = GlobFilter(include: ["*.txt", "*.scrape"], exclude: ["draft-*", "old/*.txt"])
    #expect(filter.accepts("x.scrape"))
    #expect(!filter.accepts("draft-1.txt"))
    #expect(!filter.accepts("old/a.txt"))
    #expect(filter.accepts("old/sub/a.txt"))
    #expect(!filter.descends(into: "draft-folder"))
  }
}

@Suite struct OutputPathsTests {
  @Test(arguments: ["a.txt", "2024/06/page 1.txt", "Zoë/статья.txt"])
  func plainPathsStayReadable(path: String) {
    #expect(OutputPaths.safe(path) == path)
  }

  @Test(arguments: ["../../etc/passwd", "a/../b.txt", "./x.txt", "a\u{1}b\nc.txt", "a:b*c?.txt", "..", ""])
  func oddPathsCannotEscape(path: String) {
    let safe = OutputPaths.safe(path)
    let components = safe.split(separator: "/", omittingEmptySubsequences: false)
    #expect(!components.contains { $0 == ".." || $0 == "." || $0.isEmpty })
    #expect(!safe.hasPrefix("/"))
    #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || "\\:*?\"<>|".unicodeScalars.contains($0) })
  }

  @Test func namesThatCleanAlikeStayApart() {
    #expect(OutputPaths.safe("a?b.txt") != OutputPaths.safe("a*b.txt"))
  }

  @Test func longNamesAreShortened() {
    let long = String(repeating: "é", count: 300) + ".txt"
    let safe = OutputPaths.safe("dir/" + long)
    #expect(safe.hasPrefix("dir/"))
    #expect(safe.split(separator: "/").allSatisfy { $0.utf8.count <= OutputPaths.maxComponentBytes })
  }
}

@Suite struct TermTextTests {
  @Test func roundTrips() {
    let counts = TermCounts(["élan": 2, "b": 1, "日本": 7])
    let text = TermText.text(counts)
    #expect(text == "b 1 élan 2 日本 7")
    #expect(TermText.counts(text) == counts)
  }

  @Test("keys sorted on their first eight bytes come out in byte order")
  func prefixSortIsByteOrder() {
    // Keys that share eight bytes or more, are prefixes of others, hold
    // multi-byte characters or NUL, with a fixed generator: the same keys every run.
    let pieces = ["a", "b", "z", "é", "日", "\u{0}", "abcdefgh", "😅", "A"]
    var state: UInt64 = 7
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % n
    }
    var words: [String: Int] = ["": 0]
    for i in 1...2000 {
      words[(0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined(), default: i] += 0
    }
    let expected = words.keys.sorted(by: BatchRun.byteOrder)
    #expect(TermText.byteOrdered(words).map(\.key) == expected)
    #expect(expected.count > 900)
  }
}

@Suite struct BatchStoreGroupTests {
  @Test("saved pages are committed once a group is full, the rest by flush")
  func groupsAreCommitted() throws {
    let folder = try Fixture.scratch("store-groups")
    let store = try BatchStore(path: folder + "/state.sqlite")
    let discussion = Discussion(parsing: Array("Title of the page\n\nAnn Lee\n\nA comment.\n".utf8), source: "p.txt")
    let page = StoredPage(discussion, PageAnalysis(discussion, language: .en))
    let total = 3 * BatchStore.maxGroupSize + 7
    for i in 0..<total {
      try store.save(path: "p\(i).txt", hash: "h\(i)", size: 1, outputs: [], page: page)
    }
    // However fast or slow the saves came, fewer than a full group wait for flush.
    #expect(try store.pageCount() > total - BatchStore.maxGroupSize)
    try store.flush()
    #expect(try store.pageCount() == total)
    #expect(try store.known().count == total)
  }
}
