/// The release of threadstat this library belongs to.
public enum ThreadstatVersion {
  /// Semantic version. Raise it with every change to what a page parses or
  /// measures to: stores of the batch run redo their pages when it changes.
  public static let current = "0.2.1"
}
