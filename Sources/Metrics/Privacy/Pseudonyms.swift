import Threads

/// Keyed pseudonyms for author names, for data an ethics board can accept:
/// a name becomes `u_` and the first 12 hex digits of the HMAC-SHA-256 of its
/// normalised form (``AuthorName/normalized(_:)``) under a secret key, so the
/// same person gets the same pseudonym on every page and every night with
/// that key, and nobody without the key can reverse or recompute it.
public struct Pseudonyms: Sendable {
  /// Fewest key bytes accepted.
  public static let minimumKeyBytes = 16

  /// Why a key cannot be used.
  public struct KeyError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  private let key: [UInt8]

  /// Pseudonyms under `key` (the bytes of a key file).
  /// - Throws: ``KeyError`` when the key is shorter than ``minimumKeyBytes``.
  public init(key: [UInt8]) throws(KeyError) {
    guard key.count >= Self.minimumKeyBytes else {
      throw KeyError(
        description: "the key has \(key.count) bytes, at least \(Self.minimumKeyBytes) are needed (make one with: head -c 32 /dev/urandom > key)")
    }
    self.key = key
  }

  /// A short fingerprint of the key (not the key): stored results made
  /// under another key are never mixed with these.
  public var fingerprint: String {
    String(SHA256.hex(SHA256.hmac(key: key, Array("threadstat key fingerprint".utf8))).prefix(12))
  }

  /// The pseudonym of `name`.
  public func pseudonym(_ name: String) -> String {
    "u_" + SHA256.hex(SHA256.hmac(key: key, Array(AuthorName.normalized(name).utf8))).prefix(12)
  }

  /// `discussion` with every author name replaced by its pseudonym, and
  /// every occurrence of those names (as whole words, "@NAME" included) in
  /// the article, the comments and the parser's messages replaced too.
  /// - Complexity: O(text), plus the names that share a first word.
  public func apply(to discussion: Discussion) -> Discussion {
    var out = discussion
    var names: [String: String] = [:]
    for comment in discussion.comments {
      guard let author = comment.author, names[author] == nil else { continue }
      names[author] = pseudonym(author)
    }
    // Names the parser quotes in its findings ("reply marker names \"X\"")
    // belong to people too, though they wrote nothing on the page.
    for diagnostic in discussion.diagnostics {
      for name in Self.quoted(diagnostic.message) where names[name] == nil { names[name] = pseudonym(name) }
    }
    guard !names.isEmpty else { return out }
    let replacer = NameReplacer(names)
    for i in out.comments.indices {
      if let author = out.comments[i].author { out.comments[i].author = names[author] }
      out.comments[i].text = replacer.replace(out.comments[i].text)
    }
    out.article.title = replacer.replace(out.article.title)
    out.article.text = replacer.replace(out.article.text)
    for i in out.diagnostics.indices {
      out.diagnostics[i].message = replacer.replace(out.diagnostics[i].message)
    }
    return out
  }

  /// The segments of `message` between double quotes.
  static func quoted(_ message: String) -> [String] {
    let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }.filter { !$0.isEmpty }
  }
}

/// Replaces whole-word occurrences of names in text, on UTF-8 bytes: names
/// are indexed by their first word (ASCII case folded), so each word start
/// in the text is tried against the few names that begin with it.
struct NameReplacer {
  private struct Entry {
    var bytes: [UInt8]
    var replacement: [UInt8]
  }

  private var byFirstWord: [[UInt8]: [Entry]] = [:]

  /// `names` maps each name to its replacement.
  init(_ names: [String: String]) {
    for (name, replacement) in names {
      var bytes = Array(name.utf8)
      // A leading "@" or other mark is left in the text; the name is matched after it.
      while let first = bytes.first, !Self.isWord(first) { bytes.removeFirst() }
      while let last = bytes.last, last == 0x20 || last == 0x2E { bytes.removeLast() }
      guard bytes.count >= 2 else { continue }
      let key = Self.folded(bytes.prefix { Self.isWord($0) })
      byFirstWord[key, default: []].append(Entry(bytes: bytes, replacement: Array(replacement.utf8)))
    }
    // Longest first, so "Ann Lee" wins over "Ann"; then by bytes, for determinism.
    for key in byFirstWord.keys {
      byFirstWord[key]?.sort { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
  }

  /// `text` with every whole-word occurrence of a name replaced.
  func replace(_ text: String) -> String {
    guard !byFirstWord.isEmpty else { return text }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var changed = false
    while i < bytes.count {
      guard Self.isWord(bytes[i]), i == 0 || !Self.isWord(bytes[i - 1]) else {
        out.append(bytes[i])
        i += 1
        continue
      }
      var end = i
      while end < bytes.count, Self.isWord(bytes[end]) { end += 1 }
      if let entries = byFirstWord[Self.folded(bytes[i..<end])],
        let hit = entries.first(where: { matches($0.bytes, bytes, at: i) })
      {
        out += hit.replacement
        i += hit.bytes.count
        changed = true
      } else {
        out += bytes[i..<end]
        i = end
      }
    }
    return changed ? String(decoding: out, as: UTF8.self) : text
  }

  /// Whether `name` is at `at` in `text` (ASCII case folded), ending at a word end.
  private func matches(_ name: [UInt8], _ text: [UInt8], at: Int) -> Bool {
    guard at + name.count <= text.count else { return false }
    for k in 0..<name.count where Self.fold(name[k]) != Self.fold(text[at + k]) { return false }
    let after = at + name.count
    return after == text.count || !Self.isWord(text[after]) || !Self.isWord(name[name.count - 1])
  }

  /// Letters, digits, "_" and every byte of a non-ASCII character.
  static func isWord(_ b: UInt8) -> Bool {
    b >= 0x80 || b == 0x5F || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
  }

  private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  private static func folded<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] { bytes.map(fold) }
}
