/// Numbers distinct byte strings 0, 1, 2, … in order of first insertion.
///
/// An open-addressing hash table over one byte arena: interning a string that
/// is already known allocates nothing. Hashes are given by the caller
/// (normally ``hash(_:)``; tests pass their own to force collisions); a hit
/// is always verified on the bytes, so colliding hashes only cost probes.
package struct TokenInterner {
  /// All interned bytes, one string after another.
  @usableFromInline internal var arena: [UInt8] = []
  /// Where string `id` starts in `arena`; one more entry than strings.
  @usableFromInline internal var starts: [Int32] = [0]
  /// The hash of each string, to grow without rehashing the bytes.
  @usableFromInline internal var hashes: [UInt64] = []
  /// Open-addressing slots: the high 32 bits of the hash, then id + 1 in the
  /// low 32 bits; 0 when empty. Count is a power of two.
  @usableFromInline internal var slots: [UInt64] = Array(repeating: 0, count: 64)

  /// Number of distinct strings interned.
  package var count: Int { hashes.count }

  /// An empty table.
  package init() {}

  /// A hash of `bytes`, read eight at a time (a multiply-xorshift mix of
  /// each little-endian word and of the length).
  /// - Complexity: O(bytes.count / 8).
  @inlinable @inline(__always) package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h = UInt64(bytes.count) &* k
    guard let base = bytes.baseAddress else { return h }
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
      h = (h ^ word) &* k
      h ^= h >> 29
      offset += 8
    }
    if offset < bytes.count {
      var word: UInt64 = 0
      for j in offset..<bytes.count { word |= UInt64(bytes[j]) << (8 * UInt64(j - offset)) }
      h = (h ^ word) &* k
      h ^= h >> 29
    }
    return h &* k
  }

  /// The id of `bytes`, inserting them when new.
  /// - Parameters:
  ///   - bytes: the string; may be empty.
  ///   - hash: any hash of `bytes` that equal strings share (normally ``hash(_:)``);
  ///     its low bits pick the slot, its high 32 bits are kept in the slot.
  /// - Returns: the id, and whether this call inserted it.
  /// - Complexity: O(bytes.count) expected, amortised over growth.
  @inlinable @inline(__always)
  package mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, inserted: Bool) {
    let mask = slots.count - 1
    let tag = hash & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if equals(id, bytes) { return (Int32(id), false) }
      }
      slot = (slot + 1) & mask
    }
    let id = Int32(hashes.count)
    hashes.append(hash)
    arena.append(contentsOf: bytes)
    starts.append(Int32(arena.count))
    slots[slot] = tag | UInt64(id + 1)
    if hashes.count * 2 > slots.count { grow() }
    return (id, true)
  }

  /// The bytes of string `id`.
  @inlinable package func withBytes<R>(of id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let lo = Int(starts[Int(id)])
    let hi = Int(starts[Int(id) + 1])
    return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
  }

  /// String `id` as a `String` (bytes are taken as UTF-8).
  @inlinable package func string(_ id: Int32) -> String {
    withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
  }

  @usableFromInline internal func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let lo = Int(starts[id])
    let hi = Int(starts[id + 1])
    guard hi - lo == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { stored in
      var k = 0
      while k < bytes.count {
        if stored[lo + k] != bytes[k] { return false }
        k += 1
      }
      return true
    }
  }

  /// Doubles the slots and re-inserts every id by its stored hash.
  @usableFromInline internal mutating func grow() {
    var bigger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
    }
    slots = bigger
  }
}
