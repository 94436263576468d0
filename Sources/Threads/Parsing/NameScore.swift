/// How much a short line looks like an author name rather than prose.
///
/// Names are short, mostly capitalised or uncased (CJK, Arabic), carry no
/// sentence punctuation at the end and few function words. The score is a
/// sum of signals: above 0 is name-like, above 1 is clearly a name.
enum NameScore {
  /// Lower-case words that prose uses and names rarely do.
  static let functionWords: Set<String> = [
    "the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "to", "of", "in", "on",
    "at", "for", "with", "that", "this", "it", "its", "i", "you", "we", "they", "he", "she", "not",
    "no", "so", "if", "as", "by", "from", "have", "has", "had", "do", "does", "did", "will", "would",
    "can", "could", "should", "my", "your", "our", "their", "what", "who", "why", "how", "when",
    "there", "here", "all", "just", "very", "too", "der", "die", "das", "und", "ist", "le", "la",
    "les", "et", "est", "los", "las", "y", "es", "il", "che", "het", "een", "en",
  ]

  /// Lower-case particles inside names: "Van der Berg", "ibn Rashid", "da Silva".
  static let particles: Set<String> = [
    "van", "der", "den", "de", "da", "di", "du", "del", "della", "von", "zu", "ter", "ten", "bin", "ibn",
    "bint", "al", "el", "le", "la", "dos", "das", "do", "st.", "y", "ben", "abu", "mac", "af",
  ]

  /// "N.", "Jr.", "Sr.": a word that ends a name with a full stop.
  static func isAbbreviation(_ word: Substring) -> Bool {
    let letters = word.dropLast()
    if letters.count == 1, letters.unicodeScalars.first?.properties.isUppercase == true { return true }
    return ["Jr", "Sr", "Dr", "Esq", "PhD", "MD"].contains(String(letters))
  }

  /// A user handle or id as widgets print it: "@jane_doe", "hawk1956",
  /// "tptacek", "12345678": one token of letters, digits, "_", "-", "." and
  /// a leading "@", with no sentence punctuation at its end.
  static func isHandle(_ s: String) -> Bool {
    let u = s.utf8
    guard u.count >= 2, u.count <= 40, let last = u.last else { return false }
    if last == UInt8(ascii: ".") || last == UInt8(ascii: "-") { return false }
    // "没人关心。", "真的吗？": a sentence in a script without spaces, not a handle.
    if last >= 0x80, let end = s.unicodeScalars.last, isSentencePunctuation(end) { return false }
    var letters = 0
    for (i, b) in u.enumerated() {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): break
      case UInt8(ascii: "@") where i == 0: break
      case 0x80...: letters += 1
      default: return false
      }
    }
    return letters > 0 || u.count >= 3 && u.first != UInt8(ascii: "0")
  }

  /// Punctuation that ends or splits a sentence, in any script ("。", "！", "，", "…").
  static func isSentencePunctuation(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .otherPunctuation, .closePunctuation, .finalPunctuation, .dashPunctuation: return true
    default: return false
    }
  }

  /// Scores one trimmed line.
  static func score(_ line: String) -> Double {
    let u = line.utf8
    if u.isEmpty || u.count > 80 { return -3 }
    // Prose of eight or more words is turned away before it is split.
    var runs = 0
    var previous: UInt8 = 0x20
    for b in u {
      if previous == 0x20 && b != 0x20 { runs += 1 }
      previous = b
    }
    if runs > 7 { return -3 }
    // Split on space bytes: a space that carries a combining mark is no
    // separator to `Character` splitting, but names never hold one.
    let words = u.split(separator: 0x20).map { Substring($0) }
    var s = 1.0
    if words.count > 5 { s -= Double(words.count - 5) * 0.5 }
    guard let lastScalar = line.unicodeScalars.last, let firstScalar = line.unicodeScalars.first else { return -3 }
    switch lastScalar {
    case ".", "!", "?", ",", ";", ":", "…", "。", "！", "？", "，", "：", "\"", "”", "’":
      // "Priya N.", "Bob Smith Jr." end in an initial or a title, not a sentence.
      if lastScalar == ".", let lastWord = words.last, words.count >= 2, isAbbreviation(lastWord) { break }
      s -= 2
    default: break
    }
    // "Photo: Reuters", "Source: AP": a label and a colon read as a caption.
    if line.containsBytes(": ") { s -= 1.2 }
    if firstScalar == "(" || firstScalar == "[" || firstScalar == "@" || firstScalar == "“" || firstScalar == "\"" || firstScalar == "-" || firstScalar == "—" {
      s -= 1.5
    }
    var capitalised = 0
    var lowercaseWords = 0
    var function = 0
    var letters = 0
    var uncased = 0
    for w in words {
      guard let f = w.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
      else { continue }
      if f.properties.isUppercase { capitalised += 1 } else if words.count > 1, particles.contains(String(w)) {
        uncased += 1
      } else if f.properties.isLowercase {
        lowercaseWords += 1
        if functionWords.contains(String(w)) { function += 1 }
      } else { uncased += 1 }
      letters += 1
    }
    if letters == 0 { return -2 }
    // Emoticons and emoji are fine: "Not Fake News :)".
    s -= Double(function) * 0.9
    if words.count >= 2 {
      let capRatio = Double(capitalised + uncased) / Double(letters)
      s += (capRatio - 0.6) * 1.2
    } else if lowercaseWords == 1 {
      // "sofia" is possible but weaker; "hawk1956", "old_timer": handles.
      let handle = line.unicodeScalars.contains { $0 == "_" || $0.properties.numericType != nil }
      s += handle ? 0.3 : -0.3
    }
    // Digits-only or long numbers read as counts, not names.
    if line.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x2C || $0 == 0x2E }) { return -3 }
    // A very long single token is a URL or a run-on string.
    if words.count == 1, u.count > 40 { s -= 1 }
    if line.containsBytes("http://") || line.containsBytes("https://") || line.containsBytes("www.") { s -= 2 }
    return s
  }
}
