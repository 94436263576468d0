import SystemCalls
import ArgumentParser
import Metrics
import Threads

/// `--pseudonymize KEYFILE`, shared by every command that writes names.
struct PrivacyOptions: ParsableArguments {
  @Option(
    name: .customLong("pseudonymize"),
    help: ArgumentHelp(
      "Write keyed pseudonyms (u_ + 12 hex digits of HMAC-SHA-256) instead of author names, in names and texts; same key, same pseudonyms. Make a key once: head -c 32 /dev/urandom > key",
      valueName: "keyfile"))
  var keyFile: String?

  /// The pseudonyms under the key file's bytes, or nil without the option.
  /// - Throws: a one-line error naming the key file.
  func pseudonyms() throws -> Pseudonyms? {
    guard let keyFile else { return nil }
    let key = try SourceFile.read(keyFile, limit: 1 << 16)
    do { return try Pseudonyms(key: key) } catch { throw KeyFileError(description: "\(keyFile): \(error.description)") }
  }

  /// A key file that cannot serve as a key.
  struct KeyFileError: Error, CustomStringConvertible {
    var description: String
  }
}
