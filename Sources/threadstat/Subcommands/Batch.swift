import SystemCalls
import ArgumentParser
import Batch

extension Threadstat {
  /// The nightly run over a folder of scrapes.
  struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Process the new and changed scrapes of a folder and rebuild the corpus outputs.",
      discussion: """
        Walks INPUT recursively, processes the scrapes that are new or changed since the last run (by content hash), drops the results of scrapes that are gone, and rebuilds the corpus outputs from the state kept in OUT/threadstat.sqlite, without parsing unchanged scrapes again.

        Outputs in OUT: pages/<path>.graphml (and pages/<path>.comments.graphml with --level comment), corpus.graphml, corpus.gexf (the same graph as dynamic GEXF for Gephi's timeline), edges.csv, authors.csv, pages.csv, terms.csv, report.html, report.json. Every output is written to a temporary file and renamed, so a killed run leaves the last good outputs; run again to finish the work.

        SIGINT or SIGTERM stops the run cleanly: the files in progress are finished and recorded, no other file is started, and the corpus outputs and report.json of the last full run stay as they were; run again to finish. A second signal ends the run at once.

        A run that finds no scrape while pages are stored (an empty or unmounted INPUT, an --include that matches nothing), or that would drop more than --max-removals percent (50) of the stored pages, changes nothing and exits 1; --allow-removals lets it drop them. Dropped pages are always listed on standard error, even with --quiet.

        Exit status: 0 all files done; 1 fatal error (e.g. another run holds OUT, or too many removals refused); 2 usage error; 3 done, but some files failed (listed on standard error and in report.json); 130 or 143 stopped by SIGINT or SIGTERM.
        """)

    @Argument(help: "The folder of scrapes.")
    var input: String

    @Option(name: .shortAndLong, help: "The output folder (created when missing).")
    var out: String

    @Option(help: "Take files matching this glob (repeatable; default *.txt).")
    var include: [String] = []

    @Option(help: "Skip files or folders matching this glob (repeatable).")
    var exclude: [String] = []

    @Option(help: "Skip and report pages larger than this many bytes.")
    var maxPageBytes: Int = BatchOptions.defaultMaxPageBytes

    @Option(help: "Per-page graphs to write: author (always), comment (also the comment tree).")
    var level: [GraphLevel] = [.author]

    @Option(help: "Pages processed at once; each holds one page in memory.")
    var jobs: Int = BatchOptions.defaultJobs

    @Flag(help: "Discard the state database and the per-page outputs, and rebuild both from the scrapes (after the database was damaged or lost).")
    var rebuild = false

    @Option(help: "Refuse to run when more than this percentage of the stored pages would be dropped because their scrapes are gone.")
    var maxRemovals: Int = Int(BatchOptions.defaultMaxRemovedShare * 100)

    @Flag(help: "Drop the pages of gone scrapes however many they are, even when no scrape is found.")
    var allowRemovals = false

    @Flag(help: "Print nothing but failures, removals and errors.")
    var quiet = false

    @OptionGroup var privacy: PrivacyOptions

    @Option(help: "Also append every line, quiet or not, with its UTC time to this file (created with its folders when missing).")
    var log: String?

    enum GraphLevel: String, ExpressibleByArgument, CaseIterable {
      case author, comment
    }

    func validate() throws {
      if maxPageBytes < 1 { throw usage("--max-page-bytes must be at least 1") }
      if jobs < 1 { throw usage("--jobs must be at least 1") }
      if !(0...100).contains(maxRemovals) { throw usage("--max-removals must be a percentage from 0 to 100") }
    }

    func run() throws {
      let options = BatchOptions(
        input: input, output: out, filter: GlobFilter(include: include, exclude: exclude),
        maxPageBytes: maxPageBytes, commentLevel: level.contains(.comment), jobs: jobs, rebuild: rebuild,
        maxRemovedShare: Double(maxRemovals) / 100, allowRemovals: allowRemovals,
        pseudonyms: try privacy.pseudonyms())
      var logFile: BatchLog?
      if let log {
        do throws(BatchLog.LogError) { logFile = try BatchLog(path: log) } catch {
          BatchProgress.printError("threadstat batch: error: \(error)\n")
          throw ExitCode(1)
        }
      }
      let progress = BatchProgress(quiet: quiet, terminal: BatchProgress.stderrIsTerminal, log: logFile)
      let report: RunReport
      StopSignal.install()
      do {
        report = try BatchRun(options: options).run(onEvent: progress.handle) { StopSignal.requested != nil }
      } catch {
        switch error.kind {
        case .usage:
          progress.error("threadstat batch: error: \(error)\n")
          throw ExitCode(2)
        case .interrupted:
          progress.error("threadstat batch: \(error)\n")
          throw ExitCode(StopSignal.exitStatus)
        case .store:
          progress.error(
            "threadstat batch: error: \(error)\nthreadstat batch: if the state database is damaged, "
              + "run again with --rebuild to rebuild it from the scrapes\n")
          throw ExitCode(1)
        case .locked, .io, .refused:
          progress.error("threadstat batch: error: \(error)\n")
          throw ExitCode(1)
        }
      }
      progress.finish(report)
      if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }

    private func usage(_ message: String) -> ExitCode {
      BatchProgress.printError("threadstat batch: error: \(message)\n")
      return ExitCode(2)
    }
  }
}
