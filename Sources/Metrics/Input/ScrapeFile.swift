import SystemCalls
import Threads

extension SourceFile {
  /// Reads a scrape from `path` ("-" for standard input), as ``read(_:limit:)``
  /// does, and checks that it is text (``TextEncoding/isText(_:)``).
  /// - Throws: `ReadError` naming the path; `.notText` for binary data.
  public static func readText(_ path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
    let bytes = try read(path, limit: limit)
    guard TextEncoding.isText(bytes) else { throw ReadError(path: path, reason: .notText) }
    return bytes
  }
}
