import SystemCalls

/// Which files of the input folder are scrapes: `--include` and `--exclude` globs.
///
/// A pattern without "/" is matched against the file name (`*.txt`); a pattern
/// with "/" against the path relative to the input folder, where `*` does not
/// cross "/" (`2024/*/page-*.txt`). A file is taken when some include pattern
/// matches and no exclude pattern does.
public struct GlobFilter: Sendable, Equatable {
  public var include: [String]
  public var exclude: [String]

  /// The default: every `*.txt` file.
  public init(include: [String] = ["*.txt"], exclude: [String] = []) {
    self.include = include.isEmpty ? ["*.txt"] : include
    self.exclude = exclude
  }

  /// Whether the file at `relativePath` is taken.
  public func accepts(_ relativePath: String) -> Bool {
    include.contains { matches($0, relativePath) } && !exclude.contains { matches($0, relativePath) }
  }

  /// Whether a directory may hold taken files; an exclude pattern naming the
  /// directory itself (`drafts`, `old/*`) prunes it.
  func descends(into relativePath: String) -> Bool {
    !exclude.contains { matches($0, relativePath) }
  }

  private func matches(_ pattern: String, _ relativePath: String) -> Bool {
    if pattern.utf8.contains(UInt8(ascii: "/")) {
      return Posix.globMatch(pattern, relativePath, pathAware: true)
    }
    return Posix.globMatch(pattern, Paths.name(relativePath), pathAware: false)
  }
}
