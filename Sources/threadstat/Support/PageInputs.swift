import Metrics
import Threads

/// Scrapes read, parsed and measured for the metrics subcommands.
enum PageInputs {
  /// Reads and analyses the files one at a time, in order, handing each to
  /// `body`; callers write their output only after the last one, so an
  /// unreadable file stops the run with no output. Texts are not kept.
  /// The parser's findings are printed on standard error
  /// (`FILE:LINE: warning: MESSAGE`); a page without comments is noted there.
  /// With `pseudonyms`, names are replaced before anything is measured or printed.
  /// - Throws: `SourceFile.ReadError` naming the first file that cannot be read.
  static func forEach(
    _ paths: [String], pseudonyms: Pseudonyms? = nil, _ body: (Discussion, PageAnalysis) throws -> Void
  ) throws {
    for path in paths {
      for discussion in try read(path, pseudonyms: pseudonyms) {
        let name = discussion.source
        Diagnostics.report(discussion.diagnostics, file: name)
        if discussion.comments.isEmpty {
          Terminal.error("\(name == "-" ? "<stdin>" : name): note: no comments found")
        }
        try body(discussion, PageAnalysis(discussion))
      }
    }
  }

  /// Parses the file at `path` (or standard input for "-"): a text scrape,
  /// a saved HTML page or an export file (one discussion per thread), with
  /// names replaced when `pseudonyms` is given.
  static func read(_ path: String, pseudonyms: Pseudonyms?) throws -> [Discussion] {
    let bytes = try SourceFile.read(path)
    let discussions = try StructuredInput.discussions(bytes, source: path) ?? [Discussion(parsing: bytes, source: path)]
    guard let pseudonyms else { return discussions }
    return discussions.map { pseudonyms.apply(to: $0) }
  }
}
