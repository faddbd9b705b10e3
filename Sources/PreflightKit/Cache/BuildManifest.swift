import Foundation

/// What the last builds into an output folder produced, kept in `<out>/.preflight-cache.json`.
///
/// Nothing in it is trusted beyond saving work: a missing, unreadable or foreign manifest only
/// means a full build, and every entry is checked against the files on disk before it is used.
public struct BuildManifest: Sendable, Codable {
    public static let fileName = ".preflight-cache.json"
    /// Bumped whenever the meaning of a key changes, so old caches are ignored rather than misread.
    static let currentFormat = 3

    public var format = BuildManifest.currentFormat
    /// Tool version and the identity of the executable that wrote the cache.
    public var tool: String
    /// Fingerprint of every input of the last build that succeeded for all its profiles.
    public var lastBuild: String?
    /// The profiles that build wrote, so that a no-op can confirm they are all still there.
    public var lastProfiles: [String] = []
    /// Warnings of that build, replayed when it is found up to date.
    public var lastWarnings: [Diagnostic] = []
    /// Everything but the profiles, hashed (content files and settings), as of the last build that
    /// loaded it without errors; with it, the content's warnings, replayed while it stays the same.
    public var contentKey: String?
    public var contentWarnings: [Diagnostic] = []
    public var profiles: [String: ProfileEntry] = [:]

    public struct ProfileEntry: Sendable, Codable, Equatable {
        /// Everything the profile's output depends on, hashed (see `ProfileKey`).
        public var key: String
        public var files: [String: FileRecord]
        /// The profile's own values, hashed: with the content unchanged, an equal hash means an
        /// equal key, without selecting anything.
        public var profileHash: String?
        /// The items whose files the key took (see `ProfileKey.showsFile`), encoded by `ItemSet`.
        public var shows: String?
        /// `ProfileKey.contentKey` of the content the entry was last built or confirmed against. A
        /// build of other profiles moves the manifest's `contentKey` on, not this.
        public var content: String?
    }

    public struct FileRecord: Sendable, Codable, Equatable {
        public var hash: String
        public var size: Int
    }

    public init(tool: String) { self.tool = tool }

    /// The manifest in `root`, if there is one this version of the tool wrote.
    public static func read(root: String, tool: String) -> BuildManifest? {
        guard let data = FileReader.readAll(root + "/" + fileName),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.format == currentFormat, manifest.tool == tool
        else { return nil }
        return manifest
    }

    /// Written beside its place and renamed over it: a reader sees the old manifest or the new one.
    public func write(root: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        let path = root + "/" + Self.fileName
        let temporary = root + "/.preflight-tmp-cache.json"
        if data.withUnsafeBytes({ OutputWriter.writeFile(temporary, $0) }) {
            if rename(temporary, path) != 0 { unlink(temporary) }
        } else {
            unlink(temporary)
        }
    }

    /// Whether `<root>/<id>/` still holds exactly what the entry recorded: the marker and every file
    /// at its recorded size. Sizes catch truncation and most edits without reading the files.
    public func isIntact(_ id: String, root: String) -> Bool {
        guard let entry = profiles[id] else { return false }
        let folder = root + "/" + id
        guard OutputWriter.size(of: folder + "/" + OutputWriter.marker) != nil else { return false }
        return entry.files.allSatisfy { path, record in OutputWriter.size(of: folder + "/" + path) == record.size }
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
