import SystemCalls

/// One scrape found by the walk.
struct ScrapeFile: Sendable, Equatable {
  /// The path below the input folder, "/"-separated; the file's identity in the store.
  var relativePath: String
  /// The path to open.
  var path: String
  /// The size the walk saw.
  var size: Int
}

/// Lists the scrapes below a folder.
enum CorpusWalk {
  /// What the walk found.
  struct Listing {
    /// Scrapes, sorted by relative path (byte order).
    var files: [ScrapeFile] = []
    /// Folders below the root that could not be listed, by relative path, with the reason.
    var unlisted: [(path: String, reason: String)] = []
  }

  /// Every regular file below `root` that `filter` accepts. Symbolic links
  /// below `root` are not followed (`root` itself may be one); the folder `skipping` (the output folder, when it lies
  /// inside the input) is left out; a folder that cannot be listed is noted
  /// and the walk goes on.
  /// - Throws: `BatchError` when `root` itself cannot be listed.
  static func files(
    under root: String, filter: GlobFilter, skipping skipped: String?
  ) throws(BatchError) -> Listing {
    guard let top = Posix.statEntry(root), top.kind == .directory else {
      throw BatchError(.usage, "\(root): not a folder")
    }
    let skip = skipped.flatMap { Posix.statEntry($0) }.map { ($0.device, $0.inode) }
    var listing = Listing()
    var pending: [String] = [""]
    while let relativeDir = pending.popLast() {
      let dir = relativeDir.isEmpty ? root : Paths.join(root, relativeDir)
      let names: [String]
      do { names = try Posix.directoryNames(dir) } catch {
        if relativeDir.isEmpty { throw BatchError(error) }
        listing.unlisted.append((relativeDir, error.description))
        continue
      }
      for name in names {
        let relative = Paths.join(relativeDir, name)
        let path = Paths.join(root, relative)
        guard let entry = Posix.lstatEntry(path) else { continue }
        switch entry.kind {
        case .directory:
          if let skip, skip == (entry.device, entry.inode) { continue }
          if filter.descends(into: relative) { pending.append(relative) }
        case .file:
          if filter.accepts(relative) {
            listing.files.append(ScrapeFile(relativePath: relative, path: path, size: entry.size))
          }
        case .other:
          continue
        }
      }
    }
    listing.files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    return listing
  }
}
