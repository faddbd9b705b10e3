import Foundation

/// What to build: content, profiles, audience and destination.
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

/// What a build did: its diagnostics, the profiles written, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var built: [(profile: String, files: Int)] = []
    public var timings: [(stage: String, seconds: Double)] = []
    /// True when errors (or, under `strict`, warnings) stopped the build before anything was written.
    public var failed = false
}

/// The pipeline in one place: load → validate → select → assemble → render → write, each stage timed.
public struct Pipeline: Sendable {
    public init() {}

    public func build(_ request: BuildRequest) -> BuildResult {
        var result = BuildResult()
        var clock = StageClock()

        let (content, profiles, diagnostics) = loadAndValidate(request, clock: &clock, result: &result)
        result.diagnostics = diagnostics
        if result.diagnostics.hasErrors || (request.strict && result.diagnostics.warningCount > 0) {
            result.failed = true
            return result
        }

        let cache = RenderCache()
        let renderer: HTMLRenderer
        do {
            renderer = try HTMLRenderer(theme: content.theme, unsafeHTML: request.unsafeHTML, cache: cache)
        } catch {
            result.diagnostics.append(.error("PF406", "the theme does not compile: \(error)",
                                             at: SourceLocation(file: request.contentRoot + "/theme")))
            result.failed = true
            return result
        }
        let selections = parallelMap(profiles) { Selector().select(content, for: $0, readers: request.readers) }
        clock.lap("select", into: &result)

        let assembler = Assembler(sourceDate: Assembler.sourceDateFromEnvironment(), cache: cache)
        let assemblies = parallelMap(selections) { assembler.assemble($0, content: content) }
        clock.lap("assemble", into: &result)

        let outputs = parallelMap(Array(zip(selections, assemblies))) { selection, assembly in
            OutputRenderer(html: renderer).files(for: selection, assembly: assembly, theme: content.theme)
        }
        clock.lap("render", into: &result)

        let writer = OutputWriter(root: request.outputRoot)
        for (selection, files) in zip(selections, outputs) {
            do {
                try writer.write(profileID: selection.profile.id, files: files)
                result.built.append((selection.profile.id, files.count))
            } catch {
                result.diagnostics.append(.error(error.code, error.message,
                                                 at: SourceLocation(file: request.outputRoot + "/" + selection.profile.id),
                                                 hint: error.hint))
                result.failed = true
            }
        }
        if !result.built.isEmpty {
            do {
                try SiteIndex(root: request.outputRoot).write(renderer: renderer, theme: content.theme)
            } catch {
                result.diagnostics.append(.error(error.code, error.message, at: SourceLocation(file: request.outputRoot),
                                                 hint: error.hint))
                result.failed = true
            }
        }
        clock.lap("write", into: &result)
        return result
    }

    /// The load and validate stages: everything a build reads, and every problem in it, sorted.
    func loadAndValidate(_ request: BuildRequest, clock: inout StageClock, result: inout BuildResult)
        -> (ContentSet, [Profile], [Diagnostic]) {
        let (content, loadProblems) = ContentLoader().load(from: request.contentRoot)
        let (profiles, profileProblems) = loadProfiles(request, content: content)
        clock.lap("load", into: &result)
        let diagnostics = (loadProblems + profileProblems + ContentValidator().validate(content)
            + profiles.flatMap { ProfileValidator().validate($0, content: content) + ProfileLint().diagnostics($0, content: content) })
            .sorted()
        clock.lap("validate", into: &result)
        return (content, profiles, diagnostics)
    }

    /// Profiles named by the request (files or folders), the quick profile, or else the shipped examples.
    public func loadProfiles(_ request: BuildRequest, content: ContentSet) -> ([Profile], [Diagnostic]) {
        let loader = ProfileLoader(vocabulary: content.vocabulary)
        var paths = ProfilePaths.expand(request.profilePaths)
        if paths.isEmpty, request.quickProfile == nil { paths = content.profilePaths }
        let loaded = parallelMap(paths) { loader.load(path: $0) }
        var profiles = loaded.compactMap(\.0)
        var diagnostics = loaded.flatMap(\.1)
        if let quick = request.quickProfile {
            let (profile, problems) = loader.load(flags: quick.map { ($0.path, $0.value) }, id: request.quickProfileID)
            if let profile { profiles.append(profile) }
            diagnostics += problems
        }
        var seen: [String: String] = [:]
        for profile in profiles {
            if let other = seen[profile.id] {
                diagnostics.append(.error("PF401", "two profiles have the id `\(profile.id)`",
                                          at: profile.locations["id"] ?? SourceLocation(file: profile.origin),
                                          hint: "each profile writes `Output/<id>/`; give one another id",
                                          notes: [.init("the other profile", at: SourceLocation(file: other))]))
            }
            seen[profile.id] = profile.origin
        }
        return (profiles, diagnostics)
    }
}

/// Times stages with a monotonic clock; the times go to `--timings`, never into outputs.
struct StageClock {
    private var last = ContinuousClock.now

    mutating func lap(_ stage: String, into result: inout BuildResult) {
        let now = ContinuousClock.now
        let elapsed = now - last
        result.timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }
}

/// Expands profile arguments: files as they are, folders to the YAML files inside them.
enum ProfilePaths {
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            return ContentLoader.walk(base).filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.map { base + "/" + $0 }
        }
    }
}
