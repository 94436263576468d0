import Threads

/// libFuzzer's entry point for the parser alone: bytes -> Discussion, with
/// the model's invariants and its JSON checked. Fast (no metrics, no XML), so it reaches
/// many more inputs per second than FuzzPage. A broken invariant traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let discussion = Discussion(parsing: bytes, source: "fuzz")
  // Lines as the parser counts them: LF, CRLF and CR each end one.
  var lines = 1
  var i = 0
  while i < size {
    if bytes[i] == 0x0A || bytes[i] == 0x0D {
      lines += 1
      if bytes[i] == 0x0D, i + 1 < size, bytes[i + 1] == 0x0A { i += 1 }
    }
    i += 1
  }
  for (i, comment) in discussion.comments.enumerated() {
    precondition(comment.index == i, "comment \(i) has index \(comment.index)")
    if let parent = comment.parent {
      precondition(parent >= 0 && parent < i, "comment \(i) has parent \(parent)")
      precondition(comment.replyEvidence != nil, "comment \(i) has a parent without evidence")
    } else {
      precondition(comment.replyEvidence == nil, "comment \(i) has evidence without a parent")
    }
    precondition(comment.line >= 1 && comment.line <= lines, "comment \(i) starts at line \(comment.line) of \(lines)")
    if i > 0 { precondition(comment.line > discussion.comments[i - 1].line, "comment \(i) is out of page order") }
    precondition(!comment.authorInferred || comment.author != nil, "comment \(i) has an inferred nil author")
    precondition(comment.author.map { !$0.isEmpty } ?? true, "comment \(i) has an empty author")
  }
  precondition(discussion.comments.isEmpty == (discussion.layout == .none), "layout \(discussion.layout) with \(discussion.comments.count) comments")
  for d in discussion.diagnostics { precondition(d.line >= 1 && d.line <= max(1, lines), "diagnostic at line \(d.line)") }
  // The JSON escapes every control character: only its own line breaks stay raw.
  let json = discussion.jsonBytes()
  precondition(!json.contains { $0 < 0x20 && $0 != 0x0A }, "JSON holds a raw control byte")
  precondition(json.first == UInt8(ascii: "{") && json.last == UInt8(ascii: "}"), "JSON is not one object")
  // The same bytes give the same threads.
  precondition(Discussion(parsing: bytes, source: "fuzz") == discussion, "parse is not deterministic")
  return 0
}
