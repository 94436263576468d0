import ArgumentParser
import Threads

extension Threadstat {
  /// Rebuilds the comment threads of one scrape and prints them.
  struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rebuild the comment threads of one scrape.",
      discussion: """
        Prints the article and its comments: as an indented tree (text, the
        default on a terminal) or as the JSON contract (the default when
        standard output is a file or a pipe). Findings about the input go to
        standard error as FILE:LINE: warning: MESSAGE.

        Examples:
          threadstat parse Samples/wpdiscuz-twice.txt
          threadstat parse scrape.txt --format json > scrape.json
          curl -s ... | threadstat parse - --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case json, text
    }

    @Argument(help: "The scrape file, or - for standard input.")
    var file: String

    @Option(help: "Output format: json or text (default: text on a terminal, json otherwise).")
    var format: Format?

    @Flag(help: "Exit with status 1 when the parser reports any warning.")
    var strict = false

    func run() throws {
      let bytes = try SourceFile.read(file)
      let discussion = Discussion(parsing: bytes, source: file)
      let chosen = format ?? (Terminal.isTerminal(.standardOutput) ? .text : .json)
      switch chosen {
      case .json: print(discussion.json())
      case .text: print(TreeRenderer.render(discussion), terminator: "")
      }
      let warnings = Diagnostics.report(discussion.diagnostics, file: file)
      if strict && warnings > 0 { throw ExitCode.failure }
    }
  }
}
