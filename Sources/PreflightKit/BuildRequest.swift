import Foundation

/// What to build: content, profiles (files, folders, inventory CSVs), audience and destination.
public struct BuildRequest: Sendable {
    /// The knowledge base built on.
    public var base: String
    /// Folders laid over the base in order, the later winning (see `ContentLayers`).
    public var overlays: [String]
    /// Profile files or folders of them; empty means the examples under `profiles/` of the content.
    public var profilePaths: [String]
    /// A profile given as flags (field path, value), built in addition to `profilePaths`.
    public var quickProfile: [QuickField]?
    public var quickProfileID: String?
    public var outputRoot: String
    /// Where the build cache lives; nil means the user's cache folder (see `BuildCache.defaultFolder`).
    public var cacheDirectory: String?
    /// The audience; nil uses each profile's `roles`.
    public var readers: [Role]?
    /// Treat warnings as errors.
    public var strict: Bool
    /// Keep raw HTML from Markdown bodies.
    public var unsafeHTML: Bool
    /// Ignore the cache of earlier builds and rebuild every profile (a new cache is still written).
    public var force = false
    /// The JSON of `preflight inspect`: its findings become evidence in the documents of the profile
    /// it names (or of every profile, when it names none).
    public var findingsPath: String?
    /// The checklist's exports to write beside the documents (GitHub issue body, Jira CSV, …).
    public var exports: [ExportFormat] = []
    /// Build only this share of the profiles, for a fleet built by several machines at once; the
    /// site index is then left to `Pipeline.buildIndex`.
    public var shard: Shard?

    public struct QuickField: Sendable {
        public var path: String
        public var value: String
        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }
    }

    public init(base: String = "Content", overlays: [String] = [], profilePaths: [String] = [], quickProfile: [QuickField]? = nil,
                quickProfileID: String? = nil, outputRoot: String = "Output", cacheDirectory: String? = nil,
                readers: [Role]? = nil, strict: Bool = false, unsafeHTML: Bool = false) {
        self.base = base
        self.overlays = overlays
        self.profilePaths = profilePaths
        self.quickProfile = quickProfile
        self.quickProfileID = quickProfileID
        self.outputRoot = outputRoot
        self.cacheDirectory = cacheDirectory
        self.readers = readers
        self.strict = strict
        self.unsafeHTML = unsafeHTML
    }

    /// The base and the overlays, as the loaders read them.
    public var layers: ContentLayers { ContentLayers(base: base, overlays: overlays) }

    /// The request with its profile folders expanded to the files inside them, so that the scan, the
    /// cache keys and the loaders all see the same files.
    func expandingProfilePaths() -> BuildRequest {
        var request = self
        request.profilePaths = ProfilePaths.expand(profilePaths)
        return request
    }

    /// Everything besides the input files that changes what a build writes.
    var settingsKey: String {
        var key = KeyBuilder()
        key.add(BuildCache.toolIdentity)
        key.add(readers.map { $0.map(\.rawValue).joined(separator: ",") } ?? "<profile roles>")
        key.add(unsafeHTML ? "unsafe" : "safe")
        key.add(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? "")
        // Each export is a file of every profile.
        key.add(Set(exports).sorted().map(\.rawValue).joined(separator: ","))
        // The findings are not a content file the cache scans, so their bytes key every output.
        key.add(findingsPath.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? "")
        return key.hash.description
    }
}
