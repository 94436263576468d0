import Foundation
import Metrics
import Threads

/// Processing of one scrape whose bytes are in hand: parse, measure, write its
/// own outputs. Runs on any worker thread.
struct PageWork {
  /// What processing one page produced.
  struct Result {
    var record: Data
    var outputs: [String]
    var warnings: [String]
  }

  let options: BatchOptions
  let files: AtomicFile

  /// The outputs `process` writes for `file`, relative to the output folder.
  func outputNames(for file: ScrapeFile) -> [String] { [] }

  /// Parses and measures `bytes`, writes the page's outputs atomically.
  /// - Throws: `BatchError` when an output cannot be written.
  func process(_ file: ScrapeFile, bytes: [UInt8]) throws(BatchError) -> Result {
    var warnings: [String] = []
    if String(validating: bytes, as: UTF8.self) == nil {
      warnings.append("not valid UTF-8; damaged bytes were read as U+FFFD")
    }
    let discussion = Discussion(parsing: bytes, source: file.relativePath)
    let record = StoredPage(discussion, PageAnalysis(discussion))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data: Data
    do { data = try encoder.encode(record) } catch {
      throw BatchError(.store, "\(file.relativePath): cannot encode its results (\(error))")
    }
    return Result(record: data, outputs: [], warnings: warnings)
  }
}
