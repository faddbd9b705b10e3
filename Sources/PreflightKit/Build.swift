import Foundation

/// What to build: content, profiles (files, folders, inventory CSVs), audience and destination.
public struct BuildRequest: Sendable {
    public var contentRoot: String
    /// Profile files or folders of them; empty means the examples under `profiles/` of the content.
    public var profilePaths: [String]
    /// A profile given as flags (field path, value), built in addition to `profilePaths`.
    public var quickProfile: [QuickField]?
    public var quickProfileID: String?
    public var outputRoot: String
    /// The audience; nil uses each profile's `roles`.
    public var readers: [Role]?
    /// Treat warnings as errors.
    public var strict: Bool
    /// Keep raw HTML from Markdown bodies.
    public var unsafeHTML: Bool
    /// Ignore the cache of earlier builds and rebuild every profile (a new cache is still written).
    public var force = false

    public struct QuickField: Sendable {
        public var path: String
        public var value: String
        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }
    }

    public init(contentRoot: String = "Content", profilePaths: [String] = [], quickProfile: [QuickField]? = nil,
                quickProfileID: String? = nil, outputRoot: String = "Output", readers: [Role]? = nil,
                strict: Bool = false, unsafeHTML: Bool = false) {
        self.contentRoot = contentRoot
        self.profilePaths = profilePaths
        self.quickProfile = quickProfile
        self.quickProfileID = quickProfileID
        self.outputRoot = outputRoot
        self.readers = readers
        self.strict = strict
        self.unsafeHTML = unsafeHTML
    }
}


extension BuildRequest {
    /// Everything besides the input files that changes what a build writes.
    var settingsKey: String {
        var key = KeyBuilder()
        key.add(BuildManifest.toolIdentity)
        key.add(readers.map { $0.map(\.rawValue).joined(separator: ",") } ?? "<profile roles>")
        key.add(unsafeHTML ? "unsafe" : "safe")
        key.add(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? "")
        return key.hash.description
    }
}

/// The pipeline in one place: load → validate → select → assemble → render → write.
///
/// Content is loaded and validated once; its errors stop everything. Each profile then goes through
/// select → assemble → render → write on its own, several at a time, and is dropped from memory once
/// written; a profile's errors stop only that profile. With a cache from an earlier build, a profile
/// whose key has not changed is skipped, and a build whose inputs have not changed stops after hashing.
public struct Pipeline: Sendable {
    public init() {}

    public func build(_ request: BuildRequest, progress: BuildProgress? = nil) -> BuildResult {
        var result = BuildResult()
        var clock = StageClock()
        let tool = BuildManifest.toolIdentity
        // Folders expanded once: the scan, the cache keys and the loaders all take the same files.
        var request = request
        request.profilePaths = ProfilePaths.expand(request.profilePaths)
        let settings = request.settingsKey
        OutputWriter(root: request.outputRoot).removeLeftovers()
        let scan = InputScan.scan(request)
        let fingerprint = Self.fingerprint(scan, request: request, settings: settings)
        let manifest = request.force ? nil : BuildManifest.read(root: request.outputRoot, tool: tool)
        if let manifest, manifest.lastBuild == fingerprint, !manifest.lastProfiles.isEmpty,
           manifest.lastProfiles.allSatisfy({ manifest.isIntact($0, root: request.outputRoot) }) {
            clock.lap("scan", into: &result)
            result.upToDate = true
            result.diagnostics = manifest.lastWarnings
            result.profiles = manifest.lastProfiles.map { id in
                var report = ProfileReport(id: id, origin: "", status: .upToDate)
                report.files = manifest.profiles[id]?.files.count ?? 0
                return report
            }
            return result
        }
        clock.lap("scan", into: &result)

        // Content unchanged since a build that loaded it cleanly: its validation is not run again (its
        // warnings are replayed). Profiles whose entries saw this content and whose values did not
        // change need no selection either (see `ProfileStream`).
        let contentKey = ProfileKey.contentKey(scan: scan, request: request, settings: settings)
        let knownContent = manifest.flatMap { $0.contentKey == contentKey ? $0.contentWarnings : nil }
        let base = request.contentRoot.hasSuffix("/") ? String(request.contentRoot.dropLast()) : request.contentRoot
        let snapshotKey = ContentSnapshot.key(contentRoot: base, vocabulary: scan.files[base + "/vocabulary.yml"])
        let previousSnapshot = request.force ? nil : ContentSnapshot.read(root: request.outputRoot, key: snapshotKey,
                                                                               pathPrefix: base + "/")
        let plan = SnapshotPlan(use: .init(previous: previousSnapshot, hashes: scan.files), key: snapshotKey,
                                contentKey: contentKey, settings: settings, scan: scan)
        let inputs = loadAndValidate(request, knownContent: knownContent, snapshot: plan, clock: &clock, result: &result)
        let (content, sources, contentDiagnostics) = inputs.parts
        result.diagnostics = contentDiagnostics
        if contentDiagnostics.hasErrors || (request.strict && contentDiagnostics.warningCount > 0) {
            result.diagnostics += sources.flatMap(\.diagnostics)
            result.diagnostics.sort()
            result.failed = true
            return result
        }
        let renderer: HTMLRenderer
        let cache = RenderCache()
        do {
            renderer = try HTMLRenderer(theme: content.theme, unsafeHTML: request.unsafeHTML, cache: cache)
        } catch {
            result.diagnostics.append(.error("PF406", "the theme does not compile: \(error)",
                                             at: SourceLocation(file: request.contentRoot + "/theme")))
            result.failed = true
            return result
        }

        let stream = ProfileStream(request: request, content: content, renderer: renderer, cache: cache, scan: scan,
                                   keys: inputs.keys ?? ProfileKey(scan: scan, content: content, settings: settings),
                                   manifest: manifest ?? BuildManifest(tool: tool), contentKey: contentKey,
                                   items: ItemSet(ids: content.items.map(\.id)), bodyEdits: inputs.bodyEdits,
                                   progress: progress)
        let outcome = stream.run(sources)
        result.profiles = outcome.reports
        result.diagnostics += outcome.diagnostics
        result.diagnostics.sort()
        for (stage, seconds) in outcome.stageSeconds { result.timings.append((stage, seconds)) }
        clock.lap("profiles", into: &result)

        let failed = outcome.reports.contains { $0.status == .failed }
        if outcome.reports.contains(where: { $0.status != .failed }) {
            do {
                try SiteIndex(root: request.outputRoot).write(renderer: renderer, theme: content.theme)
            } catch {
                result.diagnostics.append(.error(error.code, error.message, at: SourceLocation(file: request.outputRoot),
                                                 hint: error.hint))
                result.failed = true
            }
            var saved = outcome.manifest
            saved.lastBuild = failed || result.failed ? nil : fingerprint
            saved.lastProfiles = outcome.reports.map(\.id)
            saved.lastWarnings = result.diagnostics.filter { $0.level != .error }
            saved.contentKey = contentKey
            saved.contentWarnings = contentDiagnostics
            saved.write(root: request.outputRoot)
        }
        result.failed = result.failed || failed
        clock.lap("index", into: &result)
        return result
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
        key.add(scan.fingerprint(relativeTo: request.contentRoot))
        return key.hash.description
    }
}
