/// XXH64, the 64-bit xxHash of Yann Collet, used to tell whether a scrape changed.
///
/// Why not SHA-256: the hash only compares a path's bytes tonight with the same
/// path's bytes last night, on files the user collected, so there is no
/// adversary to resist; a chance collision is 2^-64 per file. XXH64 runs at
/// memory speed (several GB/s) in pure Swift, where a hand-written SHA-256 would
/// cost more than parsing, and the package has no crypto dependency to lean on.
enum XXH64 {
  private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

  /// The hash of `bytes` with the given seed.
  /// - Complexity: O(n), 32 bytes per step.
  static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
    bytes.withUnsafeBytes { hash($0, seed: seed) }
  }

  /// The hash of the bytes in `buffer` with the given seed.
  static func hash(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let n = buffer.count
    var i = 0
    var h: UInt64
    if n >= 32 {
      var v1 = seed &+ p1 &+ p2
      var v2 = seed &+ p2
      var v3 = seed
      var v4 = seed &- p1
      while i + 32 <= n {
        v1 = round(v1, load64(buffer, i))
        v2 = round(v2, load64(buffer, i + 8))
        v3 = round(v3, load64(buffer, i + 16))
        v4 = round(v4, load64(buffer, i + 24))
        i += 32
      }
      h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      h = merge(h, v1)
      h = merge(h, v2)
      h = merge(h, v3)
      h = merge(h, v4)
    } else {
      h = seed &+ p5
    }
    h = h &+ UInt64(n)
    while i + 8 <= n {
      h ^= round(0, load64(buffer, i))
      h = rotl(h, 27) &* p1 &+ p4
      i += 8
    }
    if i + 4 <= n {
      let k = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt32.self))
      h ^= UInt64(k) &* p1
      h = rotl(h, 23) &* p2 &+ p3
      i += 4
    }
    while i < n {
      h ^= UInt64(buffer[i]) &* p5
      h = rotl(h, 11) &* p1
      i += 1
    }
    h ^= h >> 33
    h = h &* p2
    h ^= h >> 29
    h = h &* p3
    h ^= h >> 32
    return h
  }

  /// `value` as 16 lower-case hex digits, the form stored and reported.
  static func hex(_ value: UInt64) -> String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.utf8.count) + s
  }

  @inline(__always)
  private static func load64(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  @inline(__always)
  private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

  @inline(__always)
  private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* p2, 31) &* p1
  }

  @inline(__always)
  private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    (acc ^ round(0, value)) &* p1 &+ p4
  }
}
