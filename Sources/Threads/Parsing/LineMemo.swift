import Synchronization

/// The descriptions of short lines already seen, kept from page to page.
///
/// `LineInfo(line)` depends on the line's bytes alone, so a line described
/// once is reused on every later page that prints it: author names, dates,
/// "Reply", "3 years ago" repeat across the pages of a site. Each parse
/// borrows a memo from a shared pool for the time of one page (a thread
/// holds at most one, so the pool holds at most one per parse running at
/// once) and gives it back; a memo that reaches ``capacity`` lines starts
/// over, so its memory stays bounded whatever the corpus.
struct LineMemo: Sendable {
  /// The most distinct lines a memo keeps before it starts over.
  static let capacity = 1 << 15

  private var seen = TokenInterner()
  private var known: [LineInfo] = []
  private static let blank = LineInfo("")
  private static let pool = Mutex<[LineMemo]>([])

  /// Runs `body` with a memo from the pool, and puts it back.
  static func borrow<R>(_ body: (inout LineMemo) -> R) -> R {
    var memo = pool.withLock { $0.popLast() } ?? LineMemo()
    defer {
      let kept = memo
      pool.withLock { $0.append(kept) }
    }
    return body(&memo)
  }

  /// The features of `line`, from the memo when a short line was seen before.
  mutating func info(_ line: String) -> LineInfo {
    if line.isEmpty { return Self.blank }
    guard line.utf8.count <= LineInfo.memoBytes else { return LineInfo(line) }
    var line = line
    let (id, isNew) = line.withUTF8 { seen.intern($0, hash: TokenInterner.hash($0)) }
    guard isNew else { return known[Int(id)] }
    let info = LineInfo(line)
    known.append(info)
    if known.count >= Self.capacity { self = LineMemo() }
    return info
  }
}
