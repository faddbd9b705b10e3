import Foundation

extension ProfileLoader {
    /// One profile source (a file, an inventory row, the flags) and what came of reading it.
    public struct Loaded: Sendable {
        /// The file, or `file:line` for an inventory row, or `<flags>`.
        public var origin: String
        /// The profile's id, or the id its output folder would have had.
        public var id: String
        public var profile: Profile?
        public var diagnostics: [Diagnostic]
    }
}

extension Pipeline {
    /// Profiles named by the request (files, folders, inventories), the quick profile, or else the
    /// shipped examples; each with its own problems, so one bad profile cannot stop the others.
    public func loadProfileSources(_ request: BuildRequest, content: ContentSet) -> [ProfileLoader.Loaded] {
        let loader = ProfileLoader(vocabulary: content.vocabulary)
        let inventories = InventoryLoader(vocabulary: content.vocabulary)
        var paths = ProfilePaths.expand(request.profilePaths)
        if paths.isEmpty, request.quickProfile == nil { paths = content.profilePaths }
        var loaded = parallelMap(paths) { path -> [ProfileLoader.Loaded] in
            if ProfilePaths.isInventory(path) { return inventories.load(path: path) }
            let (profile, problems) = loader.load(path: path)
            return [.init(origin: path, id: profile?.id ?? InventoryLoader.stem(path), profile: profile, diagnostics: problems)]
        }.flatMap { $0 }
        if let quick = request.quickProfile {
            let (profile, problems) = loader.load(flags: quick.map { ($0.path, $0.value) }, id: request.quickProfileID)
            loaded.append(.init(origin: "<flags>", id: profile?.id ?? request.quickProfileID ?? "quick", profile: profile,
                                diagnostics: problems))
        }
        if let path = request.findingsPath { attachFindings(path, to: &loaded) }
        var seen: [String: String] = [:]
        Self.refuseDuplicates(&loaded, seen: &seen)
        return loaded
    }

    /// The same sources `chunkSize` at a time, for a caller that checks each chunk and keeps none:
    /// a large inventory is read row by row instead of into one array of profiles.
    public func forEachProfileSource(_ request: BuildRequest, content: ContentSet, chunkSize: Int,
                                     _ each: ([ProfileLoader.Loaded]) -> Void) {
        let loader = ProfileLoader(vocabulary: content.vocabulary)
        let inventories = InventoryLoader(vocabulary: content.vocabulary)
        var paths = ProfilePaths.expand(request.profilePaths)
        if paths.isEmpty, request.quickProfile == nil { paths = content.profilePaths }
        var seen: [String: String] = [:]
        func deliver(_ chunk: [ProfileLoader.Loaded]) {
            var chunk = chunk
            Self.refuseDuplicates(&chunk, seen: &seen)
            each(chunk)
        }
        var files: [String] = []
        func flushFiles() {
            if files.isEmpty { return }
            deliver(parallelMap(files) { path in
                let (profile, problems) = loader.load(path: path)
                return .init(origin: path, id: profile?.id ?? InventoryLoader.stem(path), profile: profile, diagnostics: problems)
            })
            files.removeAll()
        }
        for path in paths {
            if ProfilePaths.isInventory(path) {
                flushFiles()
                inventories.load(path: path, chunkSize: chunkSize, deliver)
            } else {
                files.append(path)
                if files.count >= chunkSize { flushFiles() }
            }
        }
        flushFiles()
        if let quick = request.quickProfile {
            let (profile, problems) = loader.load(flags: quick.map { ($0.path, $0.value) }, id: request.quickProfileID)
            deliver([.init(origin: "<flags>", id: profile?.id ?? request.quickProfileID ?? "quick", profile: profile, diagnostics: problems)])
        }
    }

    /// Refuses a profile whose id an earlier one (in `seen`, by id with its origin) already has.
    static func refuseDuplicates(_ loaded: inout [ProfileLoader.Loaded], seen: inout [String: String]) {
        for index in loaded.indices {
            guard let profile = loaded[index].profile else { continue }
            if let other = seen[profile.id] {
                loaded[index].diagnostics.append(.error(
                    .duplicateID, "two profiles have the id `\(profile.id)`",
                    at: profile.locations["id"] ?? profile.location,
                    hint: "each profile writes `Output/<id>/`; give one another id",
                    notes: [.init("the other profile", at: SourceLocation(file: other))]))
                loaded[index].profile = nil
            } else {
                seen[profile.id] = profile.origin
            }
        }
    }

    /// All profiles of the request and all their problems, for commands that need them together.
    public func loadProfiles(_ request: BuildRequest, content: ContentSet) -> ([Profile], [Diagnostic]) {
        let loaded = loadProfileSources(request, content: content)
        return (loaded.compactMap(\.profile), loaded.flatMap(\.diagnostics))
    }
}

/// Expands profile arguments: files as they are, folders to the YAML and CSV files inside them.
enum ProfilePaths {
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            return ContentLoader.walk(base).filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") || isInventory($0) }
                .map { base + "/" + $0 }
        }
    }

    static func isInventory(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }
}
