import Threads

/// Prints parser findings the way compilers do: FILE:LINE: warning: MESSAGE.
enum Diagnostics {
  /// Prints every diagnostic to standard error.
  /// - Returns: the number of warnings (notes excluded).
  @discardableResult
  static func report(_ diagnostics: [ParseDiagnostic], file: String) -> Int {
    var warnings = 0
    for d in diagnostics {
      Terminal.error("\(file == "-" ? "<stdin>" : file):\(d.line): \(d.severity.rawValue): \(d.message)")
      if d.severity == .warning { warnings += 1 }
    }
    return warnings
  }
}
