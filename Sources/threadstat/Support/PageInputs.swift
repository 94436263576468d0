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
      let discussion = try read(path, pseudonyms: pseudonyms)
      Diagnostics.report(discussion.diagnostics, file: path)
      if discussion.comments.isEmpty {
        Terminal.error("\(path == "-" ? "<stdin>" : path): note: no comments found")
      }
      try body(discussion, PageAnalysis(discussion))
    }
  }

  /// Parses the file at `path` (or standard input for "-"), with names
  /// replaced when `pseudonyms` is given.
  static func read(_ path: String, pseudonyms: Pseudonyms?) throws -> Discussion {
    let discussion = Discussion(parsing: try SourceFile.read(path), source: path)
    return pseudonyms?.apply(to: discussion) ?? discussion
  }
}
