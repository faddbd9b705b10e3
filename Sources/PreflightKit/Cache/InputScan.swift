import Foundation

/// The content hash of every file a build reads, taken before anything is parsed.
///
/// It is what makes a no-op build cheap: reading and hashing a few thousand small files costs a
/// fraction of parsing them, and if nothing changed nothing else needs to run.
public struct InputScan: Sendable {
    /// Hash of each file by the path the loaders use (`<layer folder>/<relative>` or a profile argument).
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

    /// Every input of `request`: all files under the base and the overlays, and the profile arguments.
    public static func scan(_ request: BuildRequest) -> InputScan {
        let layers = request.layers
        let files = layers.files
        var paths = layers.folders.indices.flatMap { layer in files[layer].map { layers.folders[layer] + "/" + $0 } }
        let known = Set(paths)
        paths += ProfilePaths.expand(request.profilePaths).filter { !known.contains($0) }
        return scan(paths)
    }

    /// One hash over all files and their paths, in path order. A path in a layer counts as the
    /// layer's number and the path relative to its folder, so a project keeps its cache (and writes
    /// the same one) wherever it is checked out, and an overlay edit changes the hash.
    public func fingerprint(relativeTo layers: ContentLayers) -> ContentHash {
        fingerprint(layers, seed: "", onlyInLayers: false) { _, _ in true }
    }

    /// One hash over `seed` and the files of the layers that `including` accepts (given their path
    /// and their path relative to their layer's folder), with those paths, in path order.
    public func fingerprint(in layers: ContentLayers, seed: String,
                            including: (_ path: String, _ relative: String) -> Bool) -> ContentHash {
        fingerprint(layers, seed: seed, onlyInLayers: true, including: including)
    }

    private func fingerprint(_ layers: ContentLayers, seed: String, onlyInLayers: Bool,
                             including: (String, String) -> Bool) -> ContentHash {
        var key = KeyBuilder()
        key.add(seed)
        for path in files.keys.sorted() {
            let located = layers.locate(path)
            if onlyInLayers, located == nil { continue }
            guard including(path, located?.relative ?? path) else { continue }
            key.add(located.map { "\($0.layer):\($0.relative)" } ?? path)
            key.add(files[path]!)
        }
        return key.hash
    }
}
