import ArgumentParser
import Metrics
import SystemCalls
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

        --format gexf writes GEXF 1.3 for Gephi's timeline (Timeline > play): each
        comment and article starts on its date and stays, an author is present on
        the days they commented; a reply edge starts with its comment, or between
        authors once both have appeared. Same attributes as the GraphML.

        --format csv writes the same graph as two tables into the folder given
        with -o: nodes.csv (Id,Label,...) and edges.csv (Source,Target,Type,
        Weight,...), the headers of Gephi's spreadsheet import, for R, pandas
        and spreadsheets.

        Examples:
          threadstat graph scrape.txt > replies.graphml
          threadstat graph night/*.txt -o corpus.graphml.gz
          threadstat graph scrape.txt --level comment -o tree.graphml
          threadstat graph scrape.txt --level comment --format gexf -o thread.gexf
          threadstat graph night/*.txt --format csv -o tables/
        """)

    enum Level: String, ExpressibleByArgument, CaseIterable {
      case author, comment
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case graphml, gexf, csv
    }

    @Argument(help: "Scrape files, or - for standard input.")
    var files: [String]

    @OptionGroup var privacy: PrivacyOptions

    @Option(help: "author: who replies to whom; comment: the comment trees.")
    var level: Level = .author

    @Option(help: "graphml, gexf (GEXF 1.3 with dates for Gephi's timeline) or csv (nodes.csv and edges.csv in the -o folder).")
    var format: Format = .graphml

    @Option(name: .shortAndLong, help: "Write here instead of standard output (.gz compresses); the folder for --format csv.")
    var output: String?

    func validate() throws {
      if format == .csv, output == nil {
        throw ValidationError("--format csv writes two files: give the folder with -o")
      }
    }

    func run() throws {
      var authors = AuthorGraph()
      var comments = CommentGraph()
      try PageInputs.forEach(files, pseudonyms: try privacy.pseudonyms()) { discussion, analysis in
        switch level {
        case .author: authors.merge(analysis.graph)
        case .comment: comments.append(discussion, analysis: analysis)
        }
      }
      let document = level == .author ? GraphDocument(authors) : GraphDocument(comments)
      let xml: GraphFileFormat = format == .gexf ? .gexf : .graphml
      if format == .csv, let output {
        let tables = GraphTables(document)
        try Posix.makeDirectories(output)
        try AtomicFile.write(tables.nodes, toFile: Paths.join(output, GraphTables.nodesName))
        try AtomicFile.write(tables.edges, toFile: Paths.join(output, GraphTables.edgesName))
      } else if let output {
        try document.write(toFile: output, xml)
      } else {
        // Streamed to the descriptor as libxml2 serialises: no copy of the whole document.
        try document.write(to: Posix.standardOutput, path: "standard output", xml)
      }
    }
  }
}
