import ArgumentParser
import Metrics
import Threads

extension Threadstat {
  /// Prints the per-author table of one or more scrapes.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print how much each author wrote, replied and drifted.",
      discussion: """
        One row per named author; several files are summed, authors matched by name
        (ignoring case and spacing). Comments without a visible author are not rows.
        share is the author's part of all comments; mean_drift the mean of
        1 - (TF-IDF cosine similarity to the article) over their comments.

        Examples:
          threadstat stats scrape.txt
          threadstat stats night/*.txt --sort replies --format csv > authors.csv
          threadstat stats scrape.txt --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, csv, json
    }

    enum SortKey: String, ExpressibleByArgument, CaseIterable {
      case comments, words, drift, replies
    }

    @Argument(help: "Scrape files, or - for standard input.")
    var files: [String]

    @OptionGroup var privacy: PrivacyOptions

    @Option(help: "table (aligned for a terminal), csv or json.")
    var format: Format = .table

    @Option(help: "Largest first by: comments, words, drift (mean drift) or replies (sent + received).")
    var sort: SortKey = .comments

    func run() throws {
      var graph = AuthorGraph()
      try PageInputs.forEach(files, pseudonyms: try privacy.pseudonyms()) { graph.merge($1.graph) }
      let authors = sorted(Array(graph.authors.values))
      switch format {
      case .table:
        let rows = authors.map { cells($0, graph: graph).map(\.plainText) }
        print(
          TextTable.render(header: Self.columns, rows: rows, rightAligned: Set(1..<9)),
          terminator: "")
      case .csv:
        // Names are guarded against spreadsheet formulas, as in authors.csv.
        var table = CSVTable(header: Self.columns)
        for author in authors { table.append(cells(author, graph: graph)) }
        Terminal.output(table.bytes)
      case .json:
        print(json(authors, graph: graph))
      }
    }

    static let columns = [
      "author", "comments", "words", "truncated", "replies_sent", "replies_received", "partners",
      "share", "mean_drift", "first_date", "last_date", "articles",
    ]

    private func cells(_ a: AuthorStats, graph: AuthorGraph) -> [CSVTable.Cell] {
      [
        .text(a.name), .integer(a.comments), .integer(a.words), .integer(a.truncated),
        .integer(a.repliesSent), .integer(a.repliesReceived), .integer(a.partnerCount),
        .number(NumberText.fixed(graph.share(of: a))), .number(NumberText.fixed(a.meanDrift)),
        .text(a.firstDate?.iso ?? ""), .text(a.lastDate?.iso ?? ""), .integer(a.articles),
      ]
    }

    private func json(_ authors: [AuthorStats], graph: AuthorGraph) -> String {
      JSON.array(
        authors.map { a in
          JSON.object([
            "author": JSON.quote(a.name), "key": JSON.quote(a.key), "comments": String(a.comments),
            "words": String(a.words), "truncated": String(a.truncated),
            "replies_sent": String(a.repliesSent), "replies_received": String(a.repliesReceived),
            "partners": String(a.partnerCount), "share": NumberText.json(graph.share(of: a)),
            "mean_drift": NumberText.json(a.meanDrift), "first_date": JSON.quote(a.firstDate?.iso),
            "last_date": JSON.quote(a.lastDate?.iso), "articles": String(a.articles),
          ])
        }, indent: 1)
    }

    /// Largest first; ties by name key, so the order never depends on hashing.
    private func sorted(_ authors: [AuthorStats]) -> [AuthorStats] {
      func value(_ a: AuthorStats) -> Double {
        switch sort {
        case .comments: Double(a.comments)
        case .words: Double(a.words)
        case .drift: a.meanDrift ?? -1
        case .replies: Double(a.repliesSent + a.repliesReceived)
        }
      }
      return authors.sorted { x, y in
        let vx = value(x)
        let vy = value(y)
        return vx != vy ? vx > vy : x.key < y.key
      }
    }
  }
}
