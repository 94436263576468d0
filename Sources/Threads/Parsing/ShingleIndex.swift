/// Shingle hash -> latest comment index, as an open-addressing table: the
/// keys are already well-mixed 64-bit hashes, so they need no `Hasher` and a
/// slot is two words.
struct ShingleIndex {
  private var keys: [UInt64]
  private var values: [Int32]
  private var used: [Bool]
  private var count = 0
  private var mask: Int

  /// A table that holds `capacity` keys before it grows.
  init(capacity: Int = 0) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: 0, count: size)
    used = Array(repeating: false, count: size)
    mask = size - 1
  }

  subscript(key: UInt64) -> Int? {
    var slot = home(key)
    while used[slot] {
      if keys[slot] == key { return Int(values[slot]) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Maps `key` to `value`, replacing what it mapped to.
  mutating func set(_ key: UInt64, _ value: Int) {
    if 2 * (count + 1) > keys.count { grow() }
    var slot = home(key)
    while used[slot] {
      if keys[slot] == key {
        values[slot] = Int32(truncatingIfNeeded: value)
        return
      }
      slot = (slot + 1) & mask
    }
    used[slot] = true
    keys[slot] = key
    values[slot] = Int32(truncatingIfNeeded: value)
    count += 1
  }

  /// The first slot to probe: high bits, as callers keep only even keys.
  private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 20) & mask }

  private mutating func grow() {
    var bigger = ShingleIndex(capacity: keys.count)
    for slot in keys.indices where used[slot] { bigger.set(keys[slot], Int(values[slot])) }
    self = bigger
  }
}
