import ArgumentParser
import Threads

extension Threadstat {
  /// Rebuilds the comment threads of one or more scrapes and prints them.
  struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rebuild the comment threads of one or more scrapes.",
      discussion: """
        Prints the article and its comments: as an indented tree (text, the
        default on a terminal) or as the JSON contract (the default when
        standard output is a file or a pipe). Several files: --format jsonl
        writes one JSON object per file, one per line (JSON Lines); text
        prints the trees one after the other. Findings about the input go to
        standard error as FILE:LINE: warning: MESSAGE.

        Examples:
          threadstat parse Samples/wpdiscuz-twice.txt
          threadstat parse scrape.txt --format json > scrape.json
          threadstat parse night/*.txt --format jsonl > night.jsonl
          curl -s ... | threadstat parse - --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case json, jsonl, text
    }

    @Argument(help: "Scrape files, or - for standard input.")
    var files: [String]

    @Option(help: "json, jsonl (one object per file per line) or text (default: text on a terminal, json otherwise; jsonl for several files).")
    var format: Format?

    @OptionGroup var privacy: PrivacyOptions

    @Flag(help: "Exit with status 1 when the parser reports any warning.")
    var strict = false

    func validate() throws {
      if files.count > 1, format == .json {
        throw ValidationError("several files make several objects: use --format jsonl (one per line)")
      }
    }

    func run() throws {
      let pseudonyms = try privacy.pseudonyms()
      let terminal = Terminal.isTerminal(.standardOutput)
      let chosen = format ?? (terminal ? .text : files.count > 1 ? .jsonl : .json)
      // Streamed file by file (memory of one page); an unreadable file stops
      // the run there, with the error naming it.
      var warnings = 0
      for file in files {
        let discussions = try PageInputs.read(file, pseudonyms: pseudonyms)
        if discussions.count > 1, chosen == .json {
          throw ValidationError("\(file) holds \(discussions.count) threads: use --format jsonl (one per line)")
        }
        for discussion in discussions {
          switch chosen {
          case .json, .jsonl:
            var bytes = chosen == .json ? discussion.jsonBytes() : discussion.jsonLineBytes()
            bytes.append(0x0A)
            Terminal.output(bytes)
          case .text: print(TreeRenderer.render(discussion), terminator: "")
          }
          warnings += Diagnostics.report(discussion.diagnostics, file: discussion.source)
        }
      }
      if strict && warnings > 0 { throw ExitCode.failure }
    }
  }
}
