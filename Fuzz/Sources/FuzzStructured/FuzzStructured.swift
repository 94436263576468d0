import Metrics
import Threads

/// libFuzzer's entry point for structured inputs: the first byte picks how
/// the rest is wrapped (as it is, in an HTML body, or in a Disqus or WXR
/// envelope), then bytes -> StructuredInput -> Discussions, whose
/// invariants are checked, -> GraphML and GEXF. Any broken invariant traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStructured(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let all = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  guard let mode = all.first else { return 0 }
  let rest = Array(all.dropFirst())
  let bytes: [UInt8]
  switch mode % 4 {
  case 1: bytes = Array("<!DOCTYPE html><html><body>".utf8) + rest
  case 2: bytes = Array("<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\">".utf8) + rest + Array("</disqus>".utf8)
  case 3:
    bytes = Array("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item>".utf8) + rest
      + Array("</item></channel></rss>".utf8)
  default: bytes = rest
  }
  let found: [Discussion]?
  do { found = try StructuredInput.discussions(bytes, source: "fuzz") } catch { return 0 }
  for discussion in found ?? [] {
    for (i, comment) in discussion.comments.enumerated() {
      precondition(comment.index == i, "comment \(i) has index \(comment.index)")
      if let parent = comment.parent { precondition(parent >= 0 && parent < i, "comment \(i) has parent \(parent)") }
    }
    let analysis = PageAnalysis(discussion)
    let document = GraphDocument(CommentGraph(discussion, analysis: analysis))
    do {
      _ = try document.bytes()
      _ = try document.bytes(.gexf)
    } catch { fatalError("graph not written: \(error)") }
  }
  return 0
}
