import SystemCalls
import Metrics
import Threads

/// Scrapes read, parsed and measured for the metrics subcommands.
enum PageInputs {
  /// Reads and analyses the files one at a time, in order, handing each to
  /// `body`; callers write their output only after the last one, so an
  /// unreadable file stops the run with no output. Texts are not kept.
  /// The parser's findings are printed on standard error
  /// (`FILE:LINE: warning: MESSAGE`); a page without comments is noted there.
  /// A file with the same bytes as an earlier one (the same page given
  /// twice) is counted once, with a note naming both. An export file gives
  /// one discussion per thread. With `pseudonyms`, names are replaced before
  /// anything is measured or printed.
  /// - Throws: `SourceFile.ReadError` naming the first file that cannot be read.
  static func forEach(
    _ paths: [String], pseudonyms: Pseudonyms? = nil, _ body: (Discussion, PageAnalysis) throws -> Void
  ) throws {
    var firstWithContent: [ContentKey: String] = [:]
    for path in paths {
      let bytes = try SourceFile.readText(path)
      let key = ContentKey(bytes)
      if let original = firstWithContent[key] {
        Terminal.error("\(shown(path)): note: same content as \(shown(original)); counted once")
        continue
      }
      firstWithContent[key] = path
      for discussion in try discussions(bytes, path: path, pseudonyms: pseudonyms) {
        Diagnostics.report(discussion.diagnostics, file: discussion.source)
        if discussion.comments.isEmpty {
          Terminal.error("\(shown(discussion.source)): note: no comments found")
        }
        try body(discussion, PageAnalysis(discussion))
      }
    }
  }

  /// Parses the file at `path` (or standard input for "-"): a text scrape,
  /// a saved HTML page or an export file (one discussion per thread), with
  /// names replaced when `pseudonyms` is given.
  static func read(_ path: String, pseudonyms: Pseudonyms?) throws -> [Discussion] {
    try discussions(try SourceFile.readText(path), path: path, pseudonyms: pseudonyms)
  }

  private static func discussions(_ bytes: [UInt8], path: String, pseudonyms: Pseudonyms?) throws -> [Discussion] {
    let discussions = try StructuredInput.discussions(bytes, source: path) ?? [Discussion(parsing: bytes, source: path)]
    guard let pseudonyms else { return discussions }
    return discussions.map { pseudonyms.apply(to: $0) }
  }

  private static func shown(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// A page's content, compared by a hash of its bytes and its length.
  private struct ContentKey: Hashable {
    var length: Int
    var hash: Int

    init(_ bytes: [UInt8]) {
      var hasher = Hasher()
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
      length = bytes.count
      hash = hasher.finalize()
    }
  }
}
