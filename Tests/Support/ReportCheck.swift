import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An independent look at a written HTML report, for tests: the page read
/// back as XML with Foundation's parser, each chart's SVG checked on its own
/// by `xmllint`, tables read by their captions, and the page rendered by a
/// headless Chromium into a PNG whose pixels are counted.
public struct ReportCheck {
  /// Why a report failed a check.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// A chart as read: its id, title, description and whole markup.
  public struct Chart {
    public var id: String
    public var title: String
    public var description: String
    public var markup: String
  }

  public let path: String
  private let document: XMLDocument

  /// Reads the report at `path` as XML.
  /// - Throws: when the file is not well-formed XML.
  public init(path: String) throws {
    self.path = path
    document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
  }

  /// Every `<svg>` of the page, in order.
  public func charts() throws -> [Chart] {
    try document.nodes(forXPath: "//*[local-name()='svg']").map { node in
      let element = try Self.require(node as? XMLElement, "an svg node is not an element")
      let title = element.elements(forName: "title").first?.stringValue ?? ""
      let desc = element.elements(forName: "desc").first?.stringValue ?? ""
      return Chart(
        id: element.attribute(forName: "aria-labelledby")?.stringValue ?? "", title: title, description: desc,
        markup: element.xmlString)
    }
  }

  /// The body rows of the table whose caption starts with `caption`, as cell texts.
  public func table(_ caption: String) throws -> [[String]] {
    let tables = try document.nodes(forXPath: "//*[local-name()='table']").filter { table in
      let c = try table.nodes(forXPath: "./*[local-name()='caption']").first?.stringValue ?? ""
      return c.hasPrefix(caption)
    }
    let table = try Self.require(tables.first, "\(path): no table captioned \"\(caption)\"")
    return try table.nodes(forXPath: ".//*[local-name()='tbody']/*[local-name()='tr']").map { row in
      try row.nodes(forXPath: "./*[local-name()='td']").map { $0.stringValue ?? "" }
    }
  }

  /// Writes each chart to its own file and runs `xmllint --noout` on it.
  /// - Returns: how many charts were checked.
  /// - Throws: naming the first chart that `xmllint` rejects.
  public func lintCharts(in folder: URL) throws -> Int {
    let charts = try charts()
    for (i, chart) in charts.enumerated() {
      let file = folder.appendingPathComponent("chart-\(i).svg")
      try Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.markup).utf8).write(to: file)
      let r = try Self.run("/usr/bin/env", ["xmllint", "--noout", file.path])
      guard r.status == 0 else { throw Failure(description: "chart \(i) (\(chart.title)): \(r.output)") }
    }
    return charts.count
  }

  /// A browser that can take screenshots, or nil when none is installed.
  public static var browser: String? {
    let names = ["chromium", "chromium-browser", "google-chrome"]
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    for name in names {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }

  /// What a rendered page shows, from its screenshot.
  public struct Screenshot {
    public var width: Int
    public var height: Int
    /// Distinct colours among the pixels.
    public var colours: Int
    /// Share of pixels that differ from the most common colour (the background).
    public var inked: Double
  }

  /// Renders the report in headless Chromium at `width`x`height` and reads
  /// the PNG back (decoded by Python's zlib, not by the browser).
  /// - Parameter dark: render with the dark colour scheme.
  public func screenshot(to png: URL, width: Int = 1000, height: Int = 2000, dark: Bool = false) throws -> Screenshot {
    let browser = try Self.require(Self.browser, "no chromium on PATH (Debian: apt-get install chromium)")
    var arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),\(height)",
      "--screenshot=\(png.path)",
    ]
    if dark { arguments.append("--force-dark-mode") }
    arguments.append(URL(fileURLWithPath: path).absoluteString)
    try? FileManager.default.removeItem(at: png)
    let r = try Self.run(browser, arguments)
    guard FileManager.default.fileExists(atPath: png.path) else {
      throw Failure(description: "\(browser) wrote no screenshot (exit \(r.status)): \(r.output.suffix(400))")
    }
    let decoded = try Self.run("/usr/bin/env", ["python3", "-c", Self.pngCounter, png.path])
    let fields = decoded.output.split(whereSeparator: \.isWhitespace)
    guard decoded.status == 0, fields.count == 4, let w = Int(fields[0]), let h = Int(fields[1]),
      let colours = Int(fields[2]), let inked = Double(fields[3])
    else { throw Failure(description: "cannot decode \(png.path): \(decoded.output)") }
    return Screenshot(width: w, height: h, colours: colours, inked: inked)
  }

  /// Prints a PNG's width, height, distinct colours and the share of
  /// pixels unlike the most common one; 8-bit RGB or RGBA, non-interlaced.
  private static let pngCounter = """
    import sys, zlib, struct, collections
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, colour = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    assert depth == 8 and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    counts = collections.Counter()
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        counts.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    total = w * h
    print(w, h, len(counts), (total - counts.most_common(1)[0][1]) / total)
    """

  private static func require<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw Failure(description: message) }
    return value
  }

  private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
