import Metrics
import Threads

/// A page scrape composed from a generated description: article paragraphs,
/// then comment blocks in one of the layouts the parser reads. Every body
/// line is unique (it carries its block and paragraph number), so where it
/// lands in the parsed `Discussion` can be found again.
struct GeneratedPage: CustomStringConvertible {
  enum Layout: Int, CaseIterable {
    /// wpDiscuz: widget header, name printed twice, optional "Reply to\u{a0} NAME", date.
    case wpdiscuz
    /// WordPress core: "NAME says:", date, body, "Reply".
    case wordpress
    /// Plain: name, blank line, body.
    case plain
  }

  static let names = [
    "Marta Kowalczyk", "Tom Halvorsen", "breadvan_pete", "Харитон Орлов", "李小龙", "Gwen Pritchard",
    "Dr. Sam Okoro", "Sunny 🌻", "Anna-Lena Weiß", "marge_e", "José Álvarez", "Trail Runner 64",
  ]
  static let words = [
    "river", "council", "bakery", "oven", "volunteers", "weekend", "museum", "trail", "bridge",
    "petition", "morning", "quietly", "because", "without", "although", "finally", "about",
  ]

  var layout: Layout
  var text: String
  /// The body lines in page order, each with -1 for the article or the
  /// index of the comment block it was written in.
  var bodyLines: [(line: String, block: Int)] = []
  /// Per comment block, the name its reply marker answers, if it has one.
  var replyTo: [String?] = []

  var description: String { text.debugDescription }

  /// - Parameters:
  ///   - layout: `Layout` raw value.
  ///   - article: number of article paragraphs.
  ///   - blocks: one seed per comment block: name, reply, paragraphs,
  ///     lines per paragraph and blank lines after it come from its bits.
  init(layout: Int, article: Int, blocks: [Int]) {
    self.layout = Layout(rawValue: layout % Layout.allCases.count)!
    var lines = ["Generated Harbour Ledger", "", "Council Votes On The Old Quarry Trail Repair Budget", ""]
    if self.layout != .plain { lines += ["Posted on March 2, 2019 by Ruth Okafor", ""] }
    for p in 0..<max(1, article) {
      lines += [Self.sentence("article", p, 0, seed: p), ""]
      bodyLines.append((lines[lines.count - 2], -1))
    }
    switch self.layout {
    case .wpdiscuz: lines += ["Notify of", "Newest Most Voted", "Inline Feedbacks", "View all comments"]
    case .wordpress: lines += ["\(blocks.count) Responses to “Council Votes”", ""]
    case .plain: break
    }
    var authors: [String] = []
    for (b, seed) in blocks.enumerated() {
      let name = Self.names[seed % Self.names.count]
      let answered = b > 0 && (seed >> 4) % 3 == 0 ? authors[(seed >> 6) % authors.count] : nil
      let paragraphs = 1 + (seed >> 8) % 3
      let perParagraph = 1 + (seed >> 10) % 2
      authors.append(name)
      replyTo.append(self.layout == .plain ? nil : answered)
      switch self.layout {
      case .wpdiscuz:
        lines += [name, name]
        if let answered { lines.append("Reply to\u{a0} \(answered)") }
        lines += ["September \(1 + b % 28), 2017", ""]
      case .wordpress:
        lines += ["\(name) says:", "March \(1 + b % 28), 2019 at 4:12 pm", ""]
        if let answered { lines += ["In reply to \(answered).", ""] }
      case .plain:
        lines += [name, ""]
      }
      for p in 0..<paragraphs {
        for l in 0..<perParagraph {
          lines.append(Self.sentence("comment", b, p * 2 + l, seed: seed))
          bodyLines.append((lines[lines.count - 1], b))
        }
        lines.append("")
      }
      if self.layout == .wordpress { lines += ["Reply", ""] }
      // Blank-line rhythm: some blocks end with one or two extra blank lines.
      lines += Array(repeating: "", count: (seed >> 12) % 3)
    }
    text = lines.joined(separator: "\n")
  }

  /// A long, unique, lower-case sentence that cannot pass for a name, date or widget.
  private static func sentence(_ kind: String, _ block: Int, _ line: Int, seed: Int) -> String {
    var out = ["the \(kind) number \(block) line \(line) says that"]
    for k in 0..<8 { out.append(Self.words[(seed >> (k % 12) &+ k &* 7) % Self.words.count]) }
    return out.joined(separator: " ") + " today."
  }
}

/// The whole page pipeline on one input, as the CLI and the batch run it.
struct Pipeline: Equatable {
  var discussion: Discussion
  var authorGraphML: [UInt8]
  var commentGraphML: [UInt8]
  var authorCounts: GraphMLCounts
  var commentCounts: GraphMLCounts

  init(_ bytes: [UInt8]) throws {
    discussion = Discussion(parsing: bytes, source: "generated.txt")
    let analysis = PageAnalysis(discussion)
    let authors = GraphDocument(analysis.graph)
    let comments = GraphDocument(CommentGraph(discussion, analysis: analysis))
    authorGraphML = try authors.bytes()
    commentGraphML = try comments.bytes()
    authorCounts = authors.counts
    commentCounts = comments.counts
  }
}
