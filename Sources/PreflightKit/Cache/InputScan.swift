import Foundation

/// The content hash of every file a build reads, taken before anything is parsed.
///
/// It is what makes a no-op build cheap: reading and hashing a few thousand small files costs a
/// fraction of parsing them, and if nothing changed nothing else needs to run.
public struct InputScan: Sendable {
    /// Hash of each file by the path the loaders use (`<content>/<relative>` or a profile argument).
    public var files: [String: ContentHash]

    public init(files: [String: ContentHash]) { self.files = files }

    /// Hashes `paths` over all cores; unreadable files are left out (the loaders report them).
    public static func scan(_ paths: [String]) -> InputScan {
        let hashes = parallelMap(paths) { path -> ContentHash? in
            guard let data = FileReader.readAll(path) else { return nil }
            return data.withUnsafeBytes { ContentHash($0) }
        }
        var files: [String: ContentHash] = [:]
        files.reserveCapacity(paths.count)
        for (path, hash) in zip(paths, hashes) { if let hash { files[path] = hash } }
        return InputScan(files: files)
    }

    /// Every input of `request`: all files under the content folder and the profile arguments.
    public static func scan(_ request: BuildRequest) -> InputScan {
        let base = request.contentRoot.hasSuffix("/") ? String(request.contentRoot.dropLast()) : request.contentRoot
        var paths = ContentLoader.walk(base).map { base + "/" + $0 }
        let known = Set(paths)
        paths += ProfilePaths.expand(request.profilePaths).filter { !known.contains($0) }
        return scan(paths)
    }

    /// One hash over all files and their paths, in path order. Paths under `root` count relative to
    /// it, so a project keeps its cache (and writes the same one) wherever it is checked out.
    public func fingerprint(relativeTo root: String) -> ContentHash {
        fingerprint(root: root, seed: "", onlyUnderRoot: false) { _ in true }
    }

    /// One hash over `seed` and the files under `root` that `including` accepts (given their path
    /// relative to `root`), with those paths, in path order.
    public func fingerprint(under root: String, seed: String, including: (String) -> Bool) -> ContentHash {
        fingerprint(root: root, seed: seed, onlyUnderRoot: true, including: including)
    }

    private func fingerprint(root: String, seed: String, onlyUnderRoot: Bool, including: (String) -> Bool) -> ContentHash {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        var key = KeyBuilder()
        key.add(seed)
        for path in files.keys.sorted() {
            let under = path.hasPrefix(prefix)
            if onlyUnderRoot, !under { continue }
            let relative = under ? String(path.dropFirst(prefix.count)) : path
            guard including(relative) else { continue }
            key.add(relative)
            key.add(files[path]!)
        }
        return key.hash
    }
}
