import ArgumentParser

/// The threadstat command line: one subcommand per file under Subcommands/.
@main
struct Threadstat: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "threadstat",
    abstract: "Rebuild comment threads from page scrapes, measure them, and write Gephi-ready graphs.",
    discussion: """
      Examples:
        threadstat graph scrape.txt > out.graphml   # the reply graph, for Gephi
        threadstat stats scrape.txt                 # who wrote and replied how much
        threadstat drift scrape.txt                 # how far the talk drifts
        threadstat parse scrape.txt                 # the thread as an indented tree
        threadstat parse scrape.txt --format json   # the JSON contract
        cat scrape.txt | threadstat parse -         # read standard input
      """,
    version: "0.1.0",
    subcommands: [Parse.self, Graph.self, Stats.self, Drift.self, Batch.self]
  )
}
