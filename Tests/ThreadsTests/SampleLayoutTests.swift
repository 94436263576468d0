import Foundation
import Testing

@testable import Threads

/// The expected structure of a sample page, as written by hand beside it.
struct ExpectedPage: Decodable {
  struct ExpectedComment: Decodable, Equatable, CustomStringConvertible {
    var author: String?
    var author_inferred: Bool
    var date: String?
    var parent: Int?
    var reply_evidence: String?
    var truncated: Bool
    var first_words: String

    var description: String {
      "\(author ?? "nil")\(author_inferred ? " (inferred)" : "") date=\(date ?? "nil") "
        + "parent=\(parent.map(String.init) ?? "nil")/\(reply_evidence ?? "nil") trunc=\(truncated) "
        + "\"\(first_words)\""
    }
  }
  var layout: String
  var title: String
  var article_date: String?
  var comments: [ExpectedComment]
}

enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let samples = root.appendingPathComponent("Samples")

  /// Every Samples/NAME.txt that has a NAME.expected.json.
  static var sampleNames: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
    return files.filter { $0.hasSuffix(".expected.json") }
      .map { String($0.dropLast(".expected.json".count)) }.sorted()
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: samples.appendingPathComponent(name + ".txt")))
  }

  static func expected(_ name: String) throws -> ExpectedPage {
    let data = try Data(contentsOf: samples.appendingPathComponent(name + ".expected.json"))
    return try JSONDecoder().decode(ExpectedPage.self, from: data)
  }
}

extension Threads.Comment {
  /// The comment in the shape of an expected-structure entry.
  var asExpected: ExpectedPage.ExpectedComment {
    .init(
      author: author, author_inferred: authorInferred, date: date?.iso, parent: parent,
      reply_evidence: replyEvidence?.rawValue, truncated: truncated,
      first_words: text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(8).joined(separator: " "))
  }
}

@Suite("Sample pages in every layout parse to their hand-written structure")
struct SampleLayoutTests {
  @Test("there is a sample for each layout")
  func everyLayoutHasASample() throws {
    let layouts = try Set(Fixtures.sampleNames.map { try Fixtures.expected($0).layout })
    for layout in ["wpdiscuz", "wordpress", "disqus", "facebook", "plain", "none"] {
      #expect(layouts.contains(layout), "no sample for \(layout)")
    }
  }

  @Test("whole structure matches", arguments: Fixtures.sampleNames)
  func sample(name: String) throws {
    let want = try Fixtures.expected(name)
    let got = Discussion(parsing: try Fixtures.bytes(name), source: name)
    #expect(got.layout.rawValue == want.layout)
    #expect(got.article.title == want.title)
    #expect(got.article.date?.iso == want.article_date)
    #expect(got.comments.count == want.comments.count)
    for (g, w) in zip(got.comments, want.comments) {
      #expect(g.asExpected == w, "comment #\(g.index) (line \(g.line))")
    }
    for (i, c) in got.comments.enumerated() {
      #expect(c.index == i)
      if let p = c.parent { #expect(p < i, "parents point backwards") }
    }
  }
}
