import ArgumentParser
import Threads

extension Threadstat {
  /// Rebuilds the comment threads of one scrape and prints them.
  struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rebuild the comment threads of one scrape.")

    @Argument(help: "The scrape file, or - for standard input.")
    var file: String

    func run() throws {
      let bytes = try SourceFile.read(file)
      let discussion = Discussion(parsing: bytes, source: file)
      print(discussion.comments.count)
    }
  }
}
