extension Discussion {
  /// Rebuilds the threads of one page scrape. Never fails: odd input gives
  /// fewer comments and more diagnostics.
  /// - Parameters:
  ///   - bytes: the raw scrape (any encoding damage is repaired).
  ///   - source: a name for the input, kept in `source`.
  /// - Complexity: O(n) in the size of the page.
  public init(parsing bytes: some Collection<UInt8>, source: String) {
    let page = Page(bytes: bytes)
    var parser = PageParser(page: page, source: source)
    self = parser.run()
  }

  /// Rebuilds the threads of a scrape already in memory as text.
  public init(parsing text: String, source: String) {
    self.init(parsing: Array(text.utf8), source: source)
  }
}
