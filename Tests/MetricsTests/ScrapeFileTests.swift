import Foundation
import Metrics
import SystemCalls
import Testing

@Suite("Scrape files are read as text")
struct ScrapeFileTests {
  let encodings = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/encodings")

  @Test("SourceFile.readText refuses binary files as .notText and reads UTF-16 ones")
  func readRefusesBinary() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("threadstat-encoding-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("page.txt").path
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x1B, 0x41, 0x42]).write(
      to: URL(fileURLWithPath: binary))
    var paths = [binary]
    if FileManager.default.isReadableFile(atPath: "/usr/bin/ls") { paths.append("/usr/bin/ls") }
    for path in paths {
      #expect(throws: SourceFile.ReadError(path: path, reason: .notText)) { try SourceFile.readText(path) }
    }
    #expect(SourceFile.ReadError(path: binary, reason: .notText).description == "\(binary): not a text scrape")
    let utf16 = encodings.appendingPathComponent("wpdiscuz-twice.utf16le.txt")
    #expect(try SourceFile.readText(utf16.path) == Array(try Data(contentsOf: utf16)))
  }
}
