import Threads

/// Counts summed over many pages, for corpus-wide IDF and Fightin' Words priors.
public struct CorpusStatistics: Sendable, Equatable, Codable {
  /// Document frequencies over all articles and comments.
  public var documentFrequencies: DocumentFrequencies
  /// Term counts of all comments and articles together.
  public var terms: TermCounts

  /// Statistics with the given counts; empty by default, to `add(_:)` pages to.
  public init(documentFrequencies: DocumentFrequencies = DocumentFrequencies(), terms: TermCounts = TermCounts()) {
    self.documentFrequencies = documentFrequencies
    self.terms = terms
  }

  /// Adds one page's counts.
  public mutating func add(_ page: PageAnalysis) {
    documentFrequencies.merge(page.documentFrequencies)
    terms.merge(page.commentTerms)
    terms.merge(page.articleTerms)
  }
}

/// Everything Metrics measures on one page, in a form that can be stored
/// (Codable) and summed with other pages without the text.
public struct PageAnalysis: Sendable, Equatable, Codable {
  /// The input's name.
  public var source: String
  /// The language used for stop words and stemming.
  public var language: Language
  /// The author-level reply graph of this page, with per-author counts.
  public var graph: AuthorGraph
  /// Per-comment drift, the drift curves and the drift terms.
  public var drift: DriftReport
  /// Term counts over all comments.
  public var commentTerms: TermCounts
  /// Term counts of the article (title and text).
  public var articleTerms: TermCounts
  /// Document frequencies of this page: the article and each comment.
  public var documentFrequencies: DocumentFrequencies
  /// The word most often behind each stem on this page, where it differs
  /// from the stem ("people" for "peopl"): for showing terms to readers.
  public var termWords: [String: String]

  /// Per-author counts, in order of first appearance.
  public var authors: [AuthorStats] { Array(graph.authors.values) }

  /// Measures one page.
  /// - Parameters:
  ///   - discussion: the parsed page.
  ///   - language: stop words and stemmer to use; nil guesses from the text.
  ///   - corpus: when given, IDF comes from its document frequencies (which
  ///     should include this page) and its term counts are the Fightin' Words
  ///     prior; otherwise the prior is this page's counts and IDF comes from
  ///     the language's shipped word frequencies (``WordFrequencies``; English),
  ///     or from this page alone for a language without a list.
  ///   - termLimit: how many drift terms to keep each way.
  /// - Complexity: O(n) in the size of the text, plus sorting each comment's terms.
  public init(
    _ discussion: Discussion, language: Language? = nil, corpus: CorpusStatistics? = nil,
    termLimit: Int = 20
  ) {
    // One pass of the tokenizer over the page: the article (title, then
    // text) is document 0, comment i is document i + 1.
    // Distinct words grow slower than the text: room for one per 16 bytes,
    // up to where growing costs little next to the page.
    let bytes = discussion.comments.indices.reduce(discussion.article.text.utf8.count) {
      $0 + discussion.comments[$1].text.utf8.count
    }
    var vocabulary = Vocabulary(capacity: min(bytes / 16, 1 << 15))
    var forms: [Int32] = []
    var documentEnds: [Int] = []
    documentEnds.reserveCapacity(discussion.comments.count + 1)
    Tokenizer.append(discussion.article.title, to: &forms, vocabulary: &vocabulary)
    Tokenizer.append(discussion.article.text, to: &forms, vocabulary: &vocabulary)
    documentEnds.append(forms.count)
    for i in discussion.comments.indices {
      Tokenizer.append(discussion.comments[i].text, to: &forms, vocabulary: &vocabulary)
      documentEnds.append(forms.count)
    }
    let language = language ?? Language.guess(forms.prefix(20_000), in: vocabulary)

    var extractor = TermExtractor(language: language, capacity: vocabulary.formCount)
    var termIDs: [Int32] = []
    termIDs.reserveCapacity(forms.count)
    var termEnds: [Int] = []
    termEnds.reserveCapacity(documentEnds.count)
    var start = 0
    for end in documentEnds {
      extractor.appendTerms(of: forms[start..<end], in: vocabulary, to: &termIDs)
      termEnds.append(termIDs.count)
      start = end
    }
    let space = TFIDFSpace(terms: extractor.terms, termIDs: termIDs, documentEnds: termEnds)
    let df = space.frequencies()
    let pageFrequencies = space.documentFrequencies(df)
    let idf: [Double]
    if let corpus {
      idf = space.terms.map(corpus.documentFrequencies.idf)
    } else if let background = WordFrequencies.shipped(language) {
      // The page's documents are too few to tell a common word from a
      // topical one ("bank" in most comments under "which bank?" is the
      // topic, not noise): document frequencies as general language would
      // give them on a page of this many documents of this mean length.
      let meanLength = Double(forms.count) / Double(space.documentCount)
      idf = space.terms.map { background.idf($0, documents: space.documentCount, meanLength: meanLength) }
    } else {
      idf = df.map { DocumentFrequencies.idf(documents: space.documentCount, frequency: $0) }
    }
    let vectors = space.vectors(idf: idf)
    let commentSums = space.termSums(1..<space.documentCount)
    let articleSums = space.termSums(0..<1)
    let commentTerms = space.termCounts(sums: commentSums)
    let articleTerms = space.termCounts(sums: articleSums)
    let displayWords = extractor.displayWords(in: vocabulary)
    var termWords: [String: String] = [:]
    for (id, word) in displayWords.enumerated() { if let word { termWords[space.terms[id]] = word } }
    // Without a corpus the prior is this page's own counts: scored on the
    // term ids, as `DriftTerms(comments:article:...)` would score the counts.
    let driftTerms =
      corpus.map {
        DriftTerms(
          comments: commentTerms, article: articleTerms, prior: $0.terms, limit: termLimit, words: termWords)
      }
      ?? DriftTerms(
        comments: commentSums, article: articleSums, terms: space.terms, limit: termLimit, words: displayWords)

    let comments = Self.similarities(discussion, space: space, vectors: vectors)
    let deepest = comments.map(\.depth).max() ?? -1
    let n = comments.count
    self.source = discussion.source
    self.language = language
    self.drift = DriftReport(
      comments: comments,
      byDepth: DriftReport.curve(comments, buckets: deepest + 1) { comments[$0].depth },
      byPosition: n == 0 ? [] : DriftReport.curve(comments, buckets: 4) { $0 * 4 / n },
      terms: driftTerms)
    self.graph = AuthorGraph(discussion, drift: comments.map(\.drift))
    self.commentTerms = commentTerms
    self.articleTerms = articleTerms
    self.documentFrequencies = pageFrequencies
    self.termWords = termWords
  }

  /// How many comments closest to the article join its profile, and the
  /// weight they share (each adds `profileWeight / profileComments` times its
  /// unit vector). Chosen on `scripts/drift-eval`: see README, Drift.
  static let profileComments = 5
  static let profileWeight = 1.0

  /// Cosines to the article profile, the parent and the running centroid of
  /// earlier comments.
  ///
  /// The article profile is the article's vector plus those of the
  /// ``profileComments`` comments most similar to the article (cosine above
  /// 0; ties to the earlier comment), so that a comment answering in the
  /// thread's words ("CBQ", "QNB" under "which bank?") is near the article
  /// even when the article never uses them. A comment of the profile is
  /// compared with the profile without its own vector. The centroid is kept
  /// as a dense sum with its squared norm updated per comment, so the pass is
  /// linear in the number of terms.
  private static func similarities(
    _ discussion: Discussion, space: TFIDFSpace, vectors: TFIDFSpace.Vectors
  ) -> [CommentDrift] {
    let dimension = space.terms.count
    let depths = discussion.depths
    // Mean index terms of this page's comments. A shorter comment's cosine
    // is scaled by its share of that mean: the cosine of a comment of a
    // word or two is high or low by chance more than by topic.
    let commentCount = discussion.comments.count
    let meanTerms = commentCount == 0 ? 1 : Double(space.termTotals[1...].reduce(0, +)) / Double(commentCount)
    var articleDense = [Double](repeating: 0, count: dimension)
    vectors.add(0, to: &articleDense)
    let articleIsEmpty = vectors.isEmpty(0)
    let profileShare = profileWeight / Double(profileComments)
    var inProfile = [Bool](repeating: false, count: discussion.comments.count)
    var profileNormSquared = 1.0
    if !articleIsEmpty {
      // The closest comments, kept sorted best first: O(n * profileComments).
      var best: [(similarity: Double, index: Int)] = []
      for i in discussion.comments.indices where !vectors.isEmpty(i + 1) {
        let s = vectors.dot(i + 1, dense: articleDense)
        guard s > 0, best.count < profileComments || s > best[best.count - 1].similarity else { continue }
        var at = best.count
        while at > 0, best[at - 1].similarity < s { at -= 1 }
        best.insert((s, i), at: at)
        if best.count > profileComments { best.removeLast() }
      }
      for (_, i) in best {
        inProfile[i] = true
        for k in vectors.entries(i + 1) { articleDense[Int(k.id)] += profileShare * k.weight }
      }
      profileNormSquared = articleDense.reduce(0) { $0 + $1 * $1 }
    }
    var centroid = [Double](repeating: 0, count: dimension)
    var centroidNormSquared = 0.0
    var out: [CommentDrift] = []
    out.reserveCapacity(discussion.comments.count)
    let comments = discussion.comments
    for i in comments.indices {
      let v = i + 1
      var articleSimilarity: Double?
      var parentSimilarity: Double?
      var contextSimilarity: Double?
      if !vectors.isEmpty(v) {
        if !articleIsEmpty {
          // Without the comment's own share: |p - a v|^2 = |p|^2 - 2a(p.v) + a^2.
          let toProfile = vectors.dot(v, dense: articleDense)
          let own = inProfile[i] ? profileShare : 0
          let norm = (profileNormSquared - 2 * own * toProfile + own * own).squareRoot()
          if norm > 0 {
            articleSimilarity = (toProfile - own) / norm * min(1, Double(space.termTotals[v]) / meanTerms)
          }
        }
        if let parent = comments[i].parent, !vectors.isEmpty(parent + 1) {
          parentSimilarity = vectors.dot(v, parent + 1)
        }
        let toCentroid = vectors.dot(v, dense: centroid)
        if centroidNormSquared > 0 {
          contextSimilarity = toCentroid / centroidNormSquared.squareRoot()
        }
        centroidNormSquared += 2 * toCentroid + 1
        vectors.add(v, to: &centroid)
      }
      out.append(
        CommentDrift(
          index: i, depth: depths[i],
          articleSimilarity: articleSimilarity.map(clamp),
          parentSimilarity: parentSimilarity.map(clamp),
          contextSimilarity: contextSimilarity.map(clamp),
          truncated: comments[i].truncated, terms: space.termTotals[i + 1]))
    }
    return out
  }

  /// Rounding can push a cosine of non-negative vectors a hair outside [0, 1].
  private static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
}
