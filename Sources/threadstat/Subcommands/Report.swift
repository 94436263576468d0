import SystemCalls
import ArgumentParser
import Metrics
import Report
import Threads

extension Threadstat {
  /// Writes one self-contained HTML report of one or more scrapes.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write an HTML report of one or more scrapes: drift, authors, terms, thread shapes.",
      discussion: """
        One file that opens in any browser, offline: drift by depth and by quarter
        of the thread (median and middle half), the top authors by comments and
        words with their share, the share of the top 10% of authors and the Gini
        coefficient, the words the comments drifted toward and away from, the reply
        trees of the largest pages, the reply-evidence mix, a table of pages and
        the parser's warnings. Charts are SVG with titles and text descriptions; no
        script, no network, light and dark colours. Authors are merged across files
        as `stats` merges them, so its figures match `stats` and `drift`.

        With -o the file appears whole or not at all. The same input always gives
        the same bytes.

        Examples:
          threadstat report scrape.txt -o report.html
          threadstat report night/*.txt -o night.html --title "Comments, 2 December"
          cat scrape.txt | threadstat report - > report.html
        """)

    @Argument(help: "Scrape files, or - for standard input.")
    var files: [String]

    @OptionGroup var privacy: PrivacyOptions

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @Option(help: "The report's heading (default: the page's title, or the number of pages).")
    var title: String?

    func run() throws {
      var summary = ReportSummary()
      try PageInputs.forEach(files, pseudonyms: try privacy.pseudonyms()) { summary.add($0, $1) }
      let heading = title ?? defaultTitle(summary)
      let bytes = Array(HTMLReport.render(summary, title: heading).utf8)
      if let output {
        try AtomicFile.write(bytes, toFile: output)
      } else {
        Terminal.output(bytes)
      }
    }

    private func defaultTitle(_ summary: ReportSummary) -> String {
      if summary.pageCount == 1, let page = summary.pages.first {
        return "threadstat report: " + (page.title.isEmpty ? page.source : page.title)
      }
      return "threadstat report: \(summary.pageCount) pages"
    }
  }
}
