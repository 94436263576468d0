extension Discussion {
  /// Rebuilds the threads of one page scrape. Never fails: odd input gives
  /// fewer comments and more diagnostics.
  /// - Parameters:
  ///   - bytes: the raw scrape, in any encoding ``TextEncoding`` reads;
  ///     input that is not UTF-8 gets a warning on line 1.
  ///   - source: a name for the input, kept in `source`.
  /// - Complexity: O(n) in the size of the page.
  public init(parsing bytes: some Collection<UInt8>, source: String) {
    let page = Page(bytes: bytes)
    var parser = PageParser(page: page, source: source)
    self = parser.run()
    // Lines counted on the page as read, reported on the scrape.
    if page.sourceLines != nil {
      for i in comments.indices { comments[i].line = page.sourceLine(comments[i].line) }
      for i in diagnostics.indices { diagnostics[i].line = page.sourceLine(diagnostics[i].line) }
    }
    if let warning = page.encoding.warning {
      // Line 1 comes first: the diagnostics stay in line order.
      diagnostics.insert(ParseDiagnostic(line: 1, message: warning), at: 0)
    }
  }

  /// Rebuilds the threads of a scrape already in memory as text.
  public init(parsing text: String, source: String) {
    self.init(parsing: Array(text.utf8), source: source)
  }
}
