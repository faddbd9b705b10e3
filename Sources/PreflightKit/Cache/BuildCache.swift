import Foundation

/// The build cache: the one seam where earlier builds save work, around the per-profile stages.
///
/// It ends a build whose inputs are all unchanged after hashing them, and skips a profile whose key
/// (see `ProfileKey`) and output folder are as the last build left them; a rebuilt profile hard-links
/// the files whose bytes did not change. It lives outside the output folder, in the user's cache
/// folder, so the published site holds documents only. Nothing in it is trusted beyond saving work:
/// a missing, unreadable or foreign cache only means a full build.
public struct BuildCache: Sendable {
    /// What one profile's output folder holds and the key it was built under.
    public struct Entry: Sendable, Codable, Equatable {
        public var key: String
        public var files: [String: OutputWriter.FileRecord]
    }

    /// The file in the cache folder.
    struct Manifest: Sendable, Codable {
        /// Bumped whenever the meaning of a key changes, so old caches are ignored rather than misread.
        static let currentFormat = 4
        var format = Manifest.currentFormat
        /// Tool version and the identity of the executable that wrote the cache.
        var tool: String
        /// Fingerprint of every input of the last build that succeeded for all its profiles.
        var lastBuild: String?
        /// The profiles that build wrote, so that a no-op can confirm they are all still there.
        var lastProfiles: [String] = []
        /// Warnings of that build, replayed when it is found up to date.
        var lastWarnings: [Diagnostic] = []
        var profiles: [String: Entry] = [:]
    }

    /// The folder holding this output folder's cache.
    public let folder: String
    let outputRoot: String
    let scan: InputScan
    let settings: String
    let fingerprint: String
    let previous: Manifest?
    /// The files each profile's last build wrote, known even under `--force`: a rebuild names the
    /// files it removes that were not among them.
    let lastWritten: [String: Set<String>]

    static let fileName = "manifest.json"

    /// Hashes every input of `request` and reads what the last build into the same output recorded.
    public init(_ request: BuildRequest) {
        folder = request.cacheDirectory ?? Self.defaultFolder(for: request.outputRoot)
        outputRoot = request.outputRoot
        settings = request.settingsKey
        scan = InputScan.scan(request)
        fingerprint = Self.fingerprint(scan, request: request, settings: settings)
        let recorded = Self.read(folder + "/" + Self.fileName)
        previous = request.force ? nil : recorded
        lastWritten = recorded?.profiles.mapValues { Set($0.files.keys) } ?? [:]
    }

    /// `$XDG_CACHE_HOME/preflight/<hash of the output folder's absolute path>`, with `~/.cache` when
    /// the variable is unset: one cache per output folder, wherever the command is run from.
    public static func defaultFolder(for outputRoot: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].map { $0 + "/.cache" } ?? NSTemporaryDirectory() + "preflight-cache-\(getuid())"
        let absolute = URL(fileURLWithPath: outputRoot).standardizedFileURL.path
        return base + "/preflight/" + ContentHash(absolute).description
    }

    /// The result of a build whose inputs and settings are exactly those of the last complete build
    /// into this output, when every profile folder it wrote is still intact.
    func unchangedBuild() -> BuildResult? {
        guard let previous, previous.lastBuild == fingerprint, !previous.lastProfiles.isEmpty,
              previous.lastProfiles.allSatisfy({ isIntact($0) }) else { return nil }
        let reports = previous.lastProfiles.map { id in
            var report = ProfileReport(id: id, origin: "", status: .upToDate)
            report.files = previous.profiles[id]?.files.count ?? 0
            return report
        }
        return BuildResult(diagnostics: previous.lastWarnings, profiles: reports, upToDate: true)
    }

    /// The keys of this build's profiles over `content`.
    func keys(for content: ContentSet) -> ProfileKey {
        ProfileKey(scan: scan, content: content, settings: settings)
    }

    /// The files of the profile's output folder when the last build wrote it under `key` and it is intact.
    func currentFiles(of id: String, key: String) -> [String: OutputWriter.FileRecord]? {
        guard let entry = previous?.profiles[id], entry.key == key, isIntact(id) else { return nil }
        return entry.files
    }

    /// What the last build wrote for the profile, for keeping unchanged files.
    func files(of id: String) -> [String: OutputWriter.FileRecord] { previous?.profiles[id]?.files ?? [:] }

    /// Every file the last build of the profile wrote, whether or not this build trusts the cache.
    func writtenFiles(of id: String) -> Set<String> { lastWritten[id] ?? [] }

    /// Records this build. Profiles it did not build keep their entries; `complete` (every profile
    /// built or up to date) lets the next identical build stop after hashing.
    func save(_ entries: [(id: String, entry: Entry)], reports: [ProfileReport], warnings: [Diagnostic], complete: Bool) {
        var manifest = previous ?? Manifest(tool: Self.toolIdentity)
        for (id, entry) in entries { manifest.profiles[id] = entry }
        manifest.lastBuild = complete ? fingerprint : nil
        manifest.lastProfiles = reports.map(\.id)
        // Removed files are news once: a build found up to date removes nothing.
        manifest.lastWarnings = warnings.filter { $0.level != .error && $0.code != .foreignFilesRemoved }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A cache that cannot be written only costs the next build its shortcuts.
        guard let data = try? encoder.encode(manifest),
              (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
        else { return }
        try? data.write(to: URL(fileURLWithPath: folder + "/" + Self.fileName), options: .atomic)
    }

    /// Whether `<out>/<id>/` still holds what the last build recorded: the marker and every file at
    /// its recorded size. Sizes catch truncation and most edits without reading the files. A folder
    /// replaced by a link is not intact: the rebuild that follows refuses it.
    func isIntact(_ id: String) -> Bool {
        guard let entry = previous?.profiles[id] else { return false }
        let folder = outputRoot + "/" + id
        guard OutputWriter.entry(at: folder) == .folder else { return false }
        guard OutputWriter.size(of: folder + "/" + OutputWriter.marker) != nil else { return false }
        return entry.files.allSatisfy { path, record in OutputWriter.size(of: folder + "/" + path) == record.size }
    }

    static func read(_ path: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.format == Manifest.currentFormat, manifest.tool == toolIdentity
        else { return nil }
        return manifest
    }

    /// Every input of the request and the request's own shape (settings, which profiles, which
    /// flags) as one hash: equal for two identical commands, so that the second is known as a no-op.
    static func fingerprint(_ scan: InputScan, request: BuildRequest, settings: String) -> String {
        var key = KeyBuilder()
        key.add(settings)
        for path in request.profilePaths { key.add(path) }
        for field in request.quickProfile ?? [] {
            key.add(field.path)
            key.add(field.value)
        }
        key.add(request.quickProfileID ?? "")
        // Shards of one fleet build different profiles from the same inputs.
        key.add(request.shard.map(\.description) ?? "")
        key.add(scan.fingerprint(relativeTo: request.layers))
        return key.hash.description
    }

    /// The identity of the running executable: its version, size and modification time. A rebuilt
    /// tool invalidates every cache even when the version string stayed the same. Read once a process.
    public static let toolIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 else {
            return PreflightVersion.current
        }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(PreflightVersion.current) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }()
}
