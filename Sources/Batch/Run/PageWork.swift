import SystemCalls
import Metrics
import Report
import Threads

/// Processing of one scrape whose bytes are in hand: parse, measure, write its
/// own outputs. Runs on any worker thread.
struct PageWork {
  /// What processing one page produced.
  struct Result {
    /// What the store keeps of the page.
    var page: StoredPage
    var outputs: [String]
    /// The parser's findings about the page, in line order.
    var diagnostics: [ParseDiagnostic]
    /// What the night's report shows of the page (its authors are in the
    /// corpus section, summed by the store).
    var summary: ReportSummary
  }

  let options: BatchOptions
  let files: OutputFolder

  /// The author-level graph of a page, below the output folder.
  static func authorGraphName(_ relativePath: String) -> String {
    OutputPaths.page(relativePath, suffix: ".graphml")
  }

  /// The comment-level graph of a page, below the output folder.
  static func commentGraphName(_ relativePath: String) -> String {
    OutputPaths.page(relativePath, suffix: ".comments.graphml")
  }

  /// The outputs `process` writes for `file`, relative to the output folder.
  func outputNames(for file: ScrapeFile) -> [String] {
    let path = file.relativePath
    return [Self.authorGraphName(path)] + (options.commentLevel ? [Self.commentGraphName(path)] : [])
  }

  /// Parses and measures `bytes`, writes the page's outputs atomically.
  /// - Throws: `BatchError` when an output cannot be written.
  func process(_ file: ScrapeFile, bytes: [UInt8]) throws(BatchError) -> Result {
    let parsed = try Self.discussion(bytes, source: file.relativePath)
    let discussion = options.pseudonyms?.apply(to: parsed) ?? parsed
    let analysis = PageAnalysis(discussion)
    let names = outputNames(for: file)
    try write(GraphDocument(analysis.graph), to: names[0])
    if options.commentLevel {
      try write(GraphDocument(CommentGraph(discussion, analysis: analysis)), to: names[1])
    }
    return Result(
      page: StoredPage(discussion, analysis), outputs: names, diagnostics: discussion.diagnostics,
      summary: ReportSummary(discussion, analysis, authors: false))
  }

  /// The page in `bytes`: a text scrape, a saved HTML page, or an export
  /// file of one thread (an export of several is refused: one file is one
  /// page in the store; split it, or read it with the other commands).
  static func discussion(_ bytes: [UInt8], source: String) throws(BatchError) -> Discussion {
    let structured: [Discussion]?
    do { structured = try StructuredInput.discussions(bytes, source: source) } catch {
      throw BatchError(.io, error.description)
    }
    guard let structured else { return Discussion(parsing: bytes, source: source) }
    guard structured.count == 1, var page = structured.first else {
      throw BatchError(.io, "an export of \(structured.count) threads; batch takes one thread per file (split it, or use parse, graph or stats)")
    }
    page.source = source
    return page
  }

  /// Streams `document` into the output file `name`.
  private func write(_ document: GraphDocument, to name: String) throws(BatchError) {
    try files.write(to: name, durable: false) { fd throws(BatchError) in
      do throws(GraphFileError) { try document.write(to: fd, path: name) } catch {
        throw BatchError(.io, error.message)
      }
    }
  }
}
