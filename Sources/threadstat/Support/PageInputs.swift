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
  /// twice) is counted once, with a note naming both.
  /// - Throws: `SourceFile.ReadError` naming the first file that cannot be read.
  static func forEach(_ paths: [String], _ body: (Discussion, PageAnalysis) throws -> Void) throws {
    var firstWithContent: [ContentKey: String] = [:]
    for path in paths {
      let bytes = try SourceFile.read(path)
      let key = ContentKey(bytes)
      if let original = firstWithContent[key] {
        Terminal.error("\(shown(path)): note: same content as \(shown(original)); counted once")
        continue
      }
      firstWithContent[key] = path
      let discussion = Discussion(parsing: bytes, source: path)
      Diagnostics.report(discussion.diagnostics, file: path)
      if discussion.comments.isEmpty {
        Terminal.error("\(shown(path)): note: no comments found")
      }
      try body(discussion, PageAnalysis(discussion))
    }
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
