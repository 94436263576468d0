import Foundation
import Metrics
import TestSupport
import Testing

@testable import Batch

/// `batch --pseudonymize`: names replaced in every output, pages made
/// under another key processed again.
@Suite struct BatchPrivacyTests {
  private func run(_ input: String, _ output: String, key: UInt8?) throws -> RunReport {
    let pseudonyms = try key.map { try Pseudonyms(key: [UInt8](repeating: $0, count: 32)) }
    return try BatchRun(options: BatchOptions(input: input, output: output, pseudonyms: pseudonyms)).run { _ in }
  }

  @Test func namesAreReplacedAndAnotherKeyRedoesThePages() throws {
    let (input, output) = try Fixture.corpus("privacy", files: 12, seed: 3)
    let names = Set(ScrapeCorpus.pages(count: 12, seed: 3).flatMap { $0.comments.compactMap(\.author) })
    try #require(!names.isEmpty)
    let first = try run(input, output, key: 1)
    #expect(first.files.new == 12)
    let outputs = try Fixture.reproducibleOutputs(output).merging(
      ["report.html": try Data(contentsOf: URL(fileURLWithPath: output + "/report.html"))]) { a, _ in a }
    for (path, data) in outputs {
      let text = String(decoding: data, as: UTF8.self)
      for name in names { #expect(!text.contains(name), "\(path) holds \"\(name)\"") }
    }
    let authors = try #require(CSVRows(try String(contentsOfFile: output + "/authors.csv", encoding: .utf8)))
    #expect(!authors.records.isEmpty)
    #expect(authors.records.allSatisfy { ($0["author"] ?? "").hasPrefix("u_") })

    #expect(try run(input, output, key: 1).files.unchanged == 12)
    let other = try run(input, output, key: 2)
    #expect(other.files.unchanged == 0)
    let again = try #require(CSVRows(try String(contentsOfFile: output + "/authors.csv", encoding: .utf8)))
    #expect(Set(again.records.map { $0["author"] ?? "" }).isDisjoint(with: authors.records.map { $0["author"] ?? "" }))
  }
}
