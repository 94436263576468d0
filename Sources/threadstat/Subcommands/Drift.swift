import ArgumentParser
import Metrics
import Threads

extension Threadstat {
  /// Prints how far each comment of a scrape drifts from its article.
  struct Drift: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show how far the discussion of one scrape drifts from its article.",
      discussion: """
        Per comment: the TF-IDF cosine similarity to the article (its profile: the
        article plus the five comments closest to it, a comment's own words left
        out), to its parent and to the centroid of the comments before it;
        drift = 1 - article similarity (empty when a comment or the article has no
        words left after stop words).
        Then mean drift by depth and by quarter of the thread, and the terms the
        comments use more (toward) and less (away) than the article, by Fightin'
        Words z-score (weighted log-odds, informative Dirichlet prior).

        Examples:
          threadstat drift scrape.txt
          threadstat drift scrape.txt --format json | jq '.by_depth'
          threadstat drift scrape.txt --format csv > drift.csv
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, csv
    }

    @Argument(help: "The scrape file, or - for standard input.")
    var file: String

    @OptionGroup var privacy: PrivacyOptions

    @Option(help: "text, json or csv (per-comment rows only).")
    var format: Format = .text

    func run() throws {
      try PageInputs.forEach([file], pseudonyms: try privacy.pseudonyms(), show)
    }

    private func show(_ discussion: Discussion, _ analysis: PageAnalysis) {
      switch format {
      case .text: print(text(discussion, analysis), terminator: "")
      case .json: print(json(discussion, analysis))
      case .csv:
        // Authors and first words are guarded against spreadsheet formulas.
        var table = CSVTable(header: Self.csvColumns)
        for (comment, d) in zip(discussion.comments, analysis.drift.comments) {
          table.append([
            .integer(d.index), .text(comment.author ?? ""), .integer(d.depth),
            .number(NumberText.fixed(d.drift, 6)), .number(NumberText.fixed(d.articleSimilarity, 6)),
            .number(NumberText.fixed(d.parentSimilarity, 6)), .number(NumberText.fixed(d.contextSimilarity, 6)),
            .text(String(d.truncated)), .text(comment.text.firstWords(8)),
          ])
        }
        Terminal.output(table.bytes)
      }
    }

    static let csvColumns = [
      "index", "author", "depth", "drift", "article_similarity", "parent_similarity",
      "context_similarity", "truncated", "first_words",
    ]

    private func text(_ discussion: Discussion, _ analysis: PageAnalysis) -> String {
      let report = analysis.drift
      var out = "\(discussion.source): \(discussion.comments.count) comments, language \(analysis.language.rawValue)\n\n"
      let rows = zip(discussion.comments, report.comments).map { comment, d in
        [
          String(d.index), String(repeating: "  ", count: min(d.depth, 8)) + (comment.author ?? "(unknown)"),
          String(d.depth), NumberText.fixed(d.drift), NumberText.fixed(d.articleSimilarity),
          NumberText.fixed(d.parentSimilarity), NumberText.fixed(d.contextSimilarity),
          d.truncated ? "cut" : "", comment.text.firstWords(8),
        ]
      }
      out += TextTable.render(
        header: ["#", "author", "depth", "drift", "article", "parent", "context", "", "first words"],
        rows: rows, rightAligned: [0, 2, 3, 4, 5, 6])
      out += "\nMean drift by depth:\n"
      out += TextTable.render(
        header: ["depth", "comments", "scored", "mean_drift"],
        rows: report.byDepth.map(curveCells), rightAligned: [0, 1, 2, 3])
      out += "\nMean drift by quarter of the thread:\n"
      out += TextTable.render(
        header: ["quarter", "comments", "scored", "mean_drift"],
        rows: report.byPosition.map { p in
          var cells = curveCells(p)
          cells[0] = String(p.bucket + 1)
          return cells
        }, rightAligned: [0, 1, 2, 3])
      out += "\nDrifted toward (comments > article):\n" + termLines(report.terms.toward)
      out += "\nDrifted away from (article > comments):\n" + termLines(report.terms.away)
      return out
    }

    private func curveCells(_ p: DriftPoint) -> [String] {
      [String(p.bucket), String(p.comments), String(p.scored), NumberText.fixed(p.meanDrift)]
    }

    private func termLines(_ terms: [TermScore]) -> String {
      terms.isEmpty
        ? "  (none)\n"
        : TextTable.render(
          header: ["term", "z", "comments", "article"],
          rows: terms.map {
            [$0.word, NumberText.fixed($0.z, 2), String($0.focusCount), String($0.referenceCount)]
          }, rightAligned: [1, 2, 3])
    }

    private func json(_ discussion: Discussion, _ analysis: PageAnalysis) -> String {
      let report = analysis.drift
      let comments = zip(discussion.comments, report.comments).map { comment, d in
        JSON.object([
          "index": String(d.index), "author": JSON.quote(comment.author), "depth": String(d.depth),
          "drift": NumberText.json(d.drift),
          "article_similarity": NumberText.json(d.articleSimilarity),
          "parent_similarity": NumberText.json(d.parentSimilarity),
          "context_similarity": NumberText.json(d.contextSimilarity),
          "truncated": String(d.truncated), "terms": String(d.terms),
          "first_words": JSON.quote(comment.text.firstWords(8)),
        ])
      }
      /// Depths count from 0, quarters from 1 (as in the text output).
      func curve(_ points: [DriftPoint], _ name: String, first: Int) -> String {
        JSON.array(
          points.map {
            JSON.object([
              name: String($0.bucket + first), "comments": String($0.comments),
              "scored": String($0.scored), "mean_drift": NumberText.json($0.meanDrift),
            ])
          }, indent: 2)
      }
      func terms(_ scores: [TermScore]) -> String {
        JSON.array(
          scores.map {
            JSON.object([
              "term": JSON.quote($0.word), "stem": JSON.quote($0.term), "z": NumberText.json($0.z),
              "comments": String($0.focusCount), "article": String($0.referenceCount),
            ])
          }, indent: 3)
      }
      return JSON.object([
        "source": JSON.quote(discussion.source), "language": JSON.quote(analysis.language.rawValue),
        "comments": JSON.array(comments, indent: 2),
        "by_depth": curve(report.byDepth, "depth", first: 0),
        "by_position": curve(report.byPosition, "quarter", first: 1),
        "terms": JSON.object([
          "toward": terms(report.terms.toward), "away": terms(report.terms.away),
        ]),
      ])
    }
  }
}
