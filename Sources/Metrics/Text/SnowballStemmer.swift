internal import CStemmer

/// A Snowball stemmer from libstemmer. All libstemmer calls live in this file.
///
/// Not thread-safe: make one per task. Stems are cached, since the same
/// words come back again and again on one page.
final class SnowballStemmer {
  private let stemmer: OpaquePointer?
  private var cache: [String: String] = [:]

  /// A stemmer for `language`; when it has none or libstemmer lacks it,
  /// words pass unchanged. The cache has room for `capacity` words before
  /// it grows.
  init(language: Language, capacity: Int = 0) {
    stemmer = language.snowballAlgorithm.flatMap { sb_stemmer_new($0, "UTF_8") }
    cache.reserveCapacity(capacity)
  }

  deinit {
    if let stemmer { sb_stemmer_delete(stemmer) }
  }

  /// The stem of a lower-case word.
  func stem(_ word: String) -> String {
    if let hit = cache[word] { return hit }
    guard let stemmer else { return word }
    var input = word
    let result: String = input.withUTF8 { buf in
      guard let base = buf.baseAddress,
        let out = sb_stemmer_stem(stemmer, base, Int32(buf.count))
      else { return word }
      let length = Int(sb_stemmer_length(stemmer))
      return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }
    cache[word] = result
    return result
  }
}
