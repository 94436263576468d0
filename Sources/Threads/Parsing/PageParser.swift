/// Placeholder: the real parser lands in the next commit.
struct PageParser {
  let page: Page
  let source: String
  func run() -> Discussion {
    Discussion(
      source: source, layout: .none, article: Article(title: "", date: nil, text: page.lines.joined(separator: "\n")),
      comments: [], diagnostics: [])
  }
}
