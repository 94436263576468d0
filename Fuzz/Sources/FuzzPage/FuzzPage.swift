import Metrics
import Threads

/// libFuzzer's entry point: one input through the whole page pipeline.
/// Bytes -> Discussion -> PageAnalysis -> both GraphML documents -> parsed
/// back by libxml2. Any broken invariant traps, which libFuzzer reports as a
/// crash and saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let discussion = Discussion(parsing: bytes, source: "fuzz")
  for (i, comment) in discussion.comments.enumerated() {
    precondition(comment.index == i, "comment \(i) has index \(comment.index)")
    if let parent = comment.parent { precondition(parent >= 0 && parent < i, "comment \(i) has parent \(parent)") }
    if i > 0 { precondition(comment.line > discussion.comments[i - 1].line, "comment \(i) is out of page order") }
  }
  let analysis = PageAnalysis(discussion)
  let documents = [
    GraphDocument(analysis.graph),
    GraphDocument(CommentGraph(discussion, analysis: analysis)),
  ]
  for document in documents {
    let xml: [UInt8]
    do { xml = try document.bytes() } catch { fatalError("GraphML not written: \(error)") }
    let counts: GraphMLCounts
    do { counts = try GraphDocument.counts(parsing: xml) } catch { fatalError("GraphML not read back: \(error)") }
    precondition(counts == document.counts, "GraphML read back as \(counts), model has \(document.counts)")
  }
  return 0
}
