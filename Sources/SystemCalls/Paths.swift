/// Small path helpers on "/"-separated strings.
public enum Paths {
  /// `a/b` from `a` and `b`, without doubling the separator.
  public static func join(_ base: String, _ rest: String) -> String {
    if base.isEmpty { return rest }
    if rest.isEmpty { return base }
    return base.hasSuffix("/") ? base + rest : base + "/" + rest
  }

  /// Everything before the last "/", or "." when there is none.
  public static func parent(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    if slash == path.utf8.startIndex { return "/" }
    return String(Substring(path.utf8[..<slash]))
  }

  /// The part after the last "/".
  public static func name(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(Substring(path.utf8[path.utf8.index(after: slash)...]))
  }
}
