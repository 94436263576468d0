/// Shingle hash -> latest comment index, as an open-addressing table: the
/// keys are already well-mixed 64-bit hashes, so they need no `Hasher`, and a
/// slot (key and index side by side) is one memory access on huge pages.
struct ShingleIndex {
  private struct Slot {
    var key: UInt64 = 0
    /// The comment index; -1 marks an empty slot.
    var value: Int32 = -1
  }

  private var slots: [Slot]
  /// Keys held.
  private(set) var count = 0
  private var mask: Int

  /// A table that holds `capacity` keys before it grows.
  init(capacity: Int = 0) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    slots = Array(repeating: Slot(), count: size)
    mask = size - 1
  }

  subscript(key: UInt64) -> Int? {
    var i = home(key)
    while slots[i].value >= 0 {
      if slots[i].key == key { return Int(slots[i].value) }
      i = (i + 1) & mask
    }
    return nil
  }

  /// Maps `key` to `value` (a comment index), replacing what it mapped to.
  mutating func set(_ key: UInt64, _ value: Int) {
    if 2 * (count + 1) > slots.count { grow() }
    var i = home(key)
    while slots[i].value >= 0 {
      if slots[i].key == key {
        slots[i].value = Int32(value)
        return
      }
      i = (i + 1) & mask
    }
    slots[i] = Slot(key: key, value: Int32(value))
    count += 1
  }

  /// The first slot to probe: high bits, as callers keep only even keys.
  private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 20) & mask }

  private mutating func grow() {
    var bigger = ShingleIndex(capacity: slots.count)
    for slot in slots where slot.value >= 0 { bigger.set(slot.key, Int(slot.value)) }
    self = bigger
  }
}
