import Threads

/// The distinct tokens of one page, numbered as the tokenizer meets them.
///
/// Two levels of identity:
/// - a *form* is one exact byte sequence of a token ("café" precomposed and
///   "cafe\u{301}" are two forms);
/// - a *word* is a class of forms that are equal as `String`s (canonically
///   equivalent), named by the form met first.
///
/// Hot loops look tokens up by bytes only; each new form costs one `String`
/// and one dictionary lookup, so stop-word tests and stemming, done per word
/// or per form, run once per distinct token of the page.
struct Vocabulary {
  private var forms = TokenInterner()
  /// Word id of each form.
  private(set) var wordOfForm: [Int32] = []
  /// Each word as first met.
  private(set) var words: [String] = []
  private var wordIDs: [String: Int32] = [:]

  /// Runs of word bytes holding non-ASCII bytes, cached with the forms the
  /// Unicode path made of them (`runForms[runStarts[r]..<runStarts[r + 1]]`).
  private var runs = TokenInterner()
  private var runForms: [Int32] = []
  private var runStarts: [Int32] = [0]

  /// Longest run (in bytes) whose tokens are cached; longer ones are
  /// tokenised each time they occur, so the cache stays small.
  static let maxCachedRunBytes = 128

  /// An empty vocabulary, with room for about `capacity` words before its
  /// table of words grows.
  init(capacity: Int = 0) {
    wordIDs.reserveCapacity(capacity)
  }

  /// Number of distinct forms.
  var formCount: Int { wordOfForm.count }

  /// The bytes of form `id` as a `String`.
  func form(_ id: Int32) -> String { forms.string(id) }

  /// The id of the form with these bytes, added when new.
  /// - Parameter hash: ``TokenInterner/hash(_:)`` of `bytes`.
  @inline(__always)
  mutating func formID(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
    let (id, inserted) = forms.intern(bytes, hash: hash)
    if inserted { addWord(of: id) }
    return id
  }

  /// The id of the form `token`, added when new.
  mutating func formID(_ token: String) -> Int32 {
    var token = token
    return token.withUTF8 { formID($0, hash: TokenInterner.hash($0)) }
  }

  private mutating func addWord(of form: Int32) {
    let string = forms.string(form)
    if let word = wordIDs[string] {
      wordOfForm.append(word)
    } else {
      let word = Int32(words.count)
      wordIDs[string] = word
      words.append(string)
      wordOfForm.append(word)
    }
  }

  /// Appends the forms of a run holding non-ASCII bytes to `out`, through
  /// the run cache; `tokenize` is the Unicode path, called once per distinct run.
  mutating func appendRun(
    _ run: UnsafeBufferPointer<UInt8>, to out: inout [Int32],
    tokenize: (UnsafeBufferPointer<UInt8>, (String) -> Void) -> Void
  ) {
    guard run.count <= Self.maxCachedRunBytes else {
      tokenize(run) { out.append(formID($0)) }
      return
    }
    let (id, inserted) = runs.intern(run, hash: TokenInterner.hash(run))
    if inserted {
      tokenize(run) { runForms.append(formID($0)) }
      runStarts.append(Int32(runForms.count))
    }
    out.append(contentsOf: runForms[Int(runStarts[Int(id)])..<Int(runStarts[Int(id) + 1])])
  }
}
