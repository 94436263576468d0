import SystemCalls
import ArgumentParser
import Metrics
import Threads

extension Threadstat {
  /// Scores threads given as article and comments, not as a scrape: the entry
  /// `scripts/drift-eval` feeds the labelled set through. Hidden from help.
  ///
  /// Input, one record a line, fields split by a tab (no tabs or newlines in texts):
  ///
  ///     title<TAB>TEXT
  ///     text<TAB>TEXT
  ///     comment<TAB>PARENT<TAB>TEXT     (PARENT: an earlier comment's 0-based index, or -)
  ///
  /// Output: one tab-separated row per comment, `FILE INDEX DRIFT ARTICLE PARENT
  /// CONTEXT TERMS`, the similarities as `drift` prints them (empty when nil).
  struct DriftThreads: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "drift-threads",
      abstract: "Score threads given as article and comments (for scripts/drift-eval).",
      shouldDisplay: false)

    @Argument(help: "Thread files in the drift-threads line format.")
    var files: [String]

    @Flag(help: "Weight terms by document frequencies over all the files, as batch does.")
    var corpus = false

    func run() throws {
      var discussions: [Discussion] = []
      for path in files {
        discussions.append(try Self.discussion(path))
      }
      var statistics: CorpusStatistics?
      if corpus {
        var sum = CorpusStatistics()
        for d in discussions { sum.add(PageAnalysis(d)) }
        statistics = sum
      }
      var out = ""
      for d in discussions {
        let analysis = PageAnalysis(d, corpus: statistics)
        for c in analysis.drift.comments {
          out += [
            d.source, String(c.index), NumberText.fixed(c.drift, 6),
            NumberText.fixed(c.articleSimilarity, 6), NumberText.fixed(c.parentSimilarity, 6),
            NumberText.fixed(c.contextSimilarity, 6), String(c.terms),
          ].joined(separator: "\t") + "\n"
        }
      }
      print(out, terminator: "")
    }

    struct FormatError: Error, CustomStringConvertible {
      var file: String
      var line: Int
      var message: String
      var description: String { "\(file):\(line): \(message)" }
    }

    /// The thread in `path` as a discussion.
    static func discussion(_ path: String) throws -> Discussion {
      let text = String(decoding: try SourceFile.readText(path), as: UTF8.self)
      var title = ""
      var body = ""
      var comments: [Comment] = []
      for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if line.isEmpty { continue }
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        switch fields[0] {
        case "title" where fields.count >= 2: title = String(fields[1...].joined(separator: "\t"))
        case "text" where fields.count >= 2: body = String(fields[1...].joined(separator: "\t"))
        case "comment" where fields.count == 3:
          var parent: Int?
          if fields[1] != "-" {
            guard let p = Int(fields[1]), p >= 0, p < comments.count else {
              throw FormatError(file: path, line: n + 1, message: "parent must be an earlier comment's index or -")
            }
            parent = p
          }
          comments.append(
            Comment(
              index: comments.count, author: nil, parent: parent,
              replyEvidence: parent == nil ? nil : .mention, text: String(fields[2]), line: n + 1))
        default:
          throw FormatError(file: path, line: n + 1, message: "expected title, text or comment record")
        }
      }
      return Discussion(
        source: path, layout: .plain, article: Article(title: title, date: nil, text: body),
        comments: comments, diagnostics: [])
    }
  }
}
