/// One term's weighted log-odds score: how much more typical it is of one
/// body of text (the focus) than of another (the reference).
public struct TermScore: Sendable, Equatable, Codable {
  /// The term (a stem, or a CJK bigram).
  public var term: String
  /// The term as readers wrote it: the most common word behind the stem
  /// when one is known, else the term itself.
  public var word: String
  /// The z-score: `delta` over its standard deviation. Positive: the focus
  /// uses the term more.
  public var z: Double
  /// The log-odds ratio, smoothed by the prior.
  public var delta: Double
  /// Occurrences in the focus text.
  public var focusCount: Int
  /// Occurrences in the reference text.
  public var referenceCount: Int

  /// A score with the given fields; `word` defaults to `term`.
  public init(
    term: String, word: String? = nil, z: Double, delta: Double, focusCount: Int, referenceCount: Int
  ) {
    self.term = term
    self.word = word ?? term
    self.z = z
    self.delta = delta
    self.focusCount = focusCount
    self.referenceCount = referenceCount
  }
}

/// "Fightin' Words": weighted log-odds with an informative Dirichlet prior
/// (Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4),
/// section 3.5.3).
///
/// With focus counts y_f (total n_f), reference counts y_r (total n_r) and
/// prior counts a (total a0) used directly as Dirichlet parameters:
///
///     delta = ln((y_f + a) / (n_f + a0 - y_f - a)) - ln((y_r + a) / (n_r + a0 - y_r - a))
///     variance = 1 / (y_f + a) + 1 / (y_r + a)
///     z = delta / sqrt(variance)
public enum FightinWords {
  /// Scores every term that occurs in `focus` or `reference` and has a
  /// positive prior count, in term order.
  /// - Parameters:
  ///   - focus: counts of the text whose typical terms come out positive.
  ///   - reference: counts of the text to compare against.
  ///   - prior: Dirichlet prior counts, e.g. focus + reference, or a whole
  ///     corpus; terms it lacks cannot be scored and are left out.
  /// - Complexity: O(t log t) in the number of distinct terms.
  public static func scores(
    focus: TermCounts, reference: TermCounts, prior: TermCounts
  ) -> [TermScore] {
    var terms = Set(focus.counts.keys)
    terms.formUnion(reference.counts.keys)
    var out: [TermScore] = []
    for term in terms.sorted() {
      let yF = focus[term]
      let yR = reference[term]
      guard let (z, delta) = score(yF: yF, yR: yR, a: prior[term], nF: focus.total, nR: reference.total, a0: prior.total)
      else { continue }
      out.append(TermScore(term: term, z: z, delta: delta, focusCount: yF, referenceCount: yR))
    }
    return out
  }

  /// z and delta of one term with focus count `yF` (of `nF`), reference
  /// count `yR` (of `nR`) and prior count `a` (of `a0`); nil when it
  /// cannot be scored.
  static func score(yF: Int, yR: Int, a: Int, nF: Int, nR: Int, a0: Int) -> (z: Double, delta: Double)? {
    let a = Double(a)
    guard a > 0 else { return nil }
    let yF = Double(yF)
    let yR = Double(yR)
    let restF = Double(nF) + Double(a0) - yF - a
    let restR = Double(nR) + Double(a0) - yR - a
    guard restF > 0, restR > 0 else { return nil }
    let delta = naturalLog((yF + a) / restF) - naturalLog((yR + a) / restR)
    let variance = 1 / (yF + a) + 1 / (yR + a)
    return (delta / variance.squareRoot(), delta)
  }
}

/// The terms a discussion drifted toward (typical of the comments) and away
/// from (typical of the article), by Fightin' Words z-score.
public struct DriftTerms: Sendable, Equatable, Codable {
  /// Positive z, largest first.
  public var toward: [TermScore]
  /// Negative z, most negative first.
  public var away: [TermScore]

  /// Terms already scored and ordered.
  public init(toward: [TermScore], away: [TermScore]) {
    self.toward = toward
    self.away = away
  }

  /// Compares comment terms with article terms.
  /// - Parameters:
  ///   - comments: the comments' term counts (summed over pages for a corpus).
  ///   - article: the article's term counts.
  ///   - prior: the Dirichlet prior; nil means comments + article.
  ///   - limit: how many terms to keep each way.
  ///   - words: display words by term (``PageAnalysis/termWords``); terms
  ///     missing from it show as themselves.
  public init(
    comments: TermCounts, article: TermCounts, prior: TermCounts? = nil, limit: Int = 20,
    words: [String: String] = [:]
  ) {
    let scores = FightinWords.scores(
      focus: comments, reference: article, prior: prior ?? comments + article
    ).map { score in
      var score = score
      score.word = words[score.term] ?? score.term
      return score
    }
    self.init(ranking: scores, limit: limit)
  }

  /// The page form of ``init(comments:article:prior:limit:words:)`` with
  /// comments + article as the prior, on counts by term id.
  /// - Parameters:
  ///   - comments: the comments' count of each term, by id.
  ///   - article: the article's count of each term, by id.
  ///   - terms: the terms, by id.
  ///   - words: display words by term id; nil shows the term itself.
  init(comments: [Int], article: [Int], terms: [String], limit: Int, words: [String?]) {
    let nF = comments.reduce(0, +)
    let nR = article.reduce(0, +)
    let scores = terms.indices.compactMap { id -> TermScore? in
      let yF = comments[id]
      let yR = article[id]
      guard let (z, delta) = FightinWords.score(yF: yF, yR: yR, a: yF + yR, nF: nF, nR: nR, a0: nF + nR)
      else { return nil }
      return TermScore(
        term: terms[id], word: words[id], z: z, delta: delta, focusCount: yF, referenceCount: yR)
    }
    self.init(ranking: scores, limit: limit)
  }

  /// The `limit` most positive and most negative of `scores`.
  private init(ranking scores: [TermScore], limit: Int) {
    toward = Self.first(limit, of: scores.lazy.filter { $0.z > 0 }) { $0.z != $1.z ? $0.z > $1.z : $0.term < $1.term }
    away = Self.first(limit, of: scores.lazy.filter { $0.z < 0 }) { $0.z != $1.z ? $0.z < $1.z : $0.term < $1.term }
  }

  /// The first `k` of `scores` in the order `before` (a strict total order),
  /// as sorting all of them would give, keeping only `k` at a time.
  /// - Complexity: O(n k) at worst, O(n) when few scores beat the k-th.
  static func first(
    _ k: Int, of scores: some Sequence<TermScore>, by before: (TermScore, TermScore) -> Bool
  ) -> [TermScore] {
    guard k > 0 else { return [] }
    var best: [TermScore] = []
    best.reserveCapacity(k + 1)
    for score in scores {
      if best.count == k, let last = best.last, !before(score, last) { continue }
      var i = best.count
      while i > 0, before(score, best[i - 1]) { i -= 1 }
      best.insert(score, at: i)
      if best.count > k { best.removeLast() }
    }
    return best
  }
}
