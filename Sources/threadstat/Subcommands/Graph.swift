import ArgumentParser
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Metrics
import Threads

extension Threadstat {
  /// Writes the reply graph of one or more scrapes as GraphML for Gephi.
  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the reply graph of one or more scrapes as GraphML for Gephi.",
      discussion: """
        Author level (the default): a node per author, one per article and one per
        comment whose author is unknown; an edge from replier to replied-to (a
        top-level comment replies to its article), weight = number of replies.
        Several files give one graph: authors with the same name (ignoring case and
        spacing) are one node, each page keeps its own article node.

        Comment level: a node per comment and per article, an edge from each
        comment to its parent (or to the article), with depth and drift.

        The same input always gives the same bytes. With -o the file appears whole
        or not at all; a name ending in .gz is gzip-compressed (Gephi opens it).

        Examples:
          threadstat graph scrape.txt > replies.graphml
          threadstat graph night/*.txt -o corpus.graphml.gz
          threadstat graph scrape.txt --level comment -o tree.graphml
        """)

    enum Level: String, ExpressibleByArgument, CaseIterable {
      case author, comment
    }

    @Argument(help: "Scrape files, or - for standard input.")
    var files: [String]

    @OptionGroup var privacy: PrivacyOptions

    @Option(help: "author: who replies to whom; comment: the comment trees.")
    var level: Level = .author

    @Option(name: .shortAndLong, help: "Write here instead of standard output (.gz compresses).")
    var output: String?

    func run() throws {
      var authors = AuthorGraph()
      var comments = CommentGraph()
      try PageInputs.forEach(files, pseudonyms: try privacy.pseudonyms()) { discussion, analysis in
        switch level {
        case .author: authors.merge(analysis.graph)
        case .comment: comments.append(discussion, analysis: analysis)
        }
      }
      let document = level == .author ? GraphMLDocument(authors) : GraphMLDocument(comments)
      if let output {
        try document.write(toFile: output)
      } else {
        // Streamed to the descriptor as libxml2 serialises: no copy of the whole document.
        try document.write(to: STDOUT_FILENO, path: "standard output")
      }
    }
  }
}
