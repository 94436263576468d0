import ArgumentParser
import SystemCalls
import Threads

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
    version: ThreadstatVersion.current,
    subcommands: [Parse.self, Graph.self, Stats.self, Drift.self, Report.self, Batch.self, DriftThreads.self]
  )

  /// Runs the command line. Beyond `ParsableCommand.main()`: a usage error
  /// of `batch` exits 2, as its help says (the others exit 64), and a
  /// command whose standard output could not be written exits 1.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
      try Terminal.finishOutput()
    } catch let error as Terminal.OutputError {
      Terminal.error("threadstat: error: \(error)")
      Posix.exit(1)
    } catch {
      if exitCode(for: error) == .validationFailure, CommandLine.arguments.dropFirst().first == "batch" {
        Terminal.error(fullMessage(for: error))
        Posix.exit(2)
      }
      exit(withError: error)
    }
  }
}
