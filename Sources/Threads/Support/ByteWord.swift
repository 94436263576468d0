/// Tests on eight UTF-8 bytes at once, for scans that skip runs of ordinary
/// bytes. A test may report a byte that is not there (the caller then reads
/// the eight one by one) but never misses one.
enum ByteWord {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `offset`, unaligned.
  @inline(__always)
  static func load(_ raw: UnsafeRawPointer, at offset: Int) -> UInt64 {
    unsafe raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
  }

  /// A byte of `word` may equal `byte`.
  @inline(__always)
  static func mayHold(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs != 0
  }

  /// A byte of `word` may be below `bound` (at most 0x80).
  @inline(__always)
  static func mayHoldBelow(_ word: UInt64, _ bound: UInt8) -> Bool {
    (word &- ones &* UInt64(bound)) & ~word & highs != 0
  }
}
