import Testing

@testable import Metrics

@Suite struct TokenizerTests {
  @Test(arguments: [
    ("Hello, World!", ["hello", "world"]),
    ("Don't PANIC: 42 apples", ["don", "panic", "apples"]),
    ("a I x7 b2", ["x7", "b2"]),
    ("Zoë’s café—naïve", ["zoë", "café", "naïve"]),
    ("ÉCOLE Straße", ["école", "straße"]),
    ("Привет, МИР", ["привет", "мир"]),
    ("emoji😅inside", ["emoji", "inside"]),
    ("שלום עולם", ["שלום", "עולם"]),
    ("東京都に住む", ["東京", "京都", "都に", "に住", "住む"]),
    ("漢 x", ["漢"]),
    ("tab\tnew\nline\u{0}nul", ["tab", "new", "line", "nul"]),
  ])
  func tokens(text: String, expected: [String]) {
    #expect(Tokenizer.tokens(in: text) == expected)
  }

  @Test func overlongRunsAreDropped() {
    let long = String(repeating: "x", count: Tokenizer.maxTokenBytes + 1)
    #expect(Tokenizer.tokens(in: "ok \(long) fine") == ["ok", "fine"])
  }
}
