/// The stop-word lists compiled into the binary from Resources/stopwords-*.txt.
enum StopWords {
  static let lists: [Language: Set<String>] = {
    var out: [Language: Set<String>] = [:]
    for language in Language.allCases {
      if let bytes = bytes(for: language) { out[language] = parse(bytes) }
    }
    return out
  }()

  /// The list's bytes; nil for the languages told by script, which have none.
  private static func bytes(for language: Language) -> [UInt8]? {
    switch language {
    case .en: PackageResources.stopwords_en_txt
    case .de: PackageResources.stopwords_de_txt
    case .fr: PackageResources.stopwords_fr_txt
    case .es: PackageResources.stopwords_es_txt
    case .it: PackageResources.stopwords_it_txt
    case .pt: PackageResources.stopwords_pt_txt
    case .nl: PackageResources.stopwords_nl_txt
    case .ru: PackageResources.stopwords_ru_txt
    case .zh, .ja, .ko: nil
    }
  }

  /// One word a line; blank lines and lines starting with "#" are skipped.
  static func parse(_ bytes: [UInt8]) -> Set<String> {
    var words = Set<String>()
    for line in bytes.split(separator: 0x0A) {
      var slice = line[...]
      while let last = slice.last, last == 0x0D || last == 0x20 { slice = slice.dropLast() }
      guard let first = slice.first, first != UInt8(ascii: "#") else { continue }
      words.insert(String(decoding: slice, as: UTF8.self))
    }
    return words
  }
}
