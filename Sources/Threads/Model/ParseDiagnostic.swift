/// A finding about the input that the caller may want to show.
public struct ParseDiagnostic: Sendable, Equatable {
  public enum Severity: String, Sendable, Equatable, Codable {
    case warning, note
  }
  /// 1-based input line the finding is about.
  public var line: Int
  public var severity: Severity
  public var message: String

  public init(line: Int, severity: Severity = .warning, message: String) {
    self.line = line
    self.severity = severity
    self.message = message
  }
}
