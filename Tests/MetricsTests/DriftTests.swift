import Foundation
import TestSupport
import Testing
import Threads

@testable import Metrics

@Suite struct DriftTests {
  /// Article "cat dog"; c0 "cat cat fish" (top); c1 "dog" -> c0; c2 "fish dog bird" -> c0.
  /// These words are no stop words and are their own English stems.
  static let tiny = Pages.page(
    article: "cat dog",
    [
      .init(author: "Ann", text: "cat cat fish"),
      .init(author: "Bob", parent: 0, text: "dog"),
      .init(author: nil, parent: 0, text: "fish dog bird"),
    ])

  /// Shares of running words behind each stem in the shipped English list
  /// (Resources/frequency-en.swift): cat + cats, dog + dogs, fish + fishing,
  /// bird + birds, over the list's 266,666,678,845 running words.
  static let shares: [String: Double] = [
    "cat": (8_744_684 + 3_304_056) / 266_666_678_845.0, "dog": (16_760_917 + 8_995_714) / 266_666_678_845.0,
    "fish": (16_258_674 + 5_870_335) / 266_666_678_845.0, "bird": (9_001_898 + 8_203_482) / 266_666_678_845.0,
  ]

  /// The same page worked out by hand: N = 4 documents of L = 9 / 4 running
  /// words on average (2 + 3 + 1 + 3), idf = ln(5 / (1 + 4 q)) + 1 with
  /// q = 1 - exp(-L f), f the term's share of running words in general English;
  /// tf = 1 + ln(count), unit vectors, plain dot products.
  static func handVectors() -> [[String: Double]] {
    func idf(_ t: String) -> Double { log(5 / (1 + 4 * -expm1(-9.0 / 4 * shares[t]!))) + 1 }
    func unit(_ counts: [String: Double]) -> [String: Double] {
      var v: [String: Double] = [:]
      for (t, c) in counts { v[t] = (1 + log(c)) * idf(t) }
      let norm = sqrt(v.values.reduce(0) { $0 + $1 * $1 })
      return v.mapValues { $0 / norm }
    }
    return [
      unit(["cat": 1, "dog": 1]), unit(["cat": 2, "fish": 1]), unit(["dog": 1]),
      unit(["fish": 1, "dog": 1, "bird": 1]),
    ]
  }

  static func dot(_ a: [String: Double], _ b: [String: Double]) -> Double {
    a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) }
  }

  /// The article profile by hand: all three comments are near the article
  /// (cosines 0.61, 0.71, 0.41 > 0), so p = v0 + 0.2 (v1 + v2 + v3), and
  /// comment i is compared with p - 0.2 vi, its own share taken out. The
  /// cosine is then scaled by min(1, terms / mean terms): the comments have
  /// 3, 1 and 3 terms, so c1's by 1 / (7 / 3) and the others' by 1.
  static func handArticleSimilarity(_ i: Int) -> Double {
    let v = handVectors()
    var profile = v[0]
    for d in 1...3 { for (t, w) in v[d] { profile[t, default: 0] += 0.2 * w } }
    var own = profile
    for (t, w) in v[i + 1] { own[t]! -= 0.2 * w }
    let lengthScale = [1, 3.0 / 7, 1][i]
    return dot(v[i + 1], own) / dot(own, own).squareRoot() * lengthScale
  }

  @Test func cosinesMatchTheHandComputation() throws {
    let drift = PageAnalysis(Self.tiny, language: .en).drift.comments
    let v = Self.handVectors()
    let tolerance = 1e-9
    // Values from the formulas above, and the same figures written out
    // (worked out again when the article profile came in, when the length
    // scale did, and when English IDF came from the shipped word frequencies
    // instead of the page: c1's cosine to the profile is 0.6692744314064601;
    // the plain cosines to the article alone are 0.6089195577338732,
    // 0.7070441296670628 and 0.4081906984670136).
    let expectedArticle = [0.53244431415813, 0.2868318991741972, 0.4594880128581006]
    for i in 0..<3 {
      #expect(abs(Self.handArticleSimilarity(i) - expectedArticle[i]) < tolerance)
      #expect(abs(try #require(drift[i].articleSimilarity) - expectedArticle[i]) < tolerance)
      #expect(abs(try #require(drift[i].drift) - (1 - expectedArticle[i])) < tolerance)
    }
    #expect(drift[0].parentSimilarity == nil)
    #expect(drift[0].contextSimilarity == nil)
    #expect(try #require(drift[1].parentSimilarity) == 0)
    #expect(try #require(drift[1].contextSimilarity) == 0)
    #expect(abs(try #require(drift[2].parentSimilarity) - 0.29357703979806665) < tolerance)
    // Centroid of c0 and c1.
    var centroid = v[1]
    for (t, x) in v[2] { centroid[t, default: 0] += x }
    let context = Self.dot(v[3], centroid) / sqrt(Self.dot(centroid, centroid))
    #expect(abs(context - 0.6158171840824916) < tolerance)
    #expect(abs(try #require(drift[2].contextSimilarity) - 0.6158171840824916) < tolerance)
    #expect(drift.map(\.depth) == [0, 1, 1])
    #expect(drift.map(\.terms) == [3, 1, 3])
  }

  /// A short answer in the thread's words ("CBQ") shares nothing with the
  /// article but is near the comments closest to it, so it drifts less than
  /// a comment in other words; with the article alone both drifted fully.
  @Test func answersInTheThreadsWordsAreNearTheArticle() throws {
    let page = Pages.page(
      article: "Which bank is best for a salary account?",
      [
        .init(author: "Ann", text: "Commercial bank, CBQ has the best salary account."),
        .init(author: "Bob", text: "CBQ bank, good service."),
        .init(author: "Cy", text: "CBQ"),
        .init(author: "Di", text: "Nice weather for a picnic today"),
      ])
    let drift = PageAnalysis(page, language: .en).drift.comments
    let answer = try #require(drift[2].drift)
    let aside = try #require(drift[3].drift)
    #expect(answer < 1)
    #expect(aside == 1)
    #expect(try #require(drift[0].drift) < answer)
  }

  /// Only the closest comments join the profile: a comment that shares a
  /// term with the sixth closest comment alone stays fully drifted.
  @Test func theProfileHoldsTheFiveClosestComments() throws {
    let close = (0..<5).map { Pages.Row(author: "a\($0)", text: "ferry ferry timetable") }
    let page = Pages.page(
      article: "ferry timetable",
      close + [
        .init(author: "b", text: "ferry harbour"),
        .init(author: "c", text: "harbour"),
      ])
    let drift = PageAnalysis(page, language: .en).drift.comments
    #expect(try #require(drift[5].drift) < 1)
    #expect(try #require(drift[6].drift) == 1)
  }

  @Test func curvesAverageTheCommentDrifts() throws {
    let report = PageAnalysis(Self.tiny, language: .en).drift
    let d = report.comments.map { $0.drift! }
    #expect(report.byDepth.count == 2)
    #expect(report.byDepth[0].comments == 1)
    #expect(abs(report.byDepth[0].meanDrift! - d[0]) < 1e-12)
    #expect(report.byDepth[1].comments == 2)
    #expect(abs(report.byDepth[1].meanDrift! - (d[1] + d[2]) / 2) < 1e-12)
    // Three comments in quarters: index * 4 / 3 = 0, 1, 2; the last quarter is empty.
    #expect(report.byPosition.map(\.comments) == [1, 1, 1, 0])
    #expect(report.byPosition[3].meanDrift == nil)
    #expect(abs(report.byPosition[2].meanDrift! - d[2]) < 1e-12)
  }

  @Test func commentsWithoutTermsHaveNoScores() {
    let page = Pages.page(
      article: "cat dog", [.init(author: "A", text: "the and of"), .init(author: "B", parent: 0, text: "cat")])
    let drift = PageAnalysis(page, language: .en).drift.comments
    #expect(drift[0].articleSimilarity == nil && drift[0].drift == nil)
    #expect(drift[0].terms == 0)
    #expect(drift[1].parentSimilarity == nil)
    // The empty comment adds nothing to the centroid.
    #expect(drift[1].contextSimilarity == nil)
    #expect(drift[1].drift != nil)
  }

  @Test func emptyArticleGivesNoDrift() {
    let page = Pages.page(article: "", [.init(author: "A", text: "cat dog")])
    let report = PageAnalysis(page, language: .en).drift
    #expect(report.comments[0].articleSimilarity == nil)
    #expect(report.byDepth == [DriftPoint(bucket: 0, comments: 1, scored: 0, meanDrift: nil)])
  }

  /// z-scores worked out by hand for focus {a: 3, b: 1}, reference {a: 1, b: 3, c: 2},
  /// prior {a: 4, b: 4, c: 2} (the pooled counts).
  @Test(arguments: [
    ("a", 0.7884573603642702, 1.3465472921185235),
    ("b", -0.3364722366212129, -0.5746357404616461),
    ("c", -0.6931471805599452, -0.800377422568629),
  ])
  func fightinWordsScores(term: String, delta: Double, z: Double) throws {
    let scores = FightinWords.scores(
      focus: TermCounts(["a": 3, "b": 1]), reference: TermCounts(["a": 1, "b": 3, "c": 2]),
      prior: TermCounts(["a": 4, "b": 4, "c": 2]))
    let score = try #require(scores.first { $0.term == term })
    #expect(abs(score.delta - delta) < 1e-9)
    #expect(abs(score.z - z) < 1e-9)
  }

  @Test func driftTermsSplitByDirectionAndUsePooledPriorByDefault() {
    let terms = DriftTerms(
      comments: TermCounts(["a": 3, "b": 1]), article: TermCounts(["a": 1, "b": 3, "c": 2]), limit: 20)
    #expect(terms.toward.map(\.term) == ["a"])
    #expect(terms.away.map(\.term) == ["c", "b"])
    #expect(abs(terms.toward[0].z - 1.3465472921185235) < 1e-9)
    let limited = DriftTerms(
      comments: TermCounts(["a": 3, "b": 1]), article: TermCounts(["a": 1, "b": 3, "c": 2]), limit: 1)
    #expect(limited.away.map(\.term) == ["c"])
  }

  /// The page path (terms scored on ids, the page's own counts as prior)
  /// against the hand-worked page of `HandCorpus`: "fair" is 2 of the
  /// comments' 21 terms and none of the article's 26.
  @Test func pageDriftTermsHaveTheHandScores() throws {
    let page = Discussion(parsing: Array(HandCorpus.bridge.utf8), source: "bridge.txt")
    let terms = PageAnalysis(page, language: .en).drift.terms
    let fair = try #require(terms.toward.first)
    #expect(fair.term == "fair")
    #expect((fair.focusCount, fair.referenceCount) == (2, 0))
    #expect(abs(fair.delta - HandCorpus.fairOnBridge.delta) < 1e-9)
    #expect(abs(fair.z - HandCorpus.fairOnBridge.z) < 1e-9)
    let counts = PageAnalysis(page, language: .en)
    #expect((counts.commentTerms.total, counts.articleTerms.total) == (21, 26))
  }

  @Test func termsMissingFromThePriorAreLeftOut() {
    let scores = FightinWords.scores(
      focus: TermCounts(["a": 1, "new": 2]), reference: TermCounts(["a": 1]), prior: TermCounts(["a": 9, "b": 5]))
    #expect(scores.map(\.term) == ["a"])
  }

  /// The list's words go through the page's pipeline: the shares of the
  /// words behind one stem add up, stop words and unlisted words have none.
  @Test func wordFrequenciesAreSummedByStem() throws {
    let english = try #require(WordFrequencies.shipped(.en))
    #expect(abs(english.share("cat") - Self.shares["cat"]!) < 1e-18)
    #expect(abs(english.share("fish") - Self.shares["fish"]!) < 1e-18)
    #expect(english.share("the") == 0)
    #expect(english.share("qwzx") == 0)
    // An unlisted term gets the largest weight, ln(1 + N) + 1.
    #expect(abs(english.idf("qwzx", documents: 4, meanLength: 2.25) - (log(5.0) + 1)) < 1e-12)
    #expect(english.idf("dog", documents: 4, meanLength: 2.25) < log(5.0) + 1)
    #expect(WordFrequencies.shipped(.pt) == nil)
  }

  /// Without a shipped list (Portuguese) IDF comes from the page alone:
  /// the plain cosine of c2 "peixe cão pássaro" to c0 "gato gato peixe" by
  /// hand, idf = ln(5 / (1 + df)) + 1 over the 4 documents.
  @Test func languagesWithoutAListKeepPageIDF() throws {
    let page = Pages.page(
      article: "gato cão",
      [
        .init(author: "Ann", text: "gato gato peixe"),
        .init(author: "Bob", parent: 0, text: "cão"),
        .init(author: nil, parent: 0, text: "peixe cão pássaro"),
      ])
    let drift = PageAnalysis(page, language: .pt).drift.comments
    let stems = ["gato", "cão", "peix", "pássar"].map { SnowballStemmer(language: .pt).stem($0) }
    #expect(Set(stems).count == 4)
    let idf = { (df: Double) in log(5 / (1 + df)) + 1 }
    // c0: gato tf 1 + ln 2, df 2; peixe df 2. c2: peixe df 2, cão df 3, pássaro df 1.
    let c0 = [(1 + log(2.0)) * idf(2), idf(2)]
    let c2 = [idf(2), idf(3), idf(1)]
    let n0 = sqrt(c0.reduce(0) { $0 + $1 * $1 })
    let n2 = sqrt(c2.reduce(0) { $0 + $1 * $1 })
    let expected = c0[1] / n0 * c2[0] / n2
    #expect(abs(try #require(drift[2].parentSimilarity) - expected) < 1e-12)
  }

  @Test func corpusStatisticsReplacePageIDFAndPrior() throws {
    let page = PageAnalysis(Self.tiny, language: .en)
    var corpus = CorpusStatistics()
    corpus.add(page)
    corpus.add(page)
    #expect(corpus.documentFrequencies.documents == 8)
    #expect(corpus.documentFrequencies.frequencies["dog"] == 6)
    #expect(corpus.terms["cat"] == 6)
    // The corpus's document frequencies replace the shipped word frequencies
    // of a single English page: ln(9 / 5) + 1 for cat (4 of 8 documents).
    let withCorpus = PageAnalysis(Self.tiny, language: .en, corpus: corpus)
    #expect(withCorpus.drift.comments[0].articleSimilarity != page.drift.comments[0].articleSimilarity)
    #expect(abs(corpus.documentFrequencies.idf("cat") - (log(9.0 / 5.0) + 1)) < 1e-12)
  }
}

/// Comments plainly about the article must drift less than comments that wander off.
@Suite struct DriftOrderingTests {
  struct Sample: Sendable, CustomStringConvertible {
    var name: String
    var article: String
    var onTopic: [String]
    var offTopic: [String]
    var description: String { name }
  }

  static let samples: [Sample] = [
    Sample(
      name: "english bike lane",
      article: """
        The city council voted on Tuesday to build a protected bike lane along Harbour Road. \
        The lane will replace forty parking spaces, and shop owners on Harbour Road worry that \
        customers who drive will stay away. Cyclists say the road is dangerous and that the council \
        promised the lane years ago. Construction starts in March and the council expects the \
        bike lane to open in the autumn.
        """,
      onTopic: [
        "Finally a bike lane on Harbour Road. I cycle there every day and the traffic is dangerous.",
        "Losing forty parking spaces will hurt the shops. The council should have asked the owners.",
        "The council promised this lane years ago, good that construction finally starts in March.",
      ],
      offTopic: [
        "Does anyone have a good recipe for lemon cake? Mine always comes out dry.",
        "What a match last night, the goalkeeper saved two penalties in extra time!",
        "My holiday in Portugal was wonderful, the beaches and the seafood were amazing.",
      ]),
    Sample(
      name: "german school",
      article: """
        Die Stadt will die alte Grundschule am Marktplatz schließen und einen Neubau am Stadtrand \
        errichten. Eltern kritisieren den längeren Schulweg für die Kinder. Der Bürgermeister sagt, \
        die Sanierung der alten Schule sei zu teuer. Im Herbst entscheidet der Stadtrat über den Neubau.
        """,
      onTopic: [
        "Der Schulweg zum Stadtrand ist für kleine Kinder viel zu lang.",
        "Die Sanierung der alten Schule am Marktplatz wäre billiger als ein Neubau.",
        "Hoffentlich hört der Stadtrat im Herbst auf die Eltern.",
      ],
      offTopic: [
        "Kennt jemand ein gutes Rezept für Apfelkuchen mit Zimt?",
        "Das Fußballspiel gestern war spannend, zwei Tore in der Nachspielzeit.",
        "Unser Urlaub an der Ostsee war wunderbar, das Wetter hat gepasst.",
      ]),
  ]

  @Test(arguments: samples)
  func onTopicDriftsLess(sample: Sample) throws {
    let rows = (sample.onTopic + sample.offTopic).map { Pages.Row(author: "x", text: $0) }
    let analysis = PageAnalysis(Pages.page(article: sample.article, rows))
    let drift = try analysis.drift.comments.map { try #require($0.drift) }
    let on = drift.prefix(sample.onTopic.count)
    let off = drift.suffix(sample.offTopic.count)
    #expect(on.max()! < off.min()!, "on \(Array(on)), off \(Array(off))")
    #expect(analysis.language == (sample.name.hasPrefix("german") ? .de : .en))
  }

  @Test("the k first scores kept one at a time are the first k of the sorted scores", arguments: [0, 1, 5, 20, 500])
  func firstKMatchesSorting(k: Int) {
    var state: UInt64 = 17
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    // Few distinct z values: ties are broken by the term.
    let scores = (0..<400).map { i in
      TermScore(term: "t\(next() % 1000)-\(i)", z: Double(Int(next() % 9)) - 4, delta: 0, focusCount: 1, referenceCount: 1)
    }
    let before: (TermScore, TermScore) -> Bool = { $0.z != $1.z ? $0.z > $1.z : $0.term < $1.term }
    #expect(DriftTerms.first(k, of: scores, by: before) == Array(scores.sorted(by: before).prefix(k)))
  }
}
