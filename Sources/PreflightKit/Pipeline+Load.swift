import Foundation

/// The load and validate stages, shared by `build` and the read-only commands.
extension Pipeline {
    /// How a build uses and renews the content snapshot.
    struct SnapshotPlan {
        var use: ContentLoader.SnapshotUse
        /// The snapshot's key (see `ContentSnapshot.key`).
        var key: ContentHash
        /// `ProfileKey.contentKey` of this build's content, recorded as the snapshot's state.
        var contentKey: String
        var settings: String
        var scan: InputScan
    }

    /// What the load and validate stages produce.
    struct Inputs {
        var content: ContentSet
        var sources: [ProfileLoader.Loaded]
        /// The content's problems (each profile source carries its own).
        var diagnostics: [Diagnostic]
        /// The cache keys of this content, when a snapshot plan asked for them.
        var keys: ProfileKey? = nil
        /// Items whose files changed in their bodies only since the snapshot's content, nil when
        /// anything else changed or there was no snapshot (see `ContentLoader.Loaded.bodyEdits`).
        var bodyEdits: ProfileStream.BodyEdits? = nil

        var parts: (ContentSet, [ProfileLoader.Loaded], [Diagnostic]) { (content, sources, diagnostics) }
    }

    /// The load and validate stages: the content and its problems, and each profile source with its own.
    /// - Parameters:
    ///   - knownContent: the content's diagnostics from an earlier build of the same content; when
    ///     given, they stand in for validating it again.
    ///   - snapshot: records of an earlier build to load unchanged item files from, and what this
    ///     load's snapshot is written under in the output folder once the content is known to have
    ///     no errors. Written here rather than after the profiles, so that the records are freed
    ///     before the profiles' documents take their memory.
    func loadAndValidate(_ request: BuildRequest, knownContent: [Diagnostic]? = nil, snapshot: SnapshotPlan? = nil,
                         clock: inout StageClock, result: inout BuildResult) -> Inputs {
        let loaded = ContentLoader().load(from: request.contentRoot, snapshot: snapshot?.use)
        let content = loaded.content
        var sources = loadProfileSources(request, content: content)
        clock.lap("load", into: &result)
        var checks: [String: [Diagnostic]] = [:]
        let diagnostics = knownContent ?? {
            let validated = ContentValidator().validate(content, known: loaded.knownChecks)
            checks = validated.checks
            return (loaded.diagnostics + validated.diagnostics).sorted()
        }()
        sources = parallelMap(sources) { source in
            var source = source
            if let profile = source.profile {
                source.diagnostics += ProfileValidator().validate(profile, content: content)
                    + ProfileLint().diagnostics(profile, content: content)
            }
            return source
        }
        var inputs = Inputs(content: content, sources: sources, diagnostics: diagnostics)
        if let snapshot {
            let keys = ProfileKey(scan: snapshot.scan, content: content, settings: snapshot.settings)
            let state = ContentSnapshot.State(content: snapshot.contentKey, global: keys.global.description)
            inputs.keys = keys
            if let previous = snapshot.use.previous, previous.state.global == state.global,
               let edited = loaded.bodyEdits(previous: previous) {
                inputs.bodyEdits = .init(since: previous.state.content, ids: edited)
            }
            if !diagnostics.hasErrors,
               (try? FileManager.default.createDirectory(atPath: request.outputRoot, withIntermediateDirectories: true)) != nil {
                loaded.writeSnapshot(root: request.outputRoot, key: snapshot.key, state: state, previous: snapshot.use.previous,
                                     checks: checks)
            }
        }
        clock.lap("validate", into: &result)
        return inputs
    }
}
