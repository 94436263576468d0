import Testing

@testable import Threads

@Suite struct TokenInternerTests {
  /// Interns `text` with the given hash, or with ``TokenInterner/hash(_:)``.
  private func intern(
    _ text: String, _ table: inout TokenInterner, hash: UInt64? = nil
  ) -> (id: Int32, inserted: Bool) {
    var text = text
    return text.withUTF8 { table.intern($0, hash: hash ?? TokenInterner.hash($0)) }
  }

  @Test func idsFollowFirstInsertionAndRepeatsAreFound() {
    var table = TokenInterner()
    let words = ["vote", "poll", "", "vote", "naïve", "poll", "東京", ""]
    let ids = words.map { intern($0, &table) }
    #expect(ids.map(\.id) == [0, 1, 2, 0, 3, 1, 4, 2])
    #expect(ids.map(\.inserted) == [true, true, true, false, true, false, true, false])
    #expect(table.count == 5)
    #expect((0..<5).map { table.string(Int32($0)) } == ["vote", "poll", "", "naïve", "東京"])
  }

  @Test func equalStringsWithOtherBytesStayApart() {
    var table = TokenInterner()
    let composed = intern("caf\u{E9}", &table)
    let decomposed = intern("cafe\u{301}", &table)
    #expect(composed.id != decomposed.id)
    #expect(table.withBytes(of: decomposed.id) { Array($0) } == Array("cafe\u{301}".utf8))
  }

  @Test func collidingHashesAreToldApartByTheirBytes() {
    var table = TokenInterner()
    let words = ["ab", "abc", "ba", "", "a", "abd", "ab"]
    let ids = words.map { intern($0, &table, hash: 42) }
    #expect(ids.map(\.id) == [0, 1, 2, 3, 4, 5, 0])
    for (k, word) in words.enumerated() { #expect(table.string(ids[k].id) == word) }
  }

  @Test func growingKeepsEveryId() {
    var table = TokenInterner()
    let words = (0..<5_000).map { "w\($0)" }
    // Every third word collides, so growth must re-probe colliding chains.
    let ids = words.enumerated().map { k, word in
      intern(word, &table, hash: k % 3 == 0 ? 7 : nil).id
    }
    #expect(ids == (0..<5_000).map(Int32.init))
    for (k, word) in words.enumerated() {
      #expect(intern(word, &table, hash: k % 3 == 0 ? 7 : nil) == (Int32(k), false))
    }
  }

  @Test func theHashReadsOnlyTheGivenBytes() {
    let bytes: [UInt8] = Array("xxelection-election\u{0}".utf8)
    bytes.withUnsafeBufferPointer { all in
      func hash(_ range: Range<Int>) -> UInt64 { TokenInterner.hash(UnsafeBufferPointer(rebasing: all[range])) }
      // Same bytes at another address and alignment, other bytes around them.
      #expect(hash(2..<10) == hash(11..<19))
      #expect(hash(2..<5) == hash(11..<14))
      // A trailing NUL or a shorter prefix is another string.
      #expect(hash(11..<19) != hash(11..<20))
      #expect(hash(2..<9) != hash(2..<10))
      #expect(hash(2..<2) != hash(19..<20))
    }
  }
}
